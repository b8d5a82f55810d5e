package dev.panamax.sql.ast;

/**
 * One term of an ORDER BY, an index column, a PRIMARY KEY/UNIQUE column or an upsert target: an expression (a
 * column name, possibly wrapped in {@link Expr.Collate}), an optional direction and an optional NULLS placement.
 * {@code order} and {@code nulls} are null when not written.
 */
public record OrderingTerm(Expr expr, SortOrder order, Nulls nulls, int start, int end) implements Node {
    public enum SortOrder { ASC, DESC }

    public enum Nulls { FIRST, LAST }
}
