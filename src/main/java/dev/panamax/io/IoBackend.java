package dev.panamax.io;

import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Where Panamax's bytes live: hands out {@link DbFile}s, and is the one source of time and randomness for the
 * layers above (salts, nonces, {@code random()}), so that a seeded backend replays a whole run.
 *
 * <p>Implementations: {@link FileBackend} (positional writes, reads through mapped segments), the io_uring backend
 * ({@code dev.panamax.io.uring}), and the simulated file system with fault injection ({@code dev.panamax.io.memory}).
 * A backend is thread-safe; the files it hands out are thread-safe for positional reads and writes.
 */
public interface IoBackend extends AutoCloseable {

    /** A short name for logs and {@code panamax.io}: {@code mmap}, {@code uring}, {@code memory}. */
    String name();

    /**
     * Opens a file, creating it when {@code create} is set and it does not exist.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist and {@code create} is false
     */
    DbFile open(String path, boolean readOnly, boolean create) throws IOException;

    boolean exists(String path) throws IOException;

    /** Deletes a file; no error when it does not exist. */
    void delete(String path) throws IOException;

    /** Wall-clock time in milliseconds since the epoch (simulated backends return simulated time). */
    long currentTimeMillis();

    /** Monotonic time in nanoseconds, for timeouts. */
    long nanoTime();

    /** The backend's source of randomness; seeded in simulated backends. */
    RandomGenerator random();

    @Override
    void close() throws IOException;
}
