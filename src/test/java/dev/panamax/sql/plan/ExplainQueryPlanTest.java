package dev.panamax.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Row;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXPLAIN QUERY PLAN shows the index use SQLite shows: equality, range, IN, the INTEGER PRIMARY KEY, ORDER BY
 * satisfied by an index, covering indexes and joins through an index. Each plan is checked three ways: Panamax's
 * {@link Statement#explainQueryPlan()}, Panamax's SQL {@code EXPLAIN QUERY PLAN}, and real SQLite (sqlite-jdbc) on the
 * same schema; the three must show the same tree of plan lines, and the expected lines are spelled out as well.
 *
 * <p>The tree is compared as indented detail text (a line's depth follows its parent id), since SQLite's ids are
 * its bytecode addresses.
 */
class ExplainQueryPlanTest {
    private static final String SCHEMA = """
            CREATE TABLE t (a, b, c, d);
            CREATE INDEX ti_a ON t (a);
            CREATE INDEX ti_bc ON t (b, c);
            CREATE TABLE p (id INTEGER PRIMARY KEY, x, y);
            CREATE TABLE q (k, v);
            CREATE INDEX qi ON q (k);
            CREATE TABLE w (g TEXT PRIMARY KEY, h) WITHOUT ROWID;
            """;

    private static Database db;
    private static Connection conn;
    private static java.sql.Connection sqlite;

    @BeforeAll
    static void open() throws SQLException {
        db = Database.open(":memory:");
        conn = db.connect();
        conn.execute(SCHEMA);
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (java.sql.Statement s = sqlite.createStatement()) {
            for (String ddl : SCHEMA.split(";")) {
                if (!ddl.isBlank()) {
                    s.execute(ddl);
                }
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        db.close();
        sqlite.close();
    }

    /** Each case: the query, "=>", then its expected plan lines separated by " | " (two spaces per tree level). */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM t WHERE a = 5 => SEARCH t USING INDEX ti_a (a=?)",
        "SELECT * FROM t WHERE a > 5 AND a < 10 => SEARCH t USING INDEX ti_a (a>? AND a<?)",
        "SELECT * FROM t WHERE a BETWEEN 5 AND 10 => SEARCH t USING INDEX ti_a (a>? AND a<?)",
        "SELECT * FROM t WHERE a >= 5 => SEARCH t USING INDEX ti_a (a>?)",
        "SELECT * FROM t WHERE a < 5 => SEARCH t USING INDEX ti_a (a<?)",
        "SELECT * FROM t WHERE b = 1 AND c > 2 => SEARCH t USING INDEX ti_bc (b=? AND c>?)",
        "SELECT * FROM t WHERE b = 1 AND c = 2 => SEARCH t USING INDEX ti_bc (b=? AND c=?)",
        "SELECT * FROM p WHERE id = 5 => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM p WHERE rowid = 5 => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM p WHERE id > 5 AND id < 10 => SEARCH p USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)",
        "SELECT * FROM p WHERE id > 5 => SEARCH p USING INTEGER PRIMARY KEY (rowid>?)",
        "SELECT * FROM t WHERE a IN (1, 2, 3) => SEARCH t USING INDEX ti_a (a=?)",
        "SELECT * FROM p WHERE id IN (1, 2, 3) => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM t WHERE a IN (SELECT k FROM q) => SEARCH t USING INDEX ti_a (a=?) | LIST SUBQUERY 1"
                + " |   SCAN q USING COVERING INDEX qi",
        "SELECT * FROM t ORDER BY a => SCAN t USING INDEX ti_a",
        "SELECT * FROM t ORDER BY a DESC => SCAN t USING INDEX ti_a",
        "SELECT * FROM t WHERE b = 1 ORDER BY c => SEARCH t USING INDEX ti_bc (b=?)",
        "SELECT * FROM p ORDER BY x => SCAN p | USE TEMP B-TREE FOR ORDER BY",
        "SELECT a FROM t WHERE a > 5 => SEARCH t USING COVERING INDEX ti_a (a>?)",
        "SELECT b, c FROM t WHERE b = 1 => SEARCH t USING COVERING INDEX ti_bc (b=?)",
        "SELECT count(*) FROM t WHERE a = 1 => SEARCH t USING COVERING INDEX ti_a (a=?)",
        "SELECT a FROM t ORDER BY a => SCAN t USING COVERING INDEX ti_a",
        "SELECT * FROM p JOIN q ON q.k = p.x => SCAN p | SEARCH q USING INDEX qi (k=?)",
        "SELECT * FROM q JOIN p ON p.id = q.v => SCAN q | SEARCH p USING INTEGER PRIMARY KEY (rowid=?)",
        "SELECT * FROM p, t WHERE t.a = p.x AND p.id = 3 => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"
                + " | SEARCH t USING INDEX ti_a (a=?)",
        "SELECT * FROM p LEFT JOIN q ON q.k = p.x => SCAN p | SEARCH q USING INDEX qi (k=?) LEFT-JOIN",
        "SELECT q.v FROM p JOIN q ON q.k = p.x WHERE p.id = 7 => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"
                + " | SEARCH q USING INDEX qi (k=?)",
        "SELECT q.v FROM p JOIN q ON q.k = p.id WHERE p.id = 7 => SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"
                + " | SCAN q",
        "SELECT * FROM w => SCAN w",
        "SELECT * FROM w WHERE g > 'x' => SEARCH w USING PRIMARY KEY (g>?)",
        "SELECT * FROM w WHERE g = 'x' => SEARCH w USING PRIMARY KEY (g=?)",
        "SELECT x, count(*) FROM p GROUP BY x => SCAN p | USE TEMP B-TREE FOR GROUP BY",
        "SELECT DISTINCT x FROM p => SCAN p | USE TEMP B-TREE FOR DISTINCT",
        "SELECT * FROM p WHERE x = 1 => SCAN p",
    })
    void planMatchesSqlite(String spec) throws SQLException {
        String sql = spec.substring(0, spec.indexOf(" => "));
        String expected = spec.substring(spec.indexOf(" => ") + 4);
        String sqliteTree = String.join(" | ", sqlitePlan(sql));
        assertEquals(expected, sqliteTree, "SQLite's own plan (the case's expectation is wrong)");
        String apiTree = String.join(" | ", tree(apiPlan(sql)));
        String sqlTree = String.join(" | ", tree(sqlPlan(sql)));
        assertEquals(sqliteTree, apiTree, "Statement.explainQueryPlan() of " + sql);
        assertEquals(sqliteTree, sqlTree, "EXPLAIN QUERY PLAN " + sql);
    }

    private record Line(long id, long parent, String detail) {
    }

    private static List<Line> apiPlan(String sql) {
        List<Line> out = new ArrayList<>();
        try (Statement s = conn.prepare(sql)) {
            for (Row r : s.explainQueryPlan()) {
                out.add(new Line(r.getLong(0), r.getLong(1), r.getText(3)));
            }
        }
        return out;
    }

    private static List<Line> sqlPlan(String sql) {
        List<Line> out = new ArrayList<>();
        try (Statement s = conn.prepare("EXPLAIN QUERY PLAN " + sql)) {
            while (s.step()) {
                out.add(new Line(s.getLong(0), s.getLong(1), s.getText(3)));
            }
        }
        return out;
    }

    private static List<String> sqlitePlan(String sql) throws SQLException {
        List<Line> out = new ArrayList<>();
        try (java.sql.Statement s = sqlite.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.add(new Line(rs.getLong(1), rs.getLong(2), rs.getString(4)));
            }
        }
        return tree(out);
    }

    /** Plan lines indented two spaces per level below the root. */
    private static List<String> tree(List<Line> lines) {
        Map<Long, Integer> depth = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            int d = l.parent() == 0 ? 0 : depth.getOrDefault(l.parent(), 0) + 1;
            depth.put(l.id(), d);
            out.add("  ".repeat(d) + l.detail());
        }
        return out;
    }
}
