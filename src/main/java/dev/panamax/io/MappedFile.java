package dev.panamax.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A file read through read-only mappings and written with positional writes.
 *
 * <pre>
 *  file offset  0               C               2C                 size
 *               +---------------+---------------+-------------------+
 *  chunks[0]    [ mapping of [0, C)             ]
 *  chunks[1]                    [ [C, 2C)       ]
 *  chunks[2]                                    [ [2C, end) tail    ]   end &lt;= size, end &lt; 3C
 *  retired      earlier, shorter mappings of a growing chunk, kept for the views handed out from them
 * </pre>
 *
 * <p>The file is cut into chunks of {@code C} bytes (a power of two of at least 64 KiB, so no page straddles two
 * chunks). Each chunk has at most one current mapping, which never reaches past the end of the file as it was when
 * mapped: {@code FileChannel.map} would otherwise extend the file, and touching a mapped page past the end raises
 * SIGBUS. When the file grows, a chunk is remapped to a longer mapping only once it has grown by a worthwhile
 * amount ({@link #worthRemapping}); meanwhile reads of the unmapped tail are positional reads. A remap keeps the
 * older mapping alive (its views stay valid), so a chunk growing from nothing to {@code C} leaves a geometric
 * series of mappings, at most about three times {@code C} of address space.
 *
 * <p>Invariants: every live mapping ends at or below the file size; {@link #truncate} first unpublishes and closes
 * (an {@code Arena} handshake: no thread is inside the mapping afterwards) every mapping reaching past the new
 * size, and only then shrinks the file. A reader that raced with the close sees {@code IllegalStateException} from
 * the closed arena and retries with a positional read. If another process shrinks the file under a mapping, the
 * JVM turns the SIGBUS into an {@code InternalError}, which is caught the same way.
 *
 * <p>Interrupts: a {@code FileChannel} closes itself when a thread using it is interrupted, which would kill the
 * file for every thread. So each channel call runs with the caller's interrupt status cleared and restored after
 * ({@link #io}), and a channel closed by an interrupt all the same is reopened and the call retried. Closing a
 * shared arena also interrupts a thread caught reading from it (JDK 25 delivers the "already closed" error that
 * way): the read path clears an interrupt that was not there before its copy.
 *
 * <p>Thread safety: the read path is lock-free (a volatile copy-on-write table of mappings); mapping, truncation,
 * reopening and close take the file's monitor. Writes are positional ({@code pwrite}) and need no lock.
 */
final class MappedFile implements DbFile {
    /** A chunk is not remapped for less growth than this (nor for less than half its current mapping). */
    static final long MIN_REMAP_GROWTH_BYTES = 1L << 16;

    /** Reopens of the channel one call may make before giving up (each needs another interrupt to happen). */
    private static final int MAX_REOPENS = 32;

    @FunctionalInterface
    private interface ChannelCall<T> {
        T call(FileChannel channel) throws IOException;
    }

    private record Mapping(long start, long end, Arena arena, MemorySegment segment) {
    }

    private final String path;
    private final boolean readOnly;
    private final int chunkShift;
    private final long chunkBytes;
    private final List<Mapping> live = new ArrayList<>();
    private volatile Mapping[] chunks = new Mapping[0];
    private volatile FileChannel channel;
    private volatile boolean closed;

    MappedFile(String path, FileChannel channel, boolean readOnly, long chunkBytes) {
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
        this.chunkBytes = chunkBytes;
        this.chunkShift = Long.numberOfTrailingZeros(chunkBytes);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() throws IOException {
        return io(FileChannel::size);
    }

    @Override
    public int read(long offset, MemorySegment dst) throws IOException {
        checkOffset(offset);
        boolean interrupted = Thread.currentThread().isInterrupted();
        long total = dst.byteSize();
        long done = 0;
        try {
            while (done < total) {
                long pos = offset + done;
                long piece = Math.min(total - done, chunkEnd(pos) - pos);
                Mapping m = mappingFor(pos, piece);
                if (m == null || !copyOut(m, pos, dst, done, piece, interrupted)) {
                    return Math.toIntExact(done + positionalRead(pos, dst.asSlice(done)));
                }
                done += piece;
            }
        } catch (InternalError sigbus) {
            // Compiled code reports a fault in a mapped copy at the next safepoint poll, which may be this loop's
            // back edge rather than inside copyOut: the file shrank under the mapping, so read it positionally.
            return Math.toIntExact(positionalRead(offset, dst));
        }
        return Math.toIntExact(done);
    }

    @Override
    public MemorySegment view(long offset, long length) throws IOException {
        checkOffset(offset);
        if (length <= 0 || offset + length > chunkEnd(offset)) {
            return null;
        }
        Mapping m = mappingFor(offset, length);
        return m == null ? null : m.segment.asSlice(offset - m.start, length);
    }

    @Override
    public void write(long offset, MemorySegment src) throws IOException {
        checkOffset(offset);
        checkWritable();
        ByteBuffer buf = src.asByteBuffer();
        while (buf.hasRemaining()) {
            io(ch -> ch.write(buf, offset + buf.position()));
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        checkOffset(size);
        checkWritable();
        synchronized (this) {
            ensureOpen();
            Mapping[] table = chunks.clone();
            for (int i = 0; i < table.length; i++) {
                if (table[i] != null && table[i].end > size) {
                    table[i] = null;
                }
            }
            chunks = table;
            closeMappings(m -> m.end > size);
            io(ch -> ch.truncate(size));
        }
    }

    @Override
    public void sync() throws IOException {
        io(ch -> {
            ch.force(false);
            return null;
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        chunks = new Mapping[0];
        closeMappings(m -> true);
        channel.close();
    }

    /** The number of live mappings (current and retired); for tests of the remapping policy. */
    synchronized int liveMappings() {
        return live.size();
    }

    private long chunkEnd(long pos) {
        return ((pos >>> chunkShift) + 1) << chunkShift;
    }

    /** The current mapping holding {@code [pos, pos + len)}, mapping or remapping its chunk if worthwhile. */
    private Mapping mappingFor(long pos, long len) throws IOException {
        Mapping[] table = chunks;
        int i = (int) (pos >>> chunkShift);
        Mapping m = i < table.length ? table[i] : null;
        if (m != null && pos + len <= m.end) {
            return m;
        }
        long start = (long) i << chunkShift;
        long end = Math.min(size(), start + chunkBytes);
        if (end < pos + len || !worthRemapping(m, start, end)) {
            return null;
        }
        return remap(i, pos + len);
    }

    /** Maps a chunk, rechecking under the lock what {@link #mappingFor} decided without it. */
    private synchronized Mapping remap(int chunk, long neededEnd) throws IOException {
        ensureOpen();
        Mapping[] table = chunks;
        Mapping m = chunk < table.length ? table[chunk] : null;
        if (m != null && neededEnd <= m.end) {
            return m;
        }
        long start = (long) chunk << chunkShift;
        long end = Math.min(size(), start + chunkBytes);
        if (end < neededEnd || !worthRemapping(m, start, end)) {
            return null;
        }
        Arena arena = Arena.ofShared();
        MemorySegment segment;
        try {
            segment = io(ch -> ch.map(FileChannel.MapMode.READ_ONLY, start, end - start, arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            return null;
        }
        Mapping fresh = new Mapping(start, end, arena, segment);
        live.add(fresh);
        Mapping[] grown = Arrays.copyOf(table, Math.max(table.length, chunk + 1));
        grown[chunk] = fresh;
        chunks = grown;
        return fresh;
    }

    private boolean worthRemapping(Mapping current, long start, long end) {
        if (current == null || end - start == chunkBytes) {
            return true;
        }
        long mapped = current.end - start;
        return end - current.end >= Math.max(MIN_REMAP_GROWTH_BYTES, mapped / 2);
    }

    /**
     * Copies from a mapping; false when the mapping was closed under us (clearing the interrupt that the close
     * delivered with it, unless the caller was already {@code interrupted}) or the file shrank behind our back.
     */
    private static boolean copyOut(Mapping m, long pos, MemorySegment dst, long dstOffset, long len,
            boolean interrupted) {
        try {
            MemorySegment.copy(m.segment, pos - m.start, dst, dstOffset, len);
            return true;
        } catch (IllegalStateException | InternalError e) {
            if (!interrupted) {
                Thread.interrupted();
            }
            return false;
        }
    }

    private int positionalRead(long pos, MemorySegment dst) throws IOException {
        ByteBuffer buf = dst.asByteBuffer();
        while (buf.hasRemaining()) {
            if (io(ch -> ch.read(buf, pos + buf.position())) < 0) {
                break;
            }
        }
        return buf.position();
    }

    /**
     * Runs a channel call immune to interrupts: the caller's interrupt status is cleared for the call and restored
     * after; if an interrupt closed the channel anyway (this thread's, or another's: then we see an
     * {@code AsynchronousCloseException} or a closed channel), the channel is reopened and the call retried. A
     * call may have moved bytes before its channel was closed (the buffer position says how many), so calls take
     * their file offset from the buffer position at each attempt.
     */
    private <T> T io(ChannelCall<T> call) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            for (int reopens = 0; ; reopens++) {
                FileChannel ch = channel;
                try {
                    return call.call(ch);
                } catch (ClosedChannelException e) {
                    interrupted |= Thread.interrupted();
                    if (closed || reopens == MAX_REOPENS) {
                        throw e;
                    }
                    reopen(ch);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void reopen(FileChannel broken) throws IOException {
        ensureOpen();
        if (channel == broken) {
            channel = readOnly
                    ? FileChannel.open(Path.of(path), StandardOpenOption.READ)
                    : FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    private void closeMappings(Predicate<Mapping> which) {
        for (var it = live.iterator(); it.hasNext(); ) {
            Mapping m = it.next();
            if (which.test(m)) {
                m.arena.close();
                it.remove();
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    private void checkWritable() throws IOException {
        if (readOnly) {
            throw new IOException("file is open read-only: " + path, new NonWritableChannelException());
        }
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative file offset: " + offset);
        }
    }
}
