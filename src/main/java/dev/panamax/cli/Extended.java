package dev.panamax.cli;

import java.math.BigInteger;

/**
 * A non-negative x87 extended-precision number: a 64-bit significand and a binary exponent, every operation
 * rounded to nearest-even at 64 bits, as the {@code long double} arithmetic of the {@code sqlite3} shell's printf
 * on x86-64 rounds.
 *
 * <pre>
 *   value = significand * 2^exponent      significand < 2^64 after every operation
 * </pre>
 *
 * <p>Only what {@link RealFormat} needs: products, quotients, sums and differences of non-negative values and
 * comparisons. The exponent range is unbounded, which differs from the hardware only beyond the range of a
 * double, where the printf algorithm never goes.
 */
final class Extended implements Comparable<Extended> {
    static final Extended ZERO = new Extended(BigInteger.ZERO, 0);
    private static final int SIGNIFICAND_BITS = 64;

    private final BigInteger significand;
    private final int exponent;

    private Extended(BigInteger significand, int exponent) {
        this.significand = significand;
        this.exponent = exponent;
    }

    /** The exact value of a finite non-negative double. */
    static Extended of(double value) {
        assert value >= 0 && Double.isFinite(value) : value;
        if (value == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & 0xfffffffffffffL;
        if (biased == 0) {
            return new Extended(BigInteger.valueOf(fraction), -1074);
        }
        return new Extended(BigInteger.valueOf(fraction | (1L << 52)), biased - 1075);
    }

    static Extended ofInt(int value) {
        return round(BigInteger.valueOf(value), 0);
    }

    Extended multiply(Extended other) {
        return round(significand.multiply(other.significand), exponent + other.exponent);
    }

    Extended divide(Extended divisor) {
        int shift = SIGNIFICAND_BITS + 2 + divisor.significand.bitLength() - significand.bitLength();
        BigInteger[] qr = significand.shiftLeft(Math.max(shift, 0)).divideAndRemainder(divisor.significand);
        BigInteger q = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            q = q.setBit(0);
        }
        return round(q, exponent - Math.max(shift, 0) - divisor.exponent - 1);
    }

    Extended add(Extended other) {
        if (significand.signum() == 0) {
            return other;
        }
        if (other.significand.signum() == 0) {
            return this;
        }
        int e = Math.min(exponent, other.exponent);
        BigInteger sum = significand.shiftLeft(exponent - e).add(other.significand.shiftLeft(other.exponent - e));
        return round(sum, e);
    }

    /** {@code this - other}, where {@code other <= this}. */
    Extended subtract(Extended other) {
        int e = Math.min(exponent, other.exponent);
        BigInteger diff = significand.shiftLeft(exponent - e).subtract(other.significand.shiftLeft(other.exponent - e));
        assert diff.signum() >= 0;
        return round(diff, e);
    }

    /** C's {@code (int)} conversion: truncation toward zero; the value must be below 2^31. */
    int truncate() {
        if (exponent >= 0) {
            return significand.shiftLeft(exponent).intValueExact();
        }
        return significand.shiftRight(-exponent).intValueExact();
    }

    boolean isZero() {
        return significand.signum() == 0;
    }

    @Override
    public int compareTo(Extended other) {
        if (significand.signum() == 0 || other.significand.signum() == 0) {
            return Integer.compare(significand.signum(), other.significand.signum());
        }
        int magnitude = Integer.compare(significand.bitLength() + exponent,
                other.significand.bitLength() + other.exponent);
        if (magnitude != 0) {
            return magnitude;
        }
        int e = Math.min(exponent, other.exponent);
        return significand.shiftLeft(exponent - e).compareTo(other.significand.shiftLeft(other.exponent - e));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extended other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return significand.signum() == 0 ? 0 : significand.shiftRight(significand.getLowestSetBit()).hashCode();
    }

    /** Rounds {@code m * 2^e} to 64 significant bits, ties to even. */
    private static Extended round(BigInteger m, int e) {
        int excess = m.bitLength() - SIGNIFICAND_BITS;
        if (excess <= 0) {
            return new Extended(m, e);
        }
        BigInteger kept = m.shiftRight(excess);
        boolean half = m.testBit(excess - 1);
        boolean sticky = m.getLowestSetBit() < excess - 1;
        if (half && (sticky || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
        }
        return new Extended(kept, e + excess);
    }
}
