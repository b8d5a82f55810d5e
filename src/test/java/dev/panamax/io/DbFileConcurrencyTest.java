package dev.panamax.io;

import static dev.panamax.io.DbFileContractTest.PAGE;
import static dev.panamax.io.DbFileContractTest.nativeCopy;
import static dev.panamax.io.DbFileContractTest.pageBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Several threads on one {@link DbFile}, and files growing through many mapping chunks, on every backend. */
class DbFileConcurrencyTest {
    @TempDir
    Path dir;

    /** A worker body that may throw; failures are collected and rethrown on the test thread. */
    interface Work {
        void run(int thread) throws Exception;
    }

    static void runThreads(int threads, Work work) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    work.run(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("worker failed: " + failures.peek(), failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    /**
     * Writers append pages from several threads (each its own pages, so the file grows through many remaps) while
     * readers read, view and batch-read pages already published, checking every byte.
     */
    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void readersSeeCompletedWritesWhileTheFileGrows(BackendFixture fx) throws Exception {
        int pages = 96;
        int writers = 3;
        AtomicIntegerArray published = new AtomicIntegerArray(pages);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (IoBackend io = fx.create(); DbFile f = io.open(fx.path(dir, "grow.db"), false, true)) {
            runThreads(writers + 2, t -> {
                if (t < writers) {
                    try {
                        writePages(f, t, writers, pages, published);
                    } catch (Throwable e) {
                        writing.set(false);
                        throw e;
                    }
                    return;
                }
                SplittableRandom random = new SplittableRandom(t);
                while (writing.get()) {
                    readPublished(f, published, random);
                    if (t == writers && allPublished(published)) {
                        writing.set(false);
                    }
                }
            });
            assertEquals((long) pages * PAGE, f.size());
            for (int p = 0; p < pages; p++) {
                assertArrayEquals(pageBytes(p, PAGE), DbFileContractTest.readBytes(f, (long) p * PAGE, PAGE));
            }
        }
    }

    private static void writePages(DbFile f, int t, int writers, int pages, AtomicIntegerArray published)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            for (int p = t; p < pages; p += writers) {
                f.write((long) p * PAGE, nativeCopy(arena, pageBytes(p, PAGE)));
                published.set(p, 1);
            }
        }
    }

    private static boolean allPublished(AtomicIntegerArray published) {
        for (int p = 0; p < published.length(); p++) {
            if (published.get(p) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void readPublished(DbFile f, AtomicIntegerArray published, SplittableRandom random)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            int p = random.nextInt(published.length());
            if (published.get(p) == 0) {
                Thread.yield();
                return;
            }
            byte[] expected = pageBytes(p, PAGE);
            MemorySegment dst = arena.allocate(PAGE);
            assertEquals(PAGE, f.read((long) p * PAGE, dst));
            assertArrayEquals(expected, dst.toArray(ValueLayout.JAVA_BYTE), "page " + p);
            MemorySegment view = f.view((long) p * PAGE, PAGE);
            if (view != null) {
                assertArrayEquals(expected, view.toArray(ValueLayout.JAVA_BYTE), "view of page " + p);
            }
            int[] counts = new int[2];
            MemorySegment[] dsts = {arena.allocate(PAGE), arena.allocate(PAGE)};
            f.readBatch(new long[] {(long) p * PAGE, (long) p * PAGE}, dsts, counts, 2);
            assertArrayEquals(new int[] {PAGE, PAGE}, counts);
            assertArrayEquals(expected, dsts[1].toArray(ValueLayout.JAVA_BYTE), "batch of page " + p);
        }
    }

    /**
     * Readers of the first pages never fail nor see wrong bytes while another thread repeatedly grows the file and
     * truncates it back inside the first mapping chunk: the tail reads remap that chunk, each truncation closes the
     * mapping under the readers, and they must fall back cleanly.
     */
    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void readersOfKeptPagesSurviveTruncationRaces(BackendFixture fx) throws Exception {
        int kept = 10;
        AtomicBoolean mutating = new AtomicBoolean(true);
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "trunc.db"), false, true)) {
            for (int p = 0; p < kept; p++) {
                f.write((long) p * PAGE, nativeCopy(arena, pageBytes(p, PAGE)));
            }
            runThreads(3, t -> {
                if (t == 0) {
                    try (Arena own = Arena.ofConfined()) {
                        MemorySegment tail = nativeCopy(own, pageBytes(999, 48 * PAGE));
                        MemorySegment probe = own.allocate(PAGE);
                        for (int round = 0; round < 300; round++) {
                            f.write((long) kept * PAGE, tail);
                            assertEquals(PAGE, f.read((long) (kept + 3) * PAGE, probe));
                            f.view((long) (kept + 20) * PAGE, PAGE);
                            f.truncate((long) kept * PAGE);
                        }
                    } finally {
                        mutating.set(false);
                    }
                    return;
                }
                SplittableRandom random = new SplittableRandom(t);
                try (Arena local = Arena.ofConfined()) {
                    MemorySegment dst = local.allocate(PAGE);
                    while (mutating.get()) {
                        int p = random.nextInt(kept);
                        assertEquals(PAGE, f.read((long) p * PAGE, dst));
                        assertArrayEquals(pageBytes(p, PAGE), dst.toArray(ValueLayout.JAVA_BYTE), "page " + p);
                    }
                }
            });
            assertEquals((long) kept * PAGE, f.size());
        }
    }

    /**
     * Interrupts aimed at threads in the middle of channel calls (reads straddling the end of the file take the
     * positional path) must not close the file for the others: every read still returns the right bytes.
     */
    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void interruptsDuringPositionalReadsDoNotCloseTheFile(BackendFixture fx) throws Exception {
        byte[] data = pageBytes(11, 10 * PAGE + 100);
        List<Thread> readers = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "intr.db"), false, true)) {
            f.write(0, nativeCopy(arena, data));
            runThreads(3, t -> {
                if (t == 0) {
                    interruptReaders(readers, reading);
                    return;
                }
                synchronized (readers) {
                    readers.add(Thread.currentThread());
                }
                try (Arena local = Arena.ofConfined()) {
                    MemorySegment dst = local.allocate(2 * PAGE);
                    for (int i = 0; i < 3000; i++) {
                        Thread.interrupted();
                        assertEquals(PAGE + 100, f.read(9L * PAGE, dst));
                        assertArrayEquals(Arrays.copyOfRange(data, 9 * PAGE, 10 * PAGE + 100),
                                dst.asSlice(0, PAGE + 100).toArray(ValueLayout.JAVA_BYTE));
                    }
                } finally {
                    Thread.interrupted();
                    reading.set(false);
                }
            });
            assertEquals(10 * PAGE + 100, f.size());
        }
    }

    private static void interruptReaders(List<Thread> readers, AtomicBoolean reading) {
        while (reading.get()) {
            synchronized (readers) {
                readers.forEach(Thread::interrupt);
            }
            LockSupport.parkNanos(20_000);
        }
    }

    /** A file growing through many 64 KiB chunks reads back through reads, views and batches at odd offsets. */
    @ParameterizedTest
    @EnumSource(BackendFixture.class)
    void largeFilesGrowPastMappingChunks(BackendFixture fx) throws IOException {
        int total = 40 * 65_536 + 12_345;
        byte[] data = pageBytes(77, total);
        try (IoBackend io = fx.create(); Arena arena = Arena.ofConfined();
                DbFile f = io.open(fx.path(dir, "large.db"), false, true)) {
            for (int off = 0; off < total; off += 10_000) {
                int len = Math.min(10_000, total - off);
                f.write(off, nativeCopy(arena, Arrays.copyOfRange(data, off, off + len)));
                int probe = off / 2;
                assertEquals(data[probe], DbFileContractTest.readBytes(f, probe, 1)[0]);
            }
            assertEquals(total, f.size());
            assertArrayEquals(data, DbFileContractTest.readBytes(f, 0, total));
            for (long off = 65_536 - 3; off < total - 8; off += 65_536) {
                assertArrayEquals(Arrays.copyOfRange(data, (int) off, (int) off + 8),
                        DbFileContractTest.readBytes(f, off, 8), "across the chunk boundary at " + (off + 3));
                assertNull(f.view(off, 8), "a view never straddles a chunk");
            }
            for (int p = 0; p < total / PAGE; p += 7) {
                MemorySegment view = f.view((long) p * PAGE, PAGE);
                if (view != null) {
                    assertArrayEquals(Arrays.copyOfRange(data, p * PAGE, (p + 1) * PAGE),
                            view.toArray(ValueLayout.JAVA_BYTE));
                }
            }
            assertTrue(f.view(0, PAGE) != null, "the first chunk is mapped");
        }
    }
}
