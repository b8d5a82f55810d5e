package dev.panamax.value;

/**
 * Ordering and truth of values (vdbemem.c sqlite3MemCompare, sqlite3IntFloatCompare; vdbe.c OP_Lt's affinity
 * rules; sqlite3VdbeBooleanValue). Nothing here allocates or changes its operands.
 *
 * <p>Order: NULL &lt; INTEGER and REAL (compared by exact value, an integer and a double never rounded to each
 * other) &lt; TEXT (by the collation, BINARY when none) &lt; BLOB (memcmp, then shorter first).
 */
public final class Comparison {
    private Comparison() {
    }

    /** sqlite3MemCompare: negative, zero or positive. coll null means BINARY (memcmp). */
    public static int compare(Mem a, Mem b, Collation coll) {
        byte ta = a.type();
        byte tb = b.type();
        return compareAs(ta, a.i, a.r, a, tb, b.i, b.r, b, coll);
    }

    /**
     * Compares with the two operands taken as the given types and numeric values; TEXT and BLOB operands are read
     * through {@link Mem#textBytes()} (so a number may take part as its text).
     */
    private static int compareAs(byte ta, long ia, double ra, Mem a, byte tb, long ib, double rb, Mem b,
            Collation coll) {
        if (ta == Mem.NULL || tb == Mem.NULL) {
            return (tb == Mem.NULL ? 1 : 0) - (ta == Mem.NULL ? 1 : 0);
        }
        boolean na = ta == Mem.INTEGER || ta == Mem.REAL;
        boolean nb = tb == Mem.INTEGER || tb == Mem.REAL;
        if (na || nb) {
            if (!na) {
                return 1;
            }
            if (!nb) {
                return -1;
            }
            if (ta == Mem.INTEGER) {
                return tb == Mem.INTEGER ? Long.compare(ia, ib) : intFloatCompare(ia, rb);
            }
            return tb == Mem.INTEGER ? -intFloatCompare(ib, ra) : ra < rb ? -1 : ra > rb ? 1 : 0;
        }
        if (ta == Mem.TEXT || tb == Mem.TEXT) {
            if (ta != Mem.TEXT) {
                return 1;
            }
            if (tb != Mem.TEXT) {
                return -1;
            }
            if (coll != null && coll != Collations.BINARY) {
                return coll.compare(a.textBytes(), a.textLength(), b.textBytes(), b.textLength());
            }
        }
        return Collations.compareBinaryPrefix(a.textBytes(), a.textLength(), b.textBytes(), b.textLength());
    }

    /**
     * The comparison operators (=, &lt;, ...) after SQLite's comparison affinity (OP_Eq .. OP_Ge): with a numeric
     * affinity, TEXT operands that look like numbers compare as numbers (not made INTEGER from a REAL); with TEXT
     * affinity, numbers compare as their text when the other side is TEXT. aff null means no conversion (BLOB).
     */
    public static int compare(Mem a, Mem b, Affinity aff, Collation coll) {
        byte ta = a.type();
        byte tb = b.type();
        if (aff != null && aff.isNumeric() && (ta == Mem.TEXT || tb == Mem.TEXT)) {
            long ia = a.i;
            double ra = a.r;
            long ib = b.i;
            double rb = b.r;
            byte ea = ta;
            byte eb = tb;
            if (ta == Mem.TEXT) {
                ea = numericAffinityType(a);
                ia = ea == Mem.INTEGER ? a.intValue() : 0;
                ra = ea == Mem.REAL ? a.realValue() : 0;
            }
            if (tb == Mem.TEXT) {
                eb = numericAffinityType(b);
                ib = eb == Mem.INTEGER ? b.intValue() : 0;
                rb = eb == Mem.REAL ? b.realValue() : 0;
            }
            return compareAs(ea, ia, ra, a, eb, ib, rb, b, coll);
        }
        if (aff == Affinity.TEXT && (ta == Mem.TEXT || tb == Mem.TEXT)) {
            byte ea = ta == Mem.INTEGER || ta == Mem.REAL ? Mem.TEXT : ta;
            byte eb = tb == Mem.INTEGER || tb == Mem.REAL ? Mem.TEXT : tb;
            return compareAs(ea, a.i, a.r, a, eb, b.i, b.r, b, coll);
        }
        return compareAs(ta, a.i, a.r, a, tb, b.i, b.r, b, coll);
    }

    /**
     * What applyNumericAffinity(x, 0) would make of a TEXT value: INTEGER, REAL, or TEXT when it is not a number.
     */
    static byte numericAffinityType(Mem m) {
        long savedI = m.i;
        double savedR = m.r;
        try {
            int rc = NumericText.atof(m.bytes, 0, m.len, m);
            if (rc <= 0) {
                return Mem.TEXT;
            }
            if ((rc & NumericText.ATOF_REAL) == 0) {
                double v = m.r;
                if (Mem.realSameAsInt(v, Mem.realToInt(v))
                        || NumericText.atoi64(m.bytes, 0, m.len, m) == NumericText.ATOI_OK) {
                    return Mem.INTEGER;
                }
            }
            return Mem.REAL;
        } finally {
            m.i = savedI;
            m.r = savedR;
        }
    }

    /** sqlite3IntFloatCompare: compares an integer with a double exactly (no rounding of either). */
    public static int intFloatCompare(long i, double r) {
        if (Double.isNaN(r)) {
            return 1;
        }
        if (r < -9223372036854775808.0) {
            return 1;
        }
        if (r >= 9223372036854775808.0) {
            return -1;
        }
        long y = (long) r;
        if (i < y) {
            return -1;
        }
        if (i > y) {
            return 1;
        }
        double di = (double) i;
        return di < r ? -1 : di > r ? 1 : 0;
    }

    /**
     * sqlite3VdbeBooleanValue: the truth of a value for WHERE, CASE, NOT, AND, OR: INTEGER non-zero, otherwise the
     * REAL value (text read as a number, '1abc' is true, 'abc' false) non-zero; NULL gives ifNull.
     */
    public static int booleanValue(Mem m, int ifNull) {
        return switch (m.type()) {
            case Mem.INTEGER -> m.longValue() != 0 ? 1 : 0;
            case Mem.NULL -> ifNull;
            default -> m.realValue() != 0.0 ? 1 : 0;
        };
    }

    /** True when the value is true (NULL counts as false), as a WHERE clause reads it. */
    public static boolean isTrue(Mem m) {
        return booleanValue(m, 0) != 0;
    }
}
