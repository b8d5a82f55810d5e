package dev.panamax.func;

import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import java.util.SplittableRandom;

/**
 * A plain {@link FunctionContext} with settable state: for calling functions outside a statement (constant folding,
 * tests) and as the reference for what a VM's context must provide. Randomness comes from a seeded generator, so a
 * seed replays; skipped accumulator loads are recorded in {@link #skipped}.
 */
public class BasicFunctionContext implements FunctionContext {
    private final SplittableRandom random;
    public long lastInsertRowid;
    public long changes;
    public long totalChanges;
    public long currentTimeMillis;
    public Collation collation = Collations.BINARY;
    public int maxLength = 1_000_000_000;
    public int maxLikePatternLength = 50_000;
    public boolean skipped;

    public BasicFunctionContext(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public long randomLong() {
        return random.nextLong();
    }

    @Override
    public void randomBytes(byte[] dst, int off, int n) {
        for (int k = 0; k < n; k++) {
            dst[off + k] = (byte) random.nextInt(256);
        }
    }

    @Override
    public long currentTimeMillis() {
        return currentTimeMillis;
    }

    @Override
    public Collation collation() {
        return collation;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    @Override
    public int maxLikePatternLength() {
        return maxLikePatternLength;
    }

    @Override
    public void skipAccumulatorLoad() {
        skipped = true;
    }
}
