package dev.panamax.sql.resolve;

import java.util.List;

/**
 * One resolved {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING}: the FROM items, the conditions, the result
 * expressions (with {@code *} expanded), and the aggregate calls found in the results, HAVING and ORDER BY.
 * {@code aggregate} is true when the SELECT has a GROUP BY or any aggregate call.
 */
public final class SelectCore implements Query.Core {
    public final List<Source> from;
    public final Bound where;
    public final List<Bound> groupBy;
    public final Bound having;
    public final List<Bound> results;
    public final boolean distinct;
    public final List<Bound.Aggregate> aggregates;
    public final boolean aggregate;

    SelectCore(List<Source> from, Bound where, List<Bound> groupBy, Bound having, List<Bound> results,
            boolean distinct, List<Bound.Aggregate> aggregates) {
        this.from = List.copyOf(from);
        this.where = where;
        this.groupBy = List.copyOf(groupBy);
        this.having = having;
        this.results = List.copyOf(results);
        this.distinct = distinct;
        this.aggregates = List.copyOf(aggregates);
        this.aggregate = !groupBy.isEmpty() || !aggregates.isEmpty();
    }

    /** A copy with other parts (the flattener's result). */
    public SelectCore with(List<Source> newFrom, Bound newWhere, List<Bound> newGroupBy, Bound newHaving,
            List<Bound> newResults, List<Bound.Aggregate> newAggregates) {
        return new SelectCore(newFrom, newWhere, newGroupBy, newHaving, newResults, distinct, newAggregates);
    }

    @Override
    public int columnCount() {
        return results.size();
    }
}
