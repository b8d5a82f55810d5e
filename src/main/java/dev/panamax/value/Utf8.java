package dev.panamax.value;

/**
 * UTF-8 the way SQLite walks it (utf.c): a byte of 0xc0 or more starts a character that swallows every following
 * continuation byte (0x80..0xbf); any other byte, stray continuation bytes included, is a character by itself.
 * Decoding never fails: overlong forms, surrogates and U+FFFE/U+FFFF read as U+FFFD. Text that SQLite treats as
 * zero-terminated ends at {@code end}, which callers set at the first NUL where SQLite would stop.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** The value bits a lead byte contributes (sqlite3Utf8Trans1). */
    private static int leadBits(int c) {
        if (c < 0xe0) {
            return c - 0xc0;
        }
        if (c < 0xf0) {
            return c - 0xe0;
        }
        if (c < 0xf8) {
            return c - 0xf0;
        }
        if (c < 0xfc) {
            return c - 0xf8;
        }
        if (c < 0xfe) {
            return c - 0xfc;
        }
        return 0;
    }

    /** The code point starting at z[i] (sqlite3Utf8Read); see {@link #skipChar} for where it ends. */
    public static int readChar(byte[] z, int i, int end) {
        int c = z[i] & 0xff;
        if (c < 0xc0) {
            return c;
        }
        c = leadBits(c);
        i++;
        while (i < end && (z[i] & 0xc0) == 0x80) {
            c = (c << 6) + (z[i] & 0x3f);
            i++;
        }
        if (Integer.compareUnsigned(c, 0x80) < 0 || (c & 0xFFFFF800) == 0xD800 || (c & 0xFFFFFFFE) == 0xFFFE) {
            c = 0xFFFD;
        }
        return c;
    }

    /** The index just past the character starting at z[i] (SQLITE_SKIP_UTF8). */
    public static int skipChar(byte[] z, int i, int end) {
        if ((z[i++] & 0xff) >= 0xc0) {
            while (i < end && (z[i] & 0xc0) == 0x80) {
                i++;
            }
        }
        return i;
    }

    /** Number of characters in z[start..end). */
    public static int charCount(byte[] z, int start, int end) {
        int n = 0;
        for (int i = start; i < end; n++) {
            i = skipChar(z, i, end);
        }
        return n;
    }

    /** Index of the first NUL in z[start..end), or end. */
    public static int nulTerminated(byte[] z, int start, int end) {
        for (int i = start; i < end; i++) {
            if (z[i] == 0) {
                return i;
            }
        }
        return end;
    }

    /** Writes code point c as UTF-8 at b[at] (SQLite's WRITE_UTF8, no validity checks); returns the new end. */
    public static int writeChar(int c, byte[] b, int at) {
        if (c < 0x80) {
            b[at++] = (byte) c;
        } else if (c < 0x800) {
            b[at++] = (byte) (0xc0 + ((c >> 6) & 0x1f));
            b[at++] = (byte) (0x80 + (c & 0x3f));
        } else if (c < 0x10000) {
            b[at++] = (byte) (0xe0 + ((c >> 12) & 0x0f));
            b[at++] = (byte) (0x80 + ((c >> 6) & 0x3f));
            b[at++] = (byte) (0x80 + (c & 0x3f));
        } else {
            b[at++] = (byte) (0xf0 + ((c >> 18) & 0x07));
            b[at++] = (byte) (0x80 + ((c >> 12) & 0x3f));
            b[at++] = (byte) (0x80 + ((c >> 6) & 0x3f));
            b[at++] = (byte) (0x80 + (c & 0x3f));
        }
        return at;
    }
}
