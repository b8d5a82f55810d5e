package dev.panamax.sql.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks and rewrites resolved expressions (SQLite's walker.c). Subqueries are leaves: their own expressions are
 * not visited.
 */
public final class Walker {
    private Walker() {
    }

    /** True when {@code test} holds for {@code b} or any expression below it. */
    public static boolean any(Bound b, Predicate<Bound> test) {
        if (b == null) {
            return false;
        }
        if (test.test(b)) {
            return true;
        }
        for (Bound c : children(b)) {
            if (any(c, test)) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code visit} on {@code b} and every expression below it, parents first. */
    public static void forEach(Bound b, Consumer<Bound> visit) {
        if (b == null) {
            return;
        }
        visit.accept(b);
        for (Bound c : children(b)) {
            forEach(c, visit);
        }
    }

    /**
     * Calls {@code visit} on every expression of {@code b}, descending into subqueries too (their cores, ORDER BY,
     * LIMIT and the ON clauses and subqueries of their FROM items).
     */
    public static void forEachDeep(Bound b, Consumer<Bound> visit) {
        forEach(b, x -> {
            visit.accept(x);
            Query q = switch (x) {
                case Bound.InSelect i -> i.query();
                case Bound.Exists e -> e.query();
                case Bound.Subquery s -> s.query();
                default -> null;
            };
            if (q != null) {
                forEachDeep(q, visit);
            }
        });
    }

    /** {@link #forEachDeep(Bound, Consumer)} over every expression of a query. */
    public static void forEachDeep(Query q, Consumer<Bound> visit) {
        for (Query.Core c : q.cores) {
            if (c instanceof SelectCore s) {
                for (Source src : s.from) {
                    forEachDeep(src.on(), visit);
                    if (src.subquery != null) {
                        forEachDeep(src.subquery, visit);
                    }
                }
                forEachDeep(s.where, visit);
                s.groupBy.forEach(g -> forEachDeep(g, visit));
                forEachDeep(s.having, visit);
                s.results.forEach(r -> forEachDeep(r, visit));
            } else {
                ((ValuesCore) c).rows.forEach(row -> row.forEach(e -> forEachDeep(e, visit)));
            }
        }
        q.orderBy.forEach(t -> forEachDeep(t.expr(), visit));
        forEachDeep(q.limit, visit);
        forEachDeep(q.offset, visit);
    }

    /** The direct sub-expressions of {@code b}. */
    public static List<Bound> children(Bound b) {
        List<Bound> out = new ArrayList<>(4);
        switch (b) {
            case Bound.Unary u -> out.add(u.operand());
            case Bound.Binary x -> {
                out.add(x.left());
                out.add(x.right());
            }
            case Bound.IsNull n -> out.add(n.operand());
            case Bound.Between x -> {
                out.add(x.operand());
                out.add(x.low());
                out.add(x.high());
            }
            case Bound.InList i -> {
                out.add(i.operand());
                out.addAll(i.values());
            }
            case Bound.InSelect i -> out.add(i.operand());
            case Bound.Case c -> {
                if (c.operand() != null) {
                    out.add(c.operand());
                }
                out.addAll(c.whens());
                out.addAll(c.thens());
                if (c.otherwise() != null) {
                    out.add(c.otherwise());
                }
            }
            case Bound.Cast c -> out.add(c.operand());
            case Bound.Collate c -> out.add(c.operand());
            case Bound.AsColumn a -> out.add(a.expr());
            case Bound.Function f -> out.addAll(f.args());
            case Bound.Aggregate a -> {
                out.addAll(a.args());
                if (a.filter() != null) {
                    out.add(a.filter());
                }
                a.orderBy().forEach(t -> out.add(t.expr()));
            }
            case Bound.Vector v -> out.addAll(v.items());
            case Bound.Raise r -> {
                if (r.message() != null) {
                    out.add(r.message());
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * Rebuilds {@code b} bottom-up: {@code f} is offered every node first (parents before children); when it returns
     * non-null that replaces the node and its children are not visited.
     */
    public static Bound rewrite(Bound b, Function<Bound, Bound> f) {
        if (b == null) {
            return null;
        }
        Bound r = f.apply(b);
        if (r != null) {
            return r;
        }
        return switch (b) {
            case Bound.Unary u -> new Bound.Unary(u.op(), rewrite(u.operand(), f));
            case Bound.Binary x -> new Bound.Binary(x.op(), rewrite(x.left(), f), rewrite(x.right(), f));
            case Bound.IsNull n -> new Bound.IsNull(rewrite(n.operand(), f), n.not());
            case Bound.Between x -> new Bound.Between(rewrite(x.operand(), f), rewrite(x.low(), f),
                    rewrite(x.high(), f), x.not());
            case Bound.InList i -> new Bound.InList(rewrite(i.operand(), f), list(i.values(), f), i.not());
            case Bound.InSelect i -> new Bound.InSelect(rewrite(i.operand(), f), i.query(), i.not());
            case Bound.Case c -> new Bound.Case(rewrite(c.operand(), f), list(c.whens(), f), list(c.thens(), f),
                    rewrite(c.otherwise(), f));
            case Bound.Cast c -> new Bound.Cast(rewrite(c.operand(), f), c.affinity(), c.typeName());
            case Bound.Collate c -> new Bound.Collate(rewrite(c.operand(), f), c.collation());
            case Bound.AsColumn a -> new Bound.AsColumn(rewrite(a.expr(), f), a.affinity(), a.collation());
            case Bound.Function fn -> new Bound.Function(fn.function(), list(fn.args(), f));
            case Bound.Aggregate a -> new Bound.Aggregate(a.function(), list(a.args(), f), a.distinct(),
                    rewrite(a.filter(), f), a.orderBy().stream().map(t -> new Bound.OrderTerm(rewrite(t.expr(), f),
                            t.desc(), t.nullsFirst(), t.resultColumn())).toList(), a.index());
            case Bound.Vector v -> new Bound.Vector(list(v.items(), f));
            case Bound.Raise x -> new Bound.Raise(x.action(), rewrite(x.message(), f));
            default -> b;
        };
    }

    private static List<Bound> list(List<Bound> in, Function<Bound, Bound> f) {
        List<Bound> out = new ArrayList<>(in.size());
        for (Bound b : in) {
            out.add(rewrite(b, f));
        }
        return out;
    }
}
