package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.DbException;
import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.Page;
import dev.panamax.storage.pager.Pager;
import dev.panamax.value.Mem;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic commit with the rollback journal: a commit interrupted at every possible write leaves, after the next
 * open plays the hot journal back, either the old or the new database, never a mix; and savepoint rollbacks
 * restore every page image exactly, header, page count and freelist included.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    /**
     * Wraps a backend (a HeapBackend by default); after {@code crashAfter} writes every write fails and leaves the
     * files as they were. Batched writes go one at a time, so that a crash can fall between any two of them.
     */
    static final class CrashingBackend implements IoBackend {
        final IoBackend inner;
        int writes;
        int crashAfter = Integer.MAX_VALUE;

        CrashingBackend() {
            this(new HeapBackend());
        }

        CrashingBackend(IoBackend inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return "crashing";
        }

        @Override
        public DbFile open(String path, boolean readOnly, boolean create) throws IOException {
            DbFile f = inner.open(path, readOnly, create);
            return new DbFile() {
                @Override
                public String path() {
                    return f.path();
                }

                @Override
                public long size() throws IOException {
                    return f.size();
                }

                @Override
                public int read(long offset, MemorySegment dst) throws IOException {
                    return f.read(offset, dst);
                }

                @Override
                public MemorySegment view(long offset, long length) throws IOException {
                    return f.view(offset, length);
                }

                @Override
                public void write(long offset, MemorySegment src) throws IOException {
                    if (++writes > crashAfter) {
                        throw new IOException("simulated crash");
                    }
                    f.write(offset, src);
                }

                @Override
                public void truncate(long size) throws IOException {
                    if (++writes > crashAfter) {
                        throw new IOException("simulated crash");
                    }
                    f.truncate(size);
                }

                @Override
                public void sync() throws IOException {
                    if (writes > crashAfter) {
                        throw new IOException("simulated crash");
                    }
                    f.sync();
                }

                @Override
                public void close() throws IOException {
                    f.close();
                }
            };
        }

        @Override
        public boolean exists(String path) throws IOException {
            return inner.exists(path);
        }

        @Override
        public void delete(String path) throws IOException {
            if (++writes > crashAfter) {
                throw new IOException("simulated crash");
            }
            inner.delete(path);
        }

        @Override
        public long currentTimeMillis() {
            return 0;
        }

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public RandomGenerator random() {
            return inner.random();
        }

        @Override
        public void close() {
        }
    }

    private static BtreeConfig CFG = BtreeConfig.defaults().withPageSize(1024);

    @Test
    void interruptedCommitRollsBackOnOpen() throws IOException {
        CFG = BtreeConfig.defaults().withPageSize(1024);
        interruptedCommit();
    }

    /** The same with a cache so small that the transaction spills dirty pages to the file before commit. */
    @Test
    void interruptedSpillingTransactionRollsBackOnOpen() throws IOException {
        CFG = BtreeConfig.defaults().withPageSize(1024)
                .withCacheBudget(new dev.panamax.storage.pager.PageCacheBudget(16 * 1024));
        try {
            interruptedCommit();
        } finally {
            CFG = BtreeConfig.defaults().withPageSize(1024);
        }
    }

    /** Over the selected backend (-Dpanamax.io) or a HeapBackend; each crash runs on its own copy of the file. */
    private void interruptedCommit() throws IOException {
        IoBackend base = TestBackends.selectedOr(HeapBackend::new);
        String basePath = dir.resolve("c.db").toString();
        TreeMap<Long, String> before = new TreeMap<>();
        int root;
        try (Btree bt = Btree.open(base, basePath, CFG)) {
            bt.beginWrite();
            root = bt.createTree(Btree.CREATE_TABLE);
            try (BtCursor c = bt.cursor(root, true, null)) {
                for (long i = 1; i <= 400; i++) {
                    String v = "before " + i + "x".repeat((int) (i % 50));
                    put(c, i, v);
                    before.put(i, v);
                }
            }
            bt.commit();
        }
        byte[] image = TestBackends.readAll(base, basePath);
        TreeMap<Long, String> after = new TreeMap<>(before);
        int totalWrites = -1;
        for (int crashAt = 0; ; crashAt++) {
            String path = dir.resolve("c" + crashAt + ".db").toString();
            TestBackends.writeAll(base, path, image);
            CrashingBackend io = new CrashingBackend(base);
            io.crashAfter = crashAt;
            boolean committed = false;
            try (Btree bt = Btree.open(io, path, CFG)) {
                bt.beginWrite();
                try (BtCursor c = bt.cursor(root, true, null)) {
                    SplittableRandom r = new SplittableRandom(7);
                    for (int k = 0; k < 300; k++) {
                        long key = 1 + r.nextInt(600);
                        if (r.nextInt(3) == 0 && c.seekRowid(key) == 0) {
                            c.delete();
                            after.remove(key);
                        } else {
                            String v = "after " + key + "y".repeat(r.nextInt(700));
                            put(c, key, v);
                            after.put(key, v);
                        }
                    }
                }
                bt.commit();
                committed = true;
            } catch (DbException e) {
                assertTrue(e.primaryCode().name().equals("IOERR"), e.toString());
            }
            if (committed) {
                totalWrites = io.writes;
                verify(base, path, root, after);
                break;
            }
            TreeMap<Long, String> found = read(base, path, root);
            assertTrue(found.equals(before) || found.equals(after), "crash after write " + crashAt
                    + " left a mix of old and new rows");
            assertEquals(List.of(), integrity(base, path, root));
            base.delete(path);
            base.delete(path + "-journal");
            after = new TreeMap<>(before);
        }
        assertTrue(totalWrites > 10, "the commit did " + totalWrites + " writes");
    }

    private static void put(BtCursor c, long key, String v) {
        RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
        Mem[] m = {new Mem()};
        m[0].setText(v);
        byte[] rec = enc.encode(m, 0, 1);
        c.insert(key, rec, 0, enc.length(), false);
    }

    private static TreeMap<Long, String> read(IoBackend io, String path, int root) {
        TreeMap<Long, String> out = new TreeMap<>();
        Mem m = new Mem();
        try (Btree bt = Btree.open(io, path, CFG); BtCursor c = bt.cursor(root, false, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(0, m);
                out.put(c.rowid(), m.textValue());
            }
        }
        return out;
    }

    private static List<String> integrity(IoBackend io, String path, int root) {
        try (Btree bt = Btree.open(io, path, CFG)) {
            return bt.integrityCheck(new int[] {1, root}, null, 100, null);
        }
    }

    private static void verify(IoBackend io, String path, int root, TreeMap<Long, String> expect) {
        assertEquals(expect, read(io, path, root));
        assertEquals(List.of(), integrity(io, path, root));
    }

    @Test
    void savepointRollbackRestoresEveryPageExactly() {
        for (String path : new String[] {null, dir.resolve("s.db").toString()}) {
            IoBackend io = TestBackends.selectedOr(HeapBackend::new);
            try (Btree bt = Btree.open(io, path, CFG.withAutoVacuum(AutoVacuumMode.INCREMENTAL))) {
                bt.beginWrite();
                int root = bt.createTree(Btree.CREATE_TABLE);
                try (BtCursor c = bt.cursor(root, true, null)) {
                    for (long i = 1; i <= 300; i++) {
                        put(c, i, "v" + "z".repeat((int) (i * 7 % 900)));
                    }
                }
                SplittableRandom r = new SplittableRandom(11);
                byte[][] level0 = snapshot(bt.pager());
                bt.openSavepoints(1);
                mutate(bt, root, r);
                byte[][] level1 = snapshot(bt.pager());
                bt.openSavepoints(2);
                mutate(bt, root, r);
                int extra = bt.createTree(Btree.CREATE_INDEX);
                assertTrue(extra > 0);
                while (bt.incrementalVacuumStep()) {
                    assertTrue(bt.pageCount() > 0);
                }
                bt.rollbackToSavepoint(1);
                assertImages(level1, snapshot(bt.pager()), path + " savepoint 1");
                mutate(bt, root, r);
                bt.releaseSavepoint(1);
                bt.rollbackToSavepoint(0);
                assertImages(level0, snapshot(bt.pager()), path + " savepoint 0");
                bt.releaseSavepoint(0);
                bt.commit();
                assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));
            }
        }
    }

    private static void mutate(Btree bt, int root, SplittableRandom r) {
        try (BtCursor c = bt.cursor(root, true, null)) {
            for (int k = 0; k < 200; k++) {
                long key = 1 + r.nextInt(500);
                if (r.nextBoolean() && c.seekRowid(key) == 0) {
                    c.delete();
                } else {
                    put(c, key, "m" + "q".repeat(r.nextInt(3000)));
                }
            }
        }
    }

    private static byte[][] snapshot(Pager pager) {
        int n = pager.pageCount();
        byte[][] pages = new byte[n][];
        for (int i = 1; i <= n; i++) {
            Page p = pager.get(i);
            pages[i - 1] = p.data().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            pager.release(p);
        }
        return pages;
    }

    private static void assertImages(byte[][] expect, byte[][] got, String ctx) {
        assertEquals(expect.length, got.length, ctx + ": page count");
        for (int i = 0; i < expect.length; i++) {
            assertArrayEquals(expect[i], got[i], ctx + ": page " + (i + 1));
        }
    }
}
