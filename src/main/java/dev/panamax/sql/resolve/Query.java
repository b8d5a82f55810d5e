package dev.panamax.sql.resolve;

import java.util.List;

/**
 * A resolved SELECT statement: one or more cores joined by compound operators, then the ORDER BY and LIMIT of the
 * whole. {@code ops.get(k)} joins {@code cores.get(k)} and {@code cores.get(k + 1)}, left to right. The result
 * columns are named by the first core.
 */
public final class Query {
    public final List<Core> cores;
    public final List<CompoundOp> ops;
    public final List<Bound.OrderTerm> orderBy;
    public final Bound limit;
    public final Bound offset;
    public final List<ColumnInfo> columns;
    boolean correlated;
    /** Per result column: the explicit AS name, or null. */
    List<String> aliases = List.of();
    /** Per result column: the source text of its expression (null for columns from {@code *}). */
    List<String> spans = List.of();

    /** Compound operators. */
    public enum CompoundOp { UNION, UNION_ALL, INTERSECT, EXCEPT }

    Query(List<Core> cores, List<CompoundOp> ops, List<Bound.OrderTerm> orderBy, Bound limit, Bound offset,
            List<ColumnInfo> columns) {
        this.cores = List.copyOf(cores);
        this.ops = List.copyOf(ops);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.columns = List.copyOf(columns);
    }

    public boolean isCompound() {
        return cores.size() > 1;
    }

    public Core first() {
        return cores.get(0);
    }

    /** True when the query refers to columns of an enclosing query (a correlated subquery). */
    public boolean isCorrelated() {
        return correlated;
    }

    /** The explicit AS name of result column {@code k}, or null. */
    public String alias(int k) {
        return aliases.get(k);
    }

    public int columnCount() {
        return columns.size();
    }

    /** One SELECT or VALUES of a query. */
    public sealed interface Core permits SelectCore, ValuesCore {
        int columnCount();
    }
}
