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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases written through the B-tree API and checked by real SQLite: the {@code sqlite3} shell's
 * {@code PRAGMA integrity_check} must print {@code ok} and its aggregates match, and sqlite-jdbc must read back
 * exactly the rows written. Covers page sizes 512, 4096 and 65536, one million rows, payloads from 0 bytes to
 * 1 MiB (overflow chains), secondary indexes (one on the million-row table, two on the others), auto_vacuum FULL
 * and INCREMENTAL, a UTF-16 database, and a large delete (freelist). The million rows are divided by
 * {@code panamax.test.sizeDivisor} in the run over a second backend.
 */
class PanamaxToSqliteTest {
    @TempDir
    Path dir;

    private static final String TABLE_SQL = "CREATE TABLE t(a INTEGER, b TEXT, c BLOB, d REAL)";

    @Test
    void millionRowsPage4096() throws Exception {
        roundTrip(4096, TestBackends.size(1_000_000), 10, SPARSE_BIG_EVERY,
                TestBackends.seed("millionRowsPage4096"));
    }

    @Test
    void millionRowsPage512() throws Exception {
        roundTrip(512, TestBackends.size(1_000_000), 10, SPARSE_BIG_EVERY,
                TestBackends.seed("millionRowsPage512"));
    }

    @Test
    void millionRowsPage65536() throws Exception {
        roundTrip(65536, TestBackends.size(1_000_000), 10, SPARSE_BIG_EVERY,
                TestBackends.seed("millionRowsPage65536"));
    }

    @Test
    void overflowPayloadsPage512() throws Exception {
        roundTrip(512, 20_000, 3, 1_000, TestBackends.seed("overflowPayloadsPage512"));
    }

    @Test
    void autoVacuumFullPage1024() throws Exception {
        roundTrip(1024, 15_000, 4, 700, TestBackends.seed("autoVacuumFullPage1024"), AutoVacuumMode.FULL, true);
    }

    @Test
    void autoVacuumIncrementalUtf16Page2048() throws Exception {
        roundTrip(2048, 15_000, 4, 700, TestBackends.seed("autoVacuumIncrementalUtf16Page2048"),
                AutoVacuumMode.INCREMENTAL, false);
    }

    @Test
    void hugePayloadsPage65536() throws Exception {
        roundTrip(65536, 4_000, 5, 250, TestBackends.seed("hugePayloadsPage65536"));
    }

    private static final int[] BIG_SIZES = {1 << 20, 0, 200_000, (1 << 20) - 1, 65_536, 65_500, 4_061, 1_000_000};
    /**
     * A {@code bigEvery} this large makes the big payloads sparse: only every {@code bigEvery}-th row gets one of
     * {@link #BIG_SIZES} (up to 1 MiB), the others stay small, so a million-row file keeps a modest size.
     */
    private static final int SPARSE_BIG_EVERY = 100_000;

    /** The row with rowid {@code i}: deterministic from the seed. */
    record Row(long a, String b, byte[] c, double d) {
    }

    static Row row(long seed, long i, int bigEvery) {
        SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
        long a = r.nextInt(4) == 0 ? r.nextLong() : r.nextLong(-1000, 1000);
        String b = "v" + Long.toString(r.nextLong() & 0xffffffffL, 36) + (r.nextInt(8) == 0 ? "\u00e9\u4e2d" : "");
        byte[] c = null;
        if (bigEvery > 0 && (bigEvery < SPARSE_BIG_EVERY || i % bigEvery == 0)) {
            int n = i % bigEvery == 0 ? BIG_SIZES[(int) (i / bigEvery) % BIG_SIZES.length]
                    : r.nextInt(10) == 0 ? r.nextInt(20_000) : r.nextInt(600);
            if (i % bigEvery == 0 || r.nextInt(10) != 0) {
                c = new byte[n];
                r.nextBytes(c);
            }
        } else if (r.nextBoolean()) {
            c = new byte[r.nextInt(12)];
            r.nextBytes(c);
        }
        double d = r.nextDouble() * 1e6 - 5e5;
        return new Row(a, b, c, d);
    }

    static boolean keep(long i, int keepOneIn, int bigEvery) {
        return i % keepOneIn == 0 || (bigEvery > 0 && i % bigEvery == 0);
    }

    private void roundTrip(int pageSize, int nRows, int keepOneIn, int bigEvery, long seed) throws Exception {
        roundTrip(pageSize, nRows, keepOneIn, bigEvery, seed, AutoVacuumMode.NONE, false);
    }

    private void roundTrip(int pageSize, int nRows, int keepOneIn, int bigEvery, long seed, AutoVacuumMode av,
                           boolean utf8) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestBackends.realFiles(), "sqlite3 needs a real file");
        String path = dir.resolve("p" + pageSize + ".db").toString();
        KeyInfo kiB = KeyInfo.binary(2, TextEncoding.UTF8);
        KeyInfo kiAd = KeyInfo.binary(3, TextEncoding.UTF8);
        TextEncoding encoding = av == AutoVacuumMode.INCREMENTAL && !utf8 ? TextEncoding.UTF16BE : TextEncoding.UTF8;
        BtreeConfig cfg = BtreeConfig.defaults().withPageSize(pageSize).withAutoVacuum(av).withEncoding(encoding)
                .withCacheBudget(new dev.panamax.storage.pager.PageCacheBudget(256L << 20));
        try (Btree bt = Btree.open(TestBackends.backend(), path, cfg)) {
            long t0 = System.nanoTime();
            bt.beginWrite();
            int tRoot = bt.createTree(Btree.CREATE_TABLE);
            int bRoot = bt.createTree(Btree.CREATE_INDEX);
            boolean twoIndexes = nRows < 500_000;
            int adRoot = twoIndexes ? bt.createTree(Btree.CREATE_INDEX) : 0;
            SchemaSupport.addSchemaRow(bt, "table", "t", "t", tRoot, TABLE_SQL);
            SchemaSupport.addSchemaRow(bt, "index", "t_b", "t", bRoot, "CREATE INDEX t_b ON t(b)");
            if (twoIndexes) {
                SchemaSupport.addSchemaRow(bt, "index", "t_ad", "t", adRoot, "CREATE INDEX t_ad ON t(a, d)");
            }
            RecordEncoder enc = new RecordEncoder(bt.encoding(), true);
            Mem[] regs = {new Mem(), new Mem(), new Mem(), new Mem(), new Mem()};
            try (BtCursor t = bt.cursor(tRoot, true, null); BtCursor ib = bt.cursor(bRoot, true, kiB);
                 BtCursor iad = twoIndexes ? bt.cursor(adRoot, true, kiAd) : null) {
                for (long i = 1; i <= nRows; i++) {
                    Row r = row(seed, i, bigEvery);
                    setRow(regs, r);
                    byte[] rec = enc.encode(regs, 0, 4);
                    t.insert(i, rec, 0, enc.length(), true);
                    indexKeys(bt, ib, iad, enc, r, i, true);
                    if (i % 200_000 == 0) {
                        bt.commit();
                        bt.beginWrite();
                    }
                }
            }
            bt.commit();
            System.out.printf("insert %d rows: %d ms%n", nRows, (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            bt.beginWrite();
            UnpackedRecord probe = UnpackedRecord.allocate(kiB, 3);
            try (BtCursor t = bt.cursor(tRoot, true, null); BtCursor ib = bt.cursor(bRoot, true, kiB);
                 BtCursor iad = twoIndexes ? bt.cursor(adRoot, true, kiAd) : null) {
                for (boolean ok = t.first(); ok; ok = t.next()) {
                    long i = t.rowid();
                    if (!keep(i, keepOneIn, bigEvery)) {
                        Row r = row(seed, i, bigEvery);
                        deleteIndexKeys(ib, iad, probe, kiB, kiAd, r, i);
                        t.delete();
                    }
                }
            }
            bt.commit();
            System.out.printf("delete: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            if (av == AutoVacuumMode.NONE) {
                assertTrue(bt.freelistCount() > 0, "deletes must leave free pages");
            } else if (av == AutoVacuumMode.FULL) {
                assertEquals(0, bt.freelistCount(), "auto_vacuum=FULL leaves no free pages");
            } else {
                int before = bt.pageCount();
                assertTrue(bt.freelistCount() > 0);
                bt.beginWrite();
                for (int k = 0; k < 50 && bt.incrementalVacuumStep(); k++) {
                    assertTrue(bt.pageCount() < before);
                }
                bt.commit();
            }
        }
        long t1 = System.nanoTime();
        assertEquals("ok", SqliteShell.run(path, "PRAGMA integrity_check"));
        System.out.printf("sqlite3 integrity_check: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        t1 = System.nanoTime();
        checkAggregates(path, seed, nRows, keepOneIn, bigEvery);
        checkRowsWithJdbc(path, seed, nRows, keepOneIn, bigEvery);
        System.out.printf("compare: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
    }

    private static void setRow(Mem[] regs, Row r) {
        regs[0].setLong(r.a);
        regs[1].setText(r.b);
        if (r.c == null) {
            regs[2].setNull();
        } else {
            regs[2].setBlob(r.c, 0, r.c.length);
        }
        regs[3].setDouble(r.d);
    }

    private static void indexKeys(Btree bt, BtCursor ib, BtCursor iad, RecordEncoder enc, Row r, long rowid,
                                  boolean insert) {
        Mem[] k = {new Mem(), new Mem(), new Mem()};
        k[0].setText(r.b);
        k[1].setLong(rowid);
        byte[] rec = enc.encode(k, 0, 2);
        ib.insertKey(rec, 0, enc.length());
        k[0].setLong(r.a);
        k[1].setDouble(r.d);
        k[2].setLong(rowid);
        rec = enc.encode(k, 0, 3);
        if (iad != null) {
            iad.insertKey(rec, 0, enc.length());
        }
    }

    private static void deleteIndexKeys(BtCursor ib, BtCursor iad, UnpackedRecord probe, KeyInfo kiB, KeyInfo kiAd,
                                        Row r, long rowid) {
        probe.keyInfo = kiB;
        probe.fields[0].setText(r.b);
        probe.fields[1].setLong(rowid);
        probe.fieldCount = 2;
        probe.defaultRc = 0;
        assertEquals(0, ib.seek(probe), "index t_b entry for " + rowid);
        ib.delete();
        if (iad == null) {
            return;
        }
        probe.keyInfo = kiAd;
        probe.fields[0].setLong(r.a);
        probe.fields[1].setDouble(r.d);
        probe.fields[2].setLong(rowid);
        probe.fieldCount = 3;
        assertEquals(0, iad.seek(probe), "index t_ad entry for " + rowid);
        iad.delete();
    }

    private static void checkAggregates(String path, long seed, int nRows, int keepOneIn, int bigEvery) {
        long count = 0;
        long sumA = 0;
        long sumLenB = 0;
        long sumLenC = 0;
        long nullC = 0;
        for (long i = 1; i <= nRows; i++) {
            if (keep(i, keepOneIn, bigEvery)) {
                Row r = row(seed, i, bigEvery);
                count++;
                sumA += r.a;
                sumLenB += r.b.codePointCount(0, r.b.length());
                if (r.c == null) {
                    nullC++;
                } else {
                    sumLenC += r.c.length;
                }
            }
        }
        String got = SqliteShell.run(path, "SELECT count(*), sum(length(b)), sum(length(c)), sum(c IS NULL) FROM t");
        String sumAText = SqliteShell.run(path, "SELECT printf('%lld', (SELECT sum(a % 1000000007) FROM t))");
        long expectModSum = 0;
        for (long i = 1; i <= nRows; i++) {
            if (keep(i, keepOneIn, bigEvery)) {
                expectModSum += row(seed, i, bigEvery).a % 1000000007L;
            }
        }
        assertEquals(count + "|" + sumLenB + "|" + (sumLenC == 0 && count == nullC ? "" : sumLenC) + "|" + nullC,
                got);
        assertEquals(Long.toString(expectModSum), sumAText);
        assertEquals(Long.toString(count), SqliteShell.run(path, "SELECT count(*) FROM t INDEXED BY t_b WHERE b > ''"));
    }

    private static void checkRowsWithJdbc(String path, long seed, int nRows, int keepOneIn, int bigEvery)
            throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, a, b, c, d FROM t ORDER BY rowid")) {
            for (long i = 1; i <= nRows; i++) {
                if (!keep(i, keepOneIn, bigEvery)) {
                    continue;
                }
                Row r = row(seed, i, bigEvery);
                assertTrue(rs.next(), "row " + i);
                assertEquals(i, rs.getLong(1));
                assertEquals(r.a, rs.getLong(2));
                assertEquals(r.b, rs.getString(3));
                assertArrayEquals(r.c, rs.getBytes(4), "blob of row " + i);
                assertEquals(r.d, rs.getDouble(5));
            }
            assertFalse(rs.next());
        }
    }
}
