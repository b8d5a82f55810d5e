package dev.panamax.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Big-endian integer access to page images, as every multi-byte integer in SQLite's file format is big-endian. */
public final class Bytes {
    private Bytes() {
    }

    public static final ValueLayout.OfShort U16 =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    public static int get1(MemorySegment seg, long off) {
        return seg.get(ValueLayout.JAVA_BYTE, off) & 0xff;
    }

    public static int get2(MemorySegment seg, long off) {
        return seg.get(U16, off) & 0xffff;
    }

    public static int get4(MemorySegment seg, long off) {
        return seg.get(U32, off);
    }

    public static long get4Unsigned(MemorySegment seg, long off) {
        return seg.get(U32, off) & 0xffffffffL;
    }

    public static void put1(MemorySegment seg, long off, int v) {
        seg.set(ValueLayout.JAVA_BYTE, off, (byte) v);
    }

    public static void put2(MemorySegment seg, long off, int v) {
        seg.set(U16, off, (short) v);
    }

    public static void put4(MemorySegment seg, long off, int v) {
        seg.set(U32, off, v);
    }

    public static int get2(byte[] a, int off) {
        return ((a[off] & 0xff) << 8) | (a[off + 1] & 0xff);
    }

    public static void put2(byte[] a, int off, int v) {
        a[off] = (byte) (v >>> 8);
        a[off + 1] = (byte) v;
    }

    public static int get4(byte[] a, int off) {
        return ((a[off] & 0xff) << 24) | ((a[off + 1] & 0xff) << 16) | ((a[off + 2] & 0xff) << 8) | (a[off + 3] & 0xff);
    }

    public static void put4(byte[] a, int off, int v) {
        a[off] = (byte) (v >>> 24);
        a[off + 1] = (byte) (v >>> 16);
        a[off + 2] = (byte) (v >>> 8);
        a[off + 3] = (byte) v;
    }
}
