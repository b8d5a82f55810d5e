package dev.panamax.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A mutable SQL value cell: a VDBE register, a column decoded from a record, a function argument or result.
 *
 * <pre>
 *   type   NULL | INTEGER | REAL | TEXT | BLOB      (SQLite's five storage classes, in sort order)
 *   i      the INTEGER value
 *   r      the REAL value
 *   bytes  TEXT as UTF-8, or BLOB; only bytes[0..len) are the value
 *   str    the TEXT as a Java String, decoded lazily and cached (null until asked for)
 * </pre>
 *
 * <p>A Mem owns a growable buffer that is reused from row to row, so decoding a record into a Mem allocates
 * nothing once the buffer is large enough. {@link #setSharedBytes} may point a Mem at an array it does not own (a
 * constant); the Mem then never writes into that array. Not thread-safe: a Mem belongs to one statement.
 */
public final class Mem {
    public static final byte NULL = 0;
    public static final byte INTEGER = 1;
    public static final byte REAL = 2;
    public static final byte TEXT = 3;
    public static final byte BLOB = 4;

    private static final byte[] EMPTY = new byte[0];

    byte type = NULL;
    long i;
    double r;
    byte[] bytes = EMPTY;
    int len;
    boolean ownsBytes;
    String str;

    public byte type() {
        return type;
    }

    public boolean isNull() {
        return type == NULL;
    }

    public void setNull() {
        type = NULL;
        str = null;
    }

    public void setLong(long v) {
        type = INTEGER;
        i = v;
        str = null;
    }

    public void setDouble(double v) {
        type = REAL;
        r = v;
        str = null;
    }

    /** The INTEGER held; only meaningful when {@link #type()} is INTEGER. */
    public long longValue() {
        return i;
    }

    /** The REAL held; only meaningful when {@link #type()} is REAL. */
    public double doubleValue() {
        return r;
    }

    /** The TEXT or BLOB bytes; only {@code [0, length())} is the value. Callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return len;
    }

    /** Sets TEXT from a Java string (kept as the cached string; UTF-8 bytes made now). */
    public void setText(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        type = TEXT;
        bytes = b;
        len = b.length;
        ownsBytes = false;
        str = s;
    }

    /** Sets TEXT from UTF-8 bytes, copied into this Mem's own buffer. */
    public void setText(byte[] src, int off, int n) {
        copyIn(src, off, n);
        type = TEXT;
    }

    /** Sets BLOB from bytes, copied into this Mem's own buffer. */
    public void setBlob(byte[] src, int off, int n) {
        copyIn(src, off, n);
        type = BLOB;
    }

    /**
     * Points this Mem at {@code src[0..n)} without copying; the array must not change while the Mem refers to it.
     * {@code type} is TEXT or BLOB.
     */
    public void setSharedBytes(byte type, byte[] src, int n) {
        assert type == TEXT || type == BLOB : type;
        this.type = type;
        bytes = src;
        len = n;
        ownsBytes = false;
        str = null;
    }

    /**
     * A writable buffer of at least {@code n} bytes owned by this Mem, for decoders that fill it in place; follow
     * with {@link #commitBytes}. The previous contents are not kept.
     */
    public byte[] reserve(int n) {
        if (!ownsBytes || bytes.length < n) {
            bytes = new byte[Math.max(n, Math.min(Math.max(32, bytes.length * 2), Integer.MAX_VALUE - 8))];
            ownsBytes = true;
        }
        return bytes;
    }

    /** Completes a fill started by {@link #reserve}: the value is {@code bytes()[0..n)} of the given type. */
    public void commitBytes(byte type, int n) {
        assert type == TEXT || type == BLOB : type;
        this.type = type;
        len = n;
        str = null;
    }

    /** Copies another Mem's value into this one (bytes are copied, so {@code src} may change afterwards). */
    public void copyFrom(Mem src) {
        switch (src.type) {
            case NULL -> setNull();
            case INTEGER -> setLong(src.i);
            case REAL -> setDouble(src.r);
            default -> {
                copyIn(src.bytes, 0, src.len);
                type = src.type;
                str = src.str;
            }
        }
    }

    /** The TEXT as a String (decoded from UTF-8 once and cached). Only for TEXT. */
    public String textValue() {
        assert type == TEXT : type;
        String s = str;
        if (s == null) {
            s = new String(bytes, 0, len, StandardCharsets.UTF_8);
            str = s;
        }
        return s;
    }

    /** A copy of the TEXT or BLOB bytes. */
    public byte[] copyBytes() {
        return Arrays.copyOf(bytes, len);
    }

    private void copyIn(byte[] src, int off, int n) {
        byte[] dst = reserve(n);
        System.arraycopy(src, off, dst, 0, n);
        len = n;
        str = null;
    }

    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case INTEGER -> Long.toString(i);
            case REAL -> Double.toString(r);
            case TEXT -> "'" + textValue() + "'";
            default -> "x'" + java.util.HexFormat.of().formatHex(bytes, 0, len) + "'";
        };
    }
}
