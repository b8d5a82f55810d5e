package dev.panamax.io.uring;

import dev.panamax.io.DbFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file whose reads, writes and syncs go through io_uring, next to a mapped file ({@code mapped}) that serves
 * views, size and truncation, and every request the ring cannot take: heap buffers (the kernel needs addresses),
 * no ring to lend, or a closed backend.
 *
 * <p>The descriptor the SQEs name is our own ({@code open(2)}, O_CLOEXEC). A request in flight holds it: a
 * descriptor closed and reused by another {@code open} would redirect our I/O to another file. So {@code users}
 * counts the calls in progress (low bits) plus a closed flag (top bit), and whoever brings it to "closed, no users"
 * closes the descriptor, exactly once.
 */
final class UringFile implements DbFile {
    private static final long CLOSED = 1L << 62;

    private final DbFile mapped;
    private final int fd;
    private final RingPool rings;
    private final boolean readOnly;
    private final AtomicLong users = new AtomicLong();

    UringFile(DbFile mapped, int fd, RingPool rings, boolean readOnly) {
        this.mapped = mapped;
        this.fd = fd;
        this.rings = rings;
        this.readOnly = readOnly;
    }

    @Override
    public String path() {
        return mapped.path();
    }

    @Override
    public long size() throws IOException {
        return mapped.size();
    }

    @Override
    public MemorySegment view(long offset, long length) throws IOException {
        return mapped.view(offset, length);
    }

    @Override
    public void truncate(long size) throws IOException {
        mapped.truncate(size);
    }

    @Override
    public int read(long offset, MemorySegment dst) throws IOException {
        checkOffset(offset);
        if (!dst.isNative() || dst.isReadOnly()) {
            return mapped.read(offset, dst);
        }
        touch(dst);
        enter();
        Ring ring = rings.acquire();
        try {
            if (ring == null) {
                return mapped.read(offset, dst);
            }
            return Math.toIntExact(RingIo.transfer(ring, Ring.IORING_OP_READ, fd, offset, dst, path()));
        } catch (RingIo.BrokenRingException e) {
            rings.abandon();
            ring = null;
            throw e;
        } finally {
            release(ring);
        }
    }

    @Override
    public void readBatch(long[] offsets, MemorySegment[] dsts, int[] counts, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            checkOffset(offsets[i]);
            if (!dsts[i].isNative() || dsts[i].isReadOnly()) {
                DbFile.super.readBatch(offsets, dsts, counts, n);
                return;
            }
            touch(dsts[i]);
        }
        batch(Ring.IORING_OP_READ, offsets, dsts, counts, n);
    }

    @Override
    public void write(long offset, MemorySegment src) throws IOException {
        checkOffset(offset);
        checkWritable();
        if (!src.isNative()) {
            mapped.write(offset, src);
            return;
        }
        touch(src);
        enter();
        Ring ring = rings.acquire();
        try {
            if (ring == null) {
                mapped.write(offset, src);
            } else {
                RingIo.transfer(ring, Ring.IORING_OP_WRITE, fd, offset, src, path());
            }
        } catch (RingIo.BrokenRingException e) {
            rings.abandon();
            ring = null;
            throw e;
        } finally {
            release(ring);
        }
    }

    @Override
    public void writeBatch(long[] offsets, MemorySegment[] srcs, int n) throws IOException {
        checkWritable();
        for (int i = 0; i < n; i++) {
            checkOffset(offsets[i]);
            if (!srcs[i].isNative()) {
                DbFile.super.writeBatch(offsets, srcs, n);
                return;
            }
            touch(srcs[i]);
        }
        batch(Ring.IORING_OP_WRITE, offsets, srcs, null, n);
    }

    @Override
    public void sync() throws IOException {
        enter();
        Ring ring = rings.acquire();
        try {
            if (ring == null) {
                mapped.sync();
            } else {
                RingIo.fsync(ring, fd, path());
            }
        } catch (RingIo.BrokenRingException e) {
            rings.abandon();
            ring = null;
            throw e;
        } finally {
            release(ring);
        }
    }

    @Override
    public void close() throws IOException {
        long state = users.get();
        while ((state & CLOSED) == 0) {
            if (users.compareAndSet(state, state | CLOSED)) {
                if (state == 0) {
                    closeDescriptor();
                }
                break;
            }
            state = users.get();
        }
        mapped.close();
    }

    private void batch(byte opcode, long[] offsets, MemorySegment[] bufs, int[] counts, int n) throws IOException {
        enter();
        Ring ring = rings.acquire();
        try {
            if (ring == null) {
                fallbackBatch(opcode, offsets, bufs, counts, n);
            } else {
                RingIo.batch(ring, opcode, fd, offsets, bufs, counts, n, path());
            }
        } catch (RingIo.BrokenRingException e) {
            rings.abandon();
            ring = null;
            throw e;
        } finally {
            release(ring);
        }
    }

    private void fallbackBatch(byte opcode, long[] offsets, MemorySegment[] bufs, int[] counts, int n)
            throws IOException {
        if (opcode == Ring.IORING_OP_READ) {
            mapped.readBatch(offsets, bufs, counts, n);
        } else {
            mapped.writeBatch(offsets, bufs, n);
        }
    }

    /** Registers a call in progress; fails once the file is closed. */
    private void enter() throws IOException {
        long state = users.get();
        while (true) {
            if ((state & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (users.compareAndSet(state, state + 1)) {
                return;
            }
            state = users.get();
        }
    }

    /** Returns the ring (if any) and ends the call; the last call out of a closed file closes the descriptor. */
    private void release(Ring ring) {
        if (ring != null) {
            rings.release(ring);
        }
        if (users.decrementAndGet() == CLOSED) {
            closeDescriptor();
        }
    }

    private void closeDescriptor() {
        try (Arena scratch = Arena.ofConfined()) {
            LibC.close(LibC.newErrnoSegment(scratch), fd);
        }
    }

    /**
     * The kernel gets raw addresses, which bypass the segment's own checks: read one byte so that a buffer of a
     * closed arena, or of another thread's confined arena, fails here as it would on the other backends.
     */
    private static void touch(MemorySegment buf) {
        if (buf.byteSize() > 0) {
            buf.get(ValueLayout.JAVA_BYTE, 0);
        }
    }

    private void checkWritable() throws IOException {
        if (readOnly) {
            throw new IOException("file is open read-only: " + path());
        }
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative file offset: " + offset);
        }
    }
}
