package dev.panamax.sql.resolve;

import dev.panamax.schema.Affinity;
import dev.panamax.schema.Column;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Select;
import dev.panamax.vdbe.TableFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a FROM clause into {@link Source}s (select.c: selectExpander's table lookup, sqlite3ProcessJoin): tables,
 * views and common table expressions by name, subqueries, join types, and USING/NATURAL turned into ON equalities
 * with the right-hand columns hidden.
 */
final class FromResolver {
    private final Resolver resolver;

    FromResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The sources of {@code from}; their ON conditions are resolved against {@code scope} afterwards. */
    List<Source> resolve(Select.From from, Scope outer) {
        List<Source> sources = new ArrayList<>();
        if (from == null) {
            return sources;
        }
        sources.add(item(from.first(), JoinType.INNER, outer, 0));
        for (Select.Join j : from.joins()) {
            JoinType type = switch (j.kind()) {
                case LEFT -> JoinType.LEFT;
                case RIGHT -> JoinType.RIGHT;
                case FULL -> JoinType.FULL;
                case CROSS -> JoinType.CROSS;
                default -> JoinType.INNER;
            };
            sources.add(item(j.table(), type, outer, sources.size()));
            if (sources.size() > 64) {
                throw Resolver.error("at most 64 tables in a join");
            }
        }
        return sources;
    }

    /** Resolves ON, USING and NATURAL of every join of {@code from} into the sources' {@code on}. */
    void joinConditions(Select.From from, List<Source> sources, Scope scope) {
        if (from == null) {
            return;
        }
        joinOnConditions(from, sources, scope);
        functionArguments(sources, scope);
    }

    private void joinOnConditions(Select.From from, List<Source> sources, Scope scope) {
        for (int k = 0; k < from.joins().size(); k++) {
            Select.Join j = from.joins().get(k);
            Source right = sources.get(k + 1);
            List<String> using = null;
            if (j.natural()) {
                if (j.on() != null || j.using() != null) {
                    throw Resolver.error("a NATURAL join may not have an ON or USING clause");
                }
                using = naturalColumns(sources.subList(0, k + 1), right);
            } else if (j.using() != null) {
                if (j.on() != null) {
                    throw Resolver.error("cannot have both ON and USING clauses in the same join");
                }
                using = j.using().stream().map(Name::text).toList();
            }
            Bound on = null;
            if (using != null) {
                on = usingCondition(sources.subList(0, k + 1), right, using);
            } else if (j.on() != null) {
                boolean saved = scope.allowAggregates;
                scope.allowAggregates = false;
                on = resolver.exprs.scalar(j.on(), scope);
                scope.allowAggregates = saved;
            }
            right.on = on;
        }
    }

    private static List<String> naturalColumns(List<Source> left, Source right) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < right.columns.size(); c++) {
            String name = right.columns.get(c).name();
            for (Source l : left) {
                int k = l.columnIndex(name);
                if (k >= 0 && !l.hidden.contains(k)) {
                    names.add(name);
                    break;
                }
            }
        }
        return names;
    }

    private Bound usingCondition(List<Source> left, Source right, List<String> names) {
        Bound on = null;
        Set<Integer> hidden = new HashSet<>(right.hidden);
        boolean rightJoinBefore = left.stream().anyMatch(s -> s.join.keepsRight());
        String ambiguous = null;
        for (String name : names) {
            if (rightJoinBefore) {
                int seen = 0;
                for (Source l : left) {
                    int k = l.columnIndex(name);
                    if (k >= 0 && !l.hidden.contains(k)) {
                        seen++;
                    }
                }
                if (seen > 1 && ambiguous == null) {
                    ambiguous = name;
                }
            }
        }
        if (ambiguous != null) {
            throw Resolver.error("ambiguous reference to " + ambiguous + " in USING()");
        }
        for (String name : names) {
            int rc = right.columnIndex(name);
            Source ls = null;
            int lc = -1;
            for (Source l : left) {
                int k = l.columnIndex(name);
                if (k >= 0 && !l.hidden.contains(k)) {
                    ls = l;
                    lc = k;
                    break;
                }
            }
            if (rc < 0 || ls == null) {
                throw Resolver.error("cannot join using column " + name + " - column not present in both tables");
            }
            hidden.add(rc);
            Bound eq = new Bound.Binary(Bound.BinaryOp.EQ, ref(ls, lc), ref(right, rc));
            on = on == null ? eq : new Bound.Binary(Bound.BinaryOp.AND, on, eq);
        }
        right.hidden = Set.copyOf(hidden);
        return on;
    }

    private static Bound ref(Source s, int k) {
        if (s.table != null && s.subquery == null && s.table.rowidAlias() == k) {
            return new Bound.ColumnRef(s, -1);
        }
        return new Bound.ColumnRef(s, k);
    }

    private Source item(Select.TableRef ref, JoinType join, Scope outer, int position) {
        return switch (ref) {
            case Select.Table t -> namedItem(t, join, outer, position);
            case Select.SubqueryRef s -> {
                Query q = resolver.query(s.select(), outer);
                String name = s.alias() == null ? "(subquery-" + (resolver.cursorCount() + 1) + ")" : s.alias().text();
                yield subquerySource(q, name, List.of(), join, position);
            }
            case Select.Nested n -> nestedItem(n, join, outer, position);
        };
    }

    private Source nestedItem(Select.Nested n, JoinType join, Scope outer, int position) {
        Select.Query core = new Select.Query(false, List.of(new Select.Star(n.start(), n.end())), n.from(), null,
                List.of(), null, List.of(), n.start(), n.end());
        Select select = new Select(null, core, List.of(), List.of(), null, n.start(), n.end());
        Query q = resolver.query(select, outer);
        String name = n.alias() == null ? "(subquery-" + (resolver.cursorCount() + 1) + ")" : n.alias().text();
        return subquerySource(q, name, List.of(), join, position);
    }

    private Source namedItem(Select.Table t, JoinType join, Scope outer, int position) {
        String name = t.name().name().text();
        String alias = t.alias() == null ? name : t.alias().text();
        if (t.args() != null) {
            return functionItem(t, alias, join, position);
        }
        if (t.name().schema() == null) {
            Source cte = cteItem(name, alias, join, position);
            if (cte != null) {
                return cte;
            }
        } else {
            checkSchemaName(t.name().schema().text());
        }
        Table table = resolver.schema.table(name);
        if (table == null) {
            TableFunction fn = resolver.functions.tableFunction(name);
            if (fn != null) {
                return functionSource(fn, alias, List.of(), join, position);
            }
        }
        if (table == null) {
            String prefix = t.name().schema() == null ? "" : t.name().schema().text() + ".";
            throw Resolver.error("no such table: " + prefix + name);
        }
        if (table.isView()) {
            return viewItem(table, alias, join, position);
        }
        String indexedBy = t.indexedBy() == null ? null : t.indexedBy().text();
        if (indexedBy != null && table.index(indexedBy) == null) {
            throw Resolver.error("no such index: " + indexedBy);
        }
        return tableSource(table, alias, join, indexedBy, t.notIndexed(), position);
    }

    /** A table-valued function called with arguments; a table or view of that name is "not a function". */
    private Source functionItem(Select.Table t, String alias, JoinType join, int position) {
        String name = t.name().name().text();
        if (t.name().schema() != null) {
            checkSchemaName(t.name().schema().text());
        }
        TableFunction fn = resolver.functions.tableFunction(name);
        if (fn == null) {
            if (resolver.schema.table(name) != null) {
                throw Resolver.error("'" + name + "' is not a function");
            }
            String prefix = t.name().schema() == null ? "" : t.name().schema().text() + ".";
            throw Resolver.error("no such table: " + prefix + name);
        }
        if (t.args().size() > fn.arguments().size()) {
            throw Resolver.error("too many arguments on " + fn.name() + "() - max " + fn.arguments().size());
        }
        return functionSource(fn, alias, t.args(), join, position);
    }

    /** The item of a table-valued function: its result columns, then its argument columns (left out of *). */
    private Source functionSource(TableFunction fn, String alias, List<Expr> call, JoinType join, int position) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (String c : fn.columns()) {
            cols.add(new ColumnInfo(c, Affinity.BLOB, null, null, null, null, null));
        }
        for (String c : fn.arguments()) {
            cols.add(new ColumnInfo(c, Affinity.BLOB, null, null, null, null, null));
        }
        Source s = new Source(resolver.allocateCursor(), alias, null, null, cols, join, null, false, position);
        s.function = fn;
        s.functionCall = call;
        return s;
    }

    /**
     * Turns each table-valued function's call arguments into {@code argument-column = value} terms of its join
     * condition (sqlite3WhereTabFuncArgs); the values may name columns of the other FROM items, which the planner
     * then loops over first.
     */
    private void functionArguments(List<Source> sources, Scope scope) {
        for (Source s : sources) {
            if (s.function == null || s.functionCall.isEmpty()) {
                continue;
            }
            List<Bound> terms = new ArrayList<>();
            int first = s.function.columns().size();
            for (int j = 0; j < s.functionCall.size(); j++) {
                Bound value = resolver.exprs.scalar(s.functionCall.get(j), scope);
                terms.add(new Bound.Binary(Bound.BinaryOp.EQ, new Bound.ColumnRef(s, first + j), value));
            }
            s.functionArgs = List.copyOf(terms);
            for (Bound term : terms) {
                s.on = s.on == null ? term : new Bound.Binary(Bound.BinaryOp.AND, s.on, term);
            }
        }
    }

    static void checkSchemaName(String schema) {
        if (!schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
            throw Resolver.error("unknown database " + schema);
        }
    }

    private Source cteItem(String name, String alias, JoinType join, int position) {
        List<List<Select.Cte>> levels = new ArrayList<>(resolver.ctes);
        for (int level = 0; level < levels.size(); level++) {
            for (Select.Cte cte : levels.get(level)) {
                if (!cte.name().is(name)) {
                    continue;
                }
                String key = "cte:" + Schema.key(name) + "@" + System.identityHashCode(cte);
                if (resolver.expanding.contains(key)) {
                    throw Resolver.error("recursive common table expressions are not supported yet");
                }
                Deque<List<Select.Cte>> saved = new ArrayDeque<>(resolver.ctes);
                resolver.ctes.clear();
                for (int k = levels.size() - 1; k >= level; k--) {
                    resolver.ctes.push(levels.get(k));
                }
                resolver.expanding.add(key);
                try {
                    Query q = resolver.query(cte.select(), null);
                    if (!cte.columns().isEmpty() && cte.columns().size() != q.columnCount()) {
                        throw Resolver.error("table " + name + " has " + q.columnCount() + " values for "
                                + cte.columns().size() + " columns");
                    }
                    return subquerySource(q, alias, cte.columns(), join, position);
                } finally {
                    resolver.expanding.remove(key);
                    resolver.ctes.clear();
                    List<List<Select.Cte>> back = new ArrayList<>(saved);
                    for (int k = back.size() - 1; k >= 0; k--) {
                        resolver.ctes.push(back.get(k));
                    }
                }
            }
        }
        return null;
    }

    private Source viewItem(Table view, String alias, JoinType join, int position) {
        String key = "view:" + Schema.key(view.name());
        if (resolver.expanding.contains(key)) {
            throw Resolver.error("view " + view.name() + " is circularly defined");
        }
        Deque<List<Select.Cte>> saved = new ArrayDeque<>(resolver.ctes);
        resolver.ctes.clear();
        resolver.expanding.add(key);
        try {
            Query q = resolver.query(view.viewSelect(), null);
            if (!view.viewColumns().isEmpty() && view.viewColumns().size() != q.columnCount()) {
                throw Resolver.error("expected " + view.viewColumns().size() + " columns for '" + view.name()
                        + "' but got " + q.columnCount());
            }
            return subquerySource(q, alias, view.viewColumns(), join, position);
        } finally {
            resolver.expanding.remove(key);
            List<List<Select.Cte>> back = new ArrayList<>(saved);
            for (int k = back.size() - 1; k >= 0; k--) {
                resolver.ctes.push(back.get(k));
            }
        }
    }

    Source tableSource(Table table, String alias, JoinType join, String indexedBy, boolean notIndexed,
            int position) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (Column c : table.columns()) {
            cols.add(new ColumnInfo(c.name(), c.affinity(), c.collation(), c.declType(), "main", table.name(),
                    c.name()));
        }
        return new Source(resolver.allocateCursor(), alias, table, null, cols, join, indexedBy, notIndexed,
                position);
    }

    private Source subquerySource(Query q, String name, List<Name> names, JoinType join, int position) {
        List<ColumnInfo> cols = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int k = 0; k < q.columnCount(); k++) {
            ColumnInfo c = q.columns.get(k);
            String colName = names.isEmpty() ? subqueryColumnName(q, k) : names.get(k).text();
            cols.add(c.withName(unique(colName, used)));
        }
        Source s = new Source(resolver.allocateCursor(), name, null, q, cols, join, null, false, position);
        s.correlatedSubquery = q.correlated;
        return s;
    }

    /** The name SQLite gives a subquery's column (sqlite3ColumnsFromExprList), before making it unique. */
    private static String subqueryColumnName(Query q, int k) {
        String explicit = q.aliases.get(k);
        if (explicit != null) {
            return explicit;
        }
        Query.Core first = q.first();
        String name = null;
        if (first instanceof SelectCore s) {
            Bound e = s.results.get(k);
            while (e instanceof Bound.Collate c) {
                e = c.operand();
            }
            if (e instanceof Bound.ColumnRef ref) {
                name = ref.column() >= 0 ? ref.source().columns.get(ref.column()).name() : rowidName(ref.source());
            } else {
                name = q.spans.get(k);
            }
        }
        if (name == null || name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
            return "column" + (k + 1);
        }
        return name;
    }

    static String rowidName(Source s) {
        if (s.table != null && s.table.rowidAlias() >= 0) {
            return s.table.column(s.table.rowidAlias()).name();
        }
        return "rowid";
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        int count = 0;
        while (!used.add(Schema.key(candidate))) {
            int n = candidate.length();
            int j = n - 1;
            while (j > 0 && Character.isDigit(candidate.charAt(j))) {
                j--;
            }
            String base = candidate.charAt(j) == ':' ? candidate.substring(0, j) : candidate;
            candidate = base + ":" + (++count);
        }
        return candidate;
    }

    static boolean isIdentifier(Expr e) {
        return e instanceof Expr.ColumnRef c && c.table() == null;
    }
}
