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
                case 10 -> Math.log10(x);
                case 2 -> log2(x);
                default -> Math.log(x);
            });
        };
    }

    /** log(B, X): the logarithm of X to base B; NULL unless both are positive numbers and B is not 1. */
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
        byte t1 = Results.numericType(args[1], result);
        double x = result.realValue();
        if ((t1 != Mem.INTEGER && t1 != Mem.REAL) || x <= 0.0) {
            result.setNull();
            return;
        }
        result.setDouble(Math.log(x) / b);
    }

    /** log2 as C's log2: exact for powers of two. */
    static double log2(double x) {
        int e = Math.getExponent(x);
        if (x == Math.scalb(1.0, e)) {
            return e;
        }
        return Math.log(x) / Math.log(2.0);
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

    static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1.0));
    }

    static double asinh(double x) {
        double a = Math.abs(x);
        double r = Math.log(a + Math.sqrt(a * a + 1.0));
        return x < 0 ? -r : r;
    }

    static double atanh(double x) {
        return 0.5 * Math.log((1.0 + x) / (1.0 - x));
    }

    /** C's fmod: the remainder with the sign of x. */
    static double fmod(double x, double y) {
        return x % y;
    }
}
