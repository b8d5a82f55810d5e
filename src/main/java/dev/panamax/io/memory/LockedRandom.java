package dev.panamax.io.memory;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A seeded generator safe to share between threads: every other method of {@link RandomGenerator} is built on
 * {@link #nextLong()}, which takes the lock.
 */
final class LockedRandom implements RandomGenerator {
    private final SplittableRandom random;

    LockedRandom(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }
}
