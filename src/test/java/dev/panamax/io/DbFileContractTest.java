package dev.panamax.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link DbFile}/{@link IoBackend} contract, run against every backend. */
class DbFileContractTest {
    static final int PAGE = 4096;

    @TempDir
    Path dir;

    /** Page {@code n}'s reference contents: every byte depends on the page number and its position. */
    static byte[] pageBytes(int n, int size) {
        byte[] b = new byte[size];
        new SplittableRandom(n * 7919L + size).nextBytes(b);
        return b;
    }

    static MemorySegment nativeCopy(Arena arena, byte[] bytes) {
        return arena.allocate(bytes.length, 8).copyFrom(MemorySegment.ofArray(bytes));
    }

    static byte[] readBytes(DbFile f, long offset, int len) throws IOException {
        byte[] out = new byte[len];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dst = arena.allocate(len, 8);
            int n = f.read(offset, dst);
            assertEquals(len, n, "short read at " + offset);
            MemorySegment.copy(dst, 0, MemorySegment.ofArray(out), 0, len);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void writesReadBackAtAnyOffset(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "a.db"), false, true)) {
            assertEquals(0, f.size());
            byte[] one = pageBytes(1, 10_000);
            f.write(123, nativeCopy(arena, one));
            assertEquals(10_123, f.size());
            assertArrayEquals(one, readBytes(f, 123, one.length));
            assertArrayEquals(new byte[123], readBytes(f, 0, 123));
            byte[] patch = pageBytes(2, 77);
            f.write(5000, nativeCopy(arena, patch));
            byte[] expected = one.clone();
            System.arraycopy(patch, 0, expected, 5000 - 123, patch.length);
            assertArrayEquals(expected, readBytes(f, 123, one.length));
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void readsPastTheEndReturnShortCounts(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "eof.db"), false, true)) {
            byte[] data = pageBytes(3, 5000);
            f.write(0, nativeCopy(arena, data));
            MemorySegment dst = arena.allocate(PAGE);
            assertEquals(5000 - PAGE, f.read(PAGE, dst));
            assertArrayEquals(Arrays.copyOfRange(data, PAGE, 5000),
                    dst.asSlice(0, 5000 - PAGE).toArray(ValueLayout.JAVA_BYTE));
            assertEquals(0, f.read(5000, dst));
            assertEquals(0, f.read(1L << 40, dst));
            assertEquals(0, f.read(0, arena.allocate(0)));
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void gapsReadAsZerosAndTruncationNeverResurrectsData(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "gap.db"), false, true)) {
            byte[] data = pageBytes(4, 3 * 65_536 + 100);
            f.write(0, nativeCopy(arena, data));
            f.truncate(70_000);
            assertEquals(70_000, f.size());
            f.truncate(1_000_000);
            assertEquals(70_000, f.size(), "truncate never extends");
            f.write(200_000, nativeCopy(arena, new byte[] {9}));
            assertEquals(200_001, f.size());
            assertArrayEquals(Arrays.copyOf(data, 70_000), readBytes(f, 0, 70_000));
            assertArrayEquals(new byte[130_000], readBytes(f, 70_000, 130_000));
            f.truncate(0);
            assertEquals(0, f.size());
            assertEquals(0, f.read(0, arena.allocate(16)));
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void viewsAreZeroCopyReadOnlyAndSeeLaterWrites(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "view.db"), false, true)) {
            f.write(0, nativeCopy(arena, pageBytes(5, 16 * PAGE)));
            MemorySegment view = f.view(3 * PAGE, PAGE);
            assertNotNull(view, "a page inside the file has a view");
            assertTrue(view.isReadOnly());
            assertArrayEquals(Arrays.copyOfRange(pageBytes(5, 16 * PAGE), 3 * PAGE, 4 * PAGE),
                    view.toArray(ValueLayout.JAVA_BYTE));
            byte[] next = pageBytes(6, PAGE);
            f.write(3 * PAGE, nativeCopy(arena, next));
            f.sync();
            f.write(3 * PAGE + 10, nativeCopy(arena, new byte[] {1, 2, 3}));
            next[10] = 1;
            next[11] = 2;
            next[12] = 3;
            assertArrayEquals(next, view.toArray(ValueLayout.JAVA_BYTE));
            assertThrows(IllegalArgumentException.class, () -> view.set(ValueLayout.JAVA_BYTE, 0, (byte) 1));
            assertNull(f.view(16 * PAGE, PAGE), "past the end");
            assertNull(f.view(15 * PAGE + 1, PAGE), "straddles the end");
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void batchesReadAndWriteEveryRequest(BackendFixture fx) throws IOException {
        int n = 150;
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "batch.db"), false, true)) {
            long[] offsets = new long[n];
            MemorySegment[] srcs = new MemorySegment[n];
            for (int i = 0; i < n; i++) {
                int page = (i * 37) % n;
                offsets[i] = (long) page * PAGE;
                srcs[i] = nativeCopy(arena, pageBytes(page, PAGE));
            }
            f.writeBatch(offsets, srcs, n);
            assertEquals((long) n * PAGE, f.size());
            long[] readOffsets = new long[n + 2];
            MemorySegment[] dsts = new MemorySegment[n + 2];
            for (int i = 0; i < n; i++) {
                readOffsets[i] = (long) (n - 1 - i) * PAGE;
                dsts[i] = arena.allocate(PAGE);
            }
            readOffsets[n] = (long) n * PAGE - 100;
            dsts[n] = arena.allocate(PAGE);
            readOffsets[n + 1] = (long) n * PAGE + 5 * PAGE;
            dsts[n + 1] = arena.allocate(PAGE);
            int[] counts = new int[n + 2];
            f.readBatch(readOffsets, dsts, counts, n + 2);
            for (int i = 0; i < n; i++) {
                assertEquals(PAGE, counts[i]);
                assertArrayEquals(pageBytes(n - 1 - i, PAGE), dsts[i].toArray(ValueLayout.JAVA_BYTE), "request " + i);
            }
            assertEquals(100, counts[n], "partial at the end");
            assertEquals(0, counts[n + 1], "past the end");
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void heapSegmentsWorkToo(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); DbFile f = io.open(fx.path(dir, "heap.db"), false, true)) {
            byte[] data = pageBytes(7, 3 * PAGE);
            f.write(PAGE, MemorySegment.ofArray(data));
            byte[] back = new byte[3 * PAGE];
            assertEquals(3 * PAGE, f.read(PAGE, MemorySegment.ofArray(back)));
            assertArrayEquals(data, back);
            long[] offsets = {0, PAGE};
            MemorySegment[] bufs = {MemorySegment.ofArray(new byte[PAGE]), MemorySegment.ofArray(new byte[PAGE])};
            int[] counts = new int[2];
            f.readBatch(offsets, bufs, counts, 2);
            assertArrayEquals(new int[] {PAGE, PAGE}, counts);
            assertArrayEquals(Arrays.copyOf(data, PAGE), bufs[1].toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void filesAreCreatedFoundAndDeleted(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create()) {
            String path = fx.path(dir, "life.db");
            assertFalse(io.exists(path));
            assertThrows(NoSuchFileException.class, () -> io.open(path, false, false));
            assertThrows(NoSuchFileException.class, () -> io.open(path, true, false));
            try (DbFile f = io.open(path, false, true)) {
                f.write(0, MemorySegment.ofArray(new byte[] {1, 2, 3}));
                f.sync();
            }
            assertTrue(io.exists(path));
            try (DbFile f = io.open(path, false, false)) {
                assertEquals(3, f.size());
                assertEquals(path, f.path());
            }
            io.delete(path);
            assertFalse(io.exists(path));
            io.delete(path);
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void readOnlyFilesRefuseChangesAndClosedFilesRefuseEverything(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined()) {
            String path = fx.path(dir, "ro.db");
            try (DbFile f = io.open(path, false, true)) {
                f.write(0, nativeCopy(arena, pageBytes(8, PAGE)));
            }
            DbFile ro = io.open(path, true, false);
            MemorySegment page = arena.allocate(PAGE);
            assertEquals(PAGE, ro.read(0, page));
            assertThrows(IOException.class, () -> ro.write(0, page));
            assertThrows(IOException.class, () -> ro.writeBatch(new long[] {0}, new MemorySegment[] {page}, 1));
            assertThrows(IOException.class, () -> ro.truncate(0));
            ro.close();
            assertThrows(IOException.class, () -> ro.read(0, page));
            assertThrows(IOException.class, ro::size);
            ro.close();
            assertThrows(IllegalArgumentException.class, () -> io.open(path, true, false).read(-1, page));
        }
    }

    /** An interrupted caller neither breaks the file (a FileChannel would close itself) nor loses its interrupt. */
    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void anInterruptedThreadLeavesTheFileWorking(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "intr.db"), false, true)) {
            byte[] data = pageBytes(9, 3 * PAGE);
            try {
                Thread.currentThread().interrupt();
                f.write(0, nativeCopy(arena, data));
                f.sync();
                assertEquals(3 * PAGE, f.size());
                MemorySegment tail = arena.allocate(2 * PAGE);
                assertEquals(PAGE, f.read(2 * PAGE, tail), "a read past the end takes the positional path");
                f.truncate(2 * PAGE);
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            } finally {
                Thread.interrupted();
            }
            assertArrayEquals(Arrays.copyOf(data, 2 * PAGE), readBytes(f, 0, 2 * PAGE));
        }
    }

    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void clockAdvancesAndRandomnessFlows(BackendFixture fx) throws IOException {
        try (IoBackend io = fx.create()) {
            long t0 = io.nanoTime();
            long t1 = io.nanoTime();
            assertTrue(t1 >= t0);
            assertTrue(io.currentTimeMillis() > 1_700_000_000_000L);
            long a = io.random().nextLong();
            long b = io.random().nextLong();
            assertTrue(a != b || io.random().nextLong() != a);
            assertFalse(io.name().isEmpty());
        }
    }
}
