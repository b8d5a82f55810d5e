package dev.panamax.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The database text encoding (header offset 56) and the conversions between it and UTF-8, the encoding every
 * {@code Mem} holds. Malformed input never fails: bad sequences become U+FFFD, as SQLite's translators do.
 */
public enum TextEncoding {
    UTF8(1), UTF16LE(2), UTF16BE(3);

    private final int code;

    TextEncoding(int code) {
        this.code = code;
    }

    /** The header value: 1, 2 or 3. */
    public int code() {
        return code;
    }

    /** The encoding for a header value; 0 (not yet set) means UTF-8. */
    public static TextEncoding ofCode(int code) {
        return switch (code) {
            case 0, 1 -> UTF8;
            case 2 -> UTF16LE;
            case 3 -> UTF16BE;
            default -> throw new IllegalArgumentException("text encoding " + code);
        };
    }

    /** Upper bound of the UTF-8 size of {@code n} bytes of UTF-16. */
    public static int maxUtf8Size(int utf16Bytes) {
        return utf16Bytes / 2 * 3;
    }

    /**
     * Converts {@code n} bytes of UTF-16 at {@code src[off..]} into UTF-8 in {@code dst} (at least
     * {@link #maxUtf8Size} long). A trailing odd byte is dropped.
     *
     * @return the number of UTF-8 bytes written
     */
    public int utf16ToUtf8(MemorySegment src, long off, int n, byte[] dst) {
        boolean be = this == UTF16BE;
        int w = 0;
        long end = off + (n & ~1);
        long p = off;
        while (p < end) {
            int c = unit(src, p, be);
            p += 2;
            if (c >= 0xD800 && c <= 0xDBFF) {
                if (p < end) {
                    int c2 = unit(src, p, be);
                    if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                        p += 2;
                        c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                    } else {
                        c = 0xFFFD;
                    }
                } else {
                    c = 0xFFFD;
                }
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                c = 0xFFFD;
            }
            w = putUtf8(dst, w, c);
        }
        return w;
    }

    /**
     * Converts {@code n} bytes of UTF-8 into this UTF-16 encoding in {@code dst} (at least twice {@code n}
     * long).
     *
     * @return the number of bytes written
     */
    public int utf8ToUtf16(byte[] src, int off, int n, byte[] dst, int dstOff) {
        boolean be = this == UTF16BE;
        int w = dstOff;
        int p = off;
        int end = off + n;
        while (p < end) {
            long cp = nextCodePoint(src, p, end);
            p = (int) (cp >>> 32);
            int c = (int) cp;
            if (c >= 0x10000) {
                c -= 0x10000;
                w = putUnit(dst, w, 0xD800 + (c >> 10), be);
                w = putUnit(dst, w, 0xDC00 + (c & 0x3ff), be);
            } else {
                w = putUnit(dst, w, c, be);
            }
        }
        return w - dstOff;
    }

    /** The number of bytes {@code src[off..off+n)} takes in this UTF-16 encoding. */
    public static int utf16Size(byte[] src, int off, int n) {
        int size = 0;
        int p = off;
        int end = off + n;
        while (p < end) {
            long cp = nextCodePoint(src, p, end);
            p = (int) (cp >>> 32);
            size += (int) cp >= 0x10000 ? 4 : 2;
        }
        return size;
    }

    /**
     * Compares UTF-16 text in the database (this encoding) with UTF-8 text from a key as {@code memcmp} would compare
     * the two in this encoding (SQLite's BINARY collation in a UTF-16 database), without converting either.
     */
    public int compareUtf16WithUtf8(MemorySegment rec, long off, int n, byte[] key, int keyLen) {
        boolean be = this == UTF16BE;
        long recEnd = off + n;
        long r = off;
        int p = 0;
        int pending = -1;
        while (true) {
            int unit;
            if (pending >= 0) {
                unit = pending;
                pending = -1;
            } else if (p < keyLen) {
                long cp = nextCodePoint(key, p, keyLen);
                p = (int) (cp >>> 32);
                int c = (int) cp;
                if (c >= 0x10000) {
                    c -= 0x10000;
                    unit = 0xD800 + (c >> 10);
                    pending = 0xDC00 + (c & 0x3ff);
                } else {
                    unit = c;
                }
            } else {
                return r < recEnd ? 1 : 0;
            }
            int k0 = be ? unit >>> 8 : unit & 0xff;
            int k1 = be ? unit & 0xff : unit >>> 8;
            if (r >= recEnd) {
                return -1;
            }
            int d = (rec.get(ValueLayout.JAVA_BYTE, r) & 0xff) - k0;
            if (d != 0) {
                return d;
            }
            if (r + 1 >= recEnd) {
                return -1;
            }
            d = (rec.get(ValueLayout.JAVA_BYTE, r + 1) & 0xff) - k1;
            if (d != 0) {
                return d;
            }
            r += 2;
        }
    }

    private static int unit(MemorySegment src, long p, boolean be) {
        int a = src.get(ValueLayout.JAVA_BYTE, p) & 0xff;
        int b = src.get(ValueLayout.JAVA_BYTE, p + 1) & 0xff;
        return be ? (a << 8) | b : (b << 8) | a;
    }

    private static int putUnit(byte[] dst, int w, int unit, boolean be) {
        dst[w] = (byte) (be ? unit >>> 8 : unit);
        dst[w + 1] = (byte) (be ? unit : unit >>> 8);
        return w + 2;
    }

    /** Decodes one code point at {@code p}: {@code (nextPosition << 32) | codePoint}. */
    static long nextCodePoint(byte[] s, int p, int end) {
        int c = s[p++] & 0xff;
        if (c >= 0xc0) {
            int need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            c &= c >= 0xf0 ? 0x07 : c >= 0xe0 ? 0x0f : 0x1f;
            int got = 0;
            while (p < end && (s[p] & 0xc0) == 0x80) {
                c = (c << 6) | (s[p++] & 0x3f);
                got++;
            }
            if (got != need || c < 0x80 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
                c = 0xFFFD;
            }
        } else if (c >= 0x80) {
            c = 0xFFFD;
        }
        return ((long) p << 32) | c;
    }

    private static int putUtf8(byte[] dst, int w, int c) {
        if (c < 0x80) {
            dst[w++] = (byte) c;
        } else if (c < 0x800) {
            dst[w++] = (byte) (0xc0 | (c >> 6));
            dst[w++] = (byte) (0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            dst[w++] = (byte) (0xe0 | (c >> 12));
            dst[w++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            dst[w++] = (byte) (0x80 | (c & 0x3f));
        } else {
            dst[w++] = (byte) (0xf0 | (c >> 18));
            dst[w++] = (byte) (0x80 | ((c >> 12) & 0x3f));
            dst[w++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            dst[w++] = (byte) (0x80 | (c & 0x3f));
        }
        return w;
    }
}
