package dev.panamax.sql.plan;

import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.ColumnInfo;
import dev.panamax.sql.resolve.JoinType;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.Walker;
import java.util.ArrayList;
import java.util.List;

/**
 * Subquery flattening (SQLite's select.c flattenSubquery, for the cases it always allows): a FROM-clause subquery
 * that is a single plain SELECT (no aggregate, DISTINCT, ORDER BY, LIMIT or outer join, not correlated) joined by an
 * inner join is merged into the enclosing SELECT: its FROM items take its place, its WHERE joins the enclosing
 * WHERE, and its result expressions replace references to its columns (keeping the column's affinity and
 * collating sequence).
 */
public final class Flattener {
    private Flattener() {
    }

    /** The flattened core and its ORDER BY. */
    public record Result(SelectCore core, List<Bound.OrderTerm> orderBy) {
    }

    public static Result flatten(SelectCore core, List<Bound.OrderTerm> orderBy) {
        Result r = new Result(core, orderBy);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Source s : r.core().from) {
                if (canFlatten(r, s)) {
                    r = flattenOne(r, s);
                    changed = true;
                    break;
                }
            }
        }
        return r;
    }

    private static boolean canFlatten(Result r, Source s) {
        if (!s.isSubquery() || s.isCorrelated()) {
            return false;
        }
        Query q = s.subquery;
        if (q.isCompound() || !q.orderBy.isEmpty() || q.limit != null || !(q.first() instanceof SelectCore c)) {
            return false;
        }
        if (c.aggregate || c.distinct || c.from.isEmpty()) {
            return false;
        }
        if (s.join != JoinType.INNER && s.join != JoinType.CROSS) {
            return false;
        }
        for (Source inner : c.from) {
            if (inner.join != JoinType.INNER && inner.join != JoinType.CROSS || inner.isCorrelated()) {
                return false;
            }
        }
        for (Source other : r.core().from) {
            if (other.join.keepsRight() || other.join.keepsLeft()) {
                return false;
            }
        }
        return !referencedInSubqueries(r, s);
    }

    /** True when a subquery inside the enclosing SELECT refers to {@code s} (those are not rewritten). */
    private static boolean referencedInSubqueries(Result r, Source s) {
        boolean[] hit = {false};
        for (Bound e : expressions(r)) {
            Walker.forEach(e, x -> {
                Query sub = switch (x) {
                    case Bound.InSelect i -> i.query();
                    case Bound.Exists ex -> ex.query();
                    case Bound.Subquery sq -> sq.query();
                    default -> null;
                };
                if (sub != null) {
                    Walker.forEachDeep(sub, y -> hit[0] |= y instanceof Bound.ColumnRef c && c.source() == s);
                }
            });
        }
        return hit[0];
    }

    private static List<Bound> expressions(Result r) {
        SelectCore c = r.core();
        List<Bound> out = new ArrayList<>(c.results);
        out.addAll(c.groupBy);
        if (c.where != null) {
            out.add(c.where);
        }
        if (c.having != null) {
            out.add(c.having);
        }
        for (Source s : c.from) {
            if (s.on() != null) {
                out.add(s.on());
            }
        }
        for (Bound.OrderTerm t : r.orderBy()) {
            out.add(t.expr());
        }
        return out;
    }

    private static Result flattenOne(Result r, Source s) {
        SelectCore outer = r.core();
        SelectCore inner = (SelectCore) s.subquery.first();
        List<Bound> replacement = new ArrayList<>();
        for (int k = 0; k < inner.results.size(); k++) {
            Bound e = inner.results.get(k);
            ColumnInfo info = s.columns.get(k);
            replacement.add(e instanceof Bound.ColumnRef ? e
                    : new Bound.AsColumn(e, info.affinity(), info.collation()));
        }
        java.util.function.Function<Bound, Bound> sub = x -> x instanceof Bound.ColumnRef c && c.source() == s
                ? replacement.get(c.column()) : null;
        List<Source> from = new ArrayList<>();
        for (Source x : outer.from) {
            if (x == s) {
                from.addAll(inner.from);
            } else {
                from.add(x);
                if (x.on() != null) {
                    x.replaceOn(Walker.rewrite(x.on(), sub));
                }
            }
        }
        Bound where = and(Walker.rewrite(outer.where, sub), inner.where);
        if (s.on() != null) {
            where = and(where, Walker.rewrite(s.on(), sub));
        }
        List<Bound> results = rewriteAll(outer.results, sub);
        List<Bound> groupBy = rewriteAll(outer.groupBy, sub);
        Bound having = Walker.rewrite(outer.having, sub);
        List<Bound.Aggregate> aggregates = new ArrayList<>();
        for (Bound.Aggregate a : outer.aggregates) {
            aggregates.add((Bound.Aggregate) Walker.rewrite(a, sub));
        }
        List<Bound.OrderTerm> orderBy = new ArrayList<>();
        for (Bound.OrderTerm t : r.orderBy()) {
            orderBy.add(new Bound.OrderTerm(Walker.rewrite(t.expr(), sub), t.desc(), t.nullsFirst(),
                    t.resultColumn()));
        }
        return new Result(outer.with(from, where, groupBy, having, results, aggregates), orderBy);
    }

    private static List<Bound> rewriteAll(List<Bound> list, java.util.function.Function<Bound, Bound> f) {
        List<Bound> out = new ArrayList<>();
        for (Bound b : list) {
            out.add(Walker.rewrite(b, f));
        }
        return out;
    }

    private static Bound and(Bound a, Bound b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Bound.Binary(Bound.BinaryOp.AND, a, b);
    }
}
