package dev.panamax.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are SQLite's, both ways: what Panamax writes through SQL passes the sqlite3 shell's integrity check and reads
 * back the same; what sqlite3 writes, Panamax queries.
 */
class FileCompatibilityTest {
    @TempDir
    Path dir;

    private static String sqlite3(Path db, String sql) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "sqlite3 shell not found");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return out;
    }

    @Test
    void panamaxFilesPassSqliteIntegrityCheck() throws Exception {
        Path db = dir.resolve("p.db");
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, v REAL);"
                    + "CREATE INDEX tv ON t(v DESC); CREATE VIEW big AS SELECT name FROM t WHERE v > 10;");
            c.execute("BEGIN");
            try (Statement s = c.prepare("INSERT INTO t(name, v) VALUES(?, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    s.bindText(1, "name-" + i + "-".repeat(i % 50)).bindDouble(2, i * 0.5);
                    s.execute();
                    s.reset();
                }
            }
            c.execute("COMMIT; DELETE FROM t WHERE id % 3 = 0; UPDATE t SET v = -v WHERE id % 5 = 0");
        }
        assertEquals("ok", sqlite3(db, "PRAGMA integrity_check"));
        assertEquals("2000|3000", sqlite3(db, "SELECT count(*), (SELECT seq FROM sqlite_sequence) FROM t"));
        assertEquals(sqlite3(db, "SELECT count(*) FROM big"), query(db, "SELECT count(*) FROM big").get(0));
    }

    @Test
    void sqliteFilesReadInPanamax() throws Exception {
        Path db = dir.resolve("s.db");
        sqlite3(db, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c); CREATE INDEX tb ON t(b);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                + " INSERT INTO t SELECT i, 'b' || (i % 7), randomblob(i % 100) FROM n;");
        assertEquals(List.of("500"), query(db, "SELECT count(*) FROM t"));
        assertEquals(List.of(sqlite3(db, "SELECT count(*) FROM t WHERE b = 'b3'")),
                query(db, "SELECT count(*) FROM t WHERE b = 'b3'"));
        try (Database d = Database.open(db.toString()); Connection c = d.connect()) {
            c.execute("INSERT INTO t(b) VALUES('new'); DELETE FROM t WHERE a < 100");
        }
        assertEquals("ok", sqlite3(db, "PRAGMA integrity_check"));
        assertEquals("402", sqlite3(db, "SELECT count(*) FROM t"));
    }

    private static List<String> query(Path db, String sql) {
        List<String> out = new ArrayList<>();
        try (Database d = Database.open(db.toString()); Connection c = d.connect(); Statement s = c.prepare(sql)) {
            while (s.step()) {
                out.add(s.getText(0));
            }
        }
        return out;
    }
}
