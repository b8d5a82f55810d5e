package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WITHOUT ROWID tables stored as SQLite stores them: one index B-tree keyed by the primary key (no rowid tree, no
 * autoindex row in sqlite_schema), secondary indexes ending with the primary key. Each statement runs on Panamax
 * and on SQLite (sqlite-jdbc) and the results must agree; files go both ways through the sqlite3 shell.
 */
class WithoutRowidTest {
    @TempDir
    Path dir;

    @Test
    void textPrimaryKeyAgreesWithSqlite() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID",
                    "INSERT INTO w VALUES('b',2),('a',1)",
                    "INSERT INTO w VALUES('a',3)",
                    "INSERT OR IGNORE INTO w VALUES('a',4),('c',5)",
                    "INSERT OR REPLACE INTO w VALUES('b',6)",
                    "UPDATE w SET v = v * 10 WHERE k >= 'b'",
                    "UPDATE w SET k = 'z' WHERE k = 'a'",
                    "UPDATE w SET k = 'b' WHERE k = 'c'",
                    "UPDATE OR REPLACE w SET k = 'b' WHERE k = 'c'",
                    "DELETE FROM w WHERE v = 60",
                    "INSERT INTO w VALUES(NULL, 1)",
                    "SELECT changes()"),
                    "SELECT * FROM w", "SELECT * FROM w WHERE k = 'b'", "SELECT k FROM w WHERE k > 'a' ORDER BY k DESC",
                    "SELECT count(*), total(v) FROM w");
            assertEquals(List.of("SEARCH w USING PRIMARY KEY (k=?)"),
                    column(t.ours, "EXPLAIN QUERY PLAN SELECT * FROM w WHERE k = ?", 3));
            assertEquals(t.ref("SELECT type, name, tbl_name FROM sqlite_schema"),
                    t.ours("SELECT type, name, tbl_name FROM sqlite_schema"));
        }
    }

    @Test
    void compositeDescAndNocaseKeysWithSecondaryIndexes() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE w(a INT, b TEXT COLLATE NOCASE, c, d REAL, PRIMARY KEY(b, a DESC)) WITHOUT ROWID",
                    "CREATE INDEX wc ON w(c)",
                    "CREATE UNIQUE INDEX wd ON w(d)",
                    "INSERT INTO w VALUES(1,'x',10,1.5),(2,'X',20,2.5),(1,'y',30,3.5),(3,'x',40,4.5)",
                    "INSERT INTO w VALUES(1,'X',99,9.5)",
                    "INSERT INTO w VALUES(9,'q',99,1.5)",
                    "INSERT OR REPLACE INTO w VALUES(9,'q',99,1.5)",
                    "INSERT OR REPLACE INTO w VALUES(1,'X',77,2.5)",
                    "UPDATE w SET c = c + 1 WHERE b = 'x'",
                    "UPDATE w SET b = 'Y' WHERE a = 1 AND b = 'y'",
                    "UPDATE w SET d = 4.5 WHERE c = 100",
                    "UPDATE OR IGNORE w SET d = 4.5 WHERE c = 100",
                    "UPDATE w SET a = a + 10 WHERE c > 40",
                    "DELETE FROM w WHERE c = 41",
                    "CREATE INDEX wcd ON w(c, d)",
                    "REINDEX w"),
                    "SELECT * FROM w", "SELECT * FROM w WHERE b = 'X'", "SELECT a, b FROM w WHERE b = 'x' AND a > 1",
                    "SELECT c, b, a FROM w WHERE c BETWEEN 20 AND 100 ORDER BY c",
                    "SELECT * FROM w WHERE d = 2.5", "SELECT b, a FROM w ORDER BY b, a DESC",
                    "PRAGMA integrity_check");
        }
    }

    @Test
    void integerKeyConflictsAndUpsertLikeActions() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE w(k INTEGER PRIMARY KEY ON CONFLICT REPLACE, u UNIQUE, v) WITHOUT ROWID",
                    "INSERT INTO w VALUES(1,'a',1),(2,'b',2),(3,'c',3)",
                    "INSERT INTO w VALUES(1,'z',9)",
                    "INSERT INTO w VALUES(4,'b',9)",
                    "INSERT OR REPLACE INTO w VALUES(5,'c',5)",
                    "INSERT OR IGNORE INTO w VALUES(6,'a',6)",
                    "UPDATE w SET k = 2 WHERE k = 5",
                    "UPDATE w SET u = 'z' WHERE k = 2",
                    "UPDATE OR REPLACE w SET u = 'z' WHERE k = 2",
                    "INSERT INTO w VALUES('1', 'one', 1)",
                    "INSERT INTO w VALUES(1.0, 'onef', 1)",
                    "DELETE FROM w WHERE k IN (1, 3)",
                    "DELETE FROM w"),
                    "SELECT * FROM w", "SELECT typeof(k), k FROM w WHERE k = 2", "SELECT * FROM w WHERE u > 'a'",
                    "PRAGMA integrity_check");
        }
    }

    @Test
    void joinsPlansAndForeignKeys() throws Exception {
        try (Twin t = new Twin(null)) {
            t.agree(List.of(
                    "CREATE TABLE a(k INT PRIMARY KEY, v) WITHOUT ROWID",
                    "CREATE TABLE b(k INT PRIMARY KEY, w) WITHOUT ROWID",
                    "CREATE INDEX bw ON b(w)",
                    "INSERT INTO a VALUES(1,'a1'),(2,'a2'),(3,'a3')",
                    "INSERT INTO b VALUES(2,'b2'),(3,'b3'),(4,'b4')",
                    "PRAGMA foreign_keys = ON",
                    "CREATE TABLE ch(k INT PRIMARY KEY, ak REFERENCES a(k) ON DELETE CASCADE) WITHOUT ROWID",
                    "INSERT INTO ch VALUES(1, 1), (2, 2)",
                    "INSERT INTO ch VALUES(3, 99)",
                    "DELETE FROM a WHERE k = 1",
                    "UPDATE ch SET ak = 3"),
                    "SELECT * FROM a RIGHT JOIN b ON a.k = b.k ORDER BY b.k",
                    "SELECT * FROM a FULL JOIN b ON a.k = b.k ORDER BY coalesce(a.k, b.k)",
                    "SELECT * FROM a LEFT JOIN b USING(k) ORDER BY 1", "SELECT k FROM a WHERE k IN (3, 1, 9)",
                    "SELECT * FROM a WHERE k = '3'", "SELECT * FROM a WHERE k > 2.5", "SELECT * FROM ch",
                    "SELECT k FROM b WHERE w = 'b3'");
            assertEquals(List.of("SEARCH b USING COVERING INDEX bw (w=?)"),
                    column(t.ours, "EXPLAIN QUERY PLAN SELECT * FROM b WHERE w = ?", 3));
            assertEquals(List.of("SEARCH a USING PRIMARY KEY (k>?)"),
                    column(t.ours, "EXPLAIN QUERY PLAN SELECT * FROM a WHERE k > ?", 3));
        }
    }

    @Test
    void manyRowsSplitThePrimaryKeyTree() throws Exception {
        try (Twin t = new Twin(null)) {
            t.exec("CREATE TABLE w(k TEXT PRIMARY KEY, n INT, pad) WITHOUT ROWID");
            t.exec("CREATE INDEX wn ON w(n)");
            Random r = new Random(7);
            for (int batch = 0; batch < 8; batch++) {
                StringBuilder sb = new StringBuilder("INSERT INTO w VALUES");
                for (int i = 0; i < 500; i++) {
                    int n = batch * 500 + i;
                    sb.append(i == 0 ? "" : ",").append("('key-").append(r.nextInt(1_000_000)).append('-').append(n)
                            .append("',").append(n % 97).append(",'").append("x".repeat(r.nextInt(60))).append("')");
                }
                t.exec(sb.toString());
            }
            t.agree(List.of("DELETE FROM w WHERE n % 3 = 0", "UPDATE w SET pad = k || pad WHERE n % 5 = 1",
                    "UPDATE w SET k = 'moved-' || k WHERE n = 7"),
                    "SELECT count(*), sum(n), max(k), min(k) FROM w", "SELECT k, n FROM w WHERE k > 'key-5' LIMIT 20",
                    "SELECT count(*) FROM w WHERE n = 11", "SELECT k FROM w WHERE n = 7 ORDER BY k",
                    "PRAGMA integrity_check");
        }
    }

    @Test
    void panamaxFilesOpenInSqlite3() throws Exception {
        Path db = dir.resolve("p.db");
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID;"
                    + "INSERT INTO w VALUES('b',2),('a',1);"
                    + "CREATE TABLE m(a INT, b TEXT COLLATE NOCASE, c, PRIMARY KEY(a DESC, b)) WITHOUT ROWID;"
                    + "CREATE INDEX mc ON m(c); CREATE UNIQUE INDEX mbc ON m(b, c)");
            c.execute("BEGIN");
            try (Statement s = c.prepare("INSERT INTO m VALUES(?, ?, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    s.bindLong(1, i % 50).bindText(2, "name-" + i + "-".repeat(i % 40)).bindLong(3, i % 13);
                    s.execute();
                    s.reset();
                }
            }
            c.execute("COMMIT; DELETE FROM m WHERE c = 3; UPDATE m SET c = c + 100 WHERE a = 7;"
                    + "UPDATE m SET a = a + 1000 WHERE c = 5");
        }
        assertEquals("ok", sqlite3(db, "PRAGMA integrity_check"));
        assertEquals("a|1\nb|2", sqlite3(db, "SELECT * FROM w"));
        assertEquals("table|w|w\ntable|m|m\nindex|mc|m\nindex|mbc|m",
                sqlite3(db, "SELECT type, name, tbl_name FROM sqlite_schema"));
        for (String q : List.of("SELECT count(*), sum(a), sum(c) FROM m", "SELECT * FROM m WHERE a = 1007 LIMIT 5",
                "SELECT a, b FROM m ORDER BY a DESC, b LIMIT 7", "SELECT b FROM m WHERE c = 107 ORDER BY b LIMIT 5")) {
            assertEquals(sqlite3(db, q), String.join("\n", rows(db, q)), q);
        }
    }

    @Test
    void sqlite3FilesReadAndWrittenByPanamax() throws Exception {
        Path db = dir.resolve("s.db");
        StringBuilder sql = new StringBuilder("CREATE TABLE m(a INT, b TEXT COLLATE NOCASE, c, PRIMARY KEY(b, a DESC))"
                + " WITHOUT ROWID; CREATE INDEX mc ON m(c); BEGIN;");
        for (int i = 0; i < 3000; i++) {
            sql.append("INSERT INTO m VALUES(").append(i % 50).append(",'n").append(i).append("',").append(i % 13)
                    .append(");");
        }
        sqlite3(db, sql.append("COMMIT;").toString());
        List<String> queries = List.of("SELECT count(*), sum(a), sum(c) FROM m", "SELECT * FROM m WHERE b = 'N17'",
                "SELECT a, b FROM m WHERE b > 'n2998' ORDER BY b, a DESC", "SELECT b FROM m WHERE c = 4 LIMIT 9");
        for (String q : queries) {
            assertEquals(sqlite3(db, q), String.join("\n", rows(db, q)), q);
        }
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("DELETE FROM m WHERE c = 3; UPDATE m SET c = -c WHERE a = 9; INSERT INTO m VALUES(1, 'new', 2);"
                    + "UPDATE m SET b = b || 'x' WHERE a = 11");
        }
        assertEquals("ok", sqlite3(db, "PRAGMA integrity_check"));
        for (String q : queries) {
            assertEquals(sqlite3(db, q), String.join("\n", rows(db, q)), q);
        }
        assertFalse(sqlite3(db, "SELECT count(*) FROM m WHERE b LIKE '%x'").equals("0"));
    }

    private static List<String> column(Connection c, String sql, int col) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.step()) {
                out.add(String.valueOf(s.getObject(col)));
            }
        }
        return out;
    }

    /** The rows of a query as the sqlite3 shell prints them in list mode (integers and text only). */
    static List<String> rows(Path db, String sql) {
        List<String> out = new ArrayList<>();
        try (Database d = Database.open(db.toString()); Connection c = d.connect(); Statement s = c.prepare(sql)) {
            while (s.step()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    Object v = s.getObject(i);
                    sb.append(i == 0 ? "" : "|").append(v == null ? "" : v);
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static String sqlite3(Path db, String sql) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", db.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "sqlite3 shell not found");
            throw e;
        }
        try (var in = p.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }
}
