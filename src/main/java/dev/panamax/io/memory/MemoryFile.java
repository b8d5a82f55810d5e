package dev.panamax.io.memory;

import dev.panamax.io.DbFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedChannelException;

/**
 * An open handle on a simulated file. Every call goes through the file system's monitor and its fault plan; a
 * handle outlives neither a crash (calls throw {@link SimulatedCrashException}) nor its own {@link #close()}.
 */
final class MemoryFile implements DbFile {
    private final MemoryFileSystem fs;
    private final String path;
    private final FileData data;
    private final boolean readOnly;
    private boolean closed;

    MemoryFile(MemoryFileSystem fs, String path, FileData data, boolean readOnly) {
        this.fs = fs;
        this.path = path;
        this.data = data;
        this.readOnly = readOnly;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public long size() throws IOException {
        synchronized (fs) {
            check();
            return data.size();
        }
    }

    @Override
    public int read(long offset, MemorySegment dst) throws IOException {
        checkOffset(offset);
        synchronized (fs) {
            check();
            return data.read(offset, dst);
        }
    }

    /** A view inside one 64 KiB block of the simulated file; it sees later writes, as a mapping does. */
    @Override
    public MemorySegment view(long offset, long length) throws IOException {
        checkOffset(offset);
        synchronized (fs) {
            check();
            return data.view(offset, length);
        }
    }

    @Override
    public void write(long offset, MemorySegment src) throws IOException {
        checkOffset(offset);
        byte[] bytes = src.toArray(ValueLayout.JAVA_BYTE);
        synchronized (fs) {
            checkWritable();
            fs.write(data, offset, bytes);
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        checkOffset(size);
        synchronized (fs) {
            checkWritable();
            fs.truncate(data, size);
        }
    }

    @Override
    public void sync() throws IOException {
        synchronized (fs) {
            check();
            fs.sync(data);
        }
    }

    @Override
    public void close() {
        synchronized (fs) {
            closed = true;
        }
    }

    private void check() throws IOException {
        fs.checkRunning();
        if (closed) {
            throw new ClosedChannelException();
        }
    }

    private void checkWritable() throws IOException {
        check();
        if (readOnly) {
            throw new IOException("file is open read-only: " + path);
        }
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative file offset: " + offset);
        }
    }
}
