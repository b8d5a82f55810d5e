package dev.panamax.io.uring;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance, its rings mapped from the ring descriptor into memory shared with the kernel
 * (include/uapi/linux/io_uring.h).
 *
 * <pre>
 * io_uring_params (120 B, filled by io_uring_setup)
 *   0 sq_entries  4 cq_entries  8 flags  12 sq_thread_cpu  16 sq_thread_idle  20 features  24 wq_fd  28 resv[3]
 *   40 sq_off: +0 head +4 tail +8 ring_mask +12 ring_entries +16 flags +20 dropped +24 array    (40 B)
 *   80 cq_off: +0 head +4 tail +8 ring_mask +12 ring_entries +16 overflow +20 cqes             (40 B)
 * SQ ring (mmap offset 0)          : head tail mask entries flags dropped ... array[sq_entries] (u32 -> SQE index)
 * CQ ring (offset 0x8000000, or the SQ mapping with IORING_FEAT_SINGLE_MMAP): head tail mask ... cqes[cq_entries]
 * SQE (64 B, offset 0x10000000)    : 0 opcode u8 | 1 flags u8 | 2 ioprio u16 | 4 fd s32 | 8 off u64 | 16 addr u64
 *                                    24 len u32 | 28 rw_flags/fsync_flags u32 | 32 user_data u64 | 40..63 zero
 * CQE (16 B)                       : 0 user_data u64 | 8 res s32 (bytes, or -errno) | 12 flags u32
 * io_uring_probe (register 8)      : 0 last_op u8 | 1 ops_len u8 | 16 ops[]: 8 B each, +0 op u8, +2 flags u16
 * </pre>
 *
 * <p>The ring masks are read from the mapped rings ({@code sq_off.ring_mask} is an offset, not the mask). The
 * kernel-owned SQ head and CQ tail are read with acquire; the SQ tail and CQ head are published with release. The
 * SQ array is set to the identity once, so slot {@code i} always names SQE {@code i}.
 *
 * <p>Not thread-safe: one thread uses a ring at a time ({@link RingPool} hands rings out). Our own tail and head
 * copies are plain fields; the pool's hand-off orders them between threads.
 */
final class Ring implements AutoCloseable {
    static final byte IORING_OP_NOP = 0;
    static final byte IORING_OP_FSYNC = 3;
    static final byte IORING_OP_READ = 22;
    static final byte IORING_OP_WRITE = 23;
    static final int IORING_FSYNC_DATASYNC = 1;
    static final int IORING_ENTER_GETEVENTS = 1;

    private static final int IORING_FEAT_SINGLE_MMAP = 1;
    private static final int IORING_REGISTER_PROBE = 8;
    private static final int IO_URING_OP_SUPPORTED = 1;
    private static final long IORING_OFF_SQ_RING = 0;
    private static final long IORING_OFF_CQ_RING = 0x8000000L;
    private static final long IORING_OFF_SQES = 0x10000000L;
    private static final int PARAMS_BYTES = 120;
    private static final int SQE_BYTES = 64;
    private static final int CQE_BYTES = 16;
    private static final int PROBE_OPS = 256;

    private static final VarHandle INT = JAVA_INT.varHandle();

    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno = LibC.newErrnoSegment(arena);
    private final int ringFd;
    private final long[] regions;
    private final MemorySegment sqRing;
    private final MemorySegment cqRing;
    private final MemorySegment sqes;
    private final int sqEntries;
    private final int cqEntries;
    private final int sqMask;
    private final int cqMask;
    private final long sqHead;
    private final long sqTail;
    private final long cqHead;
    private final long cqTail;
    private final long cqes;
    private final long[] reapedUserData;
    private final int[] reapedResults;
    private int tail;
    private int head;
    private boolean closed;

    /**
     * Takes over a set-up ring. {@code regions} holds address/length pairs of the SQ ring, the CQ ring (0/0 when it
     * shares the SQ mapping) and the SQEs. The segments over them belong to this ring's arena, so a use after
     * {@link #close()} throws {@code IllegalStateException} instead of touching unmapped memory.
     */
    private Ring(int ringFd, MemorySegment params, long[] regions) {
        this.ringFd = ringFd;
        this.regions = regions;
        this.sqRing = MemorySegment.ofAddress(regions[0]).reinterpret(regions[1], arena, null);
        this.cqRing = regions[2] == 0
                ? sqRing
                : MemorySegment.ofAddress(regions[2]).reinterpret(regions[3], arena, null);
        this.sqes = MemorySegment.ofAddress(regions[4]).reinterpret(regions[5], arena, null);
        this.sqEntries = params.get(JAVA_INT, 0);
        this.cqEntries = params.get(JAVA_INT, 4);
        this.sqHead = params.get(JAVA_INT, 40);
        this.sqTail = params.get(JAVA_INT, 44);
        this.sqMask = sqRing.get(JAVA_INT, params.get(JAVA_INT, 48));
        long sqArray = params.get(JAVA_INT, 64);
        this.cqHead = params.get(JAVA_INT, 80);
        this.cqTail = params.get(JAVA_INT, 84);
        this.cqMask = cqRing.get(JAVA_INT, params.get(JAVA_INT, 88));
        this.cqes = params.get(JAVA_INT, 100);
        for (int i = 0; i < sqEntries; i++) {
            sqRing.set(JAVA_INT, sqArray + 4L * i, i);
        }
        this.tail = (int) INT.getAcquire(sqRing, sqTail);
        this.head = (int) INT.getAcquire(cqRing, cqHead);
        this.reapedUserData = new long[cqEntries];
        this.reapedResults = new int[cqEntries];
    }

    /**
     * Sets up a ring of {@code entries} submission slots and maps it.
     *
     * @throws UringUnavailableException naming the errno when the kernel refuses
     */
    static Ring create(int entries) throws UringUnavailableException {
        try (Arena setup = Arena.ofConfined()) {
            MemorySegment capture = LibC.newErrnoSegment(setup);
            MemorySegment params = setup.allocate(PARAMS_BYTES, 8);
            long fd = LibC.syscall(capture, LibC.SYS_IO_URING_SETUP, entries, params.address(), 0, 0, 0, 0);
            if (fd < 0) {
                throw new UringUnavailableException("io_uring_setup refused: " + Errno.describe(LibC.errno(capture)));
            }
            return map((int) fd, params, capture);
        }
    }

    private static Ring map(int fd, MemorySegment params, MemorySegment capture) throws UringUnavailableException {
        int sqEntries = params.get(JAVA_INT, 0);
        int cqEntries = params.get(JAVA_INT, 4);
        boolean single = (params.get(JAVA_INT, 20) & IORING_FEAT_SINGLE_MMAP) != 0;
        long sqLen = params.get(JAVA_INT, 64) + 4L * sqEntries;
        long cqLen = params.get(JAVA_INT, 100) + (long) CQE_BYTES * cqEntries;
        long sqesLen = (long) SQE_BYTES * sqEntries;
        if (single) {
            sqLen = Math.max(sqLen, cqLen);
        }
        long sq = mapRegion(capture, fd, sqLen, IORING_OFF_SQ_RING);
        long cq = sq == LibC.MAP_FAILED || single ? sq : mapRegion(capture, fd, cqLen, IORING_OFF_CQ_RING);
        long sqe = cq == LibC.MAP_FAILED ? cq : mapRegion(capture, fd, sqesLen, IORING_OFF_SQES);
        if (sqe == LibC.MAP_FAILED) {
            String why = Errno.describe(LibC.errno(capture));
            unmapQuietly(capture, sq, sqLen);
            if (!single) {
                unmapQuietly(capture, cq, cqLen);
            }
            LibC.close(capture, fd);
            throw new UringUnavailableException("mmap of the io_uring rings refused: " + why);
        }
        return new Ring(fd, params, new long[] {sq, sqLen, single ? 0 : cq, single ? 0 : cqLen, sqe, sqesLen});
    }

    private static long mapRegion(MemorySegment capture, int fd, long length, long offset) {
        return LibC.mmap(capture, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED | LibC.MAP_POPULATE,
                fd, offset);
    }

    private static void unmapQuietly(MemorySegment capture, long address, long length) {
        if (address != LibC.MAP_FAILED) {
            LibC.munmap(capture, address, length);
        }
    }

    /** Submission slots; at most this many requests are queued between two {@link #enter} calls. */
    int sqEntries() {
        return sqEntries;
    }

    /** Completion slots; keeping at most this many requests in flight means the CQ never overflows. */
    int cqEntries() {
        return cqEntries;
    }

    /**
     * Queues one request; false when the submission ring is full. {@code opFlags} is the SQE's union word at 28
     * ({@code rw_flags} or {@code fsync_flags}).
     */
    boolean prepare(byte opcode, int fd, long offset, long address, int length, int opFlags, long userData) {
        int kernelHead = (int) INT.getAcquire(sqRing, sqHead);
        if (tail - kernelHead >= sqEntries) {
            return false;
        }
        long sqe = (long) (tail & sqMask) * SQE_BYTES;
        for (long word = 0; word < SQE_BYTES; word += 8) {
            sqes.set(JAVA_LONG, sqe + word, 0L);
        }
        sqes.set(JAVA_BYTE, sqe, opcode);
        sqes.set(JAVA_INT, sqe + 4, fd);
        sqes.set(JAVA_LONG, sqe + 8, offset);
        sqes.set(JAVA_LONG, sqe + 16, address);
        sqes.set(JAVA_INT, sqe + 24, length);
        sqes.set(JAVA_INT, sqe + 28, opFlags);
        sqes.set(JAVA_LONG, sqe + 32, userData);
        tail++;
        INT.setRelease(sqRing, sqTail, tail);
        return true;
    }

    /** Requests queued but not yet consumed by the kernel. */
    int unsubmitted() {
        return tail - (int) INT.getAcquire(sqRing, sqHead);
    }

    /** {@code io_uring_enter}: the number of requests consumed, or {@code -errno}. */
    long enter(int toSubmit, int minComplete, int flags) {
        long r = LibC.syscall(errno, LibC.SYS_IO_URING_ENTER, ringFd, toSubmit, minComplete, flags, 0, 0);
        return r < 0 ? -LibC.errno(errno) : r;
    }

    /**
     * Moves the available completions into {@link #reapedUserData}/{@link #reapedResults} and frees their slots.
     *
     * @return how many completions were reaped
     */
    int reap() {
        int kernelTail = (int) INT.getAcquire(cqRing, cqTail);
        int n = 0;
        while (head != kernelTail && n < reapedResults.length) {
            long cqe = cqes + (long) (head & cqMask) * CQE_BYTES;
            reapedUserData[n] = cqRing.get(JAVA_LONG, cqe);
            reapedResults[n] = cqRing.get(JAVA_INT, cqe + 8);
            n++;
            head++;
        }
        INT.setRelease(cqRing, cqHead, head);
        return n;
    }

    long reapedUserData(int i) {
        return reapedUserData[i];
    }

    int reapedResult(int i) {
        return reapedResults[i];
    }

    /** Whether the kernel supports every opcode in {@code opcodes} (IORING_REGISTER_PROBE, Linux 5.6+). */
    boolean supports(byte... opcodes) {
        try (Arena probe = Arena.ofConfined()) {
            MemorySegment buf = probe.allocate(16 + 8L * PROBE_OPS, 8);
            long r = LibC.syscall(errno, LibC.SYS_IO_URING_REGISTER, ringFd, IORING_REGISTER_PROBE, buf.address(),
                    PROBE_OPS, 0, 0);
            if (r < 0) {
                return false;
            }
            int opsLen = Byte.toUnsignedInt(buf.get(JAVA_BYTE, 1));
            for (byte op : opcodes) {
                if (op >= opsLen || (buf.get(JAVA_SHORT, 16 + 8L * op + 2) & IO_URING_OP_SUPPORTED) == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Invalidates the segments over the rings, then unmaps them and closes the ring descriptor. Callers drain their
     * requests first; the kernel would finish any still in flight on its own.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        arena.close();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment capture = LibC.newErrnoSegment(scratch);
            for (int r = 0; r < regions.length; r += 2) {
                if (regions[r + 1] != 0) {
                    LibC.munmap(capture, regions[r], regions[r + 1]);
                }
            }
            LibC.close(capture, ringFd);
        }
    }
}
