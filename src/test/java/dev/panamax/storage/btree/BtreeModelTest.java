package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Mem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random operations on table and index B-trees checked against a {@link TreeMap} model: inserts, replaces,
 * deletes (also inside scans), seeks with every comparison outcome, forward and backward scans, savepoint and
 * transaction rollbacks, over several page sizes and payload shapes. Over a million operations per run.
 */
class BtreeModelTest {
    @TempDir
    Path dir;

    private static final int[] PAGE_SIZES = {512, 1024, 4096, 65536};

    @Test
    void tableTreesMatchModel() {
        long seed = TestBackends.seed("tableTreesMatchModel");
        int ops = 0;
        for (int k = 0; k < PAGE_SIZES.length; k++) {
            ops += runTable(seed + k, PAGE_SIZES[k], k == 1, 160_000);
        }
        assertTrue(ops >= 600_000, "ops " + ops);
    }

    @Test
    void indexTreesMatchModel() {
        long seed = TestBackends.seed("indexTreesMatchModel");
        int ops = 0;
        for (int k = 0; k < PAGE_SIZES.length; k++) {
            ops += runIndex(seed + k, PAGE_SIZES[k], k == 2, 100_000);
        }
        assertTrue(ops >= 400_000, "ops " + ops);
    }

    private Btree open(int pageSize, boolean onFile, AutoVacuumMode av) {
        BtreeConfig cfg = BtreeConfig.defaults().withPageSize(pageSize).withAutoVacuum(av);
        String path = onFile ? dir.resolve("m" + System.nanoTime() + ".db").toString() : null;
        return Btree.open(TestBackends.backend(), path, cfg);
    }

    // ------------------------------------------------------------------ tables

    private int runTable(long seed, int pageSize, boolean onFile, int nOps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AutoVacuumMode av = AutoVacuumMode.values()[rnd.nextInt(3)];
        TreeMap<Long, byte[]> model = new TreeMap<>();
        TreeMap<Long, byte[]> committed = new TreeMap<>();
        String ctx = "table seed=" + seed + " page=" + pageSize + " av=" + av;
        try (Btree bt = open(pageSize, onFile, av)) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            bt.commit();
            long keyRange = 1 + rnd.nextInt(4) * 5000L;
            int done = 0;
            while (done < nOps) {
                bt.beginWrite();
                int savepointAt = -1;
                TreeMap<Long, byte[]> spModel = null;
                int txOps = 1 + rnd.nextInt(3000);
                try (BtCursor c = bt.cursor(root, true, null)) {
                    for (int i = 0; i < txOps; i++, done++) {
                        if (savepointAt < 0 && rnd.nextInt(500) == 0) {
                            bt.openSavepoints(1);
                            savepointAt = i;
                            spModel = new TreeMap<>(model);
                        } else if (savepointAt >= 0 && rnd.nextInt(300) == 0) {
                            if (rnd.nextBoolean()) {
                                bt.rollbackToSavepoint(0);
                                model = new TreeMap<>(spModel);
                            }
                            bt.releaseSavepoint(0);
                            savepointAt = -1;
                        }
                        tableOp(rnd, c, model, keyRange, pageSize, ctx + " op=" + done);
                    }
                }
                if (rnd.nextInt(8) == 0) {
                    bt.rollback();
                    model = new TreeMap<>(committed);
                } else {
                    bt.commit();
                    committed = new TreeMap<>(model);
                }
                if (rnd.nextInt(20) == 0) {
                    verifyTable(bt, root, model, ctx);
                }
            }
            verifyTable(bt, root, model, ctx);
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null), ctx);
            return done;
        }
    }

    private static byte[] payload(SplittableRandom rnd, int pageSize) {
        int r = rnd.nextInt(100);
        int n = r < 70 ? rnd.nextInt(40) : r < 90 ? rnd.nextInt(pageSize / 2) : r < 98 ? rnd.nextInt(pageSize * 3)
                : rnd.nextInt(pageSize * 12);
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static void tableOp(SplittableRandom rnd, BtCursor c, TreeMap<Long, byte[]> model, long keyRange,
                                int pageSize, String ctx) {
        int op = rnd.nextInt(100);
        long key = rnd.nextLong(-keyRange, keyRange + 1);
        if (op < 45) {
            byte[] p = payload(rnd, pageSize);
            boolean append = !model.isEmpty() && rnd.nextBoolean();
            if (append) {
                key = model.lastKey() + 1 + rnd.nextInt(3);
            }
            c.insert(key, p, 0, p.length, append);
            model.put(key, p);
            assertEquals(key, c.rowid(), ctx);
        } else if (op < 70) {
            int res = c.seekRowid(key);
            if (model.containsKey(key)) {
                assertEquals(0, res, ctx);
                if (rnd.nextBoolean()) {
                    c.delete();
                    model.remove(key);
                    Map.Entry<Long, byte[]> nx = model.higherEntry(key);
                    if (nx != null && rnd.nextBoolean()) {
                        assertTrue(c.next(), ctx);
                        assertEquals(nx.getKey(), c.rowid(), ctx);
                    }
                } else {
                    assertArrayEquals(model.get(key), c.payloadBytes(), ctx);
                }
            } else if (model.isEmpty()) {
                assertTrue(c.eof(), ctx);
            } else {
                long at = c.rowid();
                assertTrue(model.containsKey(at), ctx);
                if (res < 0) {
                    assertTrue(at < key, ctx);
                    Long hi = model.higherKey(at);
                    assertTrue(hi == null || hi > key, ctx);
                } else {
                    assertTrue(at > key, ctx);
                    Long lo = model.lowerKey(at);
                    assertTrue(lo == null || lo < key, ctx);
                }
            }
        } else if (op < 85) {
            int steps = rnd.nextInt(50);
            boolean fwd = rnd.nextBoolean();
            int res = c.seekRowid(key);
            if (model.isEmpty()) {
                assertTrue(c.eof(), ctx);
                return;
            }
            Long at = c.rowid();
            assertTrue(res == 0 ? at == key : res < 0 ? at < key : at > key, ctx);
            for (int s = 0; s < steps; s++) {
                Long expect = fwd ? model.higherKey(at) : model.lowerKey(at);
                boolean ok = fwd ? c.next() : c.prev();
                assertEquals(expect != null, ok, ctx);
                if (!ok) {
                    break;
                }
                assertEquals(expect, c.rowid(), ctx);
                at = expect;
            }
        } else if (op < 93) {
            deleteRange(rnd, c, model, key, ctx);
        } else if (op < 97) {
            boolean ok = rnd.nextBoolean() ? c.first() : c.last();
            assertEquals(!model.isEmpty(), ok, ctx);
        } else {
            assertEquals(model.size(), c.count(), ctx);
        }
    }

    /** A DELETE ... WHERE loop: walk forward from a key deleting every other row. */
    private static void deleteRange(SplittableRandom rnd, BtCursor c, TreeMap<Long, byte[]> model, long key,
                                    String ctx) {
        int n = rnd.nextInt(200);
        int res = c.seekRowid(key);
        if (c.eof()) {
            return;
        }
        if (res < 0 && !c.next()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            long at = c.rowid();
            assertEquals(model.ceilingKey(key), at, ctx);
            if (i % 2 == 0) {
                c.delete();
                model.remove(at);
            }
            key = at + 1;
            if (!c.next()) {
                assertEquals(null, model.ceilingKey(key), ctx);
                return;
            }
        }
    }

    private static void verifyTable(Btree bt, int root, TreeMap<Long, byte[]> model, String ctx) {
        try (BtCursor c = bt.cursor(root, false, null)) {
            boolean ok = c.first();
            for (Map.Entry<Long, byte[]> e : model.entrySet()) {
                assertTrue(ok, ctx);
                assertEquals(e.getKey(), c.rowid(), ctx);
                assertArrayEquals(e.getValue(), c.payloadBytes(), ctx);
                ok = c.next();
            }
            assertFalse(ok, ctx);
            assertTrue(c.eof(), ctx);
            ok = c.last();
            for (Long k : model.descendingKeySet()) {
                assertTrue(ok, ctx);
                assertEquals(k, c.rowid(), ctx);
                ok = c.prev();
            }
            assertFalse(ok, ctx);
        }
        bt.commit();
    }

    // ------------------------------------------------------------------ indexes

    /** An index key (a, b, rowid) as SQLite orders it: integer a, then text b (binary), then rowid. */
    record Key(long a, String b, long rowid) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(a, o.a);
            if (c == 0) {
                c = b.compareTo(o.b);
            }
            return c != 0 ? c : Long.compare(rowid, o.rowid);
        }
    }

    private int runIndex(long seed, int pageSize, boolean onFile, int nOps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AutoVacuumMode av = AutoVacuumMode.values()[rnd.nextInt(3)];
        String ctx = "index seed=" + seed + " page=" + pageSize + " av=" + av;
        TreeMap<Key, Boolean> model = new TreeMap<>();
        KeyInfo ki = KeyInfo.binary(3, TextEncoding.UTF8);
        RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
        Mem[] regs = {new Mem(), new Mem(), new Mem()};
        UnpackedRecord probe = UnpackedRecord.allocate(ki, 3);
        try (Btree bt = open(pageSize, onFile, av)) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_INDEX);
            int done = 0;
            try (BtCursor c = bt.cursor(root, true, ki)) {
                while (done < nOps) {
                    int op = rnd.nextInt(1000) == 0 ? 100 : rnd.nextInt(100);
                    Key k = randomKey(rnd, pageSize);
                    String opCtx = ctx + " op=" + done;
                    if (op < 50) {
                        setRegs(regs, k);
                        byte[] rec = enc.encode(regs, 0, 3);
                        c.insertKey(rec, 0, enc.length());
                        model.put(k, Boolean.TRUE);
                    } else if (op < 80) {
                        indexSeek(rnd, c, model, probe, k, opCtx);
                    } else if (op < 100) {
                        int nf = 1 + rnd.nextInt(3);
                        setProbe(probe, k, nf, 0);
                        int res = c.seek(probe);
                        if (res == 0) {
                            Key at = currentKey(c);
                            c.delete();
                            model.remove(at);
                        }
                    } else {
                        bt.commit();
                        if (rnd.nextInt(20) == 0) {
                            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, new KeyInfo[] {null, ki},
                                    100, null), opCtx);
                        }
                        bt.beginWrite();
                    }
                    done++;
                }
            }
            bt.commit();
            verifyIndex(bt, root, ki, model, ctx);
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, new KeyInfo[] {null, ki}, 100, null), ctx);
            return done;
        }
    }

    private static Key randomKey(SplittableRandom rnd, int pageSize) {
        long a = rnd.nextInt(200);
        int len = rnd.nextInt(30) == 0 ? rnd.nextInt(Math.min(pageSize * 2, 9000)) : rnd.nextInt(12);
        char[] cs = new char[len];
        for (int i = 0; i < len; i++) {
            cs[i] = (char) ('a' + rnd.nextInt(3));
        }
        return new Key(a, new String(cs), rnd.nextInt(1000));
    }

    private static void setRegs(Mem[] regs, Key k) {
        regs[0].setLong(k.a);
        regs[1].setText(k.b);
        regs[2].setLong(k.rowid);
    }

    private static void setProbe(UnpackedRecord probe, Key k, int nf, int defaultRc) {
        setRegs(probe.fields, k);
        probe.fieldCount = nf;
        probe.defaultRc = defaultRc;
    }

    private static Key currentKey(BtCursor c) {
        Mem a = new Mem();
        Mem b = new Mem();
        Mem r = new Mem();
        c.column(0, a);
        c.column(1, b);
        c.column(2, r);
        return new Key(a.longValue(), b.textValue(), r.longValue());
    }

    /** SeekGE / SeekGT / SeekLE / SeekLT on a prefix of the key, checked against the model. */
    private static void indexSeek(SplittableRandom rnd, BtCursor c, TreeMap<Key, Boolean> model,
                                  UnpackedRecord probe, Key k, String ctx) {
        int nf = 1 + rnd.nextInt(3);
        int kind = rnd.nextInt(4);
        boolean ge = kind == 0;
        boolean gt = kind == 1;
        boolean le = kind == 2;
        int defaultRc = ge || kind == 3 ? 1 : -1;
        setProbe(probe, k, nf, defaultRc);
        int res = c.seek(probe);
        Key lowBound = new Key(k.a, nf >= 2 ? k.b : "", nf >= 3 ? k.rowid : Long.MIN_VALUE);
        Key highBound = new Key(k.a, nf >= 2 ? k.b : "\uffff\uffff", nf >= 3 ? k.rowid : Long.MAX_VALUE);
        if (nf < 2) {
            lowBound = new Key(k.a, "", Long.MIN_VALUE);
            highBound = new Key(k.a + 1, "", Long.MIN_VALUE);
        }
        Key expect;
        if (ge || le) {
            expect = ge ? model.ceilingKey(lowBound) : (nf < 2 ? model.lowerKey(highBound) : model.floorKey(highBound));
        } else {
            expect = gt ? (nf < 2 ? model.ceilingKey(highBound) : model.higherKey(highBound)) : model.lowerKey(lowBound);
        }
        boolean forward = ge || gt;
        boolean ok = !c.eof();
        if (ok) {
            if (forward && res < 0) {
                ok = c.next();
            } else if (!forward && res > 0) {
                ok = c.prev();
            }
        }
        assertEquals(expect != null, ok, ctx + " kind=" + kind + " nf=" + nf + " key=" + k);
        if (ok) {
            assertEquals(expect, currentKey(c), ctx + " kind=" + kind + " nf=" + nf);
        }
    }

    private static void verifyIndex(Btree bt, int root, KeyInfo ki, TreeMap<Key, Boolean> model, String ctx) {
        try (BtCursor c = bt.cursor(root, false, ki)) {
            List<Key> got = new ArrayList<>();
            for (boolean ok = c.first(); ok; ok = c.next()) {
                got.add(currentKey(c));
            }
            assertEquals(new ArrayList<>(model.keySet()), got, ctx);
            assertEquals(model.size(), c.count(), ctx);
        }
    }
}
