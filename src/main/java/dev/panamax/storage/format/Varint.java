package dev.panamax.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * SQLite's variable-length integer: 1 to 9 bytes, big-endian, 7 bits per byte with the high bit set on every byte
 * but the last; the ninth byte contributes all 8 bits.
 *
 * <pre>
 *   1 byte : 0xxxxxxx                                   values 0..127
 *   2 bytes: 1xxxxxxx 0xxxxxxx                          values up to 2^14-1
 *   ...
 *   9 bytes: 1xxxxxxx x8 then xxxxxxxx                  full 64 bits
 * </pre>
 *
 * <p>Readers trust the caller that the bytes exist: a read past the end of a segment throws the segment's
 * {@code IndexOutOfBoundsException}, which the B-tree layer reports as corruption of the page being read.
 */
public final class Varint {
    private Varint() {
    }

    /** Maximum encoded length. */
    public static final int MAX_BYTES = 9;

    /** Reads a full 64-bit varint at {@code off}. */
    public static long get(MemorySegment seg, long off) {
        long v = 0;
        for (int n = 0; n < 8; n++) {
            int b = seg.get(ValueLayout.JAVA_BYTE, off + n);
            v = (v << 7) | (b & 0x7f);
            if (b >= 0) {
                return v;
            }
        }
        return (v << 8) | (seg.get(ValueLayout.JAVA_BYTE, off + 8) & 0xff);
    }

    /** The number of bytes of the varint at {@code off} (1..9). */
    public static int length(MemorySegment seg, long off) {
        for (int n = 0; n < 8; n++) {
            if (seg.get(ValueLayout.JAVA_BYTE, off + n) >= 0) {
                return n + 1;
            }
        }
        return 9;
    }

    /**
     * Reads a varint whose value is used as a 32-bit quantity (sizes, serial types), packed with its length:
     * {@code (length << 32) | value}. Values above 0xffffffff read as 0xffffffff, as SQLite's getVarint32 does.
     */
    public static long get32(MemorySegment seg, long off) {
        int b = seg.get(ValueLayout.JAVA_BYTE, off);
        if (b >= 0) {
            return (1L << 32) | b;
        }
        int b1 = seg.get(ValueLayout.JAVA_BYTE, off + 1);
        if (b1 >= 0) {
            return (2L << 32) | ((b & 0x7f) << 7) | b1;
        }
        long v = get(seg, off);
        long len = length(seg, off);
        if ((v & 0xffffffff00000000L) != 0) {
            v = 0xffffffffL;
        }
        return (len << 32) | v;
    }

    /** The value half of a {@link #get32} result. */
    public static int value32(long packed) {
        return (int) packed;
    }

    /** The length half of a {@link #get32} result. */
    public static int length32(long packed) {
        return (int) (packed >>> 32);
    }

    /** The number of bytes needed to encode {@code v}. */
    public static int size(long v) {
        if ((v & ~0x7fL) == 0) {
            return 1;
        }
        if ((v & 0xff00000000000000L) != 0) {
            return 9;
        }
        int n = 0;
        do {
            n++;
            v >>>= 7;
        } while (v != 0);
        return n;
    }

    /** Writes {@code v} at {@code off}; returns the number of bytes written. */
    public static int put(MemorySegment seg, long off, long v) {
        if ((v & ~0x7fL) == 0) {
            seg.set(ValueLayout.JAVA_BYTE, off, (byte) v);
            return 1;
        }
        if ((v & 0xff00000000000000L) != 0) {
            seg.set(ValueLayout.JAVA_BYTE, off + 8, (byte) v);
            v >>>= 8;
            for (int k = 7; k >= 0; k--) {
                seg.set(ValueLayout.JAVA_BYTE, off + k, (byte) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            return 9;
        }
        int n = size(v);
        for (int k = n - 1; k >= 0; k--) {
            seg.set(ValueLayout.JAVA_BYTE, off + k, (byte) ((v & 0x7f) | (k == n - 1 ? 0 : 0x80)));
            v >>>= 7;
        }
        return n;
    }

    /** Writes {@code v} into {@code dst[off..]}; returns the number of bytes written. */
    public static int put(byte[] dst, int off, long v) {
        if ((v & ~0x7fL) == 0) {
            dst[off] = (byte) v;
            return 1;
        }
        if ((v & 0xff00000000000000L) != 0) {
            dst[off + 8] = (byte) v;
            v >>>= 8;
            for (int k = 7; k >= 0; k--) {
                dst[off + k] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            return 9;
        }
        int n = size(v);
        for (int k = n - 1; k >= 0; k--) {
            dst[off + k] = (byte) ((v & 0x7f) | (k == n - 1 ? 0 : 0x80));
            v >>>= 7;
        }
        return n;
    }

    /** The number of bytes of the varint at {@code src[off]} (1..9). */
    public static int length(byte[] src, int off) {
        for (int n = 0; n < 8; n++) {
            if (src[off + n] >= 0) {
                return n + 1;
            }
        }
        return 9;
    }

    /** {@link #get32(MemorySegment, long)} over an array. */
    public static long get32(byte[] src, int off) {
        int b = src[off];
        if (b >= 0) {
            return (1L << 32) | b;
        }
        int b1 = src[off + 1];
        if (b1 >= 0) {
            return (2L << 32) | ((b & 0x7f) << 7) | b1;
        }
        long v = get(src, off);
        long len = length(src, off);
        if ((v & 0xffffffff00000000L) != 0) {
            v = 0xffffffffL;
        }
        return (len << 32) | v;
    }

    /** Reads a full 64-bit varint from {@code src[off..]}. */
    public static long get(byte[] src, int off) {
        long v = 0;
        for (int n = 0; n < 8; n++) {
            int b = src[off + n];
            v = (v << 7) | (b & 0x7f);
            if (b >= 0) {
                return v;
            }
        }
        return (v << 8) | (src[off + 8] & 0xff);
    }
}
