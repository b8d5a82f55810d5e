package dev.panamax.io;

import dev.panamax.io.uring.UringBackend;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random 4 KiB reads from a page-cache-resident file, one at a time (QD1) and 32 at once (QD32): io_uring
 * ({@code UringBackend}) against positional reads ({@code FileChannel.read}) and copies from a mapping
 * ({@code MemorySegment.copy}), plus the default backend's {@code read} (a mapping copy behind its chunk table).
 * QD32 methods count each of the 32 reads as one operation. The file (default 256 MiB, in java.io.tmpdir) is
 * created once and read through before measuring so that it is cached; both mappings are touched page by page
 * first, as a database's mapping would be after warm-up.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar RandomReadBench -f 1 -wi 2 -w 1s -i 3 -r 1s -bm avgt} (and {@code -bm thrpt -tu s} for ops/s)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RandomReadBench {
    static final int PAGE = 4096;
    static final int QD = 32;
    static final int OFFSETS = 1 << 16;

    @Param({"256"})
    public int fileMiB;

    private Arena arena;
    private FileChannel channel;
    private MemorySegment mapping;
    private IoBackend uring;
    private DbFile uringFile;
    private DbFile mappedFile;
    private long[] offsets;
    private MemorySegment[] buffers;
    private ByteBuffer[] byteBuffers;
    private int[] counts;
    private final long[] batch = new long[QD];
    private int next;
    private int nextBatch;
    /** Where the prefault loop's bytes go, so that the JIT keeps the loads. */
    public long sink;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = BenchFiles.cached(fileMiB);
        arena = Arena.ofShared();
        channel = FileChannel.open(file, StandardOpenOption.READ);
        mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        uring = UringBackend.open(new FileBackend());
        uringFile = uring.open(file.toString(), true, false);
        mappedFile = new FileBackend().open(file.toString(), true, false);
        SplittableRandom random = new SplittableRandom(42);
        long pages = channel.size() / PAGE;
        offsets = new long[OFFSETS];
        for (int i = 0; i < OFFSETS; i++) {
            offsets[i] = random.nextLong(pages) * PAGE;
        }
        buffers = new MemorySegment[QD];
        byteBuffers = new ByteBuffer[QD];
        for (int i = 0; i < QD; i++) {
            buffers[i] = arena.allocate(PAGE, PAGE);
            byteBuffers[i] = buffers[i].asByteBuffer();
        }
        counts = new int[QD];
        prefault(pages);
    }

    /** Touches every page through both mappings, so that page faults stay out of the measurement. */
    private void prefault(long pages) throws IOException {
        for (long p = 0; p < pages; p++) {
            sink += mapping.get(ValueLayout.JAVA_BYTE, p * PAGE);
            mappedFile.read(p * PAGE, buffers[0]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        uringFile.close();
        mappedFile.close();
        uring.close();
        channel.close();
        arena.close();
    }

    private long nextOffset() {
        next = (next + 1) & (OFFSETS - 1);
        return offsets[next];
    }

    private long[] nextBatch() {
        nextBatch = (nextBatch + QD) & (OFFSETS - 1);
        System.arraycopy(offsets, nextBatch, batch, 0, QD);
        return batch;
    }

    @Benchmark
    public int uringQd1() throws IOException {
        return uringFile.read(nextOffset(), buffers[0]);
    }

    @Benchmark
    @OperationsPerInvocation(QD)
    public int uringQd32() throws IOException {
        uringFile.readBatch(nextBatch(), buffers, counts, QD);
        return counts[QD - 1];
    }

    @Benchmark
    public int positionalQd1() throws IOException {
        ByteBuffer b = byteBuffers[0].clear();
        return channel.read(b, nextOffset());
    }

    @Benchmark
    @OperationsPerInvocation(QD)
    public int positionalQd32() throws IOException {
        int total = 0;
        for (int i = 0; i < QD; i++) {
            total += channel.read(byteBuffers[i].clear(), nextOffset());
        }
        return total;
    }

    @Benchmark
    public MemorySegment mappedQd1() {
        MemorySegment.copy(mapping, nextOffset(), buffers[0], 0, PAGE);
        return buffers[0];
    }

    @Benchmark
    @OperationsPerInvocation(QD)
    public MemorySegment mappedQd32() {
        for (int i = 0; i < QD; i++) {
            MemorySegment.copy(mapping, nextOffset(), buffers[i], 0, PAGE);
        }
        return buffers[QD - 1];
    }

    @Benchmark
    public int mmapBackendQd1() throws IOException {
        return mappedFile.read(nextOffset(), buffers[0]);
    }
}
