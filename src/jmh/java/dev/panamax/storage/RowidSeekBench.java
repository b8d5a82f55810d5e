package dev.panamax.storage;

import dev.panamax.io.FileBackend;
import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.btree.Btree;
import dev.panamax.storage.btree.BtreeConfig;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.PageCacheBudget;
import dev.panamax.value.Mem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random rowid seeks (OP_SeekRowid + OP_Column of one integer column) on a 1,000,000-row table in a database file,
 * with a warm page cache. One operation = one seek plus one column decode; run with {@code -prof gc} to see the
 * allocation per seek.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class RowidSeekBench {
    static final int ROWS = 1_000_000;

    private Path dir;
    private Btree bt;
    private BtCursor cursor;
    private final Mem out = new Mem();
    private long[] keys;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        dir = Files.createTempDirectory("seekbench");
        BtreeConfig cfg = BtreeConfig.defaults().withCacheBudget(new PageCacheBudget(256L << 20));
        bt = Btree.open(new FileBackend(), dir.resolve("s.db").toString(), cfg);
        RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
        Mem[] regs = {new Mem(), new Mem(), new Mem()};
        regs[1].setText("panamax-row");
        bt.beginWrite();
        int root = bt.createTree(Btree.CREATE_TABLE);
        try (BtCursor c = bt.cursor(root, true, null)) {
            for (int i = 1; i <= ROWS; i++) {
                regs[0].setLong(i * 3L);
                regs[2].setDouble(i * 0.5);
                byte[] rec = enc.encode(regs, 0, 3);
                c.insert(i, rec, 0, enc.length(), true);
            }
        }
        bt.commit();
        bt.beginRead();
        cursor = bt.cursor(root, false, null);
        SplittableRandom r = new SplittableRandom(1);
        keys = new long[1 << 20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 1 + r.nextInt(ROWS);
        }
        for (long k : keys) {
            cursor.seekRowid(k);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        cursor.close();
        bt.commit();
        bt.close();
        Files.deleteIfExists(dir.resolve("s.db"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long seekAndDecode() {
        long k = keys[next++ & (keys.length - 1)];
        cursor.seekRowid(k);
        cursor.column(0, out);
        return out.longValue();
    }
}
