package dev.panamax.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential testing against SQLite (sqlite-jdbc): seeded random schemas, data and queries run through both
 * engines; rows (as multisets unless the query fixes their order), value types and error codes must agree. A
 * failing seed is printed; {@code -Ddiff.seed=N} replays from that seed, {@code -Ddiff.schemas} and
 * {@code -Ddiff.queries} size the run.
 */
class DifferentialTest {

    @Test
    void panamaxAgreesWithSqlite() throws Exception {
        long seed = Long.getLong("diff.seed", 20261124L);
        int schemas = Integer.getInteger("diff.schemas", 50);
        int queries = Integer.getInteger("diff.queries", 110);
        List<String> mismatches = new ArrayList<>();
        int ran = 0;
        for (int s = 0; s < schemas; s++) {
            long schemaSeed = seed + s;
            ran += runSchema(schemaSeed, queries, mismatches);
            if (mismatches.size() > 20) {
                break;
            }
        }
        System.out.println("differential: " + ran + " queries from seed " + seed + ", " + mismatches.size()
                + " mismatches");
        mismatches.forEach(System.out::println);
        assertEquals(List.of(), mismatches);
    }

    private static int runSchema(long seed, int queries, List<String> mismatches) throws Exception {
        QueryGenerator gen = new QueryGenerator(seed);
        List<String> ddl = gen.schema();
        try (java.sql.Connection lite = DriverManager.getConnection("jdbc:sqlite::memory:");
                Database db = Database.open(":memory:"); Connection pan = db.connect()) {
            for (String sql : ddl) {
                String a = runSqlite(lite, sql, false);
                String b = runPanamax(pan, sql, false);
                if (!a.equals(b)) {
                    mismatches.add(report(seed, sql, a, b));
                }
            }
            for (int q = 0; q < queries; q++) {
                QueryGenerator.Query query = gen.query();
                String a = runSqlite(lite, query.sql(), !query.ordered());
                String b = runPanamax(pan, query.sql(), !query.ordered());
                if (!a.equals(b) && dedupes(query.sql())) {
                    a = numbersOnly(a);
                    b = numbersOnly(b);
                }
                if (!a.equals(b)) {
                    mismatches.add(report(seed, query.sql(), a, b));
                }
            }
        }
        return queries;
    }

    /**
     * DISTINCT, compound operators and GROUP BY keep one of several values that compare equal (1 and 1.0): which
     * one depends on the order the rows were met, that is on the plan, which SQLite does not define.
     */
    private static boolean dedupes(String sql) {
        return sql.contains("DISTINCT") || sql.contains("UNION") || sql.contains("INTERSECT")
                || sql.contains("EXCEPT") || sql.contains("GROUP BY");
    }

    /**
     * Rows with integral REALs written as INTEGERs and text folded as NOCASE and RTRIM fold it (equal under the
     * collation, so either may be kept), re-sorted.
     */
    private static String numbersOnly(String rows) {
        String s = rows.replace("R-0.0", "R0.0").replaceAll("R(-?\\d+)\\.0(?![0-9E])", "I$1").toLowerCase(java.util.Locale.ROOT)
                .replaceAll(" +'", "'");
        int colon = s.indexOf(" rows: ") + 5;
        if (colon < 5) {
            return s;
        }
        List<String> parts = new ArrayList<>(List.of(s.substring(colon + 2).split(" ; ")));
        Collections.sort(parts);
        return s.substring(0, colon + 2) + String.join(" ; ", parts);
    }

    private static String report(long seed, String sql, String sqlite, String panamax) {
        return "seed " + seed + ": " + sql + "\n   sqlite:  " + clip(sqlite) + "\n   panamax: " + clip(panamax);
    }

    private static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    /** Rows as "type:value" cells, sorted when the order is not fixed; or "error N". */
    static String runSqlite(java.sql.Connection c, String sql, boolean sort) {
        List<String> rows = new ArrayList<>();
        String header = "";
        try (java.sql.Statement st = c.createStatement()) {
            boolean hasRows = st.execute(sql);
            if (hasRows) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    StringBuilder names = new StringBuilder("columns");
                    for (int k = 1; k <= n; k++) {
                        names.append(" ").append(rs.getMetaData().getColumnName(k));
                    }
                    header = names.toString();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int k = 1; k <= n; k++) {
                            sb.append(k == 1 ? "" : " | ").append(cell(rs.getObject(k)));
                        }
                        rows.add(sb.toString());
                    }
                }
            }
        } catch (SQLException e) {
            return "error " + (e.getErrorCode() & 0xff);
        }
        return header + " " + join(rows, sort);
    }

    static String runPanamax(Connection c, String sql, boolean sort) {
        List<String> rows = new ArrayList<>();
        String header = "";
        try (Statement st = c.prepare(sql)) {
            int n = st.columnCount();
            if (n > 0) {
                header = "columns " + String.join(" ", st.columnNames());
            }
            while (st.step()) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    sb.append(k == 0 ? "" : " | ").append(cell(st.getObject(k)));
                }
                rows.add(sb.toString());
            }
        } catch (DbException e) {
            return "error " + e.primaryCode().code();
        } catch (RuntimeException | AssertionError e) {
            return "crash " + e;
        }
        return header + " " + join(rows, sort);
    }

    private static String join(List<String> rows, boolean sort) {
        if (sort) {
            Collections.sort(rows);
        }
        return rows.size() + " rows: " + String.join(" ; ", rows);
    }

    private static String cell(Object o) {
        return switch (o) {
            case null -> "N";
            case Integer i -> "I" + i;
            case Long l -> "I" + l;
            case Double d -> "R" + (d == 0.0 ? 0.0 : d);
            case String s -> "T'" + s + "'";
            case byte[] b -> "B" + HexFormat.of().formatHex(b);
            default -> "?" + o;
        };
    }
}
