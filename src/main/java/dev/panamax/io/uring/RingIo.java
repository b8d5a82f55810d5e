package dev.panamax.io.uring;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Runs reads, writes and fsyncs on a {@link Ring} to completion.
 *
 * <p>A request is resubmitted for its remainder after a short transfer, and whole after {@code -EAGAIN} or
 * {@code -EINTR}; a read completing with 0 bytes has reached the end of the file. A batch keeps at most
 * {@code cqEntries} requests in flight (so the completion ring never overflows) and, when a request fails, stops
 * submitting but still reaps every request in flight before throwing: the kernel must be done with the caller's
 * buffers when we return.
 *
 * <p>States of one batch request: queued -&gt; in flight -&gt; (short or retryable: queued again) | done | failed.
 */
final class RingIo {
    /** Linux caps one read or write at this many bytes (MAX_RW_COUNT); longer ones return short. */
    static final int MAX_TRANSFER_BYTES = 0x7ffff000;

    /** How long a ring whose {@code io_uring_enter} fails outright is polled for its requests in flight. */
    private static final long BROKEN_RING_DRAIN_NANOS = 10_000_000_000L;

    private RingIo() {
    }

    /** Reads or writes all of {@code buf} at {@code offset} (a read stops at the end of the file). */
    static long transfer(Ring ring, byte opcode, int fd, long offset, MemorySegment buf, String path)
            throws IOException {
        long length = buf.byteSize();
        long done = 0;
        while (done < length) {
            int res = runOne(ring, opcode, fd, offset + done, buf.address() + done, chunk(length - done), 0);
            if (res < 0) {
                throw failure(opcode, -res, offset + done, path);
            }
            if (res == 0) {
                if (opcode == Ring.IORING_OP_READ) {
                    break;
                }
                throw new IOException("io_uring write made no progress at offset " + (offset + done) + " in " + path);
            }
            done += res;
        }
        return done;
    }

    static void fsync(Ring ring, int fd, String path) throws IOException {
        int res = runOne(ring, Ring.IORING_OP_FSYNC, fd, 0, 0, 0, Ring.IORING_FSYNC_DATASYNC);
        if (res < 0) {
            throw failure(Ring.IORING_OP_FSYNC, -res, 0, path);
        }
    }

    /** One request on an idle ring, retried after EAGAIN/EINTR; the completion's result. */
    private static int runOne(Ring ring, byte opcode, int fd, long offset, long address, int length, int opFlags)
            throws IOException {
        while (true) {
            if (!ring.prepare(opcode, fd, offset, address, length, opFlags, 0)) {
                throw new IllegalStateException("submission ring of an idle ring is full");
            }
            int res = awaitOne(ring);
            if (res != -Errno.EAGAIN && res != -Errno.EINTR) {
                return res;
            }
        }
    }

    private static int awaitOne(Ring ring) throws IOException {
        while (true) {
            long r = ring.enter(ring.unsubmitted(), 1, Ring.IORING_ENTER_GETEVENTS);
            if (r < 0 && !retryableEnter(r)) {
                drainBroken(ring, 1, r);
            }
            if (ring.reap() > 0) {
                return ring.reapedResult(0);
            }
        }
    }

    /**
     * Runs a batch of reads or writes: request {@code i} moves {@code bufs[i]} at {@code offsets[i]};
     * {@code counts[i]} (when {@code counts} is not null) receives the bytes moved.
     */
    static void batch(Ring ring, byte opcode, int fd, long[] offsets, MemorySegment[] bufs, int[] counts, int n,
            String path) throws IOException {
        long[] done = new long[n];
        int[] queue = new int[n];
        for (int i = 0; i < n; i++) {
            queue[i] = i;
        }
        int queueHead = 0;
        int queued = n;
        int inFlight = 0;
        IOException failure = null;
        while (inFlight > 0 || (failure == null && queued > 0)) {
            while (failure == null && queued > 0 && inFlight < ring.cqEntries()) {
                int i = queue[queueHead];
                long remaining = bufs[i].byteSize() - done[i];
                if (!ring.prepare(opcode, fd, offsets[i] + done[i], bufs[i].address() + done[i], chunk(remaining), 0,
                        i)) {
                    break;
                }
                queueHead = (queueHead + 1) % n;
                queued--;
                inFlight++;
            }
            long r = ring.enter(ring.unsubmitted(), 1, Ring.IORING_ENTER_GETEVENTS);
            if (r < 0 && !retryableEnter(r)) {
                drainBroken(ring, inFlight, r);
            }
            int reaped = ring.reap();
            inFlight -= reaped;
            for (int k = 0; k < reaped; k++) {
                int i = (int) ring.reapedUserData(k);
                int res = ring.reapedResult(k);
                boolean again = false;
                if (res == -Errno.EAGAIN || res == -Errno.EINTR) {
                    again = true;
                } else if (res < 0) {
                    failure = first(failure, failure(opcode, -res, offsets[i] + done[i], path));
                } else if (res == 0 && bufs[i].byteSize() > done[i] && opcode != Ring.IORING_OP_READ) {
                    failure = first(failure, new IOException("io_uring write made no progress at offset "
                            + (offsets[i] + done[i]) + " in " + path));
                } else {
                    done[i] += res;
                    again = res > 0 && done[i] < bufs[i].byteSize();
                }
                if (again) {
                    queue[(queueHead + queued) % n] = i;
                    queued++;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (counts != null) {
            for (int i = 0; i < n; i++) {
                counts[i] = (int) done[i];
            }
        }
    }

    private static boolean retryableEnter(long r) {
        return r == -Errno.EINTR || r == -Errno.EAGAIN || r == -Errno.EBUSY;
    }

    /**
     * {@code io_uring_enter} failed outright, which only a bug or a dying process causes. Requests may still be in
     * flight, so we must not return while the kernel can write into the caller's buffers: poll the completion ring
     * for a while, then give up on the ring (the caller never returns it to the pool).
     */
    private static void drainBroken(Ring ring, int inFlight, long enterResult) throws IOException {
        long deadline = System.nanoTime() + BROKEN_RING_DRAIN_NANOS;
        int left = inFlight;
        while (left > 0 && System.nanoTime() < deadline) {
            left -= ring.reap();
            Thread.onSpinWait();
        }
        throw new BrokenRingException("io_uring_enter failed: " + Errno.describe((int) -enterResult)
                + (left > 0 ? "; " + left + " requests never completed" : ""));
    }

    private static int chunk(long remaining) {
        return (int) Math.min(remaining, MAX_TRANSFER_BYTES);
    }

    private static IOException first(IOException failure, IOException next) {
        if (failure == null) {
            return next;
        }
        failure.addSuppressed(next);
        return failure;
    }

    private static IOException failure(byte opcode, int errno, long offset, String path) {
        String op = switch (opcode) {
            case Ring.IORING_OP_READ -> "read";
            case Ring.IORING_OP_WRITE -> "write";
            default -> "fsync";
        };
        return new IOException("io_uring " + op + (opcode == Ring.IORING_OP_FSYNC ? "" : " at offset " + offset)
                + " in " + path + " failed: " + Errno.describe(errno));
    }

    /** The ring can no longer be trusted; it is dropped (never pooled again, nor unmapped while requests remain). */
    static final class BrokenRingException extends IOException {
        BrokenRingException(String message) {
            super(message);
        }
    }
}
