package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of 0 pages (never written) reads like SQLite's: sqlite_schema is an empty table, not a CORRUPT page 1.
 * Found by the SQL fuzzer: an integrity check after a failed first statement reported "page number out of range".
 */
class EmptyFileTest {
    @TempDir
    Path dir;

    @Test
    void schemaCursorOnEmptyFileIsEmpty() {
        try (Btree bt = Btree.open(TestBackends.selectedOr(HeapBackend::new), dir.resolve("x.db").toString(),
                BtreeConfig.defaults())) {
            bt.beginRead();
            assertEquals(0, bt.pageCount());
            try (BtCursor c = bt.cursor(1, false, null)) {
                assertFalse(c.first());
                assertFalse(c.last());
                assertTrue(c.seekRowid(1) != 0);
                assertEquals(0, c.count());
            }
        }
    }

    @Test
    void readsOfEmptyDatabaseAnswer() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            assertEquals("ok", one(c, "PRAGMA integrity_check"));
            assertEquals("ok", one(c, "PRAGMA quick_check"));
            assertEquals("0", one(c, "SELECT count(*) FROM sqlite_schema"));
            assertEquals(null, one(c, "SELECT max(name) FROM sqlite_schema"));
            c.execute("CREATE TABLE t(a)");
            assertEquals("t", one(c, "SELECT name FROM sqlite_schema"));
        }
    }

    private static String one(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertTrue(s.step(), sql);
            return s.getText(0);
        }
    }
}
