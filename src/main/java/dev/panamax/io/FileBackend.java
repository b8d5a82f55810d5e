package dev.panamax.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The default backend: files on the host file system with positional reads and writes. */
public final class FileBackend implements IoBackend {
    private final RandomGenerator random = new SecureRandom();

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
        Path p = Path.of(path);
        return new ChannelFile(path, FileChannel.open(p, options));
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

    @Override
    public void close() {
        // nothing held beyond the files, which their owners close
    }

    private static final class ChannelFile implements DbFile {
        private final String path;
        private final FileChannel channel;

        ChannelFile(String path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(long offset, MemorySegment dst) throws IOException {
            ByteBuffer buf = dst.asByteBuffer();
            int total = 0;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, offset + total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        }

        @Override
        public void write(long offset, MemorySegment src) throws IOException {
            ByteBuffer buf = src.asByteBuffer();
            long pos = offset;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            channel.truncate(size);
        }

        @Override
        public void sync() throws IOException {
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
