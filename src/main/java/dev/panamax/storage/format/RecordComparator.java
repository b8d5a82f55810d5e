package dev.panamax.storage.format;

import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Compares a stored record with an {@link UnpackedRecord} the way sqlite3VdbeRecordCompare does: field by field,
 * NULL &lt; INTEGER/REAL &lt; TEXT &lt; BLOB, integers and reals numerically, TEXT by the field's collation, BLOB
 * by memcmp then length, each field's result negated for DESC (and NULL placement swapped for BIGNULL). When every
 * compared field is equal the result is the key's {@code defaultRc}.
 *
 * <p>The text encoding of the stored records is the comparator's when it was given one (a cursor passes its
 * database's), else the KeyInfo's. One comparator per cursor: it owns a scratch buffer for text passed to collations, so it is not
 * thread-safe and allocates nothing once the buffer has grown.
 */
public final class RecordComparator {
    private byte[] scratch = new byte[64];
    private final TextEncoding encoding;

    /** A comparator for records in the encoding of the key's {@link KeyInfo}. */
    public RecordComparator() {
        this(null);
    }

    /** A comparator for records of a database in {@code encoding}, whatever encoding the key's KeyInfo names. */
    public RecordComparator(TextEncoding encoding) {
        this.encoding = encoding;
    }

    /**
     * Compares the record in {@code seg[base, base+size)} with {@code key}.
     *
     * @return negative when the record sorts before the key, positive after it, else {@code key.defaultRc}
     */
    public int compare(MemorySegment seg, long base, int size, UnpackedRecord key, int pgno) {
        if (size < 1) {
            throw Corrupt.page(pgno, "empty record");
        }
        try {
            return compareFields(seg, base, size, key, pgno);
        } catch (IndexOutOfBoundsException e) {
            throw Corrupt.page(pgno, "record extends past its page");
        }
    }

    private int compareFields(MemorySegment seg, long base, int size, UnpackedRecord key, int pgno) {
        long h = Varint.get32(seg, base);
        int hdrSize = Varint.value32(h);
        int p = Varint.length32(h);
        if (hdrSize < p || hdrSize > size) {
            throw Corrupt.page(pgno, "record header size " + Integer.toUnsignedString(hdrSize));
        }
        long data = hdrSize;
        KeyInfo ki = key.keyInfo;
        TextEncoding enc = encoding != null ? encoding : ki.encoding();
        int n = key.fieldCount;
        for (int i = 0; i < n && p < hdrSize; i++) {
            long v = Varint.get32(seg, base + p);
            p += Varint.length32(v);
            int t = Varint.value32(v);
            long fsize = SerialType.size(t);
            if (data + fsize > size) {
                throw Corrupt.page(pgno, "record field extends past the payload");
            }
            Mem m = key.fields[i];
            int rc = compareField(seg, base + data, t, (int) fsize, m, ki.collation(i), enc);
            if (rc != 0) {
                int flags = ki.sortFlags(i);
                if (flags != 0 && ((flags & KeyInfo.SORT_BIGNULL) == 0
                        || ((flags & KeyInfo.SORT_DESC) != 0) != (t == 0 || m.isNull()))) {
                    rc = -rc;
                }
                return rc;
            }
            data += fsize;
        }
        key.eqSeen = true;
        return key.defaultRc;
    }

    private int compareField(MemorySegment seg, long off, int t, int n, Mem m, Collation coll, TextEncoding enc) {
        byte mt = m.type();
        byte st = SerialType.storageClass(t);
        if (st == Mem.INTEGER || st == Mem.REAL) {
            if (mt == Mem.NULL) {
                return 1;
            }
            if (mt == Mem.TEXT || mt == Mem.BLOB) {
                return -1;
            }
            return compareNumber(seg, off, t, m);
        }
        if (st == Mem.NULL) {
            return mt == Mem.NULL ? 0 : -1;
        }
        if (st == Mem.TEXT) {
            if (mt != Mem.TEXT) {
                return mt == Mem.BLOB ? -1 : 1;
            }
            return compareText(seg, off, n, m, coll, enc);
        }
        if (mt != Mem.BLOB) {
            return 1;
        }
        return compareBlob(seg, off, n, m);
    }

    private static int compareNumber(MemorySegment seg, long off, int t, Mem m) {
        if (t == 7) {
            double r = Double.longBitsToDouble(seg.get(Bytes.U64, off));
            if (m.type() == Mem.REAL) {
                double x = m.doubleValue();
                return r < x ? -1 : (r > x ? 1 : 0);
            }
            return -intFloatCompare(m.longValue(), r);
        }
        long a = readInt(seg, off, t);
        if (m.type() == Mem.INTEGER) {
            return Long.compare(a, m.longValue());
        }
        return intFloatCompare(a, m.doubleValue());
    }

    /** Compares an integer with a real exactly (SQLite's sqlite3IntFloatCompare): negative when i &lt; r. */
    public static int intFloatCompare(long i, double r) {
        if (Double.isNaN(r)) {
            return 1;
        }
        if (r < -9223372036854775808.0) {
            return 1;
        }
        if (r >= 9223372036854775808.0) {
            return -1;
        }
        long y = (long) r;
        if (i < y) {
            return -1;
        }
        if (i > y) {
            return 1;
        }
        double s = (double) i;
        return s < r ? -1 : (s > r ? 1 : 0);
    }

    static long readInt(MemorySegment seg, long off, int t) {
        return switch (t) {
            case 1 -> seg.get(ValueLayout.JAVA_BYTE, off);
            case 2 -> seg.get(Bytes.U16, off);
            case 3 -> (seg.get(ValueLayout.JAVA_BYTE, off) << 16) | Bytes.get2(seg, off + 1);
            case 4 -> seg.get(Bytes.U32, off);
            case 5 -> ((long) seg.get(Bytes.U16, off) << 32) | Bytes.get4Unsigned(seg, off + 2);
            case 6 -> seg.get(Bytes.U64, off);
            case 8 -> 0;
            case 9 -> 1;
            default -> 0;
        };
    }

    private int compareText(MemorySegment seg, long off, int n, Mem m, Collation coll, TextEncoding enc) {
        if (enc == TextEncoding.UTF8 && coll == Collations.BINARY) {
            return compareBytes(seg, off, n, m);
        }
        if (enc == TextEncoding.UTF8) {
            byte[] s = scratch(n);
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, s, 0, n);
            return coll.compare(s, n, m.bytes(), m.length());
        }
        if (coll == Collations.BINARY) {
            return enc.compareUtf16WithUtf8(seg, off, n, m.bytes(), m.length());
        }
        byte[] s = scratch(TextEncoding.maxUtf8Size(n));
        int w = enc.utf16ToUtf8(seg, off, n, s);
        return coll.compare(s, w, m.bytes(), m.length());
    }

    private int compareBlob(MemorySegment seg, long off, int n, Mem m) {
        return compareBytes(seg, off, n, m);
    }

    /**
     * memcmp of {@code seg[off, off+n)} with the Mem's bytes, then the shorter first. Short keys (the common case in
     * index seeks) are compared in place; long ones are copied once and compared vectorized.
     */
    private int compareBytes(MemorySegment seg, long off, int n, Mem m) {
        byte[] k = m.bytes();
        int kn = m.length();
        int common = Math.min(n, kn);
        if (common <= 32) {
            for (int j = 0; j < common; j++) {
                int a = seg.get(ValueLayout.JAVA_BYTE, off + j) & 0xff;
                int b = k[j] & 0xff;
                if (a != b) {
                    return a - b;
                }
            }
            return Integer.compare(n, kn);
        }
        byte[] s = scratch(n);
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, s, 0, n);
        int c = java.util.Arrays.compareUnsigned(s, 0, common, k, 0, common);
        return c != 0 ? c : Integer.compare(n, kn);
    }

    private byte[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        return scratch;
    }
}
