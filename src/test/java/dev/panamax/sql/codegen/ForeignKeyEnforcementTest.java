package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.api.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Foreign key enforcement with PRAGMA foreign_keys = ON against SQLite: every statement of each script must give
 * the same rows or fail with the same primary code, and the tables must end the same. Immediate and deferred
 * constraints, NO ACTION, RESTRICT, CASCADE, SET NULL and SET DEFAULT on delete and update, composite and unique
 * parent keys, self references, savepoints, defer_foreign_keys, REPLACE and DROP TABLE.
 */
class ForeignKeyEnforcementTest {
    static final List<List<String>> SCRIPTS = List.of(
            List.of("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE c(id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id))",
                    "INSERT INTO p VALUES (1, 'a'), (2, 'b')", "INSERT INTO c VALUES (1, 1), (2, NULL)",
                    "INSERT INTO c VALUES (3, 9)", "INSERT INTO c VALUES (4, '2')", "INSERT INTO c VALUES (5, 'x')",
                    "UPDATE c SET pid = 7 WHERE id = 1", "UPDATE c SET pid = 2 WHERE id = 1",
                    "DELETE FROM p WHERE id = 2", "DELETE FROM p WHERE id = 1", "UPDATE p SET id = 5 WHERE id = 2",
                    "UPDATE p SET name = 'z' WHERE id = 2", "DELETE FROM c WHERE id = 1", "DELETE FROM p",
                    "SELECT * FROM p", "SELECT * FROM c", "SELECT total_changes()",
                    "INSERT INTO c VALUES (10, 1), (11, 99)", "SELECT * FROM c"),
            List.of("CREATE TABLE a(id INTEGER PRIMARY KEY)",
                    "CREATE TABLE b(id INTEGER PRIMARY KEY, aid REFERENCES a ON DELETE CASCADE)",
                    "CREATE TABLE c(id INTEGER PRIMARY KEY, bid REFERENCES b ON DELETE CASCADE)",
                    "INSERT INTO a VALUES (1), (2)", "INSERT INTO b VALUES (10, 1), (11, 1), (12, 2)",
                    "INSERT INTO c VALUES (100, 10), (101, 11), (102, 12)", "DELETE FROM a WHERE id = 1",
                    "SELECT changes(), total_changes()", "SELECT * FROM b", "SELECT * FROM c", "DELETE FROM a",
                    "SELECT count(*) FROM b", "SELECT count(*) FROM c"),
            List.of("CREATE TABLE tree(id INTEGER PRIMARY KEY, parent REFERENCES tree ON DELETE CASCADE)",
                    "INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1), (6, 6)",
                    "INSERT INTO tree VALUES (7, 8)", "INSERT INTO tree VALUES (8, 8)", "DELETE FROM tree WHERE id = 2",
                    "SELECT * FROM tree", "UPDATE tree SET parent = 99 WHERE id = 5", "UPDATE tree SET id = 9 WHERE id = 1",
                    "DELETE FROM tree", "SELECT count(*) FROM tree"),
            List.of("CREATE TABLE art(id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE trk(id, art INTEGER REFERENCES art(id) ON UPDATE CASCADE ON DELETE SET NULL)",
                    "INSERT INTO art VALUES (1, 'a'), (2, 'b')", "INSERT INTO trk VALUES (10, 1), (11, 2), (12, 1)",
                    "UPDATE art SET id = 100 WHERE id = 1", "SELECT * FROM trk", "UPDATE art SET name = 'q'",
                    "DELETE FROM art WHERE id = 2", "SELECT * FROM trk", "SELECT total_changes()",
                    "PRAGMA foreign_key_check", "DELETE FROM art", "SELECT * FROM trk"),
            List.of("CREATE TABLE pk2(a, b, c, PRIMARY KEY(a, b), UNIQUE(c))",
                    "CREATE TABLE ck2(x, y, z REFERENCES pk2(c) ON UPDATE SET DEFAULT ON DELETE SET DEFAULT "
                            + "DEFAULT 'c0', FOREIGN KEY(y, x) REFERENCES pk2(b, a) ON UPDATE CASCADE ON DELETE RESTRICT)",
                    "INSERT INTO pk2 VALUES (1, 2, 'c0'), (3, 4, 'c1'), (5, 6, 'c2')",
                    "INSERT INTO ck2 VALUES (1, 2, 'c1'), (3, 4, 'c2'), (NULL, 4, 'c2'), (1, 9, NULL)",
                    "INSERT INTO ck2 VALUES (1, 9, 'c2')", "UPDATE pk2 SET a = 7, b = 8 WHERE a = 3", "SELECT * FROM ck2",
                    "UPDATE pk2 SET c = 'cz' WHERE a = 7", "SELECT * FROM ck2", "DELETE FROM pk2 WHERE a = 7",
                    "DELETE FROM pk2 WHERE a = 5", "SELECT * FROM ck2", "DELETE FROM pk2 WHERE a = 1",
                    "SELECT * FROM pk2"),
            List.of("CREATE TABLE p(id INTEGER PRIMARY KEY)",
                    "CREATE TABLE d(id, pid REFERENCES p DEFERRABLE INITIALLY DEFERRED)",
                    "CREATE TABLE i(id, pid REFERENCES p)", "BEGIN", "INSERT INTO d VALUES (1, 5)",
                    "INSERT INTO i VALUES (1, 5)", "SELECT count(*) FROM d", "COMMIT", "SELECT count(*) FROM d",
                    "INSERT INTO p VALUES (5)", "COMMIT", "SELECT * FROM d", "BEGIN", "DELETE FROM p", "COMMIT",
                    "ROLLBACK", "SELECT * FROM p", "INSERT INTO d VALUES (2, 6)", "SELECT count(*) FROM d",
                    "BEGIN", "SAVEPOINT s1", "INSERT INTO d VALUES (3, 7)", "ROLLBACK TO s1", "RELEASE s1", "COMMIT",
                    "SAVEPOINT s2", "INSERT INTO d VALUES (4, 8)", "RELEASE s2", "ROLLBACK", "SELECT * FROM d"),
            List.of("CREATE TABLE p(id INTEGER PRIMARY KEY)", "CREATE TABLE c(id, pid REFERENCES p)",
                    "INSERT INTO p VALUES (1)", "BEGIN", "PRAGMA defer_foreign_keys = 1", "INSERT INTO c VALUES (1, 2)",
                    "DELETE FROM p", "PRAGMA defer_foreign_keys", "COMMIT", "INSERT INTO p VALUES (1), (2)", "COMMIT",
                    "PRAGMA defer_foreign_keys", "SELECT * FROM c", "BEGIN", "INSERT INTO c VALUES (2, 1), (3, 9)",
                    "SELECT * FROM c", "COMMIT", "SELECT * FROM c"),
            List.of("CREATE TABLE p(id INTEGER PRIMARY KEY, u UNIQUE ON CONFLICT REPLACE)",
                    "CREATE TABLE c(pid REFERENCES p)", "INSERT INTO p VALUES (1, 'x'), (2, 'y')",
                    "INSERT INTO c VALUES (1)", "INSERT INTO p VALUES (3, 'x')", "INSERT OR REPLACE INTO p VALUES (2, 'q')",
                    "SELECT * FROM p ORDER BY id", "DROP TABLE p", "DELETE FROM c", "DROP TABLE p", "SELECT name FROM sqlite_schema"),
            List.of("CREATE TABLE p(a INT PRIMARY KEY, b TEXT UNIQUE COLLATE NOCASE)",
                    "CREATE TABLE c(x TEXT REFERENCES p(a), y REFERENCES p(b))",
                    "INSERT INTO p VALUES (1, 'Abc')", "INSERT INTO c VALUES ('1', NULL)",
                    "INSERT INTO c VALUES ('01', NULL)", "INSERT INTO c VALUES (1.0, NULL)",
                    "INSERT INTO c VALUES (NULL, 'ABC')", "INSERT INTO c VALUES (NULL, 'abd')", "SELECT * FROM c",
                    "DELETE FROM p", "UPDATE p SET b = 'xyz'"));

    @Test
    void enforcementMatchesSqlite() throws SQLException {
        List<String> diffs = new ArrayList<>();
        for (List<String> script : SCRIPTS) {
            try (Twin t = new Twin(null)) {
                t.exec("PRAGMA foreign_keys = ON");
                for (String sql : script) {
                    String[] r = t.both(sql);
                    if (!r[0].equals(r[1])) {
                        diffs.add(sql + "\n  panamax: " + r[0] + "  sqlite:  " + r[1]);
                    }
                }
            }
        }
        assertEquals("", String.join("\n", diffs));
    }

    /** Schema errors SQLite reports when a statement is prepared. */
    @Test
    void schemaErrorsMatchSqlite() throws SQLException {
        try (Twin t = new Twin(null)) {
            t.exec("PRAGMA foreign_keys = ON");
            t.exec("CREATE TABLE c(x REFERENCES nosuch)");
            t.exec("CREATE TABLE p(a, b)");
            t.exec("CREATE TABLE c2(y REFERENCES p(a))");
            for (String sql : List.of("INSERT INTO c VALUES (1)", "DELETE FROM c", "INSERT INTO c2 VALUES (1)",
                    "DELETE FROM p")) {
                String[] r = t.outcomes(sql);
                assertEquals(r[1], r[0], sql);
            }
        }
    }

    /** The codes and message of a violation: immediate FOREIGNKEY (787), RESTRICT's TRIGGER (1811). */
    @Test
    void violationCodes() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("PRAGMA foreign_keys = ON; CREATE TABLE p(id INTEGER PRIMARY KEY);"
                    + "CREATE TABLE c(pid REFERENCES p ON DELETE RESTRICT); INSERT INTO p VALUES (1);"
                    + "INSERT INTO c VALUES (1)");
            DbException e = assertThrows(DbException.class, () -> c.execute("INSERT INTO c VALUES (2)"));
            assertEquals(ResultCode.CONSTRAINT_FOREIGNKEY, e.code());
            assertEquals("FOREIGN KEY constraint failed", e.getMessage());
            e = assertThrows(DbException.class, () -> c.execute("DELETE FROM p"));
            assertEquals(ResultCode.CONSTRAINT_TRIGGER, e.code());
            assertEquals("FOREIGN KEY constraint failed", e.getMessage());
        }
    }

    /** A statement prepared before PRAGMA foreign_keys changes follows the new setting when it runs. */
    @Test
    void preparedStatementsFollowThePragma() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(pid REFERENCES p)");
            try (Statement s = c.prepare("INSERT INTO c VALUES (?)")) {
                s.bindLong(1, 1);
                s.execute();
                c.execute("PRAGMA foreign_keys = ON");
                s.reset();
                s.bindLong(1, 2);
                DbException e = assertThrows(DbException.class, s::execute);
                assertEquals(ResultCode.CONSTRAINT_FOREIGNKEY, e.code());
                c.execute("PRAGMA foreign_keys = OFF");
                s.reset();
                s.execute();
            }
            assertEquals("[count(*)]\ni:2\n", Twin.ours(c, "SELECT count(*) FROM c"));
        }
    }
}
