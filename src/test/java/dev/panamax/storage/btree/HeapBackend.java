package dev.panamax.storage.btree;

import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A minimal in-memory file system for fast storage tests: files are growable byte arrays keyed by path. */
final class HeapBackend implements IoBackend {
    final Map<String, byte[]> files = new HashMap<>();
    private final RandomGenerator random = new SplittableRandom(1);

    void put(String path, byte[] image) {
        files.put(path, image.clone());
    }

    byte[] get(String path) {
        return files.get(path);
    }

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public DbFile open(String path, boolean readOnly, boolean create) throws IOException {
        if (!files.containsKey(path)) {
            if (!create) {
                throw new NoSuchFileException(path);
            }
            files.put(path, new byte[0]);
        }
        return new HeapFile(path);
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    @Override
    public long currentTimeMillis() {
        return 0;
    }

    @Override
    public long nanoTime() {
        return 0;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void close() {
    }

    private final class HeapFile implements DbFile {
        private final String path;

        HeapFile(String path) {
            this.path = path;
        }

        private byte[] data() {
            return files.getOrDefault(path, new byte[0]);
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public long size() {
            return data().length;
        }

        @Override
        public int read(long offset, MemorySegment dst) {
            byte[] d = data();
            if (offset >= d.length) {
                return 0;
            }
            int n = (int) Math.min(dst.byteSize(), d.length - offset);
            MemorySegment.copy(d, (int) offset, dst, ValueLayout.JAVA_BYTE, 0, n);
            return n;
        }

        @Override
        public void write(long offset, MemorySegment src) {
            byte[] d = data();
            long end = offset + src.byteSize();
            if (end > d.length) {
                d = Arrays.copyOf(d, (int) end);
                files.put(path, d);
            }
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, 0, d, (int) offset, (int) src.byteSize());
        }

        @Override
        public void truncate(long size) {
            byte[] d = data();
            if (size < d.length) {
                files.put(path, Arrays.copyOf(d, (int) size));
            }
        }

        @Override
        public void sync() {
        }

        @Override
        public void close() {
        }
    }
}
