package dev.panamax.vdbe;

import dev.panamax.value.Mem;
import java.util.List;

/**
 * A table whose rows are produced by code instead of read from a B-tree: SQLite's eponymous virtual tables
 * ({@code pragma_table_info}, later {@code generate_series}, {@code json_each}). A FROM item names it like a table,
 * optionally with arguments: {@code SELECT * FROM pragma_table_info('t')}.
 *
 * <p>Its columns are the {@link #columns() result columns}, then the hidden {@link #arguments() argument columns}.
 * Call arguments and {@code WHERE hidden = value} terms bind the argument columns; the VM passes their values to
 * {@link #open} each time the loop over the table starts (VFilter), so an argument may name a column of an earlier
 * FROM item. Implementations are stateless and shared; a {@link Scan} holds the state of one run.
 */
public interface TableFunction {
    /** The name it is called by, in lower case. */
    String name();

    /** The result columns, the ones {@code *} expands to. */
    List<String> columns();

    /** The hidden argument columns, in call-argument order. */
    List<String> arguments();

    /**
     * Starts a scan. {@code args} holds one value per argument column (NULL when unbound); they are the caller's
     * registers, to be copied if kept. Runs with the database mutex held, inside the statement's transaction.
     */
    Scan open(Session session, Mem[] args);

    /** One run over the rows: positioned before the first row. */
    interface Scan {
        /** Moves to the next row; false when there is none. */
        boolean next();

        /** Column {@code i} of the current row: a result column, then the argument columns. */
        void column(int i, Mem out);

        /** The rowid of the current row (1 for the first row). */
        long rowid();

        /** Releases what the scan holds; called once, when the cursor closes or the scan restarts. */
        default void close() {
        }
    }
}
