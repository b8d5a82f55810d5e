package dev.panamax.io.memory;

/**
 * Which faults a {@link MemoryFileSystem} injects; immutable, built fluently from {@link #none()}:
 *
 * <pre>{@code
 * FaultPlan.none().crashAtWrite(40).unsyncedSurvival(0.5).tornWrites(true)
 * }</pre>
 *
 * <p>Counts are 1-based and global to the file system: "writes" are {@code write} calls, each request of a
 * {@code writeBatch}, and truncations; "syncs" are {@code sync} calls. Probabilities are drawn from the file system's
 * seeded fault stream, in call order, only for the faults that are enabled. See the package documentation for what
 * each fault does.
 */
public final class FaultPlan {
    private static final FaultPlan NONE = new FaultPlan();

    long crashAtWrite;
    long crashAtSync;
    long failWriteAt;
    double failWriteProbability;
    double shortWriteProbability;
    long failSyncAt;
    double failSyncProbability;
    double unsyncedSurvival;
    boolean tornWrites;
    boolean failedSyncLosesWrites = true;
    int sectorSizeBytes = 512;

    private FaultPlan() {
    }

    /** Fields are set only on a fresh copy, before it is returned: a published plan never changes. */
    private FaultPlan copy() {
        FaultPlan p = new FaultPlan();
        p.crashAtWrite = crashAtWrite;
        p.crashAtSync = crashAtSync;
        p.failWriteAt = failWriteAt;
        p.failWriteProbability = failWriteProbability;
        p.shortWriteProbability = shortWriteProbability;
        p.failSyncAt = failSyncAt;
        p.failSyncProbability = failSyncProbability;
        p.unsyncedSurvival = unsyncedSurvival;
        p.tornWrites = tornWrites;
        p.failedSyncLosesWrites = failedSyncLosesWrites;
        p.sectorSizeBytes = sectorSizeBytes;
        return p;
    }

    /** No faults: only an explicit {@link MemoryFileSystem#crash()} loses anything (the unsynced writes). */
    public static FaultPlan none() {
        return NONE;
    }

    /** The {@code n}th write crashes the file system: it throws, and so does every later call. */
    public FaultPlan crashAtWrite(long n) {
        FaultPlan p = copy();
        p.crashAtWrite = positive(n);
        return p;
    }

    /** The {@code n}th sync crashes the file system before making anything durable. */
    public FaultPlan crashAtSync(long n) {
        FaultPlan p = copy();
        p.crashAtSync = positive(n);
        return p;
    }

    /** The {@code n}th write throws an {@code IOException} and writes nothing. */
    public FaultPlan failWriteAt(long n) {
        FaultPlan p = copy();
        p.failWriteAt = positive(n);
        return p;
    }

    /** Each write throws an {@code IOException} and writes nothing with probability {@code q}. */
    public FaultPlan failWrites(double q) {
        FaultPlan p = copy();
        p.failWriteProbability = probability(q);
        return p;
    }

    /** Each write stores only a prefix cut at a sector boundary, then throws, with probability {@code q}. */
    public FaultPlan shortWrites(double q) {
        FaultPlan p = copy();
        p.shortWriteProbability = probability(q);
        return p;
    }

    /** The {@code n}th sync throws an {@code IOException}. */
    public FaultPlan failSyncAt(long n) {
        FaultPlan p = copy();
        p.failSyncAt = positive(n);
        return p;
    }

    /** Each sync throws an {@code IOException} with probability {@code q}. */
    public FaultPlan failSyncs(double q) {
        FaultPlan p = copy();
        p.failSyncProbability = probability(q);
        return p;
    }

    /**
     * At a crash, each unsynced write or truncation survives with probability {@code q}, decided in order (0, the
     * default: only what was synced survives; 1: everything written survives).
     */
    public FaultPlan unsyncedSurvival(double q) {
        FaultPlan p = copy();
        p.unsyncedSurvival = probability(q);
        return p;
    }

    /** Whether the write in flight at a {@link #crashAtWrite(long)} crash leaves a prefix cut at a sector boundary. */
    public FaultPlan tornWrites(boolean on) {
        FaultPlan p = copy();
        p.tornWrites = on;
        return p;
    }

    /**
     * Whether a failed sync loses the writes it was flushing, as on Linux, where the kernel marks the pages clean
     * after a write-back error (true, the default), or leaves them pending for a later sync (false).
     */
    public FaultPlan failedSyncLosesWrites(boolean on) {
        FaultPlan p = copy();
        p.failedSyncLosesWrites = on;
        return p;
    }

    /** The sector size at which torn and short writes are cut (a power of two, default 512). */
    public FaultPlan sectorSize(int bytes) {
        if (bytes <= 0 || Integer.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("sector size must be a power of two: " + bytes);
        }
        FaultPlan p = copy();
        p.sectorSizeBytes = bytes;
        return p;
    }

    @Override
    public String toString() {
        return "FaultPlan[crashAtWrite=" + crashAtWrite + ", crashAtSync=" + crashAtSync + ", failWriteAt="
                + failWriteAt + ", failWrites=" + failWriteProbability + ", shortWrites=" + shortWriteProbability
                + ", failSyncAt=" + failSyncAt + ", failSyncs=" + failSyncProbability + ", unsyncedSurvival="
                + unsyncedSurvival + ", tornWrites=" + tornWrites + ", failedSyncLosesWrites="
                + failedSyncLosesWrites + ", sectorSize=" + sectorSizeBytes + "]";
    }

    private static long positive(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("counts are 1-based: " + n);
        }
        return n;
    }

    private static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        return p;
    }
}
