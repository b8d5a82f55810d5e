package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Mem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged databases: truncated files, random bytes, flipped bits in any page, broken headers, pointer cycles.
 * Opening, scanning every tree both ways, seeking and the integrity check must either give well-formed answers or
 * fail with a {@link DbException} of CORRUPT or NOTADB; never another exception, never a hang. Ten thousand
 * seeded damaged files per run, in memory; over the backend -Dpanamax.io selects when it is set (as many files as
 * {@link TestBackends#size} allows).
 */
class DamagedFileTest {
    private static final int FILES = TestBackends.size(10_000);
    private static final KeyInfo INDEX_KEY = KeyInfo.binary(2, TextEncoding.UTF8);

    @TempDir
    Path dir;

    @Test
    void damagedFilesFailCleanly() {
        long seed = TestBackends.seed("damagedFilesFailCleanly");
        IoBackend io = TestBackends.selectedOr(HeapBackend::new);
        String path = dir.resolve("d.db").toString();
        List<byte[]> bases = new ArrayList<>();
        bases.add(build(512, AutoVacuumMode.NONE, 1));
        bases.add(build(1024, AutoVacuumMode.FULL, 2));
        bases.add(build(512, AutoVacuumMode.INCREMENTAL, 3));
        bases.add(build(4096, AutoVacuumMode.NONE, 4));
        for (byte[] b : bases) {
            assertEquals(List.of(), scan(io, path, b, "base"), "undamaged base must be clean");
        }
        int[] outcomes = new int[3];
        Assertions.assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < FILES; i++) {
                long fileSeed = rnd.nextLong();
                byte[] base = bases.get(i % bases.size());
                byte[] img = damage(base, new SplittableRandom(fileSeed));
                String ctx = "file " + i + " (seed " + seed + ", file seed " + fileSeed + ")";
                List<String> r = scan(io, path, img, ctx);
                outcomes[r == null ? 0 : r.isEmpty() ? 1 : 2]++;
            }
        });
        System.out.printf("damaged files: %d raised CORRUPT/NOTADB, %d read clean, %d reported by integrity check%n",
                outcomes[0], outcomes[1], outcomes[2]);
        assertTrue(outcomes[0] + outcomes[2] > FILES / 2, "most damage must be noticed");
    }

    /** A small database with a table, an index, overflow chains and free pages. */
    private static byte[] build(int pageSize, AutoVacuumMode av, long seed) {
        HeapBackend io = new HeapBackend();
        SplittableRandom r = new SplittableRandom(seed);
        try (Btree bt = Btree.open(io, "base.db", BtreeConfig.defaults().withPageSize(pageSize).withAutoVacuum(av))) {
            bt.beginWrite();
            int t = bt.createTree(Btree.CREATE_TABLE);
            int x = bt.createTree(Btree.CREATE_INDEX);
            SchemaSupport.addSchemaRow(bt, "table", "t", "t", t, "CREATE TABLE t(a, b)");
            SchemaSupport.addSchemaRow(bt, "index", "x", "t", x, "CREATE INDEX x ON t(b)");
            RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
            Mem[] m = {new Mem(), new Mem()};
            try (BtCursor c = bt.cursor(t, true, null); BtCursor ic = bt.cursor(x, true, INDEX_KEY)) {
                for (int i = 1; i <= 150; i++) {
                    m[0].setLong(i * 31L);
                    byte[] blob = new byte[r.nextInt(10) == 0 ? r.nextInt(pageSize * 3) : r.nextInt(60)];
                    r.nextBytes(blob);
                    m[1].setBlob(blob, 0, blob.length);
                    byte[] rec = enc.encode(m, 0, 2);
                    c.insert(i, rec, 0, enc.length(), true);
                    Mem[] k = {m[1], new Mem()};
                    k[1].setLong(i);
                    byte[] key = enc.encode(k, 0, 2);
                    ic.insertKey(key, 0, enc.length());
                }
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    if (c.rowid() % 4 == 0) {
                        c.delete();
                    }
                }
            }
            bt.commit();
        }
        return io.get("base.db").clone();
    }

    private static byte[] damage(byte[] base, SplittableRandom r) {
        byte[] img = base.clone();
        int pageSize = pageSize(base);
        int kind = r.nextInt(8);
        switch (kind) {
            case 0 -> {
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    int at = r.nextInt(img.length);
                    img[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                int page = r.nextInt(img.length / pageSize);
                int at = page * pageSize + r.nextInt(pageSize);
                int len = Math.min(img.length - at, 1 + r.nextInt(64));
                for (int k = 0; k < len; k++) {
                    img[at + k] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                int keep = r.nextInt(img.length);
                img = java.util.Arrays.copyOf(img, keep);
            }
            case 3 -> {
                int at = r.nextInt(100);
                img[at] = (byte) r.nextInt(256);
            }
            case 4 -> {
                int page = 1 + r.nextInt(img.length / pageSize);
                int off = (page - 1) * pageSize + (page == 1 ? 100 : 0);
                int field = r.nextInt(12);
                img[off + field] = (byte) r.nextInt(256);
            }
            case 5 -> pointerCycle(img, pageSize, r);
            case 6 -> {
                byte[] junk = new byte[r.nextInt(4 * pageSize)];
                r.nextBytes(junk);
                if (r.nextBoolean() && junk.length > 16) {
                    System.arraycopy(base, 0, junk, 0, Math.min(100, junk.length));
                }
                img = junk;
            }
            default -> {
                int page = r.nextInt(img.length / pageSize);
                for (int k = 0; k < 3; k++) {
                    int at = page * pageSize + r.nextInt(pageSize);
                    img[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
        }
        return img;
    }

    /** Points a 4-byte page reference (child, right child, overflow, freelist) back at its own page or page 2. */
    private static void pointerCycle(byte[] img, int pageSize, SplittableRandom r) {
        int pages = img.length / pageSize;
        for (int tries = 0; tries < 50; tries++) {
            int page = 2 + r.nextInt(Math.max(1, pages - 1));
            int off = (page - 1) * pageSize;
            if (off + 12 > img.length) {
                return;
            }
            int flag = img[off] & 0xff;
            int target = r.nextBoolean() ? page : 2;
            if (flag == 5 || flag == 2) {
                putInt(img, off + 8, target);
                return;
            }
            if (flag == 0) {
                putInt(img, off, target);
                return;
            }
        }
    }

    private static void putInt(byte[] a, int off, int v) {
        a[off] = (byte) (v >>> 24);
        a[off + 1] = (byte) (v >>> 16);
        a[off + 2] = (byte) (v >>> 8);
        a[off + 3] = (byte) v;
    }

    private static int pageSize(byte[] img) {
        int v = ((img[16] & 0xff) << 8) | (img[17] & 0xff);
        return v == 1 ? 65536 : v;
    }

    /**
     * Reads everything; returns null when a CORRUPT/NOTADB error was raised, else the integrity check's messages.
     * Any other exception fails the test.
     */
    static List<String> scan(IoBackend io, String path, byte[] img, String ctx) {
        TestBackends.writeAll(io, path, img);
        try (Btree bt = Btree.open(io, path, BtreeConfig.defaults().withReadOnly(true))) {
            Map<String, Integer> roots = SqliteToPanamaxTest.readSchema(bt);
            int[] rootArr = new int[roots.size() + 1];
            KeyInfo[] kis = new KeyInfo[rootArr.length];
            rootArr[0] = 1;
            int i = 1;
            for (Map.Entry<String, Integer> e : roots.entrySet()) {
                rootArr[i] = e.getValue();
                kis[i] = e.getKey().equals("x") ? INDEX_KEY : null;
                i++;
            }
            List<String> msgs = bt.integrityCheck(rootArr, kis, 100, null);
            for (int k = 1; k < rootArr.length; k++) {
                walk(bt, rootArr[k], kis[k]);
            }
            return msgs;
        } catch (DbException e) {
            ResultCode c = e.primaryCode();
            if (c != ResultCode.CORRUPT && c != ResultCode.NOTADB) {
                fail(ctx + ": unexpected " + e.code() + ": " + e.getMessage(), e);
            }
            if (c == ResultCode.CORRUPT && !e.getMessage().contains("page")) {
                fail(ctx + ": CORRUPT without a page: " + e.getMessage(), e);
            }
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(ctx + ": " + e, e);
            return null;
        }
    }

    private static void walk(Btree bt, int root, KeyInfo ki) {
        Mem m = new Mem();
        int guard = 0;
        try (BtCursor c = bt.cursor(root, false, ki)) {
            for (boolean ok = c.first(); ok && guard < 100_000; ok = c.next(), guard++) {
                c.payloadSize();
                for (int f = 0; f < c.columnCount(); f++) {
                    c.column(f, m);
                }
            }
            for (boolean ok = c.last(); ok && guard < 200_000; ok = c.prev(), guard++) {
                if (ki == null) {
                    c.rowid();
                }
            }
            for (int k = 0; k < 20; k++) {
                if (ki == null) {
                    c.seekRowid(k * 13L);
                } else {
                    UnpackedRecord u = UnpackedRecord.allocate(ki, 1);
                    u.fields[0].setBlob(new byte[] {(byte) k}, 0, 1);
                    u.defaultRc = 1;
                    c.seek(u);
                }
            }
            c.count();
        }
    }
}
