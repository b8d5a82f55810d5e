package dev.panamax.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteException;

/**
 * Errors carry SQLite's extended result code and SQLite's message (checked against sqlite-jdbc), and a failed
 * statement leaves the database as it was, in autocommit mode and inside a transaction.
 */
class ErrorsTest {
    private static final String SETUP = "CREATE TABLE t(id INTEGER PRIMARY KEY, a NOT NULL, u UNIQUE, c CHECK(c > 0));"
            + "CREATE TABLE p(a, b, PRIMARY KEY(a, b));"
            + "CREATE TABLE n(x INT CONSTRAINT pos CHECK (x >= 0), y TEXT NOT NULL DEFAULT 'd');"
            + "INSERT INTO t VALUES(1, 'one', 1, 1), (2, 'two', 2, 2); INSERT INTO p VALUES(1, 1);"
            + "INSERT INTO n VALUES(5, 'five');";

    static List<String> failing() {
        List<String> s = new ArrayList<>(List.of(
                "SELEC 1",
                "SELECT * FROM nosuch",
                "SELECT nosuch FROM t",
                "SELECT t.nosuch FROM t",
                "SELECT id FROM t, p WHERE a = 1",
                "INSERT INTO t VALUES(3, NULL, 3, 3)",
                "INSERT INTO t(id, u, c) VALUES(3, 3, 3)",
                "INSERT INTO t VALUES(3, 'x', 1, 3)",
                "INSERT INTO t VALUES(1, 'x', 9, 3)",
                "INSERT INTO t VALUES(3, 'x', 3, -3)",
                "INSERT INTO t VALUES(3, 'x', 3, 3), (4, 'y', 3, 4)",
                "INSERT INTO p VALUES(1, 1)",
                "INSERT INTO t VALUES('abc', 'x', 5, 5)",
                "INSERT INTO n VALUES(-1, 'neg')",
                "UPDATE t SET u = 1 WHERE id = 2",
                "UPDATE t SET id = 1 WHERE id = 2",
                "UPDATE t SET a = NULL",
                "UPDATE n SET x = x - 10",
                "SELECT 1 LIMIT 'x'",
                "INSERT INTO t VALUES(1, 2, 3)",
                "INSERT INTO t(nosuch) VALUES(1)",
                "CREATE TABLE t(x)",
                "DROP TABLE nosuch",
                "SELECT abs(1, 2)",
                "SELECT nosuchfunc(1)",
                "SELECT count(*) FROM t WHERE count(*) > 1",
                "SELECT 1 UNION SELECT 1, 2",
                "SELECT 1 ORDER BY 2",
                "SELECT 1" + " UNION SELECT 1".repeat(500),
                "SELECT " + "1,".repeat(2000) + "1",
                "SELECT max(" + "1,".repeat(1000) + "1)"));
        return s;
    }

    @ParameterizedTest
    @MethodSource("failing")
    void sameCodeAndMessageAsSqlite(String sql) throws Exception {
        String expected = sqliteError(sql);
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute(SETUP);
            String before = dump(c);
            DbException e = assertThrows(DbException.class, () -> c.execute(sql));
            assertEquals(expected, e.code().code() + " " + e.getMessage());
            assertEquals(before, dump(c), "database changed by a failed statement");
            c.execute("BEGIN");
            c.execute("INSERT INTO n VALUES(7, 'seven')");
            String inTxn = dump(c);
            assertThrows(DbException.class, () -> c.execute(sql));
            assertEquals(inTxn, dump(c), "a failed statement changed its transaction");
            c.execute("ROLLBACK");
            assertEquals(before, dump(c), "ROLLBACK did not restore the database");
        }
    }

    private static String sqliteError(String sql) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement st = c.createStatement()) {
            for (String ddl : SETUP.split(";")) {
                if (!ddl.isBlank()) {
                    st.execute(ddl);
                }
            }
            try {
                ((org.sqlite.SQLiteConnection) c).getDatabase().exec(sql, true);
            } catch (SQLiteException e) {
                String m = e.getMessage();
                int open = m.indexOf('(');
                String text = m.substring(open + 1, m.length() - 1);
                return e.getResultCode().code + " " + text;
            }
            return "no error";
        }
    }

    /** Every row of every table, as text. */
    static String dump(Connection c) {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("t", "p", "n")) {
            try (Statement s = c.prepare("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                while (s.step()) {
                    sb.append(table).append(':').append(s.row()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void misuse() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            Statement s = c.prepare("SELECT ?1 + ?2");
            assertEquals(ResultCode.RANGE, assertThrows(DbException.class, () -> s.bindLong(3, 1)).code());
            assertEquals(ResultCode.RANGE, assertThrows(DbException.class, () -> s.bindLong(0, 1)).code());
            s.bindLong(1, 1).bindLong(2, 2);
            assertEquals(true, s.step());
            assertEquals(3, s.getLong(0));
            assertEquals(ResultCode.RANGE, assertThrows(DbException.class, () -> s.getLong(1)).code());
            assertEquals(false, s.step());
            assertEquals(ResultCode.MISUSE, assertThrows(DbException.class, s::step).code());
            s.close();
            assertEquals(ResultCode.MISUSE, assertThrows(DbException.class, s::step).code());
            c.close();
            assertEquals(ResultCode.MISUSE, assertThrows(DbException.class, () -> c.prepare("SELECT 1")).code());
        }
    }
}
