package dev.panamax.io.memory;

import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The simulated backend ({@code memory}): a deterministic in-memory file system with seeded fault injection,
 * simulated time and seeded randomness. The fault model is in the package documentation.
 *
 * <p>States: <b>running</b> (every call works, faults fire as the {@link FaultPlan} says) -&gt; <b>crashed</b>
 * (after {@link #crash()} or a planned crash: every call but {@code close} throws {@link SimulatedCrashException})
 * -&gt; {@link #reboot()} returns a new, running file system holding the durable contents; the crashed one stays
 * crashed.
 *
 * <p>Thread-safe: every call holds the file system's monitor, so calls from several threads are serialized (the
 * order, and so a multi-threaded run, is then only as deterministic as the threads).
 */
public final class MemoryFileSystem implements IoBackend {
    /** Simulated wall-clock start: 2025-01-01T00:00:00Z. */
    static final long EPOCH_MILLIS = 1_735_689_600_000L;

    /** Simulated time advances this much at each clock reading, so that timeout loops terminate. */
    static final long TICK_NANOS = 1_000;

    private final long seed;
    private final FaultPlan plan;
    private final SplittableRandom faults;
    private final RandomGenerator random;
    private final Map<String, FileData> files;
    private long nanos;
    private long writes;
    private long syncs;
    private boolean crashed;
    private Map<String, FileData> afterCrash;

    /** An empty file system without faults. */
    public MemoryFileSystem(long seed) {
        this(seed, FaultPlan.none());
    }

    public MemoryFileSystem(long seed, FaultPlan plan) {
        this(seed, plan, new HashMap<>(), 0);
    }

    private MemoryFileSystem(long seed, FaultPlan plan, Map<String, FileData> files, long nanos) {
        this.seed = seed;
        this.plan = plan;
        this.files = files;
        this.nanos = nanos;
        this.faults = new SplittableRandom(seed);
        this.random = new LockedRandom(new SplittableRandom(faults.nextLong()));
    }

    @Override
    public String name() {
        return "memory";
    }

    public long seed() {
        return seed;
    }

    public FaultPlan plan() {
        return plan;
    }

    @Override
    public synchronized DbFile open(String path, boolean readOnly, boolean create) throws IOException {
        checkRunning();
        FileData data = files.get(path);
        if (data == null) {
            if (!create || readOnly) {
                throw new NoSuchFileException(path);
            }
            data = new FileData();
            files.put(path, data);
        }
        return new MemoryFile(this, path, data, readOnly);
    }

    @Override
    public synchronized boolean exists(String path) throws IOException {
        checkRunning();
        return files.containsKey(path);
    }

    /** Deletes a file at once and durably; files open on it keep working on the orphaned contents. */
    @Override
    public synchronized void delete(String path) throws IOException {
        checkRunning();
        files.remove(path);
    }

    /** The names of the files, sorted. */
    public synchronized List<String> fileNames() throws IOException {
        checkRunning();
        return new ArrayList<>(new TreeMap<>(files).keySet());
    }

    /** A copy of a file's current contents (what reads see), for assertions in tests. */
    public synchronized byte[] contents(String path) throws IOException {
        checkRunning();
        FileData data = files.get(path);
        if (data == null) {
            throw new NoSuchFileException(path);
        }
        return data.contents();
    }

    /** Advances the wall clock by {@code millis} (and sleeping code wakes up deterministically). */
    public synchronized void advanceMillis(long millis) {
        nanos += millis * 1_000_000;
    }

    @Override
    public synchronized long currentTimeMillis() {
        nanos += TICK_NANOS;
        return EPOCH_MILLIS + nanos / 1_000_000;
    }

    @Override
    public synchronized long nanoTime() {
        nanos += TICK_NANOS;
        return nanos;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    /** Writes so far: {@code write} calls, requests of write batches, and truncations. */
    public synchronized long writeCount() {
        return writes;
    }

    public synchronized long syncCount() {
        return syncs;
    }

    public synchronized boolean isCrashed() {
        return crashed;
    }

    /** A power cut now: computes what survives (see the package documentation) and stops every later call. */
    public synchronized void crash() {
        crash(null, null);
    }

    /** Reboots after a crash (crashing first if still running) with no faults planned. */
    public MemoryFileSystem reboot() {
        return reboot(FaultPlan.none());
    }

    /**
     * A new, running file system holding what survived the crash (crashing first if still running), with its own
     * fault plan. Its seed comes from this file system's fault stream, so a run across reboots replays from the
     * first seed; its clock continues from the crash.
     */
    public synchronized MemoryFileSystem reboot(FaultPlan next) {
        if (!crashed) {
            crash();
        }
        Map<String, FileData> copy = new HashMap<>();
        afterCrash.forEach((name, data) -> copy.put(name, data.rebootCopy()));
        return new MemoryFileSystem(faults.nextLong(), next, copy, nanos);
    }

    /** Nothing to release: contents are garbage once unreachable, and a crashed system may still be closed. */
    @Override
    public void close() {
    }

    // ---- called by MemoryFile, always under this monitor ----

    void checkRunning() throws IOException {
        if (crashed) {
            throw new SimulatedCrashException("simulated crash: the file system is down until reboot");
        }
    }

    /** Runs the fault plan for one write of {@code bytes} at {@code offset} to {@code data}, then performs it. */
    void write(FileData data, long offset, byte[] bytes) throws IOException {
        checkRunning();
        long n = ++writes;
        if (n == plan.crashAtWrite) {
            crash(data, plan.tornWrites ? cut(offset, bytes) : null);
            throw new SimulatedCrashException("simulated crash at write " + n);
        }
        if (n == plan.failWriteAt || chance(plan.failWriteProbability)) {
            throw new IOException("simulated write failure at write " + n);
        }
        if (chance(plan.shortWriteProbability)) {
            FileData.Pending prefix = cut(offset, bytes);
            data.write(offset, prefix.bytes());
            throw new IOException("simulated short write at write " + n + ": " + prefix.bytes().length + " of "
                    + bytes.length + " bytes");
        }
        data.write(offset, bytes);
    }

    void truncate(FileData data, long size) throws IOException {
        checkRunning();
        long n = ++writes;
        if (n == plan.crashAtWrite) {
            crash(null, null);
            throw new SimulatedCrashException("simulated crash at write " + n + " (a truncation)");
        }
        if (n == plan.failWriteAt || chance(plan.failWriteProbability)) {
            throw new IOException("simulated truncate failure at write " + n);
        }
        data.truncate(size);
    }

    void sync(FileData data) throws IOException {
        checkRunning();
        long n = ++syncs;
        if (n == plan.crashAtSync) {
            crash(null, null);
            throw new SimulatedCrashException("simulated crash at sync " + n);
        }
        if (n == plan.failSyncAt || chance(plan.failSyncProbability)) {
            if (plan.failedSyncLosesWrites) {
                data.loseUnsynced();
            }
            throw new IOException("simulated fsync failure at sync " + n);
        }
        data.sync();
    }

    /**
     * Enters the crashed state. Files are visited in name order and each decides its survivors in its own
     * pending order, so the outcome depends only on the seed and the calls made.
     */
    private void crash(FileData inFlight, FileData.Pending torn) {
        if (crashed) {
            return;
        }
        crashed = true;
        afterCrash = new HashMap<>();
        for (Map.Entry<String, FileData> e : new TreeMap<>(files).entrySet()) {
            FileData data = e.getValue();
            afterCrash.put(e.getKey(), data.afterCrash(faults, plan.unsyncedSurvival, data == inFlight ? torn : null));
        }
    }

    /** A prefix of a write, cut at a seeded sector boundary inside it: possibly empty, never the whole write. */
    private FileData.Pending cut(long offset, byte[] bytes) {
        long sector = plan.sectorSizeBytes;
        long firstBoundary = (offset / sector + 1) * sector;
        long end = offset + bytes.length;
        long boundaries = firstBoundary >= end ? 0 : (end - 1 - firstBoundary) / sector + 1;
        long pick = faults.nextLong(boundaries + 1);
        int keep = pick == 0 ? 0 : (int) (firstBoundary + (pick - 1) * sector - offset);
        return FileData.Pending.write(offset, Arrays.copyOf(bytes, keep));
    }

    private boolean chance(double p) {
        return p > 0 && faults.nextDouble() < p;
    }
}
