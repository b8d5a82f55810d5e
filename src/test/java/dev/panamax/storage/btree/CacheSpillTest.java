package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.PageCacheBudget;
import dev.panamax.value.Mem;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions far larger than the page cache budget: dirty pages spill to the file (after the journal is synced)
 * and the cache stays near its budget; rollback, savepoint rollback and commit all still give exactly the right
 * database, and sqlite3 agrees.
 */
class CacheSpillTest {
    @TempDir
    Path dir;

    private static void put(BtCursor c, long key, String v) {
        RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
        Mem[] m = {new Mem()};
        m[0].setText(v);
        byte[] rec = enc.encode(m, 0, 1);
        c.insert(key, rec, 0, enc.length(), false);
    }

    private static TreeMap<Long, String> read(Btree bt, int root) {
        TreeMap<Long, String> out = new TreeMap<>();
        Mem m = new Mem();
        try (BtCursor c = bt.cursor(root, false, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(0, m);
                out.put(c.rowid(), m.textValue());
            }
        }
        bt.commit();
        return out;
    }

    private static void mutate(Btree bt, int root, TreeMap<Long, String> model, SplittableRandom r, int n) {
        try (BtCursor c = bt.cursor(root, true, null)) {
            for (int i = 0; i < n; i++) {
                long key = r.nextInt(20_000);
                if (r.nextInt(4) == 0 && c.seekRowid(key) == 0) {
                    c.delete();
                    model.remove(key);
                } else {
                    String v = key + ":" + "s".repeat(r.nextInt(900));
                    put(c, key, v);
                    model.put(key, v);
                }
            }
        }
    }

    @Test
    void largeTransactionsSpillAndStayCorrect() {
        String path = dir.resolve("spill.db").toString();
        PageCacheBudget budget = new PageCacheBudget(64 * 1024);
        BtreeConfig cfg = BtreeConfig.defaults().withPageSize(1024).withCacheBudget(budget);
        SplittableRandom r = new SplittableRandom(5);
        try (Btree bt = Btree.open(TestBackends.backend(), path, cfg)) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            SchemaSupport.addSchemaRow(bt, "table", "t", "t", root, "CREATE TABLE t(v)");
            TreeMap<Long, String> model = new TreeMap<>();
            mutate(bt, root, model, r, 2000);
            bt.commit();
            assertEquals(model, read(bt, root));
            TreeMap<Long, String> committed = new TreeMap<>(model);

            bt.beginWrite();
            mutate(bt, root, new TreeMap<>(model), r, 3000);
            assertTrue(bt.pager().cachedPages() < 300, "cache must stay near its budget: " + bt.pager().cachedPages());
            bt.rollback();
            assertEquals(committed, read(bt, root));
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));

            bt.beginWrite();
            mutate(bt, root, model, r, 3000);
            TreeMap<Long, String> atSavepoint = new TreeMap<>(model);
            bt.openSavepoints(1);
            mutate(bt, root, new TreeMap<>(model), r, 2000);
            bt.rollbackToSavepoint(0);
            bt.releaseSavepoint(0);
            mutate(bt, root, atSavepoint, r, 2000);
            bt.commit();
            assertEquals(atSavepoint, read(bt, root));
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));
        }
        if (TestBackends.realFiles()) {
            assertEquals("ok", SqliteShell.run(path, "PRAGMA integrity_check"));
        }
    }
}
