package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random INSERT (VALUES, SELECT, DEFAULT VALUES, upsert), UPDATE and DELETE statements, with every conflict
 * resolution (OR ROLLBACK/ABORT/FAIL/IGNORE/REPLACE) and sometimes RETURNING, against the generated tables.
 * Rows inserted from a SELECT come in a total order, so rowids are assigned the same way by both engines.
 */
final class DmlGen {
    private static final String[] OR = {"", "", "", " OR ROLLBACK", " OR ABORT", " OR FAIL", " OR IGNORE",
        " OR REPLACE"};

    private final RandomGenerator r;
    private final List<Model.Table> tables;
    private final QueryGen queries;
    /** Whether the statements come inside an explicit transaction (set by the scenario). */
    boolean inTransaction;

    DmlGen(RandomGenerator r, List<Model.Table> tables, QueryGen queries) {
        this.r = r;
        this.tables = tables;
        this.queries = queries;
    }

    /** A DML statement and the table it changes. */
    record Dml(Node node, Model.Table table, boolean returning) {
    }

    Dml next() {
        Model.Table t = Literals.pick(r, tables);
        Scope scope = Scope.rows(refs(t), null);
        int k = r.nextInt(10);
        Node body;
        if (k < 4) {
            body = insert(t);
        } else if (k < 7 && !(t.withoutRowid() && Gaps.excluded(Gaps.WITHOUT_ROWID_ORDER))) {
            body = update(t, scope);
        } else {
            body = Node.fixed("DELETE FROM " + t.name(), where(scope));
        }
        boolean returning = !Gaps.excluded(Gaps.RETURNING) && r.nextInt(6) == 0;
        if (returning) {
            Node e = queries.exprs.expr(scope, 1);
            body = Node.fixed(body, " RETURNING ", r.nextBoolean() ? "*" : e);
        }
        return new Dml(body, t, returning);
    }

    /**
     * An OR clause. Inside an explicit transaction only the default: SQLite opens a statement journal only for a
     * statement that may abort (an ABORT constraint check), so an error in an OR FAIL/IGNORE/REPLACE/ROLLBACK
     * statement there leaves its earlier rows, while Panamax always undoes the statement.
     */
    private String conflictClause() {
        if (inTransaction && Gaps.excluded(Gaps.STATEMENT_JOURNAL)) {
            return "";
        }
        return Literals.pick(r, OR);
    }

    private Node where(Scope scope) {
        return r.nextInt(5) == 0 ? Node.EMPTY : Node.optional(" WHERE ", queries.exprs.cond(scope, 2));
    }

    private Node insert(Model.Table t) {
        String or = conflictClause();
        List<Model.Column> cols = new ArrayList<>(t.columns());
        boolean named = r.nextBoolean();
        if (named) {
            int drop = r.nextInt(cols.size());
            cols.remove(drop);
            if (cols.isEmpty()) {
                cols.add(t.columns().get(0));
            }
        }
        String head = "INSERT" + or + " INTO " + t.name() + (named ? " (" + names(cols) + ")" : "");
        int k = r.nextInt(10);
        Node source;
        if (k == 0) {
            return Node.fixed("INSERT" + or + " INTO " + t.name() + " DEFAULT VALUES");
        } else if (k < 3) {
            QueryGen.Query q = queries.select(null, 2, cols.size(), true, 1);
            source = Node.fixed(" ", q.node());
        } else {
            List<Object> rows = new ArrayList<>();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                List<Object> vals = new ArrayList<>();
                for (Model.Column c : cols) {
                    vals.add(r.nextInt(8) == 0 ? queries.exprs.expr(Scope.rows(List.of(), null), 1)
                            : Node.expr(Literals.forColumn(r, c, c.name().equals(t.rowidAlias()))));
                }
                rows.add(Node.fixed("(", Node.join(", ", vals), ")"));
            }
            source = Node.fixed(" VALUES ", Node.join(", ", rows));
        }
        if (or.isEmpty() && k >= 3 && !Gaps.excluded(Gaps.UPSERT) && r.nextInt(4) == 0) {
            return Node.fixed(head, source, upsert(t));
        }
        return Node.fixed(head, source);
    }

    private Node upsert(Model.Table t) {
        if (r.nextBoolean()) {
            return Node.fixed(" ON CONFLICT DO NOTHING");
        }
        Model.Column c = Literals.pick(r, t.columns());
        Scope scope = Scope.rows(refs(t), null);
        return Node.fixed(" ON CONFLICT DO UPDATE SET " + c.name() + " = ",
                r.nextBoolean() ? Node.expr("excluded." + c.name()) : queries.exprs.expr(scope, 1));
    }

    private Node update(Model.Table t, Scope scope) {
        String or = conflictClause();
        int n = 1 + r.nextInt(2);
        List<Object> sets = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Model.Column c = t.columns().get(r.nextInt(t.columns().size()));
            sets.add(Node.fixed(c.name() + " = ", queries.exprs.expr(scope, 2)));
        }
        return Node.fixed("UPDATE" + or + " " + t.name() + " SET ", Node.join(", ", sets), where(scope));
    }

    private static String names(List<Model.Column> cols) {
        List<String> n = new ArrayList<>();
        for (Model.Column c : cols) {
            n.add(c.name());
        }
        return String.join(", ", n);
    }

    private static List<Model.Ref> refs(Model.Table t) {
        List<Model.Ref> out = new ArrayList<>();
        for (Model.Column c : t.columns()) {
            out.add(new Model.Ref(t.name() + "." + c.name(), c));
        }
        return out;
    }
}
