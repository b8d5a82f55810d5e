package dev.panamax.storage.format;

import dev.panamax.value.Mem;

/**
 * Serial types of the record format (fileformat2 section 2.1): the code in a record header that gives each
 * field's storage class and size.
 *
 * <pre>
 *   0      NULL                          7      IEEE 754 double, 8 bytes big-endian
 *   1..4   int of 1, 2, 3, 4 bytes       8, 9   the integers 0 and 1, no bytes (schema format 4)
 *   5      int of 6 bytes                10, 11 reserved: read as NULL
 *   6      int of 8 bytes                N>=12 even: BLOB of (N-12)/2 bytes
 *                                        N>=13 odd:  TEXT of (N-13)/2 bytes, in the database encoding
 * </pre>
 */
public final class SerialType {
    private SerialType() {
    }

    private static final byte[] FIXED_SIZE = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};

    /** The number of data bytes a field of serial type {@code t} (0..0xffffffff, unsigned) occupies. */
    public static long size(int t) {
        if (t >= 0 && t < 12) {
            return FIXED_SIZE[t];
        }
        return ((t & 0xffffffffL) - 12) >>> 1;
    }

    /** The serial type for an integer value, using 8 and 9 for 0 and 1 when {@code constInts} (format 4). */
    public static int forInteger(long v, boolean constInts) {
        if (constInts && (v == 0 || v == 1)) {
            return 8 + (int) v;
        }
        long u = v < 0 ? ~v : v;
        if (u <= 127) {
            return 1;
        }
        if (u <= 32767) {
            return 2;
        }
        if (u <= 8388607) {
            return 3;
        }
        if (u <= 2147483647L) {
            return 4;
        }
        if (u <= 140737488355327L) {
            return 5;
        }
        return 6;
    }

    /** The storage class ({@link Mem#NULL}..{@link Mem#BLOB}) of serial type {@code t}. */
    public static byte storageClass(int t) {
        if (t >= 12 || t < 0) {
            return (t & 1) == 0 ? Mem.BLOB : Mem.TEXT;
        }
        if (t == 7) {
            return Mem.REAL;
        }
        if (t == 0 || t == 10 || t == 11) {
            return Mem.NULL;
        }
        return Mem.INTEGER;
    }
}
