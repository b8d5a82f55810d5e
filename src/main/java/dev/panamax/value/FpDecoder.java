package dev.panamax.value;

/**
 * Decodes a double into sign, decimal digits and decimal-point position, rounded the way SQLite's printf rounds
 * (util.c, sqlite3FpDecode). The result is a mutable record reused across calls:
 *
 * <pre>
 *   special   0 = finite, 1 = infinity, 2 = NaN
 *   negative  the sign (0.0 and -0.0 both decode as positive)
 *   digits    the significant digits as an integer, n of them (a leading zero counts when {@link #n} says so)
 *   n         number of significant digits, trailing zeros removed
 *   iDP       position of the decimal point: value = 0.d1d2...dn * 10^iDP
 * </pre>
 *
 * <p>SQLite keeps at most 18 (sometimes 19) digits of a double, so the digits fit in a long and rounding is done
 * arithmetically, digit for digit the same as SQLite's character rounding.
 */
final class FpDecoder {
    private static final long[] POW10 = new long[19];

    static {
        long v = 1;
        for (int k = 0; k < POW10.length; k++) {
            POW10[k] = v;
            v *= 10;
        }
    }

    int special;
    boolean negative;
    long digits;
    int n;
    int iDP;

    /**
     * Decodes r. If iRound &lt;= 0, rounds to -iRound digits after the decimal point; otherwise to iRound significant
     * digits; never keeps more than mxRound significant digits.
     */
    void decode(double r, int iRound, int mxRound) {
        special = 0;
        negative = false;
        if (r < 0.0) {
            negative = true;
            r = -r;
        } else if (r == 0.0) {
            digits = 0;
            n = 1;
            iDP = 1;
            return;
        }
        long bits = Double.doubleToRawLongBits(r);
        int e = (int) (bits >>> 52) & 0x7ff;
        if (e == 0x7ff) {
            special = bits == 0x7ff0000000000000L ? 1 : 2;
            n = 0;
            iDP = 0;
            return;
        }
        long v = bits & 0x000fffffffffffffL;
        if (e == 0) {
            int nn = Long.numberOfLeadingZeros(v);
            v <<= nn;
            e = -1074 - nn;
        } else {
            v = (v << 11) | (1L << 63);
            e -= 1086;
        }
        int nWanted = (iRound <= 0 || iRound >= 18) ? 18 : iRound + 1;
        long d = FloatDecimal.fp2Convert10(v, e, nWanted);
        int exp = -FloatDecimal.convert10Exponent(e, nWanted);
        int count = digitCount(d);
        iDP = count + exp;
        if (iRound <= 0) {
            iRound = iDP - iRound;
            if (iRound == 0 && digitAt(d, count, 0) >= 5) {
                // A leading zero digit becomes the one to round up into.
                iRound = 1;
                count++;
                iDP++;
            }
        }
        if (iRound > 0 && (iRound < count || count > mxRound)) {
            if (iRound > mxRound) {
                iRound = mxRound;
            }
            if (iRound == 17) {
                iRound = shortestRoundTrip(r, d, count, exp, iRound);
            }
            d = roundTo(d, count, iRound);
            count = iRound;
            if (d == pow10OrZero(iRound)) {
                count++;
                iDP++;
            }
        }
        while (d % 10 == 0 && count > 1) {
            d /= 10;
            count--;
        }
        digits = d;
        n = count;
    }

    /**
     * SQLite's "%!.17g" refinement: when the 17-digit form ends in a run of nines or zeros, try the shorter form
     * and keep it if it converts back to exactly r. Returns the precision to round to.
     */
    private static int shortestRoundTrip(double r, long d, int count, int exp, int iRound) {
        if (digitAt(d, count, 15) == 9 && digitAt(d, count, 14) == 9) {
            int jj = 14;
            while (jj > 0 && digitAt(d, count, jj - 1) == 9) {
                jj--;
            }
            long v2 = jj == 0 ? 1 : leading(d, count, jj) + 1;
            if (r == FloatDecimal.fp10Convert2(v2, exp + count - jj)) {
                return jj + 1;
            }
        } else if (exp >= 0
                || (digitAt(d, count, 15) == 0 && digitAt(d, count, 14) == 0 && digitAt(d, count, 13) == 0)) {
            int jj = 13;
            while (digitAt(d, count, jj - 1) == 0) {
                jj--;
            }
            long v2 = leading(d, count, jj);
            if (r == FloatDecimal.fp10Convert2(v2, exp + count - jj)) {
                return jj + 1;
            }
        }
        return iRound;
    }

    /** The first k digits of the count-digit number d, rounded half up on digit k (SQLite's char rounding). */
    private static long roundTo(long d, int count, int k) {
        long q = leading(d, count, k);
        if (digitAt(d, count, k) >= 5) {
            q++;
        }
        return q;
    }

    /** 10^k for k in 0..18, else 0 (a value no rounded result of 18 digits can equal). */
    private static long pow10OrZero(int k) {
        return k < POW10.length ? POW10[k] : 0;
    }

    /** The first k digits of the count-digit number d (which may have leading zeros). */
    private static long leading(long d, int count, int k) {
        int drop = count - k;
        return drop >= POW10.length ? 0 : d / POW10[drop];
    }

    /** Digit j (0 = most significant) of the count-digit number d. */
    static int digitAt(long d, int count, int j) {
        int drop = count - 1 - j;
        if (drop >= POW10.length) {
            return 0;
        }
        return (int) ((d / POW10[drop]) % 10);
    }

    /** Digit j of the decoded value, 0 beyond the significant digits. */
    int digit(int j) {
        return j < n ? digitAt(digits, n, j) : 0;
    }

    private static int digitCount(long d) {
        int c = 1;
        while (c < POW10.length && d >= POW10[c]) {
            c++;
        }
        return c;
    }
}
