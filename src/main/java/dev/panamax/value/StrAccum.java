package dev.panamax.value;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte string with SQLite's length limit, like SQLite's StrAccum (printf.c).
 *
 * <pre>
 *   buf[0 .. len)   the text so far
 *   maxLength       the largest length allowed; going past it raises TOOBIG "string or blob too big"
 *   touched         whether anything was ever appended (even zero bytes): SQLite's printf() returns NULL
 *                   for a result that never touched its accumulator, '' otherwise
 * </pre>
 */
public final class StrAccum {
    private byte[] buf;
    private int len;
    private final long maxLength;
    private boolean touched;

    /** An accumulator whose content may grow to maxLength bytes. */
    public StrAccum(long maxLength) {
        this(16, maxLength);
    }

    public StrAccum(int initialCapacity, long maxLength) {
        this.buf = new byte[Math.max(1, initialCapacity)];
        this.maxLength = maxLength;
    }

    public int length() {
        return len;
    }

    /** The bytes; only [0, length()) are the text. */
    public byte[] buffer() {
        return buf;
    }

    public boolean touched() {
        return touched;
    }

    public long maxLength() {
        return maxLength;
    }

    public void reset() {
        len = 0;
        touched = false;
    }

    /** Drops everything after the first n bytes. */
    public void truncate(int n) {
        assert n >= 0 && n <= len;
        len = n;
    }

    /**
     * Makes room for n more bytes and returns the position where they go; the caller writes into
     * {@link #buffer()} and then calls {@link #commit}. Raises TOOBIG beyond maxLength.
     */
    public int reserve(long n) {
        touched = true;
        long need = len + n;
        if (need > maxLength) {
            throw tooBig();
        }
        if (need > buf.length) {
            long grown = Math.max(need, Math.min((long) buf.length * 2, maxLength));
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        return len;
    }

    /** Sets the length after a {@link #reserve} and direct writes. */
    public void commit(int newLength) {
        assert newLength >= len && newLength <= buf.length;
        len = newLength;
    }

    public void append(byte[] src, int off, int n) {
        int at = reserve(n);
        System.arraycopy(src, off, buf, at, n);
        len = at + n;
    }

    public void append(byte b) {
        int at = reserve(1);
        buf[at] = b;
        len = at + 1;
    }

    /** Appends a string of ASCII or any text, as UTF-8. */
    public void append(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        append(b, 0, b.length);
    }

    /** Appends n copies of byte c. */
    public void appendRepeated(long n, byte c) {
        if (n <= 0) {
            touched = true;
            return;
        }
        int at = reserve(n);
        Arrays.fill(buf, at, at + (int) n, c);
        len = at + (int) n;
    }

    /** Appends copies repetitions of src[off..off+n). */
    public void appendCopies(byte[] src, int off, int n, long copies) {
        if (copies <= 0 || n == 0) {
            touched = true;
            return;
        }
        long total = copies * n;
        if (copies > maxLength || len + total > maxLength) {
            throw tooBig();
        }
        int at = reserve(total);
        System.arraycopy(src, off, buf, at, n);
        long done = n;
        while (done < total) {
            int chunk = (int) Math.min(done, total - done);
            System.arraycopy(buf, at, buf, at + (int) done, chunk);
            done += chunk;
        }
        len = at + (int) total;
    }

    /** Inserts n copies of c at position at, moving what follows. */
    void insertRepeated(int at, long n, byte c) {
        int tail = len - at;
        reserve(n);
        System.arraycopy(buf, at, buf, at + (int) n, tail);
        Arrays.fill(buf, at, at + (int) n, c);
        len += (int) n;
    }

    /** Copies the text to a new array. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    static DbException tooBig() {
        return new DbException(ResultCode.TOOBIG, "string or blob too big");
    }
}
