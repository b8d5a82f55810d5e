package dev.panamax.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The default backend ({@code mmap}): files on the host file system, read through read-only mappings
 * ({@code FileChannel.map(READ_ONLY, ..., Arena)}) and written with positional writes. See {@link MappedFile} for the
 * mapping scheme. Time is the system clock and randomness is a {@link SecureRandom}.
 *
 * <p>Closing the backend releases nothing: every file owns its channel and mappings, and its owner closes it.
 */
public final class FileBackend implements IoBackend {
    /** The default mapping chunk: 1 GiB of address space per mapping, a small file maps only what it has. */
    public static final long DEFAULT_MAP_CHUNK_BYTES = 1L << 30;

    /** The smallest chunk: pages (at most 64 KiB, power-of-two aligned) never straddle two chunks. */
    public static final long MIN_MAP_CHUNK_BYTES = 1L << 16;

    private final long mapChunkBytes;
    private final RandomGenerator random = new SecureRandom();

    public FileBackend() {
        this(DEFAULT_MAP_CHUNK_BYTES);
    }

    /**
     * A backend whose files map in chunks of {@code mapChunkBytes} (a power of two, at least
     * {@link #MIN_MAP_CHUNK_BYTES}); small chunks make tests cross chunk boundaries with small files.
     */
    public FileBackend(long mapChunkBytes) {
        if (mapChunkBytes < MIN_MAP_CHUNK_BYTES || Long.bitCount(mapChunkBytes) != 1) {
            throw new IllegalArgumentException("map chunk must be a power of two >= 64 KiB: " + mapChunkBytes);
        }
        this.mapChunkBytes = mapChunkBytes;
    }

    @Override
    public String name() {
        return "mmap";
    }

    @Override
    public DbFile open(String path, boolean readOnly, boolean create) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ);
        if (!readOnly) {
            options.add(StandardOpenOption.WRITE);
            if (create) {
                options.add(StandardOpenOption.CREATE);
            }
        }
        return new MappedFile(path, FileChannel.open(Path.of(path), options), readOnly, mapChunkBytes);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(Path.of(path));
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    /** Nothing to release: each file owns its channel and mappings. */
    @Override
    public void close() {
    }
}
