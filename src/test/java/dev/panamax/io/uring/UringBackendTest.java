package dev.panamax.io.uring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.panamax.io.DbFile;
import dev.panamax.io.FileBackend;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the io_uring backend does: the probe and its refusals, kernel errors reported as exceptions (never a
 * crash), batches larger than the rings, and closing with files still open.
 */
class UringBackendTest {
    @TempDir
    Path dir;

    private FileBackend files;

    @BeforeEach
    void setUp() {
        files = new FileBackend();
    }

    private UringBackend openOrSkip() {
        try {
            return UringBackend.open(files);
        } catch (UringUnavailableException e) {
            assumeTrue(false, "io_uring unavailable here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    @Test
    void aRefusedProbeNamesTheRefusal() {
        UringUnavailableException e = assertThrows(UringUnavailableException.class, () -> UringBackend.open(files,
                entries -> {
                    throw new UringUnavailableException("io_uring_setup refused: " + Errno.describe(Errno.EPERM));
                }));
        assertTrue(e.getMessage().contains("EPERM"), e.getMessage());
    }

    /** With native access denied the JVM refuses the downcalls: the probe says so and selection falls back. */
    @Test
    void deniedNativeAccessFallsBackToMmap() throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(launcher.toString(), "--illegal-native-access=deny", "-cp",
                System.getProperty("java.class.path"), DeniedNativeAccessMain.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        assertTrue(out.contains("backend=mmap"), out);
        assertTrue(out.contains("refused=native calls unavailable: java.lang.IllegalCallerException"), out);
    }

    @Test
    void aRealKernelRefusalIsAnExceptionNotACrash() {
        openOrSkip().close();
        UringUnavailableException zero = assertThrows(UringUnavailableException.class,
                () -> UringBackend.open(files, entries -> Ring.create(0)));
        assertTrue(zero.getMessage().contains("EINVAL"), zero.getMessage());
        UringUnavailableException huge = assertThrows(UringUnavailableException.class,
                () -> UringBackend.open(files, entries -> Ring.create(1 << 20)));
        assertTrue(huge.getMessage().contains("EINVAL"), huge.getMessage());
    }

    @Test
    void kernelErrorsOnRequestsAreIoExceptions() throws IOException {
        try (UringBackend io = openOrSkip(); Arena arena = Arena.ofConfined()) {
            String path = dir.resolve("bad.db").toString();
            io.open(path, false, true).close();
            RingPool pool = new RingPool(Ring::create, 8, 2, Ring.create(8));
            UringFile badFd = new UringFile(files.open(path, false, false), -1, pool, false);
            IOException read = assertThrows(IOException.class, () -> badFd.read(0, arena.allocate(4096)));
            assertTrue(read.getMessage().contains("EBADF"), read.getMessage());
            MemorySegment[] bufs = {arena.allocate(512), arena.allocate(512), arena.allocate(512)};
            IOException batch = assertThrows(IOException.class,
                    () -> badFd.readBatch(new long[] {0, 512, 1024}, bufs, new int[3], 3));
            assertEquals(2, batch.getSuppressed().length, "every request was reaped and reported");
            assertThrows(IOException.class, badFd::sync);
            badFd.close();
            pool.close();
            assertEquals(0, pool.size());
        }
    }

    /** The kernel checks the addresses we hand it: a bogus one fails the request with EFAULT, the JVM lives on. */
    @Test
    void aBogusBufferAddressIsEfaultNotACrash() throws IOException {
        openOrSkip().close();
        String path = dir.resolve("efault.db").toString();
        try (Arena arena = Arena.ofConfined(); DbFile f = files.open(path, false, true); Ring ring = Ring.create(8)) {
            f.write(0, arena.allocate(8192));
            MemorySegment capture = LibC.newErrnoSegment(arena);
            int fd = LibC.open(capture, arena.allocateFrom(path), LibC.O_RDWR | LibC.O_CLOEXEC);
            assertTrue(fd >= 0, Errno.describe(LibC.errno(capture)));
            try {
                MemorySegment bogus = MemorySegment.ofAddress(4096).reinterpret(4096);
                IOException e = assertThrows(IOException.class,
                        () -> RingIo.transfer(ring, Ring.IORING_OP_READ, fd, 0, bogus, path));
                assertTrue(e.getMessage().contains("EFAULT"), e.getMessage());
                MemorySegment good = arena.allocate(8192);
                assertEquals(8192, RingIo.transfer(ring, Ring.IORING_OP_READ, fd, 0, good, path), "the ring works on");
            } finally {
                LibC.close(capture, fd);
            }
        }
    }

    @Test
    void batchesLargerThanTheRingsComplete() throws IOException {
        int n = 700;
        try (UringBackend io = openOrSkip(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(dir.resolve("big.db").toString(), false, true)) {
            byte[] data = new byte[n * 512];
            new SplittableRandom(5).nextBytes(data);
            long[] offsets = new long[n];
            MemorySegment[] srcs = new MemorySegment[n];
            for (int i = 0; i < n; i++) {
                offsets[i] = (long) i * 512;
                srcs[i] = arena.allocate(512).copyFrom(MemorySegment.ofArray(Arrays.copyOfRange(data, i * 512,
                        i * 512 + 512)));
            }
            f.writeBatch(offsets, srcs, n);
            f.sync();
            MemorySegment[] dsts = new MemorySegment[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                dsts[n - 1 - i] = arena.allocate(512);
                offsets[n - 1 - i] = (long) i * 512;
            }
            f.readBatch(offsets, dsts, counts, n);
            for (int i = 0; i < n; i++) {
                assertEquals(512, counts[i]);
                assertArrayEquals(Arrays.copyOfRange(data, (n - 1 - i) * 512, (n - i) * 512),
                        dsts[i].toArray(ValueLayout.JAVA_BYTE));
            }
            assertTrue(io.rings() >= 1);
        }
    }

    @Test
    void filesKeepWorkingAfterTheBackendClosesItsRings() throws IOException {
        UringBackend io = openOrSkip();
        try (Arena arena = Arena.ofConfined(); DbFile f = io.open(dir.resolve("late.db").toString(), false, true)) {
            MemorySegment page = arena.allocate(4096).fill((byte) 7);
            f.write(0, page);
            io.close();
            assertEquals(0, io.rings(), "every ring unmapped and closed");
            f.write(4096, page);
            f.sync();
            MemorySegment back = arena.allocate(8192);
            assertEquals(8192, f.read(0, back));
            assertEquals(7, back.get(ValueLayout.JAVA_BYTE, 8191));
        }
    }

    @Test
    void aClosedRingRefusesUseInsteadOfTouchingUnmappedMemory() throws IOException {
        openOrSkip().close();
        Ring ring = Ring.create(8);
        ring.close();
        assertThrows(IllegalStateException.class, () -> ring.prepare(Ring.IORING_OP_NOP, -1, 0, 0, 0, 0, 0));
        assertThrows(IllegalStateException.class, ring::reap);
        ring.close();
    }
}
