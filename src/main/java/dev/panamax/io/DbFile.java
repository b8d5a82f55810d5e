package dev.panamax.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * One open file: positional reads and writes of off-heap segments, size, truncate and sync.
 *
 * <p>All offsets are byte offsets from the start of the file. Reads past the end of the file return fewer bytes
 * (the count is returned) and never fail for that reason alone. Implementations are safe for concurrent use by
 * several threads.
 */
public interface DbFile extends AutoCloseable {

    String path();

    long size() throws IOException;

    /**
     * Reads up to {@code dst.byteSize()} bytes at {@code offset} into {@code dst}.
     *
     * @return the number of bytes read: less than requested only at the end of the file
     */
    int read(long offset, MemorySegment dst) throws IOException;

    /**
     * Reads a batch: request {@code i} fills {@code dsts[i]} from {@code offsets[i]}, {@code counts[i]} receives the
     * bytes read. Backends with asynchronous I/O submit the whole batch at once; the default reads one at a time.
     */
    default void readBatch(long[] offsets, MemorySegment[] dsts, int[] counts, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            counts[i] = read(offsets[i], dsts[i]);
        }
    }

    /**
     * A read-only view of {@code length} bytes at {@code offset} without copying, or {@code null} when the backend
     * cannot give one (not mapped, or the range is past the end of the file). The view stays valid until the file
     * is closed or truncated below its end; it sees later writes.
     */
    default MemorySegment view(long offset, long length) throws IOException {
        return null;
    }

    /** Writes all of {@code src} at {@code offset}, growing the file as needed. */
    void write(long offset, MemorySegment src) throws IOException;

    /**
     * Writes a batch: {@code srcs[i]} at {@code offsets[i]}. Backends with asynchronous I/O submit the whole batch
     * at once; the default writes one at a time.
     */
    default void writeBatch(long[] offsets, MemorySegment[] srcs, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            write(offsets[i], srcs[i]);
        }
    }

    void truncate(long size) throws IOException;

    /** Makes every completed write durable (fsync). */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
}
