package dev.panamax.storage.format;

import dev.panamax.value.Mem;
import java.util.Arrays;

/**
 * Builds records from values (SQLite's OP_MakeRecord) into a buffer this encoder owns and reuses, so encoding a
 * row allocates nothing once the buffer has grown to the largest row.
 *
 * <p>Layout as in {@link RecordDecoder}. Integers take the smallest serial type that holds them (8 and 9 for 0
 * and 1 when the schema format is 4), reals serial type 7, TEXT is written in the database encoding.
 */
public final class RecordEncoder {
    private byte[] buf = new byte[256];
    private int length;
    private int[] types = new int[16];
    private final TextEncoding encoding;
    private final boolean constInts;

    /**
     * @param encoding  the database text encoding
     * @param constInts true when the schema format is 4 (serial types 8 and 9 may be used)
     */
    public RecordEncoder(TextEncoding encoding, boolean constInts) {
        this.encoding = encoding;
        this.constInts = constInts;
    }

    /**
     * Encodes {@code regs[start .. start+count)} as one record.
     *
     * @return the buffer holding the record in {@code [0, length())}; valid until the next call
     */
    public byte[] encode(Mem[] regs, int start, int count) {
        if (types.length < count) {
            types = new int[Math.max(count, types.length * 2)];
        }
        long hdr = 0;
        long data = 0;
        for (int k = 0; k < count; k++) {
            Mem m = regs[start + k];
            int t = serialType(m);
            types[k] = t;
            hdr += Varint.size(t & 0xffffffffL);
            data += SerialType.size(t);
        }
        int hdrLen = headerSize(hdr);
        long total = hdrLen + data;
        if (total > Integer.MAX_VALUE - 16) {
            throw new dev.panamax.api.DbException(dev.panamax.api.ResultCode.TOOBIG, "string or blob too big");
        }
        ensure((int) total);
        int p = Varint.put(buf, 0, hdrLen);
        int d = hdrLen;
        for (int k = 0; k < count; k++) {
            int t = types[k];
            p += Varint.put(buf, p, t & 0xffffffffL);
            d = writeData(regs[start + k], t, d);
        }
        length = d;
        return buf;
    }

    /** The length of the record last encoded. */
    public int length() {
        return length;
    }

    /** A copy of the record last encoded. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    /** The size of a header whose serial-type varints take {@code typesBytes} bytes, its own size varint included. */
    public static int headerSize(long typesBytes) {
        long n = typesBytes + 1;
        if (n <= 126) {
            return (int) n;
        }
        int sz = Varint.size(typesBytes);
        if (Varint.size(typesBytes + sz) > sz) {
            sz++;
        }
        return (int) (typesBytes + sz);
    }

    private int serialType(Mem m) {
        return switch (m.type()) {
            case Mem.NULL -> 0;
            case Mem.INTEGER -> SerialType.forInteger(m.longValue(), constInts);
            case Mem.REAL -> 7;
            case Mem.TEXT -> {
                int n = encoding == TextEncoding.UTF8 ? m.length() : TextEncoding.utf16Size(m.bytes(), 0, m.length());
                yield (int) (n * 2L + 13);
            }
            default -> (int) (m.length() * 2L + 12);
        };
    }

    private int writeData(Mem m, int t, int d) {
        switch (t) {
            case 0, 8, 9 -> {
                return d;
            }
            case 7 -> {
                putBigEndian(Double.doubleToRawLongBits(m.doubleValue()), d, 8);
                return d + 8;
            }
            case 1, 2, 3, 4, 5, 6 -> {
                int n = (int) SerialType.size(t);
                putBigEndian(m.longValue(), d, n);
                return d + n;
            }
            default -> {
                if ((t & 1) == 1 && encoding != TextEncoding.UTF8) {
                    return d + encoding.utf8ToUtf16(m.bytes(), 0, m.length(), buf, d);
                }
                System.arraycopy(m.bytes(), 0, buf, d, m.length());
                return d + m.length();
            }
        }
    }

    private void putBigEndian(long v, int off, int n) {
        for (int k = n - 1; k >= 0; k--) {
            buf[off + k] = (byte) v;
            v >>= 8;
        }
    }

    private void ensure(int n) {
        if (buf.length < n) {
            buf = new byte[Math.max(n, (int) Math.min(Integer.MAX_VALUE - 16, buf.length * 2L))];
        }
    }
}
