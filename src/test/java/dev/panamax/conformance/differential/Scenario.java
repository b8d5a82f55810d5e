package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded differential run: a schema, its rows, then random queries mixed with DML (each followed by checks of
 * the changed table and of changes()/total_changes()) and transaction control. The same seed always gives the
 * same statements.
 */
final class Scenario {
    enum Kind {
        /** DDL, rows, transaction control: the outcome (success or error code) must agree. */
        SETUP,
        /** A generated SELECT. */
        QUERY,
        /** An INSERT, UPDATE or DELETE (RETURNING rows compared as multisets). */
        DML,
        /** A read of a table's contents or of the change counters after DML. */
        CHECK
    }

    /** One statement; {@code relaxed} marks a query whose output may pick different ones of equal values. */
    record Step(Kind kind, Node node, boolean ordered, boolean relaxed) {
        String sql() {
            return node.sql();
        }
    }

    final long seed;
    final List<Step> steps;

    Scenario(long seed, List<Step> steps) {
        this.seed = seed;
        this.steps = steps;
    }

    static Scenario generate(long seed, int queries) {
        SplittableRandom r = new SplittableRandom(seed);
        SchemaGen schema = new SchemaGen(r);
        schema.generate();
        List<Step> steps = new ArrayList<>();
        for (Node n : schema.ddl) {
            steps.add(new Step(Kind.SETUP, n, false, false));
        }
        for (Node n : schema.data()) {
            steps.add(new Step(Kind.SETUP, n, false, false));
        }
        QueryGen q = new QueryGen(r, schema.tables);
        DmlGen dml = new DmlGen(r, schema.tables, q);
        boolean inTxn = false;
        int made = 0;
        while (made < queries) {
            int k = r.nextInt(100);
            if (k < 80) {
                q.representativeSensitive = false;
                q.exprs.orderSensitive = false;
                QueryGen.Query query = q.query();
                boolean relaxed = q.representativeSensitive || q.exprs.orderSensitive;
                steps.add(new Step(Kind.QUERY, query.node(), query.ordered(), relaxed));
                made++;
            } else if (k < 95) {
                q.representativeSensitive = false;
                q.exprs.orderSensitive = false;
                dml.inTransaction = inTxn;
                DmlGen.Dml d = dml.next();
                boolean relaxed = q.representativeSensitive || q.exprs.orderSensitive;
                steps.add(new Step(Kind.DML, d.node(), false, relaxed));
                steps.add(new Step(Kind.CHECK, Node.fixed("SELECT changes(), total_changes()"), false, false));
                steps.add(new Step(Kind.CHECK, Node.fixed("SELECT * FROM " + d.table().name()), false, false));
            } else {
                String sql = transaction(r, inTxn);
                inTxn = sql.equals("BEGIN") || sql.startsWith("SAVEPOINT") || (inTxn && sql.startsWith("ROLLBACK TO"))
                        || (inTxn && sql.startsWith("RELEASE") && !sql.equals("RELEASE sp0"));
                steps.add(new Step(Kind.SETUP, Node.fixed(sql), false, false));
            }
        }
        steps.add(new Step(Kind.SETUP, Node.fixed(inTxn ? "COMMIT" : "SELECT 1"), false, false));
        for (Model.Table t : schema.tables) {
            steps.add(new Step(Kind.CHECK, Node.fixed("SELECT * FROM " + t.name()), false, false));
        }
        return new Scenario(seed, steps);
    }

    private static String transaction(SplittableRandom r, boolean inTxn) {
        if (!inTxn) {
            return r.nextInt(3) == 0 ? "SAVEPOINT sp0" : "BEGIN";
        }
        return Literals.pick(r, new String[] {"COMMIT", "ROLLBACK", "SAVEPOINT sp1", "ROLLBACK TO sp1", "RELEASE sp1",
            "RELEASE sp0", "END"});
    }

    Scenario withSteps(List<Step> s) {
        return new Scenario(seed, s);
    }

    int count(Kind kind) {
        int n = 0;
        for (Step s : steps) {
            if (s.kind == kind) {
                n++;
            }
        }
        return n;
    }
}
