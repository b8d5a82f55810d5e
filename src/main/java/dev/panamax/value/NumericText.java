package dev.panamax.value;

/**
 * Text to number, exactly as SQLite reads numbers out of text (util.c: sqlite3AtoF, sqlite3Atoi64,
 * sqlite3DecOrHexToI64, sqlite3GetInt32).
 *
 * <p>All methods read UTF-8 bytes {@code z[start..end)}. {@link #atof} stops at the first NUL byte, as SQLite's
 * reads a zero-terminated copy; {@link #atoi64} does not, so a NUL counts as trailing text there. Results are stored
 * into a caller-supplied {@link Mem}'s value slots ({@code r} or {@code i}) without changing its type, the way SQLite
 * parses straight into {@code Mem.u}; nothing is allocated.
 */
public final class NumericText {
    /** {@link #atof} result bit: the text is a number (possibly with trailing garbage when negative). */
    public static final int ATOF_VALID = 1;
    /** {@link #atof} result bit: the text has a decimal point or an exponent. */
    public static final int ATOF_REAL = 2;
    /** {@link #atof} result bit: the value is exactly zero (not an underflow). */
    public static final int ATOF_ZERO = 4;
    /** {@link #atof} result bit: more than 19 significant digits. */
    public static final int ATOF_MANY_DIGITS = 8;

    /** {@link #atoi64}: no digits at all. */
    public static final int ATOI_NONE = -1;
    /** {@link #atoi64}: fits, no trailing text. */
    public static final int ATOI_OK = 0;
    /** {@link #atoi64}: fits, but non-space text follows. */
    public static final int ATOI_TRAILING = 1;
    /** {@link #atoi64}: too large for 64 bits (value saturated). */
    public static final int ATOI_OVERFLOW = 2;
    /** {@link #atoi64}: exactly 9223372036854775808 without a minus sign. */
    public static final int ATOI_2POW63 = 3;

    private static final String POW63_DIGITS = "922337203685477580";
    private static final long U64_LIMIT = Long.divideUnsigned(-1L - 9, 10);

    private NumericText() {
    }

    /** SQLite's isspace: space, \t, \n, \v, \f, \r. */
    public static boolean isSpace(int c) {
        return c == ' ' || (c >= 9 && c <= 13);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * sqlite3AtoF: parses a real number into {@code dst.r}. Returns 0 when no prefix is a number (dst.r = 0.0),
     * a positive combination of the ATOF_ bits when the whole text (leading and trailing spaces allowed) is a
     * number, and a negative value (low bits as above) when a number is followed by other text; the prefix's value
     * is stored in every case. Accepted: {@code [+-]digits[.[digits]][(e|E)[+-]digits]} and {@code [+-].digits...};
     * no hex, no "inf", no "nan".
     */
    public static int atof(byte[] z, int start, int end, Mem dst) {
        int lim = end;
        for (int k = start; k < end; k++) {
            if (z[k] == 0) {
                lim = k;
                break;
            }
        }
        int i = start;
        while (i < lim && isSpace(z[i])) {
            i++;
        }
        boolean neg = false;
        if (i < lim && (z[i] == '-' || z[i] == '+')) {
            neg = z[i] == '-';
            i++;
            if (i >= lim || !isDigit(z[i])) {
                return atofNoInteger(z, i, lim, neg, dst);
            }
        }
        if (i >= lim || !isDigit(z[i])) {
            return atofNoInteger(z, i, lim, neg, dst);
        }
        long s = 0;
        int d = 0;
        int mState = 1;
        while (i < lim && isDigit(z[i])) {
            s = s * 10 + (z[i] - '0');
            i++;
            if (Long.compareUnsigned(s, U64_LIMIT) >= 0) {
                mState = 9;
                while (i < lim && isDigit(z[i])) {
                    i++;
                    d++;
                }
                break;
            }
        }
        return atofTail(z, i, lim, neg, s, d, mState, dst);
    }

    /** The part of sqlite3AtoF after an optional sign that was not followed by a digit. */
    private static int atofNoInteger(byte[] z, int i, int lim, boolean neg, Mem dst) {
        if (i < lim && z[i] == '.' && i + 1 < lim && isDigit(z[i + 1])) {
            return atofTail(z, i, lim, neg, 0, 0, 0, dst);
        }
        dst.r = 0.0;
        return 0;
    }

    /** Fraction, exponent, conversion and the trailing-text check of sqlite3AtoF. */
    private static int atofTail(byte[] z, int i, int lim, boolean neg, long s, int d, int mState, Mem dst) {
        if (i < lim && z[i] == '.') {
            i++;
            if (i < lim && isDigit(z[i])) {
                mState |= 1;
                do {
                    if (Long.compareUnsigned(s, U64_LIMIT) < 0) {
                        s = s * 10 + (z[i] - '0');
                        d--;
                    } else {
                        mState = 11;
                    }
                    i++;
                } while (i < lim && isDigit(z[i]));
            }
            mState |= 2;
        }
        if (i < lim && (z[i] == 'e' || z[i] == 'E')) {
            int mark = i;
            i++;
            int esign = 1;
            if (i < lim && z[i] == '-') {
                esign = -1;
                i++;
            } else if (i < lim && z[i] == '+') {
                i++;
            }
            if (i < lim && isDigit(z[i])) {
                int exp = 0;
                while (i < lim && isDigit(z[i])) {
                    exp = exp < 10000 ? exp * 10 + (z[i] - '0') : 10000;
                    i++;
                }
                mState |= 2;
                d += esign * exp;
            } else {
                // The exponent is not a number: the 'e' (or its sign) becomes trailing text.
                i = i > mark + 1 ? i - 1 : mark;
            }
        }
        double r;
        if (s == 0) {
            r = 0.0;
            mState |= 4;
        } else {
            r = FloatDecimal.fp10Convert2(s, d);
        }
        dst.r = neg ? -r : r;
        while (i < lim && isSpace(z[i])) {
            i++;
        }
        return i >= lim ? mState : (0xfffffff0 | mState);
    }

    /**
     * sqlite3Atoi64: parses a decimal integer (no hex) into {@code dst.i}; returns one of the ATOI_ codes. The value
     * is stored even with trailing text, and saturates to Long.MIN_VALUE/MAX_VALUE on overflow.
     */
    public static int atoi64(byte[] z, int start, int end, Mem dst) {
        int i = start;
        while (i < end && isSpace(z[i])) {
            i++;
        }
        boolean neg = false;
        if (i < end) {
            if (z[i] == '-') {
                neg = true;
                i++;
            } else if (z[i] == '+') {
                i++;
            }
        }
        int zStart = i;
        while (i < end && z[i] == '0') {
            i++;
        }
        int zNum = i;
        long u = 0;
        int k = 0;
        while (zNum + k < end && isDigit(z[zNum + k])) {
            u = u * 10 + (z[zNum + k] - '0');
            k++;
        }
        if (Long.compareUnsigned(u, Long.MAX_VALUE) > 0) {
            dst.i = neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        } else {
            dst.i = neg ? -u : u;
        }
        int rc = ATOI_OK;
        if (k == 0 && zStart == zNum) {
            rc = ATOI_NONE;
        } else {
            for (int j = zNum + k; j < end; j++) {
                if (!isSpace(z[j])) {
                    rc = ATOI_TRAILING;
                    break;
                }
            }
        }
        if (k < 19) {
            return rc;
        }
        int cmp = k > 19 ? 1 : compare2pow63(z, zNum);
        if (cmp < 0) {
            return rc;
        }
        dst.i = neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        if (cmp > 0) {
            return ATOI_OVERFLOW;
        }
        return neg ? rc : ATOI_2POW63;
    }

    /** Compares the 19 digits at z[at] with 9223372036854775808. */
    private static int compare2pow63(byte[] z, int at) {
        for (int k = 0; k < 18; k++) {
            int c = z[at + k] - POW63_DIGITS.charAt(k);
            if (c != 0) {
                return c * 10;
            }
        }
        return z[at + 18] - '8';
    }

    /**
     * sqlite3DecOrHexToI64: a decimal integer, or a 0x hex literal of up to 16 digits (bits taken as they are).
     * Returns ATOI_OK, ATOI_TRAILING, ATOI_OVERFLOW or ATOI_2POW63; the value goes to {@code dst.i}.
     */
    public static int decOrHexToI64(byte[] z, int start, int end, Mem dst) {
        if (end - start >= 2 && z[start] == '0' && (z[start + 1] == 'x' || z[start + 1] == 'X')) {
            int i = start + 2;
            while (i < end && z[i] == '0') {
                i++;
            }
            long u = 0;
            int k = i;
            while (k < end && hexValue(z[k]) >= 0) {
                u = u * 16 + hexValue(z[k]);
                k++;
            }
            dst.i = u;
            if (k - i > 16) {
                return ATOI_OVERFLOW;
            }
            return k < end ? ATOI_TRAILING : ATOI_OK;
        }
        int n = start;
        while (n < end && "+- \n\t0123456789".indexOf(z[n]) >= 0) {
            n++;
        }
        if (n < end) {
            n++;
        }
        return atoi64(z, start, n, dst);
    }

    /** The value of an ASCII hex digit, or -1. */
    public static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
