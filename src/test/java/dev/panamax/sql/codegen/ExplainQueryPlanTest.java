package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Row;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EXPLAIN QUERY PLAN shows the index use SQLite shows: equality, range, IN, ORDER BY answered by an index, covering
 * indexes, rowid lookups and a join through an index; the plan lines are compared with SQLite's own (sqlite-jdbc)
 * and with the text expected here.
 */
class ExplainQueryPlanTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER PRIMARY KEY, b INT, c TEXT, d REAL);"
            + "CREATE INDEX tb ON t(b); CREATE INDEX tcd ON t(c, d);"
            + "CREATE TABLE u(x INT, y TEXT); CREATE INDEX ux ON u(x);";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t WHERE b = 5                 | SEARCH t USING INDEX tb (b=?)",
        "SELECT * FROM t WHERE b > 5 AND b < 10      | SEARCH t USING INDEX tb (b>? AND b<?)",
        "SELECT * FROM t WHERE b IN (1, 2, 3)        | SEARCH t USING INDEX tb (b=?)",
        "SELECT * FROM t ORDER BY b                  | SCAN t USING INDEX tb",
        "SELECT b FROM t ORDER BY b DESC             | SCAN t USING COVERING INDEX tb",
        "SELECT c, d FROM t WHERE c = 'x'            | SEARCH t USING COVERING INDEX tcd (c=?)",
        "SELECT * FROM t WHERE c = 'x' AND d > 1.5   | SEARCH t USING INDEX tcd (c=? AND d>?)",
        "SELECT * FROM t WHERE a = 3                 | SEARCH t USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM t WHERE a BETWEEN 3 AND 9     | SEARCH t USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)",
        "SELECT * FROM t JOIN u ON u.x = t.b         | SCAN t;SEARCH u USING INDEX ux (x=?)",
        "SELECT * FROM t, u WHERE t.a = u.x          | SCAN u;SEARCH t USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM u ORDER BY y                  | SCAN u;USE TEMP B-TREE FOR ORDER BY",
        "SELECT y, count(*) FROM u GROUP BY y        | SCAN u;USE TEMP B-TREE FOR GROUP BY",
        "SELECT DISTINCT y FROM u                    | SCAN u;USE TEMP B-TREE FOR DISTINCT"})
    void planMatchesSqlite(String sql, String expected) throws Exception {
        List<String> mine = panamax(sql);
        assertEquals(List.of(expected.split(";")), mine, "Panamax plan");
        assertEquals(sqlite(sql), mine, "SQLite's plan");
    }

    private static List<String> panamax(String sql) {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute(SCHEMA);
            try (Statement s = c.prepare(sql)) {
                List<String> out = new ArrayList<>();
                for (Row r : s.explainQueryPlan()) {
                    out.add(r.getText(3));
                }
                return out;
            }
        }
    }

    private static List<String> sqlite(String sql) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement st = c.createStatement()) {
            for (String ddl : SCHEMA.split(";")) {
                if (!ddl.isBlank()) {
                    st.execute(ddl);
                }
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                while (rs.next()) {
                    out.add(rs.getString(4));
                }
            }
            return out;
        }
    }
}
