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
 *   num    for an INTEGER or REAL, its text rendering once asked for (num[0..numLen), valid while numValid)
 * </pre>
 *
 * <p>Conversions follow SQLite's vdbemem.c: {@link #intValue()}, {@link #realValue()} and {@link #textBytes()} read
 * any value as the given type without changing the Mem (a number's text is cached beside it, like SQLite's second
 * representation). A NaN is stored as NULL, as SQLite stores it.
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
    private byte[] num;
    private int numLen;
    private boolean numValid;

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
        numValid = false;
    }

    /** Sets a REAL; NaN becomes NULL (SQLite never holds a NaN). */
    public void setDouble(double v) {
        if (Double.isNaN(v)) {
            setNull();
            return;
        }
        type = REAL;
        r = v;
        str = null;
        numValid = false;
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

    /** Sets TEXT or BLOB (by type) from bytes, copied into this Mem's own buffer. */
    public void setBytes(byte type, byte[] src, int off, int n) {
        assert type == TEXT || type == BLOB : type;
        copyIn(src, off, n);
        this.type = type;
    }

    /**
     * sqlite3VdbeIntValue: the value as an INTEGER. A REAL is truncated toward zero and saturates; TEXT and BLOB
     * read their leading decimal integer (no hex, no exponent: '1e3' is 1), 0 if none; NULL is 0.
     */
    public long intValue() {
        return switch (type) {
            case INTEGER -> i;
            case REAL -> realToInt(r);
            case TEXT, BLOB -> {
                long saved = i;
                NumericText.atoi64(bytes, 0, len, this);
                long v = i;
                i = saved;
                yield v;
            }
            default -> 0;
        };
    }

    /** sqlite3VdbeRealValue: the value as a REAL; TEXT and BLOB read their leading number, 0.0 if none. */
    public double realValue() {
        return switch (type) {
            case REAL -> r;
            case INTEGER -> (double) i;
            case TEXT, BLOB -> {
                double saved = r;
                NumericText.atof(bytes, 0, len, this);
                double v = r;
                r = saved;
                yield v;
            }
            default -> 0.0;
        };
    }

    /**
     * sqlite3RealToI64: a double to a long, truncating toward zero, saturating beyond +-9223372036854774784.
     */
    public static long realToInt(double r) {
        if (r < -9223372036854774784.0) {
            return Long.MIN_VALUE;
        }
        if (r > 9223372036854774784.0) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    /**
     * sqlite3_value_text: the value as UTF-8 text, [0, textLength()) being the value. A number is rendered as SQLite
     * renders it (cached, so asking twice is free); a BLOB gives its bytes as they are; NULL gives null. Callers must
     * not modify the array.
     */
    public byte[] textBytes() {
        return switch (type) {
            case TEXT, BLOB -> bytes;
            case INTEGER, REAL -> renderNumber();
            default -> null;
        };
    }

    /** sqlite3_value_bytes: the length in bytes of {@link #textBytes()}, 0 for NULL. */
    public int textLength() {
        return switch (type) {
            case TEXT, BLOB -> len;
            case INTEGER, REAL -> {
                renderNumber();
                yield numLen;
            }
            default -> 0;
        };
    }

    /** The value as a Java String (numbers as SQLite renders them, a BLOB's bytes read as UTF-8); null for NULL. */
    public String stringValue() {
        return switch (type) {
            case TEXT -> textValue();
            case INTEGER, REAL -> new String(renderNumber(), 0, numLen, StandardCharsets.UTF_8);
            case BLOB -> new String(bytes, 0, len, StandardCharsets.UTF_8);
            default -> null;
        };
    }

    private byte[] renderNumber() {
        if (!numValid) {
            if (num == null) {
                num = new byte[32];
            }
            numLen = type == INTEGER ? Printf.renderLong(i, num, 0) : Printf.renderReal(r, num, 0);
            numValid = true;
        }
        return num;
    }

    /**
     * Applies an affinity the way OP_Affinity does before a value is stored or looked up (applyAffinity in
     * vdbe.c). Numeric affinities turn numeric-looking TEXT into INTEGER or REAL (hex is not numeric) and, except
     * FLEXNUM, a REAL holding an exact integer into INTEGER (a REAL column reads it back as REAL through
     * {@link #realAffinity()}); TEXT renders numbers as text; BLOB changes nothing. NULL and BLOB values never
     * change.
     */
    public void applyAffinity(Affinity aff) {
        if (aff.isNumeric()) {
            if (type == TEXT) {
                applyNumericAffinity(true);
            } else if (type == REAL && aff != Affinity.FLEXNUM) {
                integerAffinity();
            }
        } else if (aff == Affinity.TEXT && (type == INTEGER || type == REAL)) {
            toText();
        }
    }

    /**
     * applyNumericAffinity: if this TEXT looks like a number (leading and trailing spaces allowed), makes it that
     * number: INTEGER when it is written without '.' or exponent and fits (or, with tryForInt, whenever the value is
     * an exact integer), else REAL. Text that is not a number stays TEXT.
     */
    public void applyNumericAffinity(boolean tryForInt) {
        if (type != TEXT) {
            return;
        }
        int rc = NumericText.atof(bytes, 0, len, this);
        if (rc <= 0) {
            return;
        }
        double value = r;
        if ((rc & NumericText.ATOF_REAL) == 0) {
            long ix = realToInt(value);
            if (realSameAsInt(value, ix)) {
                setLong(ix);
                return;
            }
            if (NumericText.atoi64(bytes, 0, len, this) == NumericText.ATOI_OK) {
                setLong(i);
                return;
            }
        }
        setDouble(value);
        if (tryForInt) {
            integerAffinity();
        }
    }

    /** sqlite3VdbeIntegerAffinity: a REAL that is an exact integer strictly inside the long range becomes INTEGER. */
    public void integerAffinity() {
        if (type != REAL) {
            return;
        }
        long ix = realToInt(r);
        if (r == (double) ix && ix > Long.MIN_VALUE && ix < Long.MAX_VALUE) {
            setLong(ix);
        }
    }

    /** OP_RealAffinity: an INTEGER read from a REAL column becomes REAL. */
    public void realAffinity() {
        if (type == INTEGER) {
            setDouble((double) i);
        }
    }

    /** Renders an INTEGER or REAL as TEXT in place (sqlite3VdbeMemStringify); other types are left alone. */
    public void toText() {
        if (type == INTEGER || type == REAL) {
            byte[] text = renderNumber();
            int n = numLen;
            byte[] dst = reserve(n);
            System.arraycopy(text, 0, dst, 0, n);
            commitBytes(TEXT, n);
        }
    }

    /**
     * CAST(this AS type-with-affinity) (sqlite3VdbeMemCast). NULL stays NULL. BLOB: numbers as their text, text
     * bytes as they are. NUMERIC: see {@link #numerify()}. INTEGER: {@link #intValue()}. REAL:
     * {@link #realValue()}. TEXT (and FLEXNUM): numbers rendered, blob bytes read as text.
     */
    public void cast(Affinity aff) {
        if (type == NULL) {
            return;
        }
        switch (aff) {
            case BLOB -> {
                if (type != BLOB) {
                    toText();
                    type = BLOB;
                    str = null;
                }
            }
            case NUMERIC -> numerify();
            case INTEGER -> setLong(intValue());
            case REAL -> setDouble(realValue());
            default -> {
                if (type == BLOB) {
                    type = TEXT;
                    str = null;
                } else {
                    toText();
                }
            }
        }
    }

    /**
     * sqlite3VdbeMemNumerify, CAST(x AS NUMERIC): TEXT or BLOB becomes INTEGER when it reads as an integer
     * (trailing text allowed, non-numbers give 0) or as a REAL with an exact small integer value, else REAL; numbers
     * are unchanged.
     */
    public void numerify() {
        if (type != TEXT && type != BLOB) {
            return;
        }
        int rc = NumericText.atof(bytes, 0, len, this);
        double value = r;
        if ((rc & NumericText.ATOF_REAL) == 0 && NumericText.atoi64(bytes, 0, len, this) < NumericText.ATOI_OVERFLOW) {
            setLong(i);
            return;
        }
        long ix = realToInt(value);
        if (realSameAsInt(value, ix)) {
            setLong(ix);
        } else {
            setDouble(value);
        }
    }

    /**
     * sqlite3RealSameAsInt: r is 0.0, or exactly the integer i with |i| &lt; 2^51 (a range where the two forms are
     * interchangeable).
     */
    public static boolean realSameAsInt(double r, long i) {
        double r2 = (double) i;
        return r == 0.0 || (Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(r2)
                && i >= -2251799813685248L && i < 2251799813685248L);
    }

    /** typeof(): "null", "integer", "real", "text" or "blob". */
    public String typeName() {
        return switch (type) {
            case INTEGER -> "integer";
            case REAL -> "real";
            case TEXT -> "text";
            case BLOB -> "blob";
            default -> "null";
        };
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
            case REAL -> stringValue();
            case TEXT -> "'" + textValue() + "'";
            default -> "x'" + java.util.HexFormat.of().formatHex(bytes, 0, len) + "'";
        };
    }
}
