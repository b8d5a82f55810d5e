package dev.panamax.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Binary/decimal conversion of IEEE-754 doubles with SQLite's own arithmetic (util.c: powerOfTen, Fp2Convert10,
 * Fp10Convert2), so that text produced and parsed here agrees with SQLite digit for digit, including where SQLite is
 * not correctly rounded.
 *
 * <p>Powers of ten are kept as 96-bit normalized mantissas: {@code 10^p ~ (hi:lo) * 2^(-31 - 64 + ...)}, with hi's top
 * bit set. Exponents 0..26 are exact; others combine one of 26 coarse powers {@code 10^(27k)} with an exact one, the
 * same way SQLite does, and those tables are computed here from their definition (rounded to nearest at 96 bits; the
 * entry used for {@code 10^-1} alone is truncated, as SQLite's is).
 */
final class FloatDecimal {
    static final int POW10_FIRST = -348;
    static final int POW10_LAST = 347;

    private static final long[] BASE = new long[27];
    private static final long[] SCALE = new long[26];
    private static final int[] SCALE_LO = new int[26];
    private static final long[] POW_HI = new long[POW10_LAST - POW10_FIRST + 1];
    private static final int[] POW_LO = new int[POW10_LAST - POW10_FIRST + 1];

    static {
        for (int p = 0; p < 27; p++) {
            BigInteger v = BigInteger.TEN.pow(p);
            int shift = v.bitLength() - 64;
            BASE[p] = (shift >= 0 ? v.shiftRight(shift) : v.shiftLeft(-shift)).longValue();
        }
        for (int g = 0; g < 26; g++) {
            BigInteger top96 = g == 13 ? top96(-1, RoundingMode.FLOOR) : top96(27 * (g - 13), RoundingMode.HALF_EVEN);
            SCALE[g] = top96.shiftRight(32).longValue();
            SCALE_LO[g] = top96.intValue();
        }
        for (int p = POW10_FIRST; p <= POW10_LAST; p++) {
            computePowerOfTen(p);
        }
    }

    private FloatDecimal() {
    }

    /** The 96 most significant bits of 10^p (p may be negative), rounded as given. */
    private static BigInteger top96(int p, RoundingMode mode) {
        BigDecimal v = BigDecimal.ONE.scaleByPowerOfTen(p);
        BigDecimal lowBound = new BigDecimal(BigInteger.ONE.shiftLeft(95));
        BigDecimal highBound = new BigDecimal(BigInteger.ONE.shiftLeft(96));
        int e = 95 - (int) Math.floor(p * (Math.log(10) / Math.log(2)));
        BigDecimal scaled = e >= 0 ? v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : v.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        while (scaled.compareTo(highBound) >= 0) {
            scaled = scaled.divide(BigDecimal.TWO);
        }
        while (scaled.compareTo(lowBound) < 0) {
            scaled = scaled.multiply(BigDecimal.TWO);
        }
        return scaled.setScale(0, mode).toBigInteger();
    }

    /** floor(log2(10^p)), approximately, as SQLite computes it. */
    static int pwr10to2(int p) {
        return (p * 108853) >> 15;
    }

    /** floor(log10(2^p)), approximately, as SQLite computes it. */
    static int pwr2to10(int p) {
        return (p * 78913) >> 18;
    }

    /** The top 64 bits of SQLite's normalized 10^p. */
    static long powerOfTenHi(int p) {
        return POW_HI[p - POW10_FIRST];
    }

    /** The 32 bits of SQLite's normalized 10^p that follow {@link #powerOfTenHi}. */
    static int powerOfTenLo(int p) {
        return POW_LO[p - POW10_FIRST];
    }

    /** Fills POW_HI/POW_LO[p] by SQLite's recipe: exact, coarse, or coarse times exact. */
    private static void computePowerOfTen(int p) {
        int i = p - POW10_FIRST;
        int g;
        int n;
        if (p == -1) {
            POW_HI[i] = SCALE[13];
            POW_LO[i] = SCALE_LO[13];
            return;
        }
        if (p >= 0 && p < 27) {
            POW_HI[i] = BASE[p];
            POW_LO[i] = 0;
            return;
        }
        g = p / 27;
        n = p % 27;
        if (p < 0 && n != 0) {
            g--;
            n += 27;
        }
        long s = SCALE[g + 13];
        int sLo = SCALE_LO[g + 13];
        if (n == 0) {
            POW_HI[i] = s;
            POW_LO[i] = sLo;
            return;
        }
        long b = BASE[n];
        // floor((s:sLo) * b / 2^32): the top 96 bits of the 160-bit product.
        long hi = Math.unsignedMultiplyHigh(s, b);
        long lo = s * b;
        long a = sLo & 0xffffffffL;
        long add = Math.unsignedMultiplyHigh(a, b) << 32 | (a * b) >>> 32;
        long sum = lo + add;
        if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
        }
        int mid = (int) (sum >>> 32);
        if (hi >= 0) {
            hi = hi << 1 | ((mid >>> 31) & 1);
            mid = (mid << 1) | 1;
        }
        POW_HI[i] = hi;
        POW_LO[i] = mid;
    }

    /**
     * Given r = m * 2^e with m's top bit set, returns D with about n significant decimal digits such that
     * r ~ D * 10^(-p), where p is {@link #convert10Exponent}(e, n). n is 1..18; with 18 the last digit is rounded,
     * otherwise truncated.
     */
    static long fp2Convert10(long m, int e, int n) {
        int p = convert10Exponent(e, n);
        long h = Math.unsignedMultiplyHigh(m, powerOfTenHi(p));
        int shift = -(e + pwr10to2(p) + 1);
        if (n == 18) {
            h >>>= shift - 1;
            return (h + ((h << 1) & 2)) >>> 1;
        }
        return h >>> shift;
    }

    /** The power of ten p that {@link #fp2Convert10} scales by: the value is D * 10^(-p). */
    static int convert10Exponent(int e, int n) {
        return n - 1 - pwr2to10(e + 63);
    }

    /**
     * The double nearest (SQLite's way) to d * 10^p, d an unsigned non-zero 64-bit integer. Adapted by SQLite from
     * Russ Cox's fpfmt; only the first 64 bits of d's decimal expansion take part.
     */
    static double fp10Convert2(long d, int p) {
        if (p < POW10_FIRST) {
            return 0.0;
        }
        if (p > POW10_LAST) {
            return Double.POSITIVE_INFINITY;
        }
        int b = 64 - Long.numberOfLeadingZeros(d);
        int lp = pwr10to2(p);
        int e = 53 - b - lp;
        if (e > 1074) {
            if (e >= 1130) {
                return 0.0;
            }
            e = 1074;
        }
        int s = -(e - (64 - b) + lp + 3);
        long pwr10h = powerOfTenHi(p);
        int pwr10l = powerOfTenLo(p);
        if (pwr10l != 0) {
            pwr10h++;
            pwr10l = ~pwr10l;
        }
        long x = d << (64 - b);
        long hi = Math.unsignedMultiplyHigh(x, pwr10h);
        int mid1 = (int) ((x * pwr10h) >>> 32);
        long sticky = 1;
        if ((hi & lowMask(s)) == 0) {
            int mid2 = (int) (Math.unsignedMultiplyHigh(x, (pwr10l & 0xffffffffL) << 32) >>> 32);
            sticky = Integer.compareUnsigned(mid1 - mid2, 1) > 0 ? 1 : 0;
            if (Integer.compareUnsigned(mid1, mid2) < 0) {
                hi--;
            }
        }
        long u = shiftRight(hi, s) | sticky;
        if (Long.compareUnsigned(u, (1L << 55) - 2) >= 0) {
            u = (u >>> 1) | (u & 1);
            e -= 1;
        }
        long m = (u + 1 + ((u >>> 2) & 1)) >>> 2;
        if (e <= -972) {
            return Double.POSITIVE_INFINITY;
        }
        if ((m & (1L << 52)) != 0) {
            m = (m & ~(1L << 52)) | ((long) (1075 - e) << 52);
        }
        return Double.longBitsToDouble(m);
    }

    private static long lowMask(int s) {
        return s >= 64 ? -1L : (1L << s) - 1;
    }

    private static long shiftRight(long v, int s) {
        return s >= 64 ? 0 : v >>> s;
    }
}
