package dev.panamax.storage.format;

import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Decodes the fields of one record (fileformat2 section 2.1) into {@link Mem}s without allocating: the header is
 * parsed into reused arrays only as far as the fields asked for (as OP_Column does: a row whose first columns are
 * read never parses the rest), then any parsed field is decoded on demand.
 *
 * <pre>
 *   +-------------+--------+--------+-----+--------+--------+-----+
 *   | header size | type 0 | type 1 | ... | data 0 | data 1 | ... |
 *   +-------------+--------+--------+-----+--------+--------+-----+
 *     varint        varints ................ field bytes in order
 * </pre>
 *
 * <p>The record bytes are {@code seg[base, base + size)}; they must stay unchanged while fields are decoded. A
 * malformed header raises CORRUPT naming the page given to {@link #reset}.
 */
public final class RecordDecoder {
    private MemorySegment seg;
    private long base;
    private int size;
    private int pgno;
    /** The number of fields once the whole header is parsed, else -1. */
    private int fieldCount = -1;
    /** Fields whose type and offset are known; -1 before the header size is read. */
    private int parsed = -1;
    private int headerSize;
    /** The header offset of the next serial type to parse. */
    private int headerPos;
    /** The data offset of the next field to parse. */
    private long dataPos;
    private int[] types = new int[16];
    private int[] offsets = new int[17];
    private TextEncoding encoding;

    public RecordDecoder(TextEncoding encoding) {
        this.encoding = encoding;
    }

    public void setEncoding(TextEncoding encoding) {
        this.encoding = encoding;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** Points the decoder at a record; the header is parsed lazily on the first field access. */
    public void reset(MemorySegment seg, long base, int size, int pgno) {
        this.seg = seg;
        this.base = base;
        this.size = size;
        this.pgno = pgno;
        this.fieldCount = -1;
        this.parsed = -1;
    }

    /** The number of fields in the record. */
    public int fieldCount() {
        if (fieldCount < 0) {
            parseHeader(Integer.MAX_VALUE);
        }
        return fieldCount;
    }

    /** The serial type of field {@code i} (0 = NULL when {@code i} is past the last field). */
    public int serialType(int i) {
        if (i >= parsed) {
            parseHeader(i);
        }
        return i < parsed ? types[i] : 0;
    }

    /** Decodes field {@code i} into {@code out}; a field past the end of the record reads as NULL. */
    public void column(int i, Mem out) {
        if (i >= parsed) {
            parseHeader(i);
        }
        if (i >= parsed) {
            out.setNull();
            return;
        }
        try {
            decodeField(seg, base + offsets[i], types[i], encoding, out);
        } catch (IndexOutOfBoundsException e) {
            throw Corrupt.page(pgno, "record field extends past its page");
        }
    }

    /** Decodes one field of serial type {@code t} whose data starts at {@code seg[off]}. */
    public static void decodeField(MemorySegment seg, long off, int t, TextEncoding enc, Mem out) {
        switch (t) {
            case 0, 10, 11 -> out.setNull();
            case 1 -> out.setLong(seg.get(ValueLayout.JAVA_BYTE, off));
            case 2 -> out.setLong(seg.get(Bytes.U16, off));
            case 3 -> out.setLong((seg.get(ValueLayout.JAVA_BYTE, off) << 16) | (Bytes.get2(seg, off + 1)));
            case 4 -> out.setLong(seg.get(Bytes.U32, off));
            case 5 -> out.setLong(((long) seg.get(Bytes.U16, off) << 32) | Bytes.get4Unsigned(seg, off + 2));
            case 6 -> out.setLong(seg.get(Bytes.U64, off));
            case 7 -> {
                double d = Double.longBitsToDouble(seg.get(Bytes.U64, off));
                if (Double.isNaN(d)) {
                    out.setNull();
                } else {
                    out.setDouble(d);
                }
            }
            case 8 -> out.setLong(0);
            case 9 -> out.setLong(1);
            default -> decodeBytes(seg, off, t, enc, out);
        }
    }

    private static void decodeBytes(MemorySegment seg, long off, int t, TextEncoding enc, Mem out) {
        int n = (int) SerialType.size(t);
        if ((t & 1) == 0) {
            byte[] dst = out.reserve(n);
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, dst, 0, n);
            out.commitBytes(Mem.BLOB, n);
        } else if (enc == TextEncoding.UTF8) {
            byte[] dst = out.reserve(n);
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, dst, 0, n);
            out.commitBytes(Mem.TEXT, n);
        } else {
            byte[] dst = out.reserve(TextEncoding.maxUtf8Size(n));
            int w = enc.utf16ToUtf8(seg, off, n, dst);
            out.commitBytes(Mem.TEXT, w);
        }
    }

    /** Parses the header up to field {@code i} (or to its end); CORRUPT when it is malformed. */
    private void parseHeader(int i) {
        if (fieldCount >= 0) {
            return;
        }
        try {
            if (parsed < 0) {
                startHeader();
            }
            parseFields(i);
        } catch (IndexOutOfBoundsException e) {
            throw Corrupt.page(pgno, "record header extends past its page");
        }
    }

    private void startHeader() {
        if (size < 1) {
            throw Corrupt.page(pgno, "empty record");
        }
        long h = Varint.get32(seg, base);
        int hdrSize = Varint.value32(h);
        int p = Varint.length32(h);
        if (hdrSize < p || hdrSize > size) {
            throw Corrupt.page(pgno, "record header size " + Integer.toUnsignedString(hdrSize));
        }
        headerSize = hdrSize;
        headerPos = p;
        dataPos = hdrSize;
        parsed = 0;
    }

    private void parseFields(int i) {
        int p = headerPos;
        int hdrSize = headerSize;
        long data = dataPos;
        int n = parsed;
        while (n <= i && p < hdrSize) {
            int t = seg.get(ValueLayout.JAVA_BYTE, base + p);
            if (t >= 0) {
                p++;
            } else {
                long v = Varint.get32(seg, base + p);
                p += Varint.length32(v);
                t = Varint.value32(v);
            }
            if (n == types.length) {
                grow();
            }
            types[n] = t;
            offsets[n] = (int) data;
            data += SerialType.size(t);
            if (data > size) {
                throw Corrupt.page(pgno, "malformed record header");
            }
            n++;
        }
        headerPos = p;
        dataPos = data;
        parsed = n;
        if (p >= hdrSize) {
            if (p != hdrSize || data != size) {
                throw Corrupt.page(pgno, "malformed record header");
            }
            offsets[n] = (int) data;
            fieldCount = n;
        }
    }

    private void grow() {
        types = java.util.Arrays.copyOf(types, types.length * 2);
        offsets = java.util.Arrays.copyOf(offsets, types.length + 1);
    }
}
