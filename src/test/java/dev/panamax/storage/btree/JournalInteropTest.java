package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.DbException;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.value.Mem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback journal is SQLite's format both ways: a hot journal sqlite3 left behind (a snapshot taken in the
 * middle of its transaction, after its cache spilled into the database file) is rolled back by Panamax, and a hot
 * journal Panamax left behind (a commit interrupted after the database file was partly written) is rolled back by
 * sqlite3.
 */
class JournalInteropTest {
    @TempDir
    Path dir;

    @Test
    void panamaxRollsBackSqliteHotJournal() throws Exception {
        Path db = dir.resolve("s.db");
        Path snap = dir.resolve("snap.db");
        String setup = "PRAGMA page_size=1024; CREATE TABLE t(a, b); WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL "
                + "SELECT i+1 FROM k WHERE i < 3000) INSERT INTO t SELECT i, randomblob(100) FROM k;";
        assertEquals("", SqliteShell.run(db.toString(), setup));
        String expect = SqliteShell.run(db.toString(), "SELECT count(*), sum(a), sum(length(b)), hex(sha3_query("
                + "'SELECT * FROM t ORDER BY a')) FROM t");
        String script = "PRAGMA cache_size=10;\nBEGIN;\nUPDATE t SET b = randomblob(130), a = a + 1000000;\n"
                + ".shell cp " + db + " " + snap + "; cp " + db + "-journal " + snap + "-journal\nROLLBACK;\n";
        SqliteShell.script(db.toString(), script);
        assertTrue(Files.exists(dir.resolve("snap.db-journal")), "snapshot has a hot journal");
        assertTrue(Files.size(snap) > Files.size(db), "the snapshot's database file was partly written");
        try (Btree bt = Btree.open(TestBackends.diskBackend(), snap.toString(), BtreeConfig.defaults())) {
            Map<String, Integer> roots = SqliteToPanamaxTest.readSchema(bt);
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, roots.get("t")}, null, 100, null));
            long n = 0;
            long sumA = 0;
            Mem m = new Mem();
            try (BtCursor c = bt.cursor(roots.get("t"), false, null)) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    c.column(0, m);
                    sumA += m.longValue();
                    n++;
                }
            }
            assertEquals(3000, n);
            assertEquals(3000L * 3001 / 2, sumA);
        }
        assertFalse(Files.exists(dir.resolve("snap.db-journal")), "the hot journal was played back and deleted");
        assertEquals(expect, SqliteShell.run(snap.toString(), "SELECT count(*), sum(a), sum(length(b)), "
                + "hex(sha3_query('SELECT * FROM t ORDER BY a')) FROM t"));
    }

    @Test
    void sqliteRollsBackPanamaxHotJournal() throws Exception {
        IoBackend disk = TestBackends.diskBackend();
        CrashRecoveryTest.CrashingBackend io = new CrashRecoveryTest.CrashingBackend(disk);
        BtreeConfig cfg = BtreeConfig.defaults().withPageSize(1024);
        Path db = dir.resolve("p.db");
        int root;
        try (Btree bt = Btree.open(io, db.toString(), cfg)) {
            bt.beginWrite();
            root = bt.createTree(Btree.CREATE_TABLE);
            SchemaSupport.addSchemaRow(bt, "table", "t", "t", root, "CREATE TABLE t(v)");
            fill(bt, root, "before", 2000);
            bt.commit();
        }
        byte[] image = TestBackends.readAll(disk, db.toString());
        String before = SqliteShell.run(db.toString(), "SELECT count(*), sum(length(v)), min(v), max(v) FROM t");
        int writesBefore = io.writes;
        int journalWrites = -1;
        for (int crashAfter = 20; crashAfter < 400; crashAfter += 7) {
            String snap = dir.resolve("crash" + crashAfter + ".db").toString();
            TestBackends.writeAll(disk, snap, image);
            CrashRecoveryTest.CrashingBackend run = new CrashRecoveryTest.CrashingBackend(disk);
            run.crashAfter = crashAfter;
            try (Btree bt = Btree.open(run, snap, cfg)) {
                bt.beginWrite();
                fill(bt, root, "after", 2000);
                bt.commit();
                break;
            } catch (DbException e) {
                if (!disk.exists(snap + "-journal") || Arrays.equals(TestBackends.readAll(disk, snap), image)) {
                    continue;
                }
                assertEquals("ok", SqliteShell.run(snap, "PRAGMA integrity_check"));
                assertEquals(before, SqliteShell.run(snap, "SELECT count(*), sum(length(v)), min(v), max(v) FROM t"));
                journalWrites = crashAfter;
            }
        }
        assertTrue(journalWrites > 0, "some crash left the database file partly written with a hot journal ("
                + writesBefore + " writes to build)");
    }

    private static void fill(Btree bt, int root, String tag, int n) {
        RecordEncoder enc = new RecordEncoder(bt.encoding(), true);
        Mem[] m = {new Mem()};
        try (BtCursor c = bt.cursor(root, true, null)) {
            for (long i = 1; i <= n; i++) {
                m[0].setText(tag + " " + i + " " + "x".repeat((int) (i % 300)));
                byte[] rec = enc.encode(m, 0, 1);
                c.insert(i, rec, 0, enc.length(), false);
            }
        }
    }
}
