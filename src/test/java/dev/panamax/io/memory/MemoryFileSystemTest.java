package dev.panamax.io.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.io.DbFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fault injection, crashes, reboots and determinism of the simulated file system. */
class MemoryFileSystemTest {

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static void write(DbFile f, long offset, byte[] bytes) throws IOException {
        f.write(offset, MemorySegment.ofArray(bytes));
    }

    @Test
    void aCrashKeepsOnlyWhatWasSynced() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(1);
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(1000, 1));
        f.sync();
        write(f, 500, filled(1000, 2));
        f.truncate(1200);
        assertEquals(1200, f.size());
        fs.crash();
        assertTrue(fs.isCrashed());
        assertThrows(SimulatedCrashException.class, f::size);
        assertThrows(SimulatedCrashException.class, () -> fs.open("db", false, false));
        f.close();
        MemoryFileSystem after = fs.reboot();
        assertFalse(after.isCrashed());
        assertArrayEquals(filled(1000, 1), after.contents("db"));
    }

    @Test
    void unsyncedSurvivalOneKeepsEverythingWritten() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(2, FaultPlan.none().unsyncedSurvival(1));
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(1000, 1));
        f.sync();
        write(f, 500, filled(1000, 2));
        byte[] expected = fs.contents("db");
        assertArrayEquals(expected, fs.reboot().contents("db"));
    }

    @Test
    void aSeededSubsetOfUnsyncedWritesSurvives() throws IOException {
        Set<String> outcomes = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            MemoryFileSystem fs = new MemoryFileSystem(seed, FaultPlan.none().unsyncedSurvival(0.5));
            DbFile f = fs.open("db", false, true);
            for (int i = 0; i < 4; i++) {
                write(f, i * 100L, filled(100, i + 1));
            }
            byte[] after = fs.reboot().contents("db");
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                boolean present = after.length >= (i + 1) * 100 && after[i * 100] == i + 1;
                if (present) {
                    assertArrayEquals(filled(100, i + 1), Arrays.copyOfRange(after, i * 100, i * 100 + 100));
                } else if (after.length > i * 100) {
                    assertArrayEquals(new byte[100], Arrays.copyOfRange(after, i * 100, i * 100 + 100));
                }
                kept.append(present ? 'k' : '-');
            }
            outcomes.add(kept.toString());
        }
        assertTrue(outcomes.size() >= 6, "survivors vary with the seed: " + outcomes);
    }

    @Test
    void crashAtTheNthWriteStopsEverything() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(3, FaultPlan.none().crashAtWrite(3));
        DbFile a = fs.open("a", false, true);
        DbFile b = fs.open("b", false, true);
        write(a, 0, filled(10, 1));
        write(b, 0, filled(10, 2));
        assertEquals(2, fs.writeCount());
        SimulatedCrashException e = assertThrows(SimulatedCrashException.class, () -> write(a, 10, filled(10, 3)));
        assertTrue(e.getMessage().contains("write 3"), e.getMessage());
        assertTrue(fs.isCrashed());
        assertThrows(SimulatedCrashException.class, () -> b.read(0, MemorySegment.ofArray(new byte[10])));
        assertThrows(SimulatedCrashException.class, b::sync);
        assertThrows(SimulatedCrashException.class, () -> fs.exists("a"));
        MemoryFileSystem after = fs.reboot();
        assertEquals(List.of("a", "b"), after.fileNames());
        assertEquals(0, after.contents("a").length, "created files survive, unsynced data does not");
    }

    @Test
    void crashAtTheNthSyncMakesNothingDurable() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(4, FaultPlan.none().crashAtSync(2));
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(10, 1));
        f.sync();
        write(f, 0, filled(10, 2));
        assertThrows(SimulatedCrashException.class, f::sync);
        assertEquals(2, fs.syncCount());
        assertArrayEquals(filled(10, 1), fs.reboot().contents("db"));
    }

    @Test
    void aTornWriteLeavesASectorAlignedPrefix() throws IOException {
        Set<Integer> cuts = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            MemoryFileSystem fs = new MemoryFileSystem(seed, FaultPlan.none().crashAtWrite(2).tornWrites(true));
            DbFile f = fs.open("db", false, true);
            write(f, 0, filled(8192, 1));
            f.sync();
            assertThrows(SimulatedCrashException.class, () -> write(f, 1000, filled(4096, 2)));
            byte[] after = fs.reboot().contents("db");
            assertEquals(8192, after.length);
            int kept = 0;
            while (after[1000 + kept] == 2) {
                kept++;
            }
            assertTrue(kept == 0 || (1000 + kept) % 512 == 0, "cut at a sector boundary: " + kept);
            assertTrue(kept < 4096, "never the whole write");
            assertArrayEquals(filled(8192 - 1000 - kept, 1), Arrays.copyOfRange(after, 1000 + kept, 8192));
            cuts.add(kept);
        }
        assertTrue(cuts.size() >= 5, "cut points vary with the seed: " + cuts);
    }

    @Test
    void aFailedSyncLosesItsWritesAsOnLinux() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(5, FaultPlan.none().failSyncAt(2));
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(100, 1));
        f.sync();
        write(f, 0, filled(50, 2));
        IOException e = assertThrows(IOException.class, f::sync);
        assertFalse(e instanceof SimulatedCrashException);
        assertEquals(2, fs.contents("db")[0], "still readable after the failed sync");
        write(f, 60, filled(10, 3));
        f.sync();
        byte[] after = fs.reboot().contents("db");
        assertEquals(1, after[0], "the write of the failed sync never becomes durable");
        assertEquals(3, after[60], "later writes do");
    }

    @Test
    void aFailedSyncCanKeepItsWritesPendingInstead() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(6, FaultPlan.none().failSyncAt(1).failedSyncLosesWrites(false));
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(100, 1));
        assertThrows(IOException.class, f::sync);
        f.sync();
        assertArrayEquals(filled(100, 1), fs.reboot().contents("db"));
    }

    @Test
    void failedAndShortWritesThrowAndChangeNothingOrAPrefix() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(7, FaultPlan.none().failWriteAt(2));
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(100, 1));
        assertThrows(IOException.class, () -> write(f, 0, filled(100, 2)));
        assertArrayEquals(filled(100, 1), fs.contents("db"));
        write(f, 0, filled(100, 3));
        assertArrayEquals(filled(100, 3), fs.contents("db"));

        MemoryFileSystem shorty = new MemoryFileSystem(8, FaultPlan.none().shortWrites(1));
        DbFile g = shorty.open("db", false, true);
        assertThrows(IOException.class, () -> write(g, 0, filled(4096, 9)));
        byte[] now = shorty.contents("db");
        assertTrue(now.length % 512 == 0 && now.length < 4096, "a sector-aligned prefix: " + now.length);
        assertArrayEquals(filled(now.length, 9), now);
    }

    @Test
    void probabilisticFaultsFireAtTheirRate() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(9, FaultPlan.none().failWrites(0.25).failSyncs(0.25));
        DbFile f = fs.open("db", false, true);
        int failedWrites = 0;
        int failedSyncs = 0;
        for (int i = 0; i < 400; i++) {
            try {
                write(f, i, new byte[] {1});
            } catch (IOException e) {
                failedWrites++;
            }
            try {
                f.sync();
            } catch (IOException e) {
                failedSyncs++;
            }
        }
        assertTrue(failedWrites > 60 && failedWrites < 140, "writes failed: " + failedWrites);
        assertTrue(failedSyncs > 60 && failedSyncs < 140, "syncs failed: " + failedSyncs);
        assertFalse(fs.isCrashed());
    }

    @Test
    void oneSeedReplaysTheWholeRun() throws IOException {
        FaultPlan plan = FaultPlan.none().unsyncedSurvival(0.5).tornWrites(true).crashAtWrite(150).failSyncs(0.1)
                .shortWrites(0.05);
        List<Object> first = run(1234, plan);
        assertEquals(first, run(1234, plan));
        assertNotEquals(first, run(1235, plan));
    }

    /** A seeded workload over two files; returns everything observable, durable contents after reboot included. */
    private static List<Object> run(long seed, FaultPlan plan) throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(seed, plan);
        List<Object> seen = new ArrayList<>();
        SplittableRandom work = new SplittableRandom(fs.random().nextLong());
        try {
            DbFile[] files = {fs.open("db", false, true), fs.open("db-wal", false, true)};
            for (int op = 0; op < 400; op++) {
                DbFile f = files[work.nextInt(2)];
                try {
                    switch (work.nextInt(10)) {
                        case 0 -> f.sync();
                        case 1 -> f.truncate(work.nextLong(200_000));
                        default -> write(f, work.nextLong(200_000), filled(1 + work.nextInt(9000), op));
                    }
                } catch (SimulatedCrashException e) {
                    throw e;
                } catch (IOException e) {
                    seen.add(e.getMessage());
                }
            }
        } catch (SimulatedCrashException e) {
            seen.add(e.getMessage());
        }
        seen.add(fs.nanoTime());
        seen.add(fs.currentTimeMillis());
        MemoryFileSystem after = fs.reboot();
        for (String name : after.fileNames()) {
            seen.add(name + "=" + Arrays.hashCode(after.contents(name)) + "/" + after.contents(name).length);
        }
        seen.add(after.random().nextLong());
        return seen;
    }

    /**
     * The pattern the storage tests follow: count the writes of a workload, then crash at every one of them (torn,
     * with half the unsynced writes surviving) and check that each record whose sync returned is intact.
     */
    @Test
    void crashingAtEveryWriteNeverLosesASyncedRecord() throws IOException {
        long writes = durableRecords(new MemoryFileSystem(14), 20).writeCount();
        for (long n = 1; n <= writes; n++) {
            FaultPlan plan = FaultPlan.none().crashAtWrite(n).tornWrites(true).unsyncedSurvival(0.5);
            MemoryFileSystem fs = durableRecords(new MemoryFileSystem(100 + n, plan), 20);
            assertTrue(fs.isCrashed(), "crash at write " + n);
            int synced = (int) fs.syncCount();
            assertEquals(n - 1, synced, "one sync after each completed write");
            byte[] after = fs.reboot().contents("log");
            for (int r = 0; r < synced; r++) {
                assertArrayEquals(filled(700, r + 1), Arrays.copyOfRange(after, r * 700, r * 700 + 700),
                        "record " + r + " after a crash at write " + n);
            }
        }
    }

    /** Appends records of 700 bytes, syncing after each, until done or crashed. */
    private static MemoryFileSystem durableRecords(MemoryFileSystem fs, int records) throws IOException {
        try {
            DbFile f = fs.open("log", false, true);
            for (int r = 0; r < records; r++) {
                write(f, r * 700L, filled(700, r + 1));
                f.sync();
            }
        } catch (SimulatedCrashException e) {
            assertTrue(fs.isCrashed(), e.getMessage());
        }
        return fs;
    }

    @Test
    void theClockIsSimulatedAndDeterministic() {
        MemoryFileSystem a = new MemoryFileSystem(10);
        MemoryFileSystem b = new MemoryFileSystem(10);
        long t0 = a.nanoTime();
        long t1 = a.nanoTime();
        assertTrue(t1 > t0);
        assertEquals(t0, b.nanoTime());
        assertEquals(MemoryFileSystem.EPOCH_MILLIS, a.currentTimeMillis());
        a.advanceMillis(5_000);
        assertEquals(MemoryFileSystem.EPOCH_MILLIS + 5_000, a.currentTimeMillis());
        assertEquals(a.random().nextLong(), b.random().nextLong());
        assertNotEquals(a.random().nextLong(), new MemoryFileSystem(11).random().nextLong());
    }

    @Test
    void viewsSeeWritesAcrossSyncsAndDoNotLeakIntoTheDurableImage() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(12);
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(8192, 1));
        MemorySegment view = f.view(4096, 4096);
        f.sync();
        write(f, 4096, filled(4096, 2));
        assertEquals(2, view.get(ValueLayout.JAVA_BYTE, 0));
        MemoryFileSystem after = fs.reboot();
        assertArrayEquals(filled(8192, 1), after.contents("db"), "the write after the sync was not synced");
    }

    @Test
    void rebootsAreIndependentAndDeletionIsDurable() throws IOException {
        MemoryFileSystem fs = new MemoryFileSystem(13);
        DbFile f = fs.open("db", false, true);
        write(f, 0, filled(100, 1));
        f.sync();
        fs.open("gone", false, true).close();
        fs.delete("gone");
        fs.crash();
        MemoryFileSystem one = fs.reboot();
        MemoryFileSystem two = fs.reboot();
        assertEquals(List.of("db"), one.fileNames());
        try (DbFile g = one.open("db", false, false)) {
            write(g, 0, filled(100, 7));
        }
        assertArrayEquals(filled(100, 1), two.contents("db"));
        assertEquals(7, one.contents("db")[0]);
    }
}
