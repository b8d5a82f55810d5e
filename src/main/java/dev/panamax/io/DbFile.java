package dev.panamax.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * One open file: positional reads and writes of off-heap segments, size, truncate and sync.
 *
 * <p>All offsets are byte offsets from the start of the file; a negative offset is a bug and throws
 * {@code IllegalArgumentException}. Reads past the end of the file return fewer bytes (the count is returned) and
 * never fail for that reason alone. Writing to a file opened read-only throws an {@code IOException}, as does any
 * operation after {@link #close()} (a {@code ClosedChannelException}). Implementations are safe for concurrent use
 * by several threads; concurrent writes to overlapping ranges land in some order, as with {@code pwrite}.
 *
 * <p>Buffers passed to the batch methods must stay alive until the call returns: asynchronous backends hand their
 * addresses to the kernel, and always wait for every request of a batch, even when one fails, before returning or
 * throwing.
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
     * When one request fails the batch throws after all its requests have completed; {@code counts} is then
     * unspecified.
     */
    default void readBatch(long[] offsets, MemorySegment[] dsts, int[] counts, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            counts[i] = read(offsets[i], dsts[i]);
        }
    }

    /**
     * A read-only view of {@code length} bytes at {@code offset} without copying, or {@code null} when the backend
     * cannot give one (not mapped, not yet remapped after growth, crossing a mapping chunk, or past the end of the
     * file); the caller then copies with {@link #read}. A view sees later writes to its range. It stays valid until
     * the file is closed or truncated: a truncation invalidates the views of the mappings it cuts (the mmap backend
     * cuts whole mappings, so a view below the new size may be invalidated too). Reading an invalidated view throws
     * {@code IllegalStateException}; it never reads past the end of the file and never crashes the JVM. A thread
     * caught reading a view at the moment it is invalidated also gets its interrupt status set (that is how JDK 25
     * delivers the error): drop views before truncating rather than race with it.
     */
    default MemorySegment view(long offset, long length) throws IOException {
        return null;
    }

    /** Writes all of {@code src} at {@code offset}, growing the file as needed (a gap reads as zeros). */
    void write(long offset, MemorySegment src) throws IOException;

    /**
     * Writes a batch: {@code srcs[i]} at {@code offsets[i]}. Backends with asynchronous I/O submit the whole batch
     * at once (in no guaranteed order between requests, so overlapping requests in one batch are a bug); the default
     * writes one at a time.
     */
    default void writeBatch(long[] offsets, MemorySegment[] srcs, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            write(offsets[i], srcs[i]);
        }
    }

    /**
     * Shrinks the file to {@code size} bytes; a size at or above the current size leaves the file unchanged (as
     * {@code FileChannel.truncate}: extend a file by writing to it).
     */
    void truncate(long size) throws IOException;

    /**
     * Makes every completed write and truncation durable: the file's data and the metadata needed to read it back,
     * its size included ({@code fdatasync}, what SQLite's unix VFS does on Linux). A failed sync may have lost
     * writes: treat it as fatal for the transaction, never retry and carry on.
     */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
}
