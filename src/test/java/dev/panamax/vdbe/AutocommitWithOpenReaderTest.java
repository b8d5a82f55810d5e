package dev.panamax.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An autocommit write commits when it ends even while a read statement of the same connection is still open (the
 * reader keeps its SHARED lock), as in SQLite: a later explicit transaction's ROLLBACK must not take it back, and
 * another connection sees it at once. Same steps on SQLite (sqlite-jdbc) and on Panamax.
 */
class AutocommitWithOpenReaderTest {
    static final String[] AFTER_READER = {"INSERT INTO t VALUES (10, 'new')", "UPDATE t SET v = 'changed' WHERE id = 1",
        "DELETE FROM t WHERE id = 2", "BEGIN", "INSERT INTO t VALUES (11, 'rolled back')", "ROLLBACK"};

    @Test
    void writesCommitBesideAnOpenReader(@TempDir Path dir) throws Exception {
        assertEquals(sqlite(dir.resolve("s.db")), panamax(dir.resolve("p.db")));
    }

    private static List<String> panamax(Path file) {
        List<String> out = new ArrayList<>();
        try (Database db = Database.open(file.toString()); Connection c = db.connect();
                Connection other = db.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            c.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            try (Statement reader = c.prepare("SELECT id FROM t ORDER BY id")) {
                assertTrue(reader.step());
                out.add("reader " + reader.getLong(0));
                for (String sql : AFTER_READER) {
                    c.execute(sql);
                }
                out.add("other " + rows(other));
            }
            out.add("after " + rows(c));
        }
        return out;
    }

    private static String rows(Connection c) {
        StringBuilder sb = new StringBuilder();
        try (Statement s = c.prepare("SELECT id, v FROM t ORDER BY id")) {
            while (s.step()) {
                sb.append(s.getLong(0)).append('=').append(s.getText(1)).append(' ');
            }
        }
        return sb.toString().trim();
    }

    private static List<String> sqlite(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            ddl.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            try (java.sql.Statement rs = c.createStatement(); ResultSet reader = rs.executeQuery(
                    "SELECT id FROM t ORDER BY id")) {
                assertTrue(reader.next());
                out.add("reader " + reader.getLong(1));
                try (java.sql.Statement w = c.createStatement()) {
                    for (String sql : AFTER_READER) {
                        w.execute(sql);
                    }
                }
                out.add("other " + rows(other));
            }
            out.add("after " + rows(c));
        }
        return out;
    }

    private static String rows(java.sql.Connection c) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, v FROM t ORDER BY id")) {
            while (rs.next()) {
                sb.append(rs.getLong(1)).append('=').append(rs.getString(2)).append(' ');
            }
        }
        return sb.toString().trim();
    }
}
