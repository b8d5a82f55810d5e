package dev.panamax.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.api.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors: syntax errors, unknown tables and columns, NOT NULL, UNIQUE, CHECK and PRIMARY KEY violations, datatype
 * mismatches, too many terms, and more. Each failing statement must give SQLite's extended result code and SQLite's
 * exact message (checked against sqlite-jdbc too, so the expectations are SQLite's), and must leave the database as
 * it was: the file's bytes and a full dump are identical before and after, in autocommit mode, and inside an explicit
 * transaction the statement's own changes are undone while the transaction's earlier ones stay. The conflict clauses
 * (OR ROLLBACK, ABORT, FAIL, IGNORE, REPLACE) leave what SQLite leaves.
 */
class SqlErrorsTest {
    private static final String SCHEMA = """
            CREATE TABLE t (id INTEGER PRIMARY KEY, a NOT NULL, b UNIQUE, c CHECK (c > 0), d,
                CONSTRAINT dpos CHECK (d >= 0), UNIQUE (a, d));
            CREATE TABLE k (x, y, PRIMARY KEY (x, y));
            CREATE TABLE w (g TEXT PRIMARY KEY, h) WITHOUT ROWID;
            CREATE TABLE s (i INT, r REAL, tx TEXT, bl BLOB) STRICT;
            CREATE TABLE n ("x y" INT CHECK ("x y" < 5), z CONSTRAINT zpos CHECK (z > 0) CHECK (z < 9));
            CREATE UNIQUE INDEX ei ON t (lower(b));
            CREATE INDEX tc ON t (c);
            INSERT INTO t VALUES (1, 'x', 'u', 1, 1), (2, 'y', 'v', 2, 2);
            INSERT INTO k VALUES (1, 2);
            INSERT INTO w VALUES ('g', 1);
            INSERT INTO s VALUES (1, 1.5, 'one', x'01');
            """;

    /** A failing statement and the extended code and message SQLite gives for it. */
    record Case(String sql, ResultCode code, String message) {
        @Override
        public String toString() {
            return sql;
        }
    }

    static Stream<Case> cases() {
        String compound501 = "SELECT 0" + " UNION ALL SELECT 1".repeat(500);
        return Stream.of(
                new Case("SELEC 1", ResultCode.ERROR, "near \"SELEC\": syntax error"),
                new Case("SELECT * FROM", ResultCode.ERROR, "incomplete input"),
                new Case("SELECT * FROM t WHERE;", ResultCode.ERROR, "near \";\": syntax error"),
                new Case("CREATE TABLE (a)", ResultCode.ERROR, "near \"(\": syntax error"),
                new Case("SELECT #", ResultCode.ERROR, "unrecognized token: \"#\""),
                new Case("SELECT 'abc", ResultCode.ERROR, "unrecognized token: \"'abc\""),
                new Case("INSERT INTO t VALUES (1, 2", ResultCode.ERROR, "incomplete input"),
                new Case("SELECT * FROM nosuch", ResultCode.ERROR, "no such table: nosuch"),
                new Case("INSERT INTO nosuch VALUES (1)", ResultCode.ERROR, "no such table: nosuch"),
                new Case("UPDATE nosuch SET a = 1", ResultCode.ERROR, "no such table: nosuch"),
                new Case("DELETE FROM nosuch", ResultCode.ERROR, "no such table: nosuch"),
                new Case("DROP TABLE nosuch", ResultCode.ERROR, "no such table: nosuch"),
                new Case("CREATE INDEX i2 ON nosuch (a)", ResultCode.ERROR, "no such table: main.nosuch"),
                new Case("SELECT nosuch FROM t", ResultCode.ERROR, "no such column: nosuch"),
                new Case("SELECT t.nosuch FROM t", ResultCode.ERROR, "no such column: t.nosuch"),
                new Case("SELECT z.a FROM t", ResultCode.ERROR, "no such column: z.a"),
                new Case("UPDATE t SET nosuch = 1", ResultCode.ERROR, "no such column: nosuch"),
                new Case("DELETE FROM t WHERE nosuch = 1", ResultCode.ERROR, "no such column: nosuch"),
                new Case("INSERT INTO t (nosuch) VALUES (1)", ResultCode.ERROR, "table t has no column named nosuch"),
                new Case("SELECT a FROM t, k ORDER BY nosuch", ResultCode.ERROR, "no such column: nosuch"),
                new Case("SELECT id FROM t AS p, t AS q", ResultCode.ERROR, "ambiguous column name: id"),
                new Case("INSERT INTO t (id, b, c) VALUES (3, 'w', 1)", ResultCode.CONSTRAINT_NOTNULL,
                        "NOT NULL constraint failed: t.a"),
                new Case("INSERT INTO t VALUES (3, NULL, 'w', 1, 1)", ResultCode.CONSTRAINT_NOTNULL,
                        "NOT NULL constraint failed: t.a"),
                new Case("UPDATE t SET a = NULL WHERE id = 2", ResultCode.CONSTRAINT_NOTNULL,
                        "NOT NULL constraint failed: t.a"),
                new Case("INSERT INTO t VALUES (3, 'z', 'v', 1, 1)", ResultCode.CONSTRAINT_UNIQUE,
                        "UNIQUE constraint failed: index 'ei'"),
                new Case("INSERT INTO t VALUES (3, 'x', 'w', 1, 1)", ResultCode.CONSTRAINT_UNIQUE,
                        "UNIQUE constraint failed: t.a, t.d"),
                new Case("UPDATE t SET b = 'u' WHERE id = 2", ResultCode.CONSTRAINT_UNIQUE,
                        "UNIQUE constraint failed: index 'ei'"),
                new Case("UPDATE t SET a = 'x', d = 1", ResultCode.CONSTRAINT_UNIQUE,
                        "UNIQUE constraint failed: t.a, t.d"),
                new Case("INSERT INTO t VALUES (3, 'z', 'w', 0, 1)", ResultCode.CONSTRAINT_CHECK,
                        "CHECK constraint failed: c > 0"),
                new Case("INSERT INTO t VALUES (3, 'z', 'w', 1, -1)", ResultCode.CONSTRAINT_CHECK,
                        "CHECK constraint failed: dpos"),
                new Case("UPDATE t SET c = -c", ResultCode.CONSTRAINT_CHECK, "CHECK constraint failed: c > 0"),
                new Case("INSERT INTO n VALUES (7, 1)", ResultCode.CONSTRAINT_CHECK, "CHECK constraint failed: x y"),
                new Case("INSERT INTO n VALUES (1, 10)", ResultCode.CONSTRAINT_CHECK, "CHECK constraint failed: zpos"),
                new Case("INSERT INTO t VALUES (1, 'z', 'w', 1, 1)", ResultCode.CONSTRAINT_PRIMARYKEY,
                        "UNIQUE constraint failed: t.id"),
                new Case("UPDATE t SET id = 1 WHERE id = 2", ResultCode.CONSTRAINT_PRIMARYKEY,
                        "UNIQUE constraint failed: t.id"),
                new Case("INSERT INTO k VALUES (1, 2)", ResultCode.CONSTRAINT_PRIMARYKEY,
                        "UNIQUE constraint failed: k.x, k.y"),
                new Case("INSERT INTO w VALUES ('g', 2)", ResultCode.CONSTRAINT_PRIMARYKEY,
                        "UNIQUE constraint failed: w.g"),
                new Case("INSERT INTO w VALUES (NULL, 2)", ResultCode.CONSTRAINT_NOTNULL,
                        "NOT NULL constraint failed: w.g"),
                new Case("INSERT INTO t VALUES ('abc', 'z', 'w', 1, 1)", ResultCode.MISMATCH, "datatype mismatch"),
                new Case("UPDATE t SET id = 'x'", ResultCode.MISMATCH, "datatype mismatch"),
                new Case("UPDATE t SET rowid = NULL", ResultCode.MISMATCH, "datatype mismatch"),
                new Case("INSERT INTO s VALUES ('abc', 1, 't', x'00')", ResultCode.CONSTRAINT_DATATYPE,
                        "cannot store TEXT value in INT column s.i"),
                new Case("INSERT INTO s VALUES (1, 'x', 't', x'00')", ResultCode.CONSTRAINT_DATATYPE,
                        "cannot store TEXT value in REAL column s.r"),
                new Case("UPDATE s SET bl = 'text'", ResultCode.CONSTRAINT_DATATYPE,
                        "cannot store TEXT value in BLOB column s.bl"),
                new Case(compound501, ResultCode.ERROR, "too many terms in compound SELECT"),
                new Case("SELECT 1 UNION SELECT 1, 2", ResultCode.ERROR,
                        "SELECTs to the left and right of UNION do not have the same number of result columns"),
                new Case("INSERT INTO t VALUES (1, 2)", ResultCode.ERROR,
                        "table t has 5 columns but 2 values were supplied"),
                new Case("INSERT INTO t (a, b) VALUES (1)", ResultCode.ERROR, "1 values for 2 columns"),
                new Case("SELECT abs(1, 2)", ResultCode.ERROR, "wrong number of arguments to function abs()"),
                new Case("SELECT nosuchfn(1)", ResultCode.ERROR, "no such function: nosuchfn"),
                new Case("CREATE TABLE t (z)", ResultCode.ERROR, "table t already exists"),
                new Case("CREATE INDEX ei ON t (a)", ResultCode.ERROR, "index ei already exists"),
                new Case("SELECT count(*) FROM t GROUP BY count(*)", ResultCode.ERROR,
                        "aggregate functions are not allowed in the GROUP BY clause"),
                new Case("SELECT * FROM t WHERE count(*) > 1", ResultCode.ERROR,
                        "misuse of aggregate function count()"),
                new Case("SELECT 1 ORDER BY 2", ResultCode.ERROR,
                        "1st ORDER BY term out of range - should be between 1 and 1"),
                new Case("SELECT (SELECT 1, 2)", ResultCode.ERROR, "sub-select returns 2 columns - expected 1"),
                new Case("SELECT abs(-9223372036854775808)", ResultCode.ERROR, "integer overflow"),
                new Case("SELECT zeroblob(10000000000)", ResultCode.TOOBIG, "string or blob too big"),
                new Case("DROP INDEX nosuch", ResultCode.ERROR, "no such index: nosuch"),
                new Case("DROP VIEW t", ResultCode.ERROR, "use DROP TABLE to delete table t"),
                new Case("ROLLBACK", ResultCode.ERROR, "cannot rollback - no transaction is active"),
                new Case("COMMIT", ResultCode.ERROR, "cannot commit - no transaction is active"),
                new Case("RELEASE nosp", ResultCode.ERROR, "no such savepoint: nosp"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("cases")
    void sqliteGivesThisError(Case c) {
        try (Side sqlite = new SqliteSide()) {
            runAll(sqlite, SCHEMA);
            Outcome o = sqlite.run(c.sql());
            assertEquals(new Outcome.Failure(c.code().code(), c.message()), o, "SQLite's own answer");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void panamaxGivesTheSameErrorAndChangesNothing(Case c) throws IOException {
        Path file = dir.resolve("e.db");
        try (Database db = Database.open(file.toString()); Connection conn = db.connect()) {
            conn.execute(SCHEMA);
            String dump = dump(conn);
            String bytes = sha256(file);
            DbException e = assertThrows(DbException.class, () -> run(conn, c.sql()));
            assertEquals(c.code(), e.code(), "code of " + c.sql() + ": " + e.getMessage());
            assertEquals(c.message(), e.getMessage());
            assertTrue(conn.isAutoCommit());
            assertEquals(dump, dump(conn), "contents after " + c.sql());
            assertEquals(bytes, sha256(file), "file bytes after " + c.sql());
            assertFalse(Files.exists(Path.of(file + "-journal")), "no journal left behind");
        }
    }

    /** Inside BEGIN ... the failing statement is undone alone: the transaction and its earlier work stay. */
    @ParameterizedTest
    @MethodSource("cases")
    void insideATransactionOnlyTheStatementIsUndone(Case c) {
        if (c.sql().equals("COMMIT") || c.sql().equals("ROLLBACK")) {
            return;
        }
        try (Database db = Database.open(":memory:"); Connection conn = db.connect()) {
            conn.execute(SCHEMA);
            String before = dump(conn);
            conn.execute("BEGIN; INSERT INTO t VALUES (10, 'p', 'q', 5, 5); INSERT INTO w VALUES ('zz', 0);");
            String inTransaction = dump(conn);
            DbException e = assertThrows(DbException.class, () -> run(conn, c.sql()));
            assertEquals(c.code(), e.code());
            assertFalse(conn.isAutoCommit(), "the transaction is still open after " + c.sql());
            assertEquals(inTransaction, dump(conn), "contents after " + c.sql());
            conn.execute("ROLLBACK");
            assertEquals(before, dump(conn));
        }
    }

    /** Conflict clauses: each script ends with the contents SQLite ends with, on every table. */
    @ParameterizedTest
    @MethodSource("conflictScripts")
    void conflictClausesLeaveWhatSqliteLeaves(String script) {
        try (Side sqlite = new SqliteSide(); Side panamax = new PanamaxSide()) {
            runAll(sqlite, SCHEMA);
            runAll(panamax, SCHEMA);
            for (String sql : statements(script)) {
                Outcome a = sqlite.run(sql);
                Outcome b = panamax.run(sql);
                assertEquals(a, b, sql);
            }
            for (String table : List.of("t", "k", "w", "s", "n")) {
                String q = "SELECT * FROM " + table + " ORDER BY 1, 2";
                assertEquals(sqlite.run(q), panamax.run(q), q + " after " + script);
            }
            assertEquals(sqlite.run("SELECT changes(), total_changes()"),
                    panamax.run("SELECT changes(), total_changes()"));
        }
    }

    static Stream<String> conflictScripts() {
        return Stream.of(
                "INSERT INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR ABORT INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR FAIL INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR IGNORE INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR REPLACE INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR REPLACE INTO t VALUES (1, 'a', 'c', 1, 1); INSERT OR REPLACE INTO t VALUES (9, 'y', 'z', 2, 2)",
                "INSERT OR ROLLBACK INTO t VALUES (3, 'a', 'c', 1, 1), (4, 'b', 'u', 1, 1)",
                "BEGIN; INSERT INTO k VALUES (5, 5); INSERT OR ROLLBACK INTO t VALUES (4, 'b', 'u', 1, 1); COMMIT",
                "BEGIN; INSERT INTO k VALUES (5, 5); INSERT OR ABORT INTO t VALUES (4, 'b', 'u', 1, 1); COMMIT",
                "BEGIN; INSERT INTO k VALUES (5, 5); INSERT OR FAIL INTO k VALUES (6, 6), (1, 2), (7, 7); COMMIT",
                "BEGIN; INSERT INTO k VALUES (5, 5); INSERT OR IGNORE INTO k VALUES (6, 6), (1, 2), (7, 7); COMMIT",
                "BEGIN; INSERT OR REPLACE INTO w VALUES ('g', 9), ('h', 8); ROLLBACK",
                "SAVEPOINT a; INSERT INTO k VALUES (5, 5); SAVEPOINT b; INSERT INTO k VALUES (1, 2); "
                        + "ROLLBACK TO b; RELEASE a",
                "UPDATE t SET c = c - 1",
                "UPDATE OR FAIL t SET c = 3 - id",
                "UPDATE OR IGNORE t SET b = 'v'",
                "UPDATE OR REPLACE t SET b = 'v' WHERE id = 1",
                "UPDATE OR ROLLBACK t SET a = NULL",
                "BEGIN; DELETE FROM k; UPDATE OR ROLLBACK t SET a = NULL; COMMIT",
                "INSERT OR IGNORE INTO t VALUES (3, NULL, 'c', 1, 1), (4, 'b', 'd', -1, 1), (5, 'c', 'e', 1, 1)",
                "INSERT OR REPLACE INTO t (id, b, c) VALUES (3, 'c', 1)",
                "INSERT OR IGNORE INTO s VALUES ('x', 1, 't', x'00'), (2, 2, 't', x'00')");
    }

    private static void runAll(Side side, String script) {
        for (String sql : statements(script)) {
            Outcome o = side.run(sql);
            if (o instanceof Outcome.Failure f) {
                throw new IllegalStateException(sql + ": " + f);
            }
        }
    }

    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static void run(Connection conn, String sql) {
        try (Statement s = conn.prepare(sql)) {
            while (s.step()) {
                continue;
            }
        }
    }

    /** The schema and every table's rows, each value with its type, in a fixed order. */
    static String dump(Connection conn) {
        StringBuilder sb = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Statement s = conn.prepare("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY name")) {
            while (s.step()) {
                for (int k = 0; k < 5; k++) {
                    sb.append(s.getValue(k)).append('|');
                }
                sb.append('\n');
                if ("table".equals(s.getText(0))) {
                    tables.add(s.getText(1));
                }
            }
        }
        for (String t : tables) {
            sb.append("== ").append(t).append('\n');
            try (Statement s = conn.prepare("SELECT * FROM \"" + t + "\" ORDER BY 1, 2")) {
                while (s.step()) {
                    for (int k = 0; k < s.columnCount(); k++) {
                        sb.append(s.columnType(k)).append(':').append(s.getValue(k)).append('|');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
