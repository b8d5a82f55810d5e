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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequential insert of 1,000,000 rows (rowid 1..N, a three-column record of about 20 bytes) into a table B-tree in
 * one transaction, with the append hint the VDBE gives for rowids from OP_NewRowid. One operation = one million
 * rows; {@code file} commits to a database file (journal, fsync), {@code memory} to an in-memory database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class TableInsertBench {
    static final int ROWS = 1_000_000;

    @Param({"memory", "file"})
    public String target;

    private Path dir;
    private Btree bt;
    private final RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
    private final Mem[] regs = {new Mem(), new Mem(), new Mem()};

    @Setup(Level.Invocation)
    public void open() throws Exception {
        BtreeConfig cfg = BtreeConfig.defaults().withCacheBudget(new PageCacheBudget(256L << 20));
        if (target.equals("file")) {
            dir = Files.createTempDirectory("bench");
            bt = Btree.open(new FileBackend(), dir.resolve("b.db").toString(), cfg);
        } else {
            bt = Btree.openMemory(new FileBackend(), cfg);
        }
        regs[1].setText("panamax-row");
    }

    @TearDown(Level.Invocation)
    public void close() throws Exception {
        bt.close();
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("b.db"));
            Files.deleteIfExists(dir);
            dir = null;
        }
    }

    @Benchmark
    public int insertMillionRows() {
        bt.beginWrite();
        int root = bt.createTree(Btree.CREATE_TABLE);
        try (BtCursor c = bt.cursor(root, true, null)) {
            for (int i = 1; i <= ROWS; i++) {
                regs[0].setLong(i);
                regs[2].setDouble(i * 0.5);
                byte[] rec = enc.encode(regs, 0, 3);
                c.insert(i, rec, 0, enc.length(), true);
            }
        }
        bt.commit();
        return bt.pageCount();
    }
}
