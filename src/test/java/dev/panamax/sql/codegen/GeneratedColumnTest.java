package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated columns as SQLite has them: STORED ones computed on INSERT and UPDATE and kept in the record, VIRTUAL
 * ones left out of the record and computed when read; both usable in constraints and indexes. Results and errors
 * are compared with SQLite (sqlite-jdbc), files with the sqlite3 shell both ways.
 */
class GeneratedColumnTest {
    @TempDir
    Path dir;

    @Test
    void storedAndVirtualColumnsAgreeWithSqlite() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE g(a INT, b AS (a*2) STORED, c AS (a+1), d TEXT AS (b || '-' || c) VIRTUAL, e REAL)",
                    "INSERT INTO g(a) VALUES (5)",
                    "INSERT INTO g VALUES (7, 70)",
                    "INSERT INTO g(a, e) VALUES (1, 2), ('3', 4)",
                    "INSERT INTO g VALUES (1, 2, 3)",
                    "CREATE INDEX gc ON g(c)",
                    "CREATE INDEX gd ON g(d, b)",
                    "UPDATE g SET a = a + 100 WHERE a < 5",
                    "UPDATE g SET e = e * 2 WHERE c = 104",
                    "DELETE FROM g WHERE c = 6",
                    "INSERT INTO g SELECT a + 1000, e FROM g"),
                    "SELECT * FROM g", "SELECT a, c FROM g WHERE c = 102", "SELECT d FROM g WHERE d > '10' ORDER BY d",
                    "SELECT b, c, typeof(c), typeof(d) FROM g ORDER BY a", "PRAGMA integrity_check");
        }
    }

    @Test
    void writingGeneratedColumnsFailsAsInSqlite() throws Exception {
        try (Twin t = new Twin(null)) {
            t.exec("CREATE TABLE g(a INT, b AS (a*2) STORED, c AS (a+1))");
            for (String bad : List.of("INSERT INTO g(b) VALUES (1)", "INSERT INTO g(a, c) VALUES (1, 2)",
                    "UPDATE g SET c = 1", "UPDATE g SET (a, b) = (1, 2)", "INSERT INTO g VALUES (1, 2, 3)")) {
                String[] r = t.outcomes(bad);
                assertEquals(r[1], r[0], bad);
            }
            for (String bad : List.of("CREATE TABLE x(a, b AS (?))", "CREATE TABLE x(a, b AS ((SELECT 1)))",
                    "CREATE TABLE x(a, b AS (a) PRIMARY KEY)")) {
                String[] r = t.outcomes(bad);
                assertEquals(r[1], r[0], bad);
            }
            String loop = "CREATE TABLE lp(a, b AS (c + 1), c AS (b))";
            String[] r = t.outcomes(loop);
            assertEquals(r[1], r[0], loop);
            assertEquals(t.ref("PRAGMA table_xinfo(g)"), t.ours("PRAGMA table_xinfo(g)"));
            assertEquals(t.ref("PRAGMA table_info(g)"), t.ours("PRAGMA table_info(g)"));
        }
    }

    @Test
    void constraintsSeeGeneratedValues() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE h(x, y AS (x * 3) NOT NULL, z AS (y + 1) STORED CHECK (z < 100) UNIQUE)",
                    "INSERT INTO h VALUES (1)", "INSERT INTO h VALUES (NULL)", "INSERT INTO h VALUES (50)",
                    "INSERT INTO h VALUES (1)", "INSERT OR REPLACE INTO h VALUES (1.0)", "INSERT OR IGNORE INTO h VALUES (1)",
                    "UPDATE h SET x = 2", "UPDATE h SET x = 40"),
                    "SELECT x, y, z FROM h", "SELECT x FROM h WHERE z = 7");
        }
    }

    @Test
    void withoutRowidTablesWithGeneratedColumns() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE w(k INT PRIMARY KEY, v, gv AS (v * 10), gs AS (k + v) STORED) WITHOUT ROWID",
                    "INSERT INTO w(k, v) VALUES (2, 3), (1, 4)",
                    "CREATE INDEX wg ON w(gv)",
                    "UPDATE w SET v = 5 WHERE k = 2",
                    "UPDATE w SET k = 7 WHERE gv = 40",
                    "CREATE TABLE r(id INTEGER PRIMARY KEY, twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL)",
                    "INSERT INTO r(id) VALUES (4), (NULL)"),
                    "SELECT * FROM w", "SELECT k FROM w WHERE gv = 50", "SELECT * FROM r", "PRAGMA integrity_check");
        }
    }

    @Test
    void filesRoundTripWithSqlite3() throws Exception {
        Path ours = dir.resolve("p.db");
        String ddl = "CREATE TABLE g(a INT, b AS (a * 2) STORED, c AS (a + 1), d TEXT AS ('v' || c) VIRTUAL, e);"
                + "CREATE INDEX gc ON g(c); CREATE TABLE w(k TEXT PRIMARY KEY, v INT, s AS (v * 2) STORED,"
                + " x AS (k || v)) WITHOUT ROWID;";
        try (Database d = Database.open(ours.toString()); Connection c = d.connect()) {
            c.execute(ddl);
            c.execute("INSERT INTO g(a, e) VALUES (5, 'x'), (6, 'y'), (7, NULL); UPDATE g SET a = 60 WHERE a = 6;"
                    + "INSERT INTO w(k, v) VALUES ('b', 2), ('a', 1), ('c', 3); UPDATE w SET v = 9 WHERE k = 'c'");
        }
        assertEquals("ok", WithoutRowidTest.sqlite3(ours, "PRAGMA integrity_check"));
        List<String> queries = List.of("SELECT * FROM g", "SELECT a FROM g WHERE c = 61", "SELECT * FROM w",
                "SELECT k FROM w WHERE s = 18");
        for (String q : queries) {
            assertEquals(WithoutRowidTest.sqlite3(ours, q), String.join("\n", WithoutRowidTest.rows(ours, q)), q);
        }
        Path theirs = dir.resolve("s.db");
        WithoutRowidTest.sqlite3(theirs, ddl + "INSERT INTO g(a, e) VALUES (5, 'x'), (6, 'y'), (7, NULL);"
                + "INSERT INTO w(k, v) VALUES ('b', 2), ('a', 1), ('c', 9);");
        for (String q : queries) {
            assertEquals(WithoutRowidTest.sqlite3(theirs, q), String.join("\n", WithoutRowidTest.rows(theirs, q)), q);
        }
        try (Database d = Database.open(theirs.toString()); Connection c = d.connect()) {
            c.execute("UPDATE g SET a = 60 WHERE a = 6; INSERT INTO w(k, v) VALUES ('d', 4); DELETE FROM w WHERE k = 'a'");
        }
        assertEquals("ok", WithoutRowidTest.sqlite3(theirs, "PRAGMA integrity_check"));
        for (String q : queries) {
            assertEquals(WithoutRowidTest.sqlite3(theirs, q), String.join("\n", WithoutRowidTest.rows(theirs, q)), q);
        }
    }
}
