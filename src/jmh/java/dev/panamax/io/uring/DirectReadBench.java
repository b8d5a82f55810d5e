package dev.panamax.io.uring;

import com.sun.nio.file.ExtendedOpenOption;
import dev.panamax.io.BenchFiles;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
 * Random 4 KiB reads with O_DIRECT (past the page cache, from the device): io_uring at QD1 and QD32 against
 * {@code FileChannel.read} with {@code ExtendedOpenOption.DIRECT}. The backend does not open files O_DIRECT, so this
 * drives a {@link Ring} directly; it tells what io_uring's queue depth buys on the real device.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar DirectReadBench -f 1 -wi 1 -w 2s -i 3 -r 2s -bm avgt,thrpt}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class DirectReadBench {
    static final int PAGE = 4096;
    static final int QD = 32;
    static final int O_DIRECT = 0x4000;
    static final int OFFSETS = 1 << 16;

    @Param({"256"})
    public int fileMiB;

    private Arena arena;
    private Ring ring;
    private int fd;
    private String path;
    private FileChannel channel;
    private long[] offsets;
    private final long[] batch = new long[QD];
    private MemorySegment[] buffers;
    private int[] counts;
    private int next;
    private int nextBatch;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = BenchFiles.cached(fileMiB);
        path = file.toString();
        arena = Arena.ofShared();
        ring = Ring.create(64);
        MemorySegment capture = LibC.newErrnoSegment(arena);
        fd = LibC.open(capture, arena.allocateFrom(path), LibC.O_RDONLY | LibC.O_CLOEXEC | O_DIRECT);
        if (fd < 0) {
            throw new IOException("open O_DIRECT: " + Errno.describe(LibC.errno(capture)));
        }
        channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        SplittableRandom random = new SplittableRandom(7);
        long pages = channel.size() / PAGE;
        offsets = new long[OFFSETS];
        for (int i = 0; i < OFFSETS; i++) {
            offsets[i] = random.nextLong(pages) * PAGE;
        }
        buffers = new MemorySegment[QD];
        for (int i = 0; i < QD; i++) {
            buffers[i] = arena.allocate(PAGE, PAGE);
        }
        counts = new int[QD];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        channel.close();
        LibC.close(LibC.newErrnoSegment(arena), fd);
        ring.close();
        arena.close();
    }

    private long nextOffset() {
        next = (next + 1) & (OFFSETS - 1);
        return offsets[next];
    }

    @Benchmark
    public long uringDirectQd1() throws IOException {
        return RingIo.transfer(ring, Ring.IORING_OP_READ, fd, nextOffset(), buffers[0], path);
    }

    @Benchmark
    @OperationsPerInvocation(QD)
    public int uringDirectQd32() throws IOException {
        nextBatch = (nextBatch + QD) & (OFFSETS - 1);
        System.arraycopy(offsets, nextBatch, batch, 0, QD);
        RingIo.batch(ring, Ring.IORING_OP_READ, fd, batch, buffers, counts, QD, path);
        return counts[QD - 1];
    }

    @Benchmark
    public int positionalDirectQd1() throws IOException {
        ByteBuffer b = buffers[0].asByteBuffer();
        return channel.read(b, nextOffset());
    }
}
