package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random SELECT statements over the generated schema: joins of every kind (inner, LEFT, RIGHT, FULL, CROSS,
 * NATURAL, USING, comma), subqueries in FROM, WHERE, GROUP BY/HAVING, DISTINCT, compound SELECTs, and ORDER BY
 * with LIMIT/OFFSET.
 *
 * <p>Results must not depend on the plan. A LIMIT only comes with a total order: the generated ORDER BY ends with
 * {@code typeof(c), c COLLATE BINARY} for every output column, so two rows tie only when they are identical. Output
 * columns have names unique in the whole statement ({@code c<select>_<i>}) so that ORDER BY expressions can refer to
 * them without meeting a table column of the same name. A scalar subquery returns one row by construction (an
 * aggregate, or LIMIT 1 under a total order).
 */
final class QueryGen {
    private static final String[] JOINS = {", ", " JOIN ", " INNER JOIN ", " LEFT JOIN ", " LEFT OUTER JOIN ",
        " CROSS JOIN ", " RIGHT JOIN ", " FULL JOIN ", " FULL OUTER JOIN ", " RIGHT OUTER JOIN "};

    /** A generated SELECT: its tree, output names, whether its row order is fully determined. */
    record Query(Node node, List<String> names, boolean ordered) {
    }

    private final RandomGenerator r;
    private final List<Model.Table> tables;
    final ExprGen exprs;
    private int nextId;
    /** Set when some output value may depend on which of several equal rows the plan met first. */
    boolean representativeSensitive;


    QueryGen(RandomGenerator r, List<Model.Table> tables) {
        this.r = r;
        this.tables = tables;
        this.exprs = new ExprGen(r, this);
    }

    /** A top-level query. */
    Query query() {
        return select(null, 3, -1, false, 2);
    }

    /**
     * A SELECT. {@code columns} > 0 fixes the number of output columns; {@code total} asks for a total ORDER BY;
     * {@code depth} bounds the nesting of subqueries and expressions.
     */
    Query select(Scope outer, int depth, int columns, boolean total, int exprDepth) {
        int ncols = columns > 0 ? columns : 1 + r.nextInt(3);
        if (depth > 1 && r.nextInt(8) == 0) {
            return compound(outer, depth, ncols, total, exprDepth);
        }
        int id = nextId++;
        From from = from(outer, depth);
        Scope scope = Scope.rows(from.refs, outer);
        List<Object> parts = new ArrayList<>();
        parts.add("SELECT ");
        boolean distinct = r.nextInt(7) == 0;
        if (distinct) {
            parts.add("DISTINCT ");
            representativeSensitive = true;
        }
        boolean grouped = r.nextInt(4) == 0;
        List<Node> groupTerms = new ArrayList<>();
        Scope itemScope = scope;
        if (grouped) {
            int ng = r.nextInt(3);
            for (int k = 0; k < ng; k++) {
                groupTerms.add(r.nextInt(3) == 0 ? exprs.expr(scope, 1) : exprs.leaf(scope));
            }
            if (!groupTerms.isEmpty()) {
                representativeSensitive = true;
            }
            itemScope = scope.grouped(groupTerms);
        }
        List<String> names = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        for (int k = 0; k < ncols; k++) {
            String name = "c" + id + "_" + k;
            names.add(name);
            items.add(Node.fixed(exprs.expr(itemScope, exprDepth), " AS " + name));
        }
        parts.add(Node.join(", ", items));
        parts.add(from.node);
        if (r.nextInt(3) > 0) {
            parts.add(Node.optional(" WHERE ", exprs.cond(scope, exprDepth)));
        }
        if (grouped && !groupTerms.isEmpty()) {
            parts.add(Node.fixed(" GROUP BY ", Node.join(", ", groupTerms)));
            if (r.nextInt(3) == 0) {
                parts.add(Node.optional(" HAVING ", exprs.cond(itemScope, 2)));
            }
        }
        boolean ordered = false;
        if (total || r.nextInt(3) == 0) {
            parts.add(orderBy(names, !grouped && !distinct ? scope : null, total || r.nextInt(3) > 0));
            ordered = true;
        }
        return new Query(Node.fixed(parts.toArray()), names, ordered);
    }

    private Node orderBy(List<String> names, Scope rowScope, boolean limit) {
        List<Object> terms = new ArrayList<>();
        int user = r.nextInt(3);
        for (int k = 0; k < user; k++) {
            Object term = switch (r.nextInt(3)) {
                case 0 -> Integer.toString(1 + r.nextInt(names.size()));
                case 1 -> Literals.pick(r, names);
                default -> rowScope != null ? exprs.expr(rowScope, 1) : Literals.pick(r, names);
            };
            String suffix = Literals.pick(r, new String[] {"", " ASC", " DESC", " COLLATE NOCASE", " DESC NULLS FIRST",
                " NULLS LAST", " COLLATE RTRIM DESC"});
            terms.add(Node.fixed(term, suffix));
        }
        for (String n : names) {
            terms.add("typeof(" + n + ")");
            terms.add(n + " COLLATE BINARY" + (r.nextBoolean() ? " DESC" : ""));
        }
        List<Object> parts = new ArrayList<>();
        parts.add(" ORDER BY ");
        parts.add(Node.join(", ", terms));
        if (limit) {
            parts.add(" LIMIT " + Literals.pick(r, new String[] {"0", "1", "2", "3", "5", "-1", "(1+1)"}));
            if (r.nextBoolean()) {
                parts.add(" OFFSET " + Literals.pick(r, new String[] {"0", "1", "2", "4"}));
            }
        }
        return Node.fixed(parts.toArray());
    }

    private Query compound(Scope outer, int depth, int ncols, boolean total, int exprDepth) {
        int n = 2 + (r.nextInt(4) == 0 ? 1 : 0);
        List<Object> parts = new ArrayList<>();
        List<String> names = null;
        for (int k = 0; k < n; k++) {
            Query q = select(outer, 1, ncols, false, Math.min(exprDepth, 2));
            if (q.ordered) {
                q = new Query(Node.fixed("SELECT * FROM (", q.node, ")"), q.names, false);
            }
            if (k == 0) {
                names = q.names;
            } else {
                String op = Literals.pick(r, new String[] {" UNION ", " UNION ALL ", " INTERSECT ", " EXCEPT "});
                if (!op.equals(" UNION ALL ")) {
                    representativeSensitive = true;
                }
                parts.add(op);
            }
            parts.add(q.node);
        }
        Node body = Node.fixed(parts.toArray());
        if (!total && r.nextInt(3) > 0) {
            return new Query(body, names, false);
        }
        Node wrapped = Node.fixed("SELECT * FROM (", body, ")", orderBy(names, null, total || r.nextBoolean()));
        return new Query(wrapped, names, true);
    }

    private record From(Node node, List<Model.Ref> refs) {
    }

    private From from(Scope outer, int depth) {
        int n = 1 + (r.nextInt(3) == 0 ? 0 : r.nextInt(depth > 1 ? 3 : 2));
        List<Object> parts = new ArrayList<>();
        List<Model.Ref> refs = new ArrayList<>();
        List<Model.Table> used = new ArrayList<>();
        List<String> usedAliases = new ArrayList<>();
        parts.add(" FROM ");
        for (int k = 0; k < n; k++) {
            String alias = "s" + nextId++;
            Model.Table t = null;
            Node source;
            List<Model.Ref> own = new ArrayList<>();
            if (depth > 1 && r.nextInt(6) == 0) {
                Query sub = select(outer, depth - 1, -1, false, 1);
                source = Node.fixed("(", sub.node, ") AS " + alias);
                for (String name : sub.names) {
                    own.add(new Model.Ref(alias + "." + name, new Model.Column(name, "", null, false, false)));
                }
            } else {
                t = table();
                source = Node.fixed(t.name() + " AS " + alias);
                for (Model.Column c : t.columns()) {
                    own.add(new Model.Ref(alias + "." + c.name(), c));
                }
            }
            if (k == 0) {
                parts.add(source);
            } else {
                parts.add(join(source, t, used, refs, own, outer));
            }
            refs.addAll(own);
            used.add(t);
            usedAliases.add(alias);
        }
        return new From(Node.fixed(parts.toArray()), refs);
    }

    private Node join(Node source, Model.Table t, List<Model.Table> left, List<Model.Ref> leftRefs,
            List<Model.Ref> own, Scope outer) {
        int k = r.nextInt(10);
        if (k == 0) {
            return Node.fixed(r.nextBoolean() ? " NATURAL JOIN " : " NATURAL LEFT JOIN ", source);
        }
        if (k == 1 && t != null) {
            String common = commonColumn(t, left);
            if (common != null) {
                String op = Literals.pick(r, new String[] {" JOIN ", " LEFT JOIN ", " RIGHT JOIN ", " FULL JOIN "});
                if (Gaps.excluded(Gaps.RIGHT_JOIN) && (op.contains("RIGHT") || op.contains("FULL"))) {
                    op = " LEFT JOIN ";
                }
                return Node.fixed(op, source, " USING (" + common + ")");
            }
        }
        String op = Literals.pick(r, JOINS);
        while (Gaps.excluded(Gaps.RIGHT_JOIN) && (op.contains("RIGHT") || op.contains("FULL"))) {
            op = Literals.pick(r, JOINS);
        }
        if (op.equals(", ") || op.equals(" CROSS JOIN ")) {
            return Node.fixed(op, source);
        }
        List<Model.Ref> visible = new ArrayList<>(leftRefs);
        visible.addAll(own);
        Scope on = Scope.rows(visible, outer);
        Node cond;
        if (r.nextInt(3) > 0 && !own.isEmpty() && !leftRefs.isEmpty()) {
            cond = Node.expr("(", Literals.pick(r, own).sql(), " = ", Literals.pick(r, leftRefs).sql(), ")");
        } else {
            cond = exprs.cond(on, 2);
        }
        return Node.fixed(op, source, " ON ", cond);
    }

    /** A column name of {@code t} that exactly one of the left tables has, or null. */
    private String commonColumn(Model.Table t, List<Model.Table> left) {
        List<String> candidates = new ArrayList<>();
        for (Model.Column c : t.columns()) {
            int count = 0;
            for (Model.Table l : left) {
                if (l == null) {
                    count = 2;
                    break;
                }
                for (Model.Column lc : l.columns()) {
                    if (lc.name().equals(c.name())) {
                        count++;
                    }
                }
            }
            if (count == 1) {
                candidates.add(c.name());
            }
        }
        return candidates.isEmpty() ? null : Literals.pick(r, candidates);
    }

    private Model.Table table() {
        return Literals.pick(r, tables);
    }

    /** An outer scope a subquery may correlate with: none of the bare row columns of an aggregate level. */
    private static Scope correlatable(Scope s) {
        return s.aggregate() ? Scope.rows(List.of(), s.outer()) : s;
    }

    Node scalarSubquery(Scope s, int depth) {
        Scope outer = correlatable(s);
        Model.Table t = table();
        String alias = "s" + nextId++;
        Scope inner = Scope.rows(refs(t, alias), outer);
        Node where = r.nextBoolean() ? Node.optional(" WHERE ", exprs.cond(inner, Math.max(1, depth))) : Node.EMPTY;
        if (r.nextBoolean()) {
            Node agg = exprs.aggregate(inner.grouped(List.of()), 1);
            return Node.expr("(SELECT ", agg, " FROM " + t.name() + " AS " + alias, where, ")");
        }
        String name = "c" + nextId++ + "_0";
        Node e = exprs.expr(inner, 1);
        return Node.expr("(SELECT ", e, " AS " + name + " FROM " + t.name() + " AS " + alias, where,
                " ORDER BY typeof(" + name + "), " + name + " COLLATE BINARY LIMIT 1)");
    }

    Node inSubquery(Scope s, int depth) {
        Scope outer = correlatable(s);
        Query q = select(outer, Math.max(1, Math.min(depth, 2)), 1, false, 1);
        return Node.expr("(", exprs.expr(s, Math.max(0, depth - 1)), r.nextInt(3) == 0 ? " NOT IN (" : " IN (",
                q.node, "))");
    }

    Node exists(Scope s, int depth) {
        Scope outer = correlatable(s);
        Model.Table t = table();
        String alias = "s" + nextId++;
        Scope inner = Scope.rows(refs(t, alias), outer);
        return Node.expr(r.nextInt(3) == 0 ? "(NOT EXISTS (SELECT 1 FROM " : "(EXISTS (SELECT 1 FROM ",
                t.name() + " AS " + alias, Node.optional(" WHERE ", exprs.cond(inner, Math.max(1, depth))), "))");
    }

    private static List<Model.Ref> refs(Model.Table t, String alias) {
        List<Model.Ref> out = new ArrayList<>();
        for (Model.Column c : t.columns()) {
            out.add(new Model.Ref(alias + "." + c.name(), c));
        }
        return out;
    }
}
