package dev.panamax.value;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;

/**
 * SQLite's arithmetic, bit and concatenation operators (vdbe.c: OP_Add .. OP_Remainder, OP_BitAnd .. OP_ShiftRight,
 * OP_BitNot, OP_Concat). Each reads its operands without changing them and writes the result into {@code out},
 * which may be one of the operands. Numeric paths allocate nothing.
 *
 * <ul>
 *   <li>NULL in, NULL out.</li>
 *   <li>Two INTEGERs (or text/blobs reading as integers) use 64-bit arithmetic; on overflow the operation is
 *       redone in REAL. Anything else is REAL. Text that is not a number counts as 0; "12abc" counts as 12.</li>
 *   <li>Division or remainder by zero gives NULL; a NaN result (inf - inf) gives NULL.</li>
 *   <li>Remainder of REALs takes both operands as integers and gives a REAL.</li>
 * </ul>
 */
public final class Arithmetic {
    private static final int ADD = 0;
    private static final int SUBTRACT = 1;
    private static final int MULTIPLY = 2;
    private static final int DIVIDE = 3;
    private static final int REMAINDER = 4;

    private static final Mem ZERO = new Mem();

    static {
        ZERO.setLong(0);
    }

    private Arithmetic() {
    }

    public static void add(Mem left, Mem right, Mem out) {
        arith(ADD, left, right, out);
    }

    public static void subtract(Mem left, Mem right, Mem out) {
        arith(SUBTRACT, left, right, out);
    }

    public static void multiply(Mem left, Mem right, Mem out) {
        arith(MULTIPLY, left, right, out);
    }

    public static void divide(Mem left, Mem right, Mem out) {
        arith(DIVIDE, left, right, out);
    }

    public static void remainder(Mem left, Mem right, Mem out) {
        arith(REMAINDER, left, right, out);
    }

    /** Unary minus: SQLite computes -x as 0 - x (so -(-9223372036854775808) is a REAL). */
    public static void negate(Mem x, Mem out) {
        arith(SUBTRACT, ZERO, x, out);
    }

    private static void arith(int op, Mem left, Mem right, Mem out) {
        byte tl = left.type();
        byte tr = right.type();
        if (tl == Mem.INTEGER && tr == Mem.INTEGER) {
            intMath(op, left.longValue(), right.longValue(), left, right, out);
        } else if (tl == Mem.NULL || tr == Mem.NULL) {
            out.setNull();
        } else if (numericClass(left) == Mem.INTEGER && numericClass(right) == Mem.INTEGER) {
            intMath(op, left.intValue(), right.intValue(), left, right, out);
        } else {
            floatMath(op, left, right, out);
        }
    }

    private static void intMath(int op, long a, long b, Mem left, Mem right, Mem out) {
        long v;
        switch (op) {
            case ADD -> {
                v = a + b;
                if (((a ^ v) & (b ^ v)) < 0) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case SUBTRACT -> {
                v = a - b;
                if (((a ^ b) & (a ^ v)) < 0) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case MULTIPLY -> {
                long hi = Math.multiplyHigh(a, b);
                v = a * b;
                if ((hi != 0 || v < 0) && (hi != -1 || v >= 0)) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case DIVIDE -> {
                if (b == 0) {
                    out.setNull();
                    return;
                }
                if (b == -1 && a == Long.MIN_VALUE) {
                    floatMath(op, left, right, out);
                    return;
                }
                v = a / b;
            }
            default -> {
                if (b == 0) {
                    out.setNull();
                    return;
                }
                v = a % (b == -1 ? 1 : b);
            }
        }
        out.setLong(v);
    }

    private static void floatMath(int op, Mem left, Mem right, Mem out) {
        double a = left.realValue();
        double b = right.realValue();
        double v;
        switch (op) {
            case ADD -> v = a + b;
            case SUBTRACT -> v = a - b;
            case MULTIPLY -> v = a * b;
            case DIVIDE -> {
                if (b == 0.0) {
                    out.setNull();
                    return;
                }
                v = a / b;
            }
            default -> {
                long ia = left.intValue();
                long ib = right.intValue();
                if (ib == 0) {
                    out.setNull();
                    return;
                }
                v = (double) (ia % (ib == -1 ? 1 : ib));
            }
        }
        out.setDouble(v);
    }

    /**
     * computeNumericType: whether a value takes part in arithmetic as INTEGER or REAL (NULL for NULL). TEXT and
     * BLOB are read as text: a whole integer, or an integer prefix with no '.' or exponent, is INTEGER; any other
     * number or number prefix is REAL; no number at all is INTEGER 0.
     */
    public static byte numericClass(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER, Mem.REAL, Mem.NULL -> {
                return m.type();
            }
            default -> {
                byte[] z = m.bytes();
                int n = m.length();
                long savedI = m.i;
                double savedR = m.r;
                int rc = NumericText.atof(z, 0, n, m);
                int irc = NumericText.atoi64(z, 0, n, m);
                m.i = savedI;
                m.r = savedR;
                if ((rc & NumericText.ATOF_REAL) != 0) {
                    return Mem.REAL;
                }
                boolean isInt = rc <= 0 ? irc <= NumericText.ATOI_TRAILING : irc == NumericText.ATOI_OK;
                return isInt ? Mem.INTEGER : Mem.REAL;
            }
        }
    }

    /** a &amp; b (INTEGER), NULL if either is NULL. */
    public static void bitAnd(Mem left, Mem right, Mem out) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
        } else {
            out.setLong(left.intValue() & right.intValue());
        }
    }

    /** a | b (INTEGER), NULL if either is NULL. */
    public static void bitOr(Mem left, Mem right, Mem out) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
        } else {
            out.setLong(left.intValue() | right.intValue());
        }
    }

    /** ~a (INTEGER), NULL for NULL. */
    public static void bitNot(Mem x, Mem out) {
        if (x.isNull()) {
            out.setNull();
        } else {
            out.setLong(~x.intValue());
        }
    }

    /** a &lt;&lt; b: a negative shift goes the other way; 64 or more gives 0 (or -1 shifting a negative right). */
    public static void shiftLeft(Mem left, Mem right, Mem out) {
        shift(true, left, right, out);
    }

    /** a &gt;&gt; b, arithmetic (sign-extending); see {@link #shiftLeft}. */
    public static void shiftRight(Mem left, Mem right, Mem out) {
        shift(false, left, right, out);
    }

    private static void shift(boolean leftShift, Mem left, Mem right, Mem out) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
            return;
        }
        long a = left.intValue();
        long b = right.intValue();
        if (b != 0) {
            if (b < 0) {
                leftShift = !leftShift;
                b = b > -64 ? -b : 64;
            }
            if (b >= 64) {
                a = (a >= 0 || leftShift) ? 0 : -1;
            } else {
                a = leftShift ? a << b : a >> b;
            }
        }
        out.setLong(a);
    }

    /**
     * a || b: the text of both (numbers rendered, blobs' bytes as they are) as TEXT; NULL if either is NULL; TOOBIG
     * beyond maxLength bytes.
     */
    public static void concat(Mem left, Mem right, Mem out, long maxLength) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
            return;
        }
        byte[] a = left.textBytes();
        int na = left.textLength();
        byte[] b = right.textBytes();
        int nb = right.textLength();
        long n = (long) na + nb;
        if (n > maxLength) {
            throw new DbException(ResultCode.TOOBIG, "string or blob too big");
        }
        if (out == left || out == right) {
            byte[] joined = new byte[(int) n];
            System.arraycopy(a, 0, joined, 0, na);
            System.arraycopy(b, 0, joined, na, nb);
            out.setText(joined, 0, (int) n);
        } else {
            byte[] dst = out.reserve((int) n);
            System.arraycopy(a, 0, dst, 0, na);
            System.arraycopy(b, 0, dst, na, nb);
            out.commitBytes(Mem.TEXT, (int) n);
        }
    }
}
