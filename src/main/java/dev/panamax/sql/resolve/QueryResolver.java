package dev.panamax.sql.resolve;

import dev.panamax.schema.Affinity;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves one SELECT statement (resolve.c: resolveSelectStep, resolveOrderGroupBy, resolveCompoundOrderBy):
 * every core, then ORDER BY against the result columns, then LIMIT and OFFSET, and names the result columns as
 * sqlite3_column_name reports them.
 */
final class QueryResolver {
    private final Resolver resolver;
    private final Scope outer;

    /** A core while it is being resolved: ORDER BY may still add aggregates to a SELECT core. */
    private static final class CoreState {
        Scope scope;
        List<Source> sources = List.of();
        List<Bound> results = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        Bound where;
        List<Bound> groupBy = List.of();
        Bound having;
        boolean distinct;
        List<List<Bound>> values;
        /** GROUP BY or an aggregate among the result columns: what makes SQLite's SELECT an aggregate one. */
        boolean aggregateQuery;
    }

    QueryResolver(Resolver resolver, Scope outer) {
        this.resolver = resolver;
        this.outer = outer;
    }

    Query resolve(Select select) {
        List<CoreState> states = new ArrayList<>();
        List<Query.CompoundOp> ops = new ArrayList<>();
        if (select.compounds().size() >= 500) {
            throw Resolver.error("too many terms in compound SELECT");
        }
        if (select.orderBy().size() > 2000) {
            throw Resolver.error("too many terms in ORDER BY clause");
        }
        states.add(core(select.first()));
        for (Select.CompoundTerm t : select.compounds()) {
            CoreState next = core(t.core());
            Query.CompoundOp op = Query.CompoundOp.valueOf(t.op().name());
            if (next.results.size() != states.get(0).results.size()) {
                throw Resolver.error("SELECTs to the left and right of " + opName(op)
                        + " do not have the same number of result columns");
            }
            states.add(next);
            ops.add(op);
        }
        List<Bound.OrderTerm> orderBy = states.size() == 1 && states.get(0).values == null
                ? simpleOrderBy(select.orderBy(), states.get(0))
                : compoundOrderBy(select.orderBy(), states);
        Bound limit = null;
        Bound offset = null;
        if (select.limit() != null) {
            limit = resolver.exprs.scalar(select.limit().limit(), Scope.empty(null));
            offset = select.limit().offset() == null ? null
                    : resolver.exprs.scalar(select.limit().offset(), Scope.empty(null));
        }
        List<Query.Core> cores = new ArrayList<>();
        boolean correlated = false;
        for (CoreState s : states) {
            cores.add(finish(s));
            correlated |= s.scope.refersOuter;
        }
        Query q = new Query(cores, ops, orderBy, limit, offset, columnInfos(states));
        q.correlated = correlated;
        q.aliases = states.get(0).aliases;
        q.spans = states.get(0).spans;
        return q;
    }

    static String opName(Query.CompoundOp op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case INTERSECT -> "INTERSECT";
            case EXCEPT -> "EXCEPT";
        };
    }

    private CoreState core(Select.Core core) {
        return switch (core) {
            case Select.Query q -> selectCore(q);
            case Select.Values v -> valuesCore(v);
        };
    }

    private CoreState valuesCore(Select.Values v) {
        CoreState s = new CoreState();
        s.scope = Scope.empty(outer);
        s.values = new ArrayList<>();
        int width = v.rows().get(0).size();
        for (List<Expr> row : v.rows()) {
            if (row.size() != width) {
                throw Resolver.error("all VALUES must have the same number of terms");
            }
            List<Bound> out = new ArrayList<>();
            for (Expr e : row) {
                out.add(resolver.exprs.scalar(e, s.scope));
            }
            s.values.add(out);
        }
        s.results = s.values.get(0);
        for (int k = 0; k < width; k++) {
            s.aliases.add(null);
            s.spans.add("column" + (k + 1));
        }
        return s;
    }

    private CoreState selectCore(Select.Query q) {
        CoreState s = new CoreState();
        s.sources = resolver.from.resolve(q.from(), outer);
        s.scope = new Scope(outer, new ArrayList<>(s.sources), new ArrayList<>());
        resolver.from.joinConditions(q.from(), s.sources, s.scope);
        s.distinct = q.distinct();
        s.scope.allowAggregates = true;
        for (Select.ResultColumn rc : q.columns()) {
            resultColumn(rc, s);
        }
        if (s.results.size() > 2000) {
            throw Resolver.error("too many columns in result set");
        }
        if (q.groupBy().size() > 2000) {
            throw Resolver.error("too many terms in GROUP BY clause");
        }
        List<Scope.Alias> aliases = new ArrayList<>();
        for (int k = 0; k < s.results.size(); k++) {
            if (s.aliases.get(k) != null) {
                aliases.add(new Scope.Alias(s.aliases.get(k), s.results.get(k)));
            }
        }
        s.scope.aliases = aliases;
        s.aggregateQuery = !q.groupBy().isEmpty() || !s.scope.aggregates.isEmpty();
        if (q.where() != null) {
            s.scope.allowAggregates = false;
            s.where = resolver.exprs.scalar(q.where(), s.scope);
        }
        s.groupBy = groupBy(q.groupBy(), s);
        if (q.having() != null) {
            if (!s.aggregateQuery) {
                throw Resolver.error("HAVING clause on a non-aggregate query");
            }
            s.scope.allowAggregates = true;
            s.having = resolver.exprs.scalar(q.having(), s.scope);
        }
        s.scope.allowAggregates = true;
        return s;
    }

    private void resultColumn(Select.ResultColumn rc, CoreState s) {
        switch (rc) {
            case Select.Star star -> {
                if (s.sources.isEmpty()) {
                    throw Resolver.error("no tables specified");
                }
                for (Source src : s.sources) {
                    expand(src, s, true);
                }
            }
            case Select.TableStar ts -> {
                Source found = null;
                for (Source src : s.sources) {
                    if (src.name.equalsIgnoreCase(ts.table().text())) {
                        found = src;
                        break;
                    }
                }
                if (found == null) {
                    throw Resolver.error("no such table: " + ts.table().text());
                }
                expand(found, s, false);
            }
            case Select.ExprColumn ec -> {
                s.results.add(resolver.exprs.resolve(ec.expr(), s.scope));
                if (s.results.get(s.results.size() - 1) instanceof Bound.Vector) {
                    throw Resolver.error("row value misused");
                }
                s.aliases.add(ec.alias() == null ? null : ec.alias().text());
                s.spans.add(ec.span());
            }
        }
    }

    private void expand(Source src, CoreState s, boolean skipHidden) {
        int width = src.function == null ? src.columns.size() : src.function.columns().size();
        for (int k = 0; k < width; k++) {
            if (skipHidden && src.hidden.contains(k)) {
                continue;
            }
            boolean alias = src.table != null && src.subquery == null && src.table.rowidAlias() == k;
            Bound col = new Bound.ColumnRef(src, alias ? -1 : k);
            if (skipHidden) {
                col = rightJoinedUsing(src, k, col, s.sources);
            }
            s.results.add(col);
            s.aliases.add(null);
            s.spans.add(null);
        }
    }

    /**
     * A USING column of {@code left} that a later RIGHT or FULL JOIN merged: in {@code *} it is the right-hand column
     * (RIGHT) or coalesce of both (FULL), as SQLite expands it.
     */
    private Bound rightJoinedUsing(Source left, int k, Bound col, List<Source> sources) {
        String name = left.columns.get(k).name();
        for (Source r : sources) {
            if (r.position <= left.position || !r.join.keepsRight()) {
                continue;
            }
            int rk = r.columnIndex(name);
            if (rk >= 0 && r.hidden.contains(rk)) {
                boolean alias = r.table != null && r.subquery == null && r.table.rowidAlias() == rk;
                Bound right = new Bound.ColumnRef(r, alias ? -1 : rk);
                if (r.join == JoinType.RIGHT) {
                    return right;
                }
                return new Bound.Function(resolver.functions.find("coalesce", 2), List.of(col, right));
            }
        }
        return col;
    }

    private List<Bound> groupBy(List<Expr> terms, CoreState s) {
        for (int k = 0; k < terms.size(); k++) {
            Integer n = integerTerm(skipCollate(terms.get(k)));
            if (n != null && (n < 1 || n > s.results.size())) {
                // SQLite checks every term's range before it resolves any term (resolveOrderGroupBy).
                throw Resolver.error(ordinal(k + 1) + " GROUP BY term out of range - should be between 1 and "
                        + s.results.size());
            }
        }
        List<Bound> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            Expr e = terms.get(k);
            Integer n = integerTerm(skipCollate(e));
            Bound b;
            if (n != null) {
                b = withCollate(e, s.results.get(n - 1));
            } else {
                s.scope.allowAggregates = false;
                s.scope.clause = "GROUP BY";
                try {
                    b = resolver.exprs.scalar(e, s.scope);
                } finally {
                    s.scope.clause = null;
                }
            }
            if (ExprResolver.containsAggregate(b)) {
                throw Resolver.error("aggregate functions are not allowed in the GROUP BY clause");
            }
            out.add(b);
        }
        return out;
    }

    private List<Bound.OrderTerm> simpleOrderBy(List<OrderingTerm> terms, CoreState s) {
        List<Bound.OrderTerm> out = new ArrayList<>();
        s.scope.allowAggregates = true;
        for (int k = 0; k < terms.size(); k++) {
            OrderingTerm t = terms.get(k);
            Expr inner = skipCollate(t.expr());
            int col = aliasIndex(inner, s);
            if (col < 0) {
                Integer n = integerTerm(inner);
                if (n != null) {
                    if (n < 1 || n > s.results.size()) {
                        throw Resolver.error(ordinal(k + 1) + " ORDER BY term out of range - should be between 1 and "
                                + s.results.size());
                    }
                    col = n - 1;
                }
            }
            Bound expr;
            if (col >= 0) {
                expr = withCollate(t.expr(), s.results.get(col));
            } else {
                int aggs = s.scope.aggregates.size();
                expr = resolver.exprs.scalar(t.expr(), s.scope);
                if (!s.aggregateQuery && s.scope.aggregates.size() > aggs) {
                    throw Resolver.error("misuse of aggregate: " + s.scope.aggregates.get(aggs).function().name()
                            + "()");
                }
                col = s.results.indexOf(expr);
            }
            out.add(term(t, expr, col));
        }
        return out;
    }

    private List<Bound.OrderTerm> compoundOrderBy(List<OrderingTerm> terms, List<CoreState> states) {
        List<Bound.OrderTerm> out = new ArrayList<>();
        int width = states.get(0).results.size();
        for (int k = 0; k < terms.size(); k++) {
            OrderingTerm t = terms.get(k);
            Expr inner = skipCollate(t.expr());
            int col = -1;
            Integer n = integerTerm(inner);
            if (n != null) {
                if (n < 1 || n > width) {
                    throw Resolver.error(ordinal(k + 1) + " ORDER BY term out of range - should be between 1 and "
                            + width);
                }
                col = n - 1;
            }
            for (int c = 0; c < states.size() && col < 0; c++) {
                col = matchInCore(inner, states.get(c));
            }
            if (col < 0) {
                throw Resolver.error(ordinal(k + 1) + " ORDER BY term does not match any column in the result set");
            }
            out.add(term(t, withCollate(t.expr(), states.get(0).results.get(col)), col));
        }
        return out;
    }

    private int matchInCore(Expr inner, CoreState s) {
        int col = aliasIndex(inner, s);
        if (col >= 0 || s.values != null) {
            return col;
        }
        boolean saved = s.scope.allowAggregates;
        int aggs = s.scope.aggregates.size();
        try {
            s.scope.allowAggregates = false;
            Bound b = resolver.exprs.scalar(inner, s.scope);
            return s.results.indexOf(b);
        } catch (dev.panamax.api.DbException e) {
            return -1;
        } finally {
            s.scope.allowAggregates = saved;
            while (s.scope.aggregates.size() > aggs) {
                s.scope.aggregates.remove(s.scope.aggregates.size() - 1);
            }
        }
    }

    private static Bound.OrderTerm term(OrderingTerm t, Bound expr, int col) {
        return new Bound.OrderTerm(expr, t.order() == OrderingTerm.SortOrder.DESC,
                t.nulls() == null ? null : t.nulls() == OrderingTerm.Nulls.FIRST, col);
    }

    /** The result column whose AS name {@code e} (a bare identifier) is, or -1 (resolveAsName). */
    private static int aliasIndex(Expr e, CoreState s) {
        if (e instanceof Expr.ColumnRef c && c.table() == null) {
            for (int k = 0; k < s.aliases.size(); k++) {
                if (c.column().text().equalsIgnoreCase(s.aliases.get(k))) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static Expr skipCollate(Expr e) {
        while (e instanceof Expr.Collate c) {
            e = c.operand();
        }
        return e;
    }

    /** Wraps {@code b} in the COLLATE clauses written around {@code e}. */
    private Bound withCollate(Expr e, Bound b) {
        if (e instanceof Expr.Collate c) {
            return new Bound.Collate(withCollate(c.operand(), b), resolver.exprs.collation(c.collation()));
        }
        return b;
    }

    /** The value of an integer constant term (sqlite3ExprIsInteger), or null. */
    private static Integer integerTerm(Expr e) {
        boolean negative = false;
        while (e instanceof Expr.Unary u && (u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS)) {
            negative ^= u.op() == Expr.UnaryOp.NEGATE;
            e = u.operand();
        }
        if (e instanceof Expr.NumberLit n && n.integer()) {
            Bound.Literal lit = ExprResolver.number(n.text(), negative);
            if (lit.value() instanceof Long v && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return v.intValue();
            }
        }
        return null;
    }

    /** SQLite's %r: 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        String suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
                : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    private static Query.Core finish(CoreState s) {
        if (s.values != null) {
            return new ValuesCore(s.values);
        }
        return new SelectCore(s.sources, s.where, s.groupBy, s.having, s.results, s.distinct, s.scope.aggregates);
    }

    private static List<ColumnInfo> columnInfos(List<CoreState> states) {
        CoreState s = states.get(0);
        List<List<Bound>> arms = new ArrayList<>();
        for (CoreState c : states) {
            if (c.values != null) {
                arms.addAll(c.values);
            } else {
                arms.add(c.results);
            }
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (int k = 0; k < s.results.size(); k++) {
            Bound e = s.results.get(k);
            String name = s.aliases.get(k);
            if (name == null) {
                if (e instanceof Bound.ColumnRef ref) {
                    name = ref.column() >= 0 ? ref.source().columns.get(ref.column()).name()
                            : FromResolver.rowidName(ref.source());
                } else {
                    name = s.spans.get(k) != null ? s.spans.get(k) : "column" + (k + 1);
                }
            }
            out.add(origin(e, name, compoundAffinity(arms, k), Affinities.collation(e)));
        }
        return out;
    }

    /**
     * The affinity of result column {@code k} over the arms of a compound (a multi-row VALUES is one arm per row),
     * as sqlite3SubqueryColumnTypes decides it: the first arm's that has one; then TEXT becomes BLOB when another
     * arm may give a number, and a numeric affinity becomes BLOB when another arm may give text.
     */
    private static char compoundAffinity(List<List<Bound>> arms, int k) {
        int at = 0;
        int seen = 0;
        char aff = Affinities.of(arms.get(0).get(k));
        while (aff <= Affinity.NONE && at + 1 < arms.size()) {
            seen |= dataType(arms.get(at).get(k));
            at++;
            aff = Affinities.of(arms.get(at).get(k));
        }
        if (aff >= Affinity.TEXT && arms.size() > 1) {
            for (int j = at + 1; j < arms.size(); j++) {
                seen |= dataType(arms.get(j).get(k));
            }
            if (aff == Affinity.TEXT && (seen & 1) != 0) {
                aff = Affinity.BLOB;
            } else if (aff >= Affinity.NUMERIC && (seen & 2) != 0) {
                aff = Affinity.BLOB;
            }
        }
        return aff;
    }

    /** The kinds of value an expression may give (sqlite3ExprDataType): 1 numeric, 2 text, 4 blob, 0 only NULL. */
    private static int dataType(Bound e) {
        return switch (e) {
            case Bound.Collate c -> dataType(c.operand());
            case Bound.Register r -> dataType(r.original());
            case Bound.Unary u when u.op() == Bound.UnaryOp.PLUS -> dataType(u.operand());
            case Bound.Literal l when l.value() == null -> 0;
            case Bound.Literal l when l.value() instanceof String -> 2;
            case Bound.Literal l when l.value() instanceof byte[] -> 4;
            case Bound.Binary b when b.op() == Bound.BinaryOp.CONCAT -> 6;
            case Bound.Param x -> 7;
            case Bound.Aggregate x -> 7;
            case Bound.Function x -> 7;
            case Bound.ColumnRef x -> dataTypeOfAffinity(Affinities.of(e));
            case Bound.Subquery x -> dataTypeOfAffinity(Affinities.of(e));
            case Bound.Cast x -> dataTypeOfAffinity(Affinities.of(e));
            case Bound.Vector x -> dataTypeOfAffinity(Affinities.of(e));
            case Bound.Case c -> {
                int m = 0;
                for (Bound t : c.thens()) {
                    m |= dataType(t);
                }
                yield c.otherwise() == null ? m : m | dataType(c.otherwise());
            }
            default -> 1;
        };
    }

    private static int dataTypeOfAffinity(char aff) {
        return Affinity.isNumeric(aff) ? 5 : aff == Affinity.TEXT ? 6 : 7;
    }

    /** Declared type and origin of a result column (select.c columnTypeImpl). */
    private static ColumnInfo origin(Bound e, String name, char aff, String coll) {
        if (e instanceof Bound.ColumnRef ref) {
            if (ref.column() < 0) {
                Source src = ref.source();
                if (src.table != null && src.table.rowidAlias() >= 0) {
                    ColumnInfo c = src.columns.get(src.table.rowidAlias());
                    return new ColumnInfo(name, aff, coll, c.declType(), c.originDatabase(), c.originTable(),
                            c.originColumn());
                }
                return new ColumnInfo(name, aff, coll, "INTEGER", "main",
                        src.table == null ? null : src.table.name(), "rowid");
            }
            ColumnInfo c = ref.source().columns.get(ref.column());
            return new ColumnInfo(name, aff, coll, c.declType(), c.originDatabase(), c.originTable(),
                    c.originColumn());
        }
        if (e instanceof Bound.Subquery sq) {
            ColumnInfo c = sq.query().columns.get(0);
            return new ColumnInfo(name, aff, coll, c.declType(), c.originDatabase(), c.originTable(),
                    c.originColumn());
        }
        return new ColumnInfo(name, aff, coll, null, null, null, null);
    }
}
