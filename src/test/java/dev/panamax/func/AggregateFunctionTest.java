package dev.panamax.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.DbException;
import dev.panamax.value.Differential;
import dev.panamax.value.Mem;
import dev.panamax.value.RandomValues;
import dev.panamax.value.SqliteOracle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The built-in aggregates against SQLite: random groups of values of every type are stepped through our
 * accumulators and aggregated by {@code SELECT agg(x) FROM t}; as window functions, a sliding ROWS frame drives step
 * and inverse and is compared row by row with SQLite's {@code OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT
 * ROW)}.
 */
class AggregateFunctionTest {
    private static final String[] AGGREGATES = {"count(x)", "count(*)", "sum(x)", "total(x)", "avg(x)", "min(x)",
        "max(x)", "group_concat(x)", "group_concat(x, s)", "string_agg(x, s)"};
    private static final String[] WINDOWED = {"count(x)", "count(*)", "sum(x)", "total(x)", "avg(x)",
        "group_concat(x)", "group_concat(x, s)", "string_agg(x, s)"};

    private final FunctionRegistry registry = new FunctionRegistry();

    @Test
    void aggregatesMatchSqlite() throws SQLException {
        RandomValues values = new RandomValues("aggregates");
        try (Differential d = new Differential(values.seed);
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, x, s)");
            }
            for (int round = 0; round < 300; round++) {
                List<Mem[]> rows = fill(c, values);
                for (String agg : AGGREGATES) {
                    Mem theirs = new Mem();
                    String error = query(c, "SELECT " + agg + " AS v FROM t", theirs);
                    Mem ours = new Mem();
                    String mine = aggregate(agg, rows, ours);
                    d.expect(error != null ? error.equals(mine) : mine == null && SqliteOracle.same(ours, theirs),
                            () -> agg + " over " + describe(rows) + ": sqlite "
                                    + (error != null ? error : SqliteOracle.describe(theirs)) + ", panamax "
                                    + (mine != null ? mine : SqliteOracle.describe(ours)));
                }
            }
            d.assertNoFailures();
        }
    }

    @Test
    void windowFramesMatchSqlite() throws SQLException {
        RandomValues values = new RandomValues("windows");
        try (Differential d = new Differential(values.seed);
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, x, s)");
            }
            for (int round = 0; round < 150; round++) {
                List<Mem[]> rows = fill(c, values);
                for (String agg : WINDOWED) {
                    List<Mem> theirs = new ArrayList<>();
                    String error = windowQuery(c, agg, theirs);
                    List<Mem> ours = new ArrayList<>();
                    String mine = slide(agg, rows, ours);
                    boolean ok = error != null ? error.equals(mine) : mine == null && theirs.size() == ours.size();
                    for (int k = 0; ok && error == null && k < ours.size(); k++) {
                        ok = SqliteOracle.same(ours.get(k), theirs.get(k));
                    }
                    boolean same = ok;
                    d.expect(same, () -> agg + " over window of " + describe(rows) + ": sqlite "
                            + (error != null ? error : describeAll(theirs)) + ", panamax "
                            + (mine != null ? mine : describeAll(ours)));
                }
            }
            d.assertNoFailures();
        }
    }

    @Test
    void emptyGroupsAndBareColumnSkips() {
        BasicFunctionContext ctx = new BasicFunctionContext(1);
        String[] names = {"count", "sum", "total", "avg", "min", "max", "group_concat"};
        String[] expected = {"INTEGER 0", "NULL", "REAL 0.0 (0)", "NULL", "NULL", "NULL", "NULL"};
        for (int k = 0; k < names.length; k++) {
            Mem out = new Mem();
            registry.find(names[k], 1).aggregate().newAccumulator().finish(ctx, out);
            assertEquals(expected[k], SqliteOracle.describe(out), names[k]);
        }
        Accumulator max = registry.find("max", 1).aggregate().newAccumulator();
        int[] values = {3, 5, 4, 5, 9};
        boolean[] skippedExpected = {false, false, true, true, false};
        for (int k = 0; k < values.length; k++) {
            ctx.skipped = false;
            max.step(ctx, new Mem[] {RandomValues.of((long) values[k])});
            assertEquals(skippedExpected[k], ctx.skipped, "step " + k);
        }
        ctx.skipped = false;
        max.step(ctx, new Mem[] {RandomValues.nul()});
        assertTrue(ctx.skipped, "a NULL after a value keeps the bare columns");
    }

    private static List<Mem[]> fill(Connection c, RandomValues values) throws SQLException {
        SplittableRandom rnd = values.random();
        List<Mem[]> rows = new ArrayList<>();
        int n = rnd.nextInt(0, 12);
        int style = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            Mem x = switch (style) {
                case 0 -> values.any();
                case 1 -> rnd.nextInt(5) == 0 ? RandomValues.nul() : values.integer();
                case 2 -> RandomValues.of(rnd.nextBoolean() ? Long.MAX_VALUE - rnd.nextInt(3) : rnd.nextLong());
                default -> rnd.nextInt(5) == 0 ? values.numericText() : values.real();
            };
            Mem s = rnd.nextInt(6) == 0 ? values.any() : RandomValues.of(new String[] {",", "; ", "", "\u00e9"}[k % 4]);
            rows.add(new Mem[] {x, s});
        }
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM t");
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO t(k, x, s) VALUES(?, ?, ?)")) {
            for (int k = 0; k < rows.size(); k++) {
                ins.setInt(1, k);
                bind(ins, 2, rows.get(k)[0]);
                bind(ins, 3, rows.get(k)[1]);
                ins.executeUpdate();
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement ps, int k, Mem m) throws SQLException {
        switch (m.type()) {
            case Mem.NULL -> ps.setNull(k, java.sql.Types.NULL);
            case Mem.INTEGER -> ps.setLong(k, m.longValue());
            case Mem.REAL -> ps.setDouble(k, m.doubleValue());
            case Mem.TEXT -> ps.setString(k, m.textValue());
            default -> ps.setBytes(k, m.copyBytes());
        }
    }

    /** Runs a one-value query into out; returns the error text, or null. */
    private static String query(Connection c, String sql, Mem out) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT typeof(v), hex(v), v FROM (" + sql + ")")) {
            rs.next();
            read(rs, out);
            return null;
        } catch (SQLException e) {
            return errorText(e);
        }
    }

    private static String windowQuery(Connection c, String agg, List<Mem> out) throws SQLException {
        String sql = "SELECT typeof(v), hex(v), v FROM (SELECT k, " + agg
                + " OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS v FROM t) ORDER BY k";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Mem m = new Mem();
                read(rs, m);
                out.add(m);
            }
            return null;
        } catch (SQLException e) {
            return errorText(e);
        }
    }

    private static String errorText(SQLException e) {
        String msg = e.getMessage();
        int paren = msg.lastIndexOf(" (");
        return paren >= 0 && msg.endsWith(")") ? msg.substring(paren + 2, msg.length() - 1) : msg;
    }

    private static void read(ResultSet rs, Mem out) throws SQLException {
        switch (rs.getString(1)) {
            case "null" -> out.setNull();
            case "integer" -> out.setLong(rs.getLong(3));
            case "real" -> out.setDouble(rs.getDouble(3));
            case "text" -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(2));
                out.setText(b, 0, b.length);
            }
            default -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(2));
                out.setBlob(b, 0, b.length);
            }
        }
    }

    /** Steps every row through a fresh accumulator; returns the error text, or null. */
    private String aggregate(String agg, List<Mem[]> rows, Mem out) {
        BasicFunctionContext ctx = new BasicFunctionContext(0);
        try {
            Accumulator acc = accumulator(agg);
            for (Mem[] row : rows) {
                acc.step(ctx, args(agg, row));
            }
            acc.finish(ctx, out);
            return null;
        } catch (DbException e) {
            return e.getMessage();
        }
    }

    /**
     * The window ROWS BETWEEN 2 PRECEDING AND CURRENT ROW as SQLite runs it: inverse the row that leaves the
     * frame, step the new row, then read the value (the order shows in group_concat and in sums that overflow).
     */
    private String slide(String agg, List<Mem[]> rows, List<Mem> out) {
        BasicFunctionContext ctx = new BasicFunctionContext(0);
        try {
            Accumulator acc = accumulator(agg);
            for (int k = 0; k < rows.size(); k++) {
                if (k >= 3) {
                    acc.inverse(ctx, args(agg, rows.get(k - 3)));
                }
                acc.step(ctx, args(agg, rows.get(k)));
                Mem m = new Mem();
                acc.value(ctx, m);
                out.add(m);
            }
            return null;
        } catch (DbException e) {
            return e.getMessage();
        }
    }

    private Accumulator accumulator(String agg) {
        String name = agg.substring(0, agg.indexOf('('));
        int nArg = agg.endsWith("(*)") ? 0 : agg.contains(", s") ? 2 : 1;
        return registry.find(name, nArg).aggregate().newAccumulator();
    }

    private static Mem[] args(String agg, Mem[] row) {
        if (agg.endsWith("(*)")) {
            return new Mem[0];
        }
        return agg.contains(", s") ? new Mem[] {row[0], row[1]} : new Mem[] {row[0]};
    }

    private static String describe(List<Mem[]> rows) {
        List<String> d = new ArrayList<>();
        for (Mem[] r : rows) {
            d.add(SqliteOracle.describe(r[0]) + "/" + SqliteOracle.describe(r[1]));
        }
        return d.toString();
    }

    private static String describeAll(List<Mem> ms) {
        List<String> d = new ArrayList<>();
        for (Mem m : ms) {
            d.add(SqliteOracle.describe(m));
        }
        return d.toString();
    }
}
