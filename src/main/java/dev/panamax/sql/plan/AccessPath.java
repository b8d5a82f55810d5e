package dev.panamax.sql.plan;

import dev.panamax.schema.Index;
import java.util.List;

/**
 * How one FROM item is read in its loop (SQLite's WhereLoop): a full scan, a rowid lookup or range, an index
 * seek with equality terms on a prefix of the index columns and at most one range on the next column, or the rows
 * of a table-valued function.
 */
public sealed interface AccessPath {

    /** Every row, in rowid order ({@code reverse}: descending). */
    record FullScan(boolean reverse) implements AccessPath {
    }

    /** Rows whose rowid equals the term's value (or each value of an IN). */
    record RowidEq(WhereTerm term) implements AccessPath {
    }

    /** Rows whose rowid lies in a range; either bound may be null. */
    record RowidRange(WhereTerm lower, WhereTerm upper, boolean reverse) implements AccessPath {
    }

    /**
     * Index entries whose first {@code eq.size()} columns equal the terms' values, then optionally bounded on the
     * next column; {@code covering} when the table itself need not be read.
     */
    record IndexScan(Index index, List<WhereTerm> eq, WhereTerm lower, WhereTerm upper, boolean covering,
            boolean reverse) implements AccessPath {
    }

    /** A scan of an automatic index built on the fly over {@code eq}'s columns (SQLite's automatic index). */
    record AutoIndex(List<WhereTerm> eq) implements AccessPath {
    }

    /**
     * The rows of a table-valued function; {@code args.get(j)} is the equality term that binds argument column j,
     * or null when nothing binds it (the function then gets NULL).
     */
    record FunctionScan(List<WhereTerm> args) implements AccessPath {
    }
}
