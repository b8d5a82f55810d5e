package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.value.Mem;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursors keep their place while other cursors change the same tree (saved by key, restored on next use), read
 * cursors see committed data across transactions, rollback invalidates cursors, and the zero-copy mapped read
 * path gives the same answers as positional reads.
 */
class CursorStabilityTest {
    @TempDir
    Path dir;

    private static void put(BtCursor c, long key, int size) {
        RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
        Mem[] m = {new Mem()};
        m[0].setText("r" + key + "-" + "p".repeat(size));
        byte[] rec = enc.encode(m, 0, 1);
        c.insert(key, rec, 0, enc.length(), false);
    }

    @Test
    void scanSurvivesWritesThroughAnotherCursor() {
        SplittableRandom r = new SplittableRandom(3);
        try (Btree bt = Btree.open(TestBackends.selectedOr(HeapBackend::new), dir.resolve("x.db").toString(),
                BtreeConfig.defaults().withPageSize(512))) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            TreeMap<Long, Boolean> model = new TreeMap<>();
            try (BtCursor w = bt.cursor(root, true, null)) {
                for (long i = 0; i < 3000; i += 2) {
                    put(w, i, r.nextInt(100));
                    model.put(i, true);
                }
            }
            try (BtCursor scan = bt.cursor(root, false, null); BtCursor w = bt.cursor(root, true, null)) {
                long last = Long.MIN_VALUE;
                int seen = 0;
                for (boolean ok = scan.first(); ok; ok = scan.next()) {
                    long at = scan.rowid();
                    assertTrue(at > last, "scan went backwards: " + at + " after " + last);
                    assertTrue(model.containsKey(at));
                    last = at;
                    seen++;
                    for (int k = 0; k < 3; k++) {
                        long key = r.nextInt(3000);
                        if (key == at) {
                            continue;
                        }
                        if (r.nextBoolean()) {
                            put(w, key, r.nextInt(300));
                            model.put(key, true);
                        } else if (w.seekRowid(key) == 0) {
                            w.delete();
                            model.remove(key);
                        }
                    }
                }
                assertTrue(seen > 500);
            }
            bt.commit();
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));
            try (BtCursor c = bt.cursor(root, false, null)) {
                assertEquals(model.size(), c.count());
            }
        }
    }

    @Test
    void rollbackTripsOpenCursors() {
        try (Btree bt = Btree.openMemory(new HeapBackend(), BtreeConfig.defaults())) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            BtCursor c = bt.cursor(root, true, null);
            put(c, 1, 10);
            bt.rollback();
            DbException e = org.junit.jupiter.api.Assertions.assertThrows(DbException.class, c::first);
            assertEquals(ResultCode.ABORT_ROLLBACK, e.code());
            c.close();
            bt.beginWrite();
            assertEquals(1, bt.pageCount());
            bt.commit();
        }
    }

    @Test
    void mappedReadsMatchPositionalReads() {
        String path = dir.resolve("m.db").toString();
        try (Btree bt = Btree.open(new MappedBackend(), path, BtreeConfig.defaults().withPageSize(1024))) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            SchemaSupport.addSchemaRow(bt, "table", "t", "t", root, "CREATE TABLE t(x)");
            try (BtCursor w = bt.cursor(root, true, null)) {
                for (long i = 1; i <= 5000; i++) {
                    put(w, i, (int) (i % 700));
                }
            }
            bt.commit();
            for (int round = 0; round < 3; round++) {
                bt.beginWrite();
                try (BtCursor w = bt.cursor(root, true, null)) {
                    for (long i = 1 + round; i <= 5000; i += 3) {
                        if (w.seekRowid(i) == 0) {
                            w.delete();
                        }
                    }
                    put(w, 10_000 + round, 2000);
                }
                if (round == 1) {
                    bt.rollback();
                } else {
                    bt.commit();
                }
            }
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));
        }
        TreeMap<Long, String> viaMap = read(new MappedBackend(), path);
        TreeMap<Long, String> viaRead = read(new dev.panamax.io.FileBackend(), path);
        assertEquals(viaRead, viaMap);
        assertEquals(viaRead, read(TestBackends.diskBackend(), path));
        assertFalse(viaRead.isEmpty());
        assertEquals("ok", SqliteShell.run(path, "PRAGMA integrity_check"));
    }

    private static TreeMap<Long, String> read(dev.panamax.io.IoBackend io, String path) {
        TreeMap<Long, String> out = new TreeMap<>();
        Mem m = new Mem();
        try (Btree bt = Btree.open(io, path, BtreeConfig.defaults()); BtCursor c = bt.cursor(2, false, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(0, m);
                out.put(c.rowid(), m.textValue());
            }
        }
        return out;
    }
}
