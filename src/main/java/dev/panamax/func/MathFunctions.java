package dev.panamax.func;

import dev.panamax.value.Mem;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * SQLite's math functions (func.c, SQLITE_ENABLE_MATH_FUNCTIONS): arguments must be numbers or numeric text (a blob
 * or other text gives NULL); results are REAL, and a NaN result (sqrt(-1), acos(2)) is NULL. ceil, floor and trunc
 * keep an INTEGER argument as it is.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    /** A one-argument function of a double. */
    static ScalarFunction unary(DoubleUnaryOperator f) {
        return (ctx, args, result) -> {
            byte t = Results.numericType(args[0], result);
            if (t != Mem.INTEGER && t != Mem.REAL) {
                result.setNull();
                return;
            }
            result.setDouble(f.applyAsDouble(result.realValue()));
        };
    }

    /** A two-argument function of doubles. */
    static ScalarFunction binary(DoubleBinaryOperator f) {
        return (ctx, args, result) -> {
            byte t0 = Results.numericType(args[0], result);
            if (t0 != Mem.INTEGER && t0 != Mem.REAL) {
                result.setNull();
                return;
            }
            double v0 = result.realValue();
            byte t1 = Results.numericType(args[1], result);
            if (t1 != Mem.INTEGER && t1 != Mem.REAL) {
                result.setNull();
                return;
            }
            result.setDouble(f.applyAsDouble(v0, result.realValue()));
        };
    }

    /** ceil, ceiling, floor, trunc: an INTEGER stays as it is, a REAL is rounded by f. */
    static ScalarFunction rounding(DoubleUnaryOperator f) {
        return (ctx, args, result) -> {
            byte t = Results.numericType(args[0], result);
            if (t == Mem.REAL) {
                result.setDouble(f.applyAsDouble(result.doubleValue()));
            } else if (t != Mem.INTEGER) {
                result.setNull();
            }
        };
    }

    /** ln, log, log10, log2 of one argument (base e, 10, 10, 2); NULL for x &lt;= 0. */
    static ScalarFunction log(int base) {
        return (ctx, args, result) -> {
            byte t = Results.numericType(args[0], result);
            double x = result.realValue();
            if ((t != Mem.INTEGER && t != Mem.REAL) || x <= 0.0) {
                result.setNull();
                return;
            }
            result.setDouble(switch (base) {
                case 10 -> log10(x);
                case 2 -> log2(x);
                default -> Math.log(x);
            });
        };
    }

    /**
     * log(B, X): the logarithm of X to base B; NULL unless B is a positive number other than 1 and X reads as a
     * positive number. Like SQLite, only B's type is checked: X is read with its leading number ('469x1' is 469).
     */
    static void logBase(FunctionContext ctx, Mem[] args, Mem result) {
        byte t = Results.numericType(args[0], result);
        double base = result.realValue();
        if ((t != Mem.INTEGER && t != Mem.REAL) || base <= 0.0) {
            result.setNull();
            return;
        }
        double b = Math.log(base);
        if (b <= 0.0) {
            result.setNull();
            return;
        }
        double x = args[1].realValue();
        if (x <= 0.0) {
            result.setNull();
            return;
        }
        result.setDouble(Math.log(x) / b);
    }

    /** log2: exact for powers of two, otherwise the exponent plus the logarithm of the reduced mantissa. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return x == 0 ? Double.NEGATIVE_INFINITY : x > 0 ? x : Double.NaN;
        }
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {
            x *= 0x1p54;
            e = Math.getExponent(x) - 54;
        } 
        double m = Math.scalb(x, -Math.getExponent(x));
        if (m > Math.sqrt(2)) {
            m *= 0.5;
            e++;
        }
        return e + Math.log(m) * INV_LN2;
    }

    private static final double INV_LN2 = 1.4426950408889634;
    private static final double LN2 = 6.93147180559945286227e-01;

    /** glibc's log10 (fdlibm e_log10.c): the exponent's part in two pieces plus ivln10 * log(mantissa). */
    static double log10(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x;
        }
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        int k = 0;
        if (hx < 0x00100000) {
            k -= 54;
            x *= 1.80143985094819840000e+16;
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >>> 32);
        }
        k += (hx >> 20) - 1023;
        int i = (k & 0x80000000) >>> 31;
        hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
        double y = k + i;
        x = Double.longBitsToDouble(((long) hx << 32) | (bits & 0xffffffffL));
        double z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * Math.log(x);
        return z + y * 3.01029995663611771306e-01;
    }

    /** The high 32 bits of a double, as fdlibm's GET_HIGH_WORD; thresholds below are compared on them. */
    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    /** glibc's sinh (fdlibm e_sinh.c). */
    static double sinh(double x) {
        int ix = high(x) & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            return x + x;
        }
        double h = x < 0 ? -0.5 : 0.5;
        double ax = Math.abs(x);
        if (ix < 0x40360000) {
            if (ix < 0x3e300000) {
                return x;
            }
            double t = StrictMath.expm1(ax);
            if (ix < 0x3ff00000) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862E42) {
            return h * Math.exp(ax);
        }
        long lx = Double.doubleToRawLongBits(x) & 0xffffffffL;
        if (ix < 0x408633CE || (ix == 0x408633ce && lx <= 0x8fb9f87dL)) {
            double w = Math.exp(0.5 * ax);
            double t = h * w;
            return t * w;
        }
        return x * 1.0e307;
    }

    /** glibc's cosh (fdlibm e_cosh.c). */
    static double cosh(double x) {
        int ix = high(x) & 0x7fffffff;
        double ax = Math.abs(x);
        if (ix < 0x40360000) {
            if (ix < 0x3fd62e43) {
                if (ix < 0x3c800000) {
                    return 1.0;
                }
                double t = StrictMath.expm1(ax);
                double w = 1.0 + t;
                return 1.0 + (t * t) / (w + w);
            }
            double t = Math.exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862e42) {
            return 0.5 * Math.exp(ax);
        }
        long lx = Double.doubleToRawLongBits(x) & 0xffffffffL;
        if (ix < 0x408633ce || (ix == 0x408633ce && lx <= 0x8fb9f87dL)) {
            double w = Math.exp(0.5 * ax);
            double t = 0.5 * w;
            return t * w;
        }
        if (ix >= 0x7ff00000) {
            return x * x;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** glibc's acosh (fdlibm e_acosh.c). */
    static double acosh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        if (hx < 0x3ff00000) {
            return Double.NaN;
        }
        if (hx >= 0x41b00000) {
            return hx >= 0x7ff00000 ? x + x : Math.log(x) + LN2;
        }
        if (x == 1.0) {
            return 0.0;
        }
        if (hx > 0x40000000) {
            double t = x * x;
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return StrictMath.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** glibc's asinh (fdlibm s_asinh.c). */
    static double asinh(double x) {
        int ix = high(x) & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            return x + x;
        }
        if (ix < 0x3e300000) {
            return x;
        }
        double ax = Math.abs(x);
        double w;
        if (ix > 0x41b00000) {
            w = Math.log(ax) + LN2;
        } else if (ix > 0x40000000) {
            w = Math.log(2.0 * ax + 1.0 / (Math.sqrt(ax * ax + 1.0) + ax));
        } else {
            double t = ax * ax;
            w = StrictMath.log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return Math.copySign(w, x);
    }

    /** glibc's atanh (dbl-64 e_atanh.c). */
    static double atanh(double x) {
        double xa = Math.abs(x);
        double t;
        if (xa < 0.5) {
            if (xa < 0x1p-28) {
                return x;
            }
            t = xa + xa;
            t = 0.5 * StrictMath.log1p(t + t * xa / (1.0 - xa));
        } else if (xa < 1.0) {
            t = 0.5 * StrictMath.log1p((xa + xa) / (1.0 - xa));
        } else if (xa > 1.0 || Double.isNaN(xa)) {
            return Double.NaN;
        } else {
            return x / 0.0;
        }
        return Math.copySign(t, x);
    }

    static void pi(FunctionContext ctx, Mem[] args, Mem result) {
        result.setDouble(Math.PI);
    }

    static double degrees(double x) {
        return x * (180.0 / Math.PI);
    }

    static double radians(double x) {
        return x * (Math.PI / 180.0);
    }

    /**
     * C's pow: like {@link Math#pow} except where C99 Annex F differs: pow(1, y) is 1 for every y (even NaN), and
     * pow(-1, ±infinity) is 1; Java answers NaN to both.
     */
    static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }

    /** C's fmod: the remainder with the sign of x. */
    static double fmod(double x, double y) {
        return x % y;
    }
}
