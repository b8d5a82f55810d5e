package dev.panamax.io.uring;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rings of one backend, lent to one thread at a time. A ring is created when none is idle, up to
 * {@code maxRings}; past that (or when the kernel refuses a new ring) {@link #acquire()} returns null and the caller
 * does the request with positional I/O instead of waiting. Rings are shared by all files of the backend (the SQE
 * names the descriptor), so thousands of open files cost no rings.
 *
 * <p>Closing the pool closes the idle rings at once and each lent ring when it comes back; a closed pool lends
 * nothing, so the backend's files keep working through their positional fallback.
 */
final class RingPool implements AutoCloseable {
    @FunctionalInterface
    interface RingFactory {
        Ring create(int entries) throws UringUnavailableException;
    }

    private final ConcurrentLinkedDeque<Ring> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger rings = new AtomicInteger();
    private final RingFactory factory;
    private final int entries;
    private final int maxRings;
    private volatile boolean closed;

    RingPool(RingFactory factory, int entries, int maxRings, Ring first) {
        this.factory = factory;
        this.entries = entries;
        this.maxRings = maxRings;
        rings.set(1);
        idle.push(first);
    }

    /** An idle or new ring for the caller's exclusive use, or null (closed, at the limit, or refused). */
    Ring acquire() {
        if (closed) {
            return null;
        }
        Ring ring = idle.pollFirst();
        if (ring != null) {
            return ring;
        }
        if (rings.incrementAndGet() > maxRings) {
            rings.decrementAndGet();
            return null;
        }
        try {
            return factory.create(entries);
        } catch (UringUnavailableException e) {
            rings.decrementAndGet();
            return null;
        }
    }

    /** Gives a ring back; the caller has reaped all its requests. */
    void release(Ring ring) {
        idle.push(ring);
        if (closed) {
            closeIdle();
        }
    }

    /** Forgets a ring whose requests may still be in flight: it is neither reused nor unmapped. */
    void abandon() {
        rings.decrementAndGet();
    }

    /** Rings created and not closed or abandoned (for tests). */
    int size() {
        return rings.get();
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        for (Ring ring = idle.pollFirst(); ring != null; ring = idle.pollFirst()) {
            ring.close();
            rings.decrementAndGet();
        }
    }
}
