package dev.panamax.storage.btree;

import dev.panamax.io.DbFile;
import dev.panamax.io.FileBackend;
import dev.panamax.io.IoBackend;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.random.RandomGenerator;

/**
 * A test backend whose files offer {@link DbFile#view} (read-only mappings of the whole file, remapped when it
 * grows), so the pager's zero-copy path is exercised the way the io package's mmap backend will drive it.
 * Usable as {@code -Dpanamax.io=dev.panamax.storage.btree.MappedBackend}.
 */
public final class MappedBackend implements IoBackend {
    private final FileBackend inner = new FileBackend();

    @Override
    public String name() {
        return "mapped-test";
    }

    @Override
    public DbFile open(String path, boolean readOnly, boolean create) throws IOException {
        DbFile f = inner.open(path, readOnly, create);
        return new DbFile() {
            private MemorySegment map;
            private long mapped = -1;

            @Override
            public String path() {
                return f.path();
            }

            @Override
            public long size() throws IOException {
                return f.size();
            }

            @Override
            public int read(long offset, MemorySegment dst) throws IOException {
                return f.read(offset, dst);
            }

            @Override
            public MemorySegment view(long offset, long length) throws IOException {
                long size = f.size();
                if (offset + length > size) {
                    return null;
                }
                if (mapped != size) {
                    try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
                        map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
                    }
                    mapped = size;
                }
                return map.asSlice(offset, length);
            }

            @Override
            public void write(long offset, MemorySegment src) throws IOException {
                f.write(offset, src);
            }

            @Override
            public void truncate(long size) throws IOException {
                f.truncate(size);
                mapped = -1;
                map = null;
            }

            @Override
            public void sync() throws IOException {
                f.sync();
            }

            @Override
            public void close() throws IOException {
                f.close();
            }
        };
    }

    @Override
    public boolean exists(String path) throws IOException {
        return inner.exists(path);
    }

    @Override
    public void delete(String path) throws IOException {
        inner.delete(path);
    }

    @Override
    public long currentTimeMillis() {
        return inner.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        return inner.nanoTime();
    }

    @Override
    public RandomGenerator random() {
        return inner.random();
    }

    @Override
    public void close() {
    }
}
