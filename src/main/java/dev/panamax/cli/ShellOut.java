package dev.panamax.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A byte sink for the shell's output: results, dot-command output, error messages.
 *
 * <p>Bytes, not characters, because the shell prints what SQLite hands it: a BLOB's bytes go out as they are, and
 * text stops at its first NUL as C's {@code %s} does. Strings are written as UTF-8. The stream is buffered; the
 * shell flushes it before reading each input line, as {@code sqlite3} does.
 */
final class ShellOut implements AutoCloseable {
    private final OutputStream stream;
    private final boolean closeable;
    private final String name;
    private boolean autoFlush;
    private final byte[] buffer = new byte[8192];
    private int used;

    ShellOut(OutputStream stream, String name, boolean closeable) {
        this.stream = stream;
        this.name = name;
        this.closeable = closeable;
    }

    /** Flushes after every write, as C's unbuffered stderr does; returns this. */
    ShellOut autoFlush() {
        autoFlush = true;
        return this;
    }

    /** The file name this output goes to, or {@code stdout}/{@code stderr}. */
    String name() {
        return name;
    }

    /** Writes a string as UTF-8, all of it. */
    ShellOut print(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a string as C's {@code %s} would: up to its first NUL. */
    ShellOut text(String s) {
        int nul = s.indexOf('\0');
        return print(nul < 0 ? s : s.substring(0, nul));
    }

    ShellOut write(int b) {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (byte) b;
        return autoFlush ? flushed() : this;
    }

    ShellOut bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ShellOut bytes(byte[] b, int off, int len) {
        if (len > buffer.length - used) {
            drain();
            if (len > buffer.length) {
                writeThrough(b, off, len);
                return this;
            }
        }
        System.arraycopy(b, off, buffer, used, len);
        used += len;
        return autoFlush ? flushed() : this;
    }

    private ShellOut flushed() {
        flush();
        return this;
    }

    /** Writes {@code n} copies of one ASCII character. */
    ShellOut repeat(char c, int n) {
        for (int i = 0; i < n; i++) {
            write(c);
        }
        return this;
    }

    void flush() {
        drain();
        try {
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
        if (closeable) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void drain() {
        if (used > 0) {
            writeThrough(buffer, 0, used);
            used = 0;
        }
    }

    private void writeThrough(byte[] b, int off, int len) {
        try {
            stream.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
