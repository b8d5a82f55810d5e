package dev.panamax.value;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Arithmetic, bit, concatenation, comparison and truth operators against SQLite over random operands. */
class OperatorTest {
    @Test
    void binaryOperatorsMatchSqlite() {
        RandomValues values = new RandomValues("binaryOperators");
        String[] ops = {"+", "-", "*", "/", "%", "&", "|", "<<", ">>", "||"};
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 4000; k++) {
                int op = values.random().nextInt(ops.length);
                Mem a = values.random().nextInt(3) == 0 ? values.integer() : values.any();
                Mem b = values.random().nextInt(3) == 0 ? values.integer() : values.any();
                if (op >= 7 && op <= 8 && values.random().nextBoolean()) {
                    b = RandomValues.of((long) values.random().nextInt(-70, 70));
                }
                d.check("?1 " + ops[op] + " ?2", new Mem[] {a, b}, (args, out) -> binary(op, args[0], args[1], out));
            }
            d.assertNoFailures();
        }
    }

    private static void binary(int op, Mem a, Mem b, Mem out) {
        switch (op) {
            case 0 -> Arithmetic.add(a, b, out);
            case 1 -> Arithmetic.subtract(a, b, out);
            case 2 -> Arithmetic.multiply(a, b, out);
            case 3 -> Arithmetic.divide(a, b, out);
            case 4 -> Arithmetic.remainder(a, b, out);
            case 5 -> Arithmetic.bitAnd(a, b, out);
            case 6 -> Arithmetic.bitOr(a, b, out);
            case 7 -> Arithmetic.shiftLeft(a, b, out);
            case 8 -> Arithmetic.shiftRight(a, b, out);
            default -> Arithmetic.concat(a, b, out, 1_000_000_000);
        }
    }

    @Test
    void operatorsWriteIntoAnOperand() {
        RandomValues values = new RandomValues("aliasedOperands");
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 300; k++) {
                int op = values.random().nextInt(10);
                Mem a = values.any();
                Mem b = values.any();
                String[] ops = {"+", "-", "*", "/", "%", "&", "|", "<<", ">>", "||"};
                d.check("?1 " + ops[op] + " ?2", new Mem[] {a, b}, (args, out) -> {
                    Mem left = RandomValues.copy(args[0]);
                    binary(op, left, args[1], left);
                    out.copyFrom(left);
                });
            }
            d.assertNoFailures();
        }
    }

    @Test
    void unaryOperatorsMatchSqlite() {
        RandomValues values = new RandomValues("unaryOperators");
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 1500; k++) {
                Mem a = values.any();
                d.check("-?1", new Mem[] {a}, (args, out) -> Arithmetic.negate(args[0], out));
                d.check("~?1", new Mem[] {a}, (args, out) -> Arithmetic.bitNot(args[0], out));
                d.check("NOT ?1", new Mem[] {a}, (args, out) -> truth(args[0], out, true));
                d.check("CASE WHEN ?1 THEN 1 ELSE 0 END", new Mem[] {a},
                        (args, out) -> out.setLong(Comparison.isTrue(args[0]) ? 1 : 0));
            }
            d.assertNoFailures();
        }
    }

    private static void truth(Mem a, Mem out, boolean not) {
        int b = Comparison.booleanValue(a, 2);
        if (b == 2) {
            out.setNull();
        } else {
            out.setLong(not ? 1 - b : b);
        }
    }

    @Test
    void comparisonMatchesSqlite() {
        RandomValues values = new RandomValues("comparison");
        String[] colls = {"BINARY", "NOCASE", "RTRIM"};
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 3000; k++) {
                Mem a = values.any();
                Mem b = values.random().nextInt(4) == 0 ? RandomValues.copy(a) : values.any();
                if (a.isNull() || b.isNull()) {
                    continue;
                }
                String coll = colls[values.random().nextInt(3)];
                Collation c = Collations.builtin(coll);
                d.check("CASE WHEN ?1 < ?2 COLLATE " + coll + " THEN -1 WHEN ?1 > ?2 COLLATE " + coll
                        + " THEN 1 WHEN ?1 = ?2 COLLATE " + coll + " THEN 0 END", new Mem[] {a, b},
                        (args, out) -> out.setLong(Integer.signum(Comparison.compare(args[0], args[1], c))));
            }
            d.assertNoFailures();
        }
    }

    /** The whole order, NULLs included: our sort and SQLite's ORDER BY agree position by position. */
    @Test
    void sortOrderMatchesSqlite() throws Exception {
        RandomValues values = new RandomValues("sortOrder");
        try (Differential d = new Differential(values.seed);
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(x)");
            }
            for (int round = 0; round < 40; round++) {
                java.util.List<Mem> mine = new java.util.ArrayList<>();
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM t");
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES(?)")) {
                    for (int k = 0; k < 40; k++) {
                        Mem v = values.any();
                        mine.add(v);
                        ConversionTest.bind(ins, 1, v);
                        ins.executeUpdate();
                    }
                }
                for (String coll : new String[] {"BINARY", "NOCASE", "RTRIM"}) {
                    Collation cs = Collations.builtin(coll);
                    mine.sort((x, y) -> Comparison.compare(x, y, cs));
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                            "SELECT typeof(x), CASE WHEN typeof(x) IN ('text','blob') THEN hex(x) ELSE x END FROM t "
                                    + "ORDER BY x COLLATE " + coll)) {
                        for (int k = 0; rs.next(); k++) {
                            Mem theirs = ConversionTest.read(rs, 1);
                            Mem ours = mine.get(k);
                            d.expect(Comparison.compare(ours, theirs, cs) == 0, () -> "ORDER BY " + coll + ": sqlite "
                                    + SqliteOracle.describe(theirs) + " where panamax sorts "
                                    + SqliteOracle.describe(ours));
                        }
                    }
                }
            }
            d.assertNoFailures();
        }
    }

    @Test
    void comparisonAffinityMatchesSqlite() throws Exception {
        RandomValues values = new RandomValues("comparisonAffinity");
        String[] types = {"INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB"};
        try (Differential d = new Differential(values.seed);
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(c0 INTEGER, c1 TEXT, c2 REAL, c3 NUMERIC, c4 BLOB)");
            }
            for (int j = 0; j < types.length; j++) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO t(c" + j + ") VALUES(?)");
                        PreparedStatement sel = c.prepareStatement("SELECT CASE WHEN c" + j + " < ?1 THEN -1 WHEN c"
                                + j + " > ?1 THEN 1 WHEN c" + j + " = ?1 THEN 0 END FROM t");
                        Statement del = c.createStatement()) {
                    Affinity aff = Affinity.ofColumnType(types[j]);
                    for (int k = 0; k < 400; k++) {
                        Mem left = values.any();
                        Mem right = values.random().nextBoolean() ? values.numericText() : values.any();
                        ConversionTest.bind(ins, 1, left);
                        ins.executeUpdate();
                        ConversionTest.bind(sel, 1, right);
                        Mem stored = RandomValues.copy(left);
                        stored.applyAffinity(aff);
                        if (aff == Affinity.REAL) {
                            stored.realAffinity();
                        }
                        Integer ours = stored.isNull() || right.isNull() ? null
                                : Integer.signum(Comparison.compare(stored, right, aff == Affinity.BLOB ? null : aff,
                                        Collations.BINARY));
                        try (ResultSet rs = sel.executeQuery()) {
                            rs.next();
                            Object theirs = rs.getObject(1);
                            Integer t = theirs == null ? null : ((Number) theirs).intValue();
                            String type = types[j];
                            d.expect(java.util.Objects.equals(ours, t), () -> type + " column "
                                    + SqliteOracle.describe(left) + " vs " + SqliteOracle.describe(right) + ": sqlite "
                                    + t + ", panamax " + ours);
                        }
                        del.execute("DELETE FROM t");
                    }
                }
            }
            d.assertNoFailures();
        }
    }
}
