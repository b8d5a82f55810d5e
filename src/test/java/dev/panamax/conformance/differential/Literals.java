package dev.panamax.conformance.differential;

import java.util.random.RandomGenerator;

/**
 * Literal values from small pools, so that joins and comparisons find matches: NULL, integers (small and the
 * 64-bit extremes), reals, text (numeric-looking, case and trailing-space variants for NOCASE and RTRIM, unicode)
 * and blobs.
 */
final class Literals {
    private static final String[] INTS = {"0", "1", "2", "3", "-1", "5", "7", "10", "100", "-7", "42"};
    private static final String[] EXTREME_INTS = {"9223372036854775807", "-9223372036854775808", "2147483648",
        "-2147483649", "4294967296", "9007199254740993", "-9223372036854775807"};
    private static final String[] REALS = {"0.5", "1.0", "-2.5", "3.0", "1e10", "0.1", "-0.0", "2.25", "1.5e300",
        "1e-300", "7.0", "123.456", "9.223372036854775807e18", "-1e20"};
    private static final String[] TEXTS = {"'a'", "'A'", "'b'", "'abc'", "'ABC'", "'a '", "' a'", "''", "'1'",
        "'01'", "'1.0'", "' 2 '", "'1e3'", "'0x10'", "'-3'", "'2.5'", "'é'", "'É'", "'ü'", "'Ωmega'", "'日本'",
        "'%'", "'_'", "'abc  '", "'x''y'", "'B'", "'10'", "'7'", "'3.0'", "'inf'", "'12abc'", "'+4'"};
    private static final String[] BLOBS = {"x''", "x'00'", "x'41'", "x'ff01'", "x'3132'", "x'61'"};

    private Literals() {
    }

    static String any(RandomGenerator r) {
        int k = r.nextInt(100);
        if (k < 10) {
            return "NULL";
        }
        if (k < 40) {
            return pick(r, INTS);
        }
        if (k < 43) {
            return pick(r, EXTREME_INTS);
        }
        if (k < 58) {
            return pick(r, REALS);
        }
        if (k < 93) {
            return pick(r, TEXTS);
        }
        return pick(r, BLOBS);
    }

    static String small(RandomGenerator r) {
        return pick(r, INTS);
    }

    static String text(RandomGenerator r) {
        return pick(r, TEXTS);
    }

    static String pick(RandomGenerator r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    static <T> T pick(RandomGenerator r, java.util.List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /**
     * A column value: mostly from the pools, biased towards the column's declared kind. A rowid alias never gets the
     * largest rowid, after which SQLite picks new rowids at random.
     */
    static String forColumn(RandomGenerator r, Model.Column c, boolean rowidAlias) {
        if (rowidAlias) {
            return r.nextInt(3) == 0 ? "NULL" : r.nextInt(10) == 0 ? any(r) : small(r);
        }
        String t = c.declType().toUpperCase(java.util.Locale.ROOT);
        int k = r.nextInt(100);
        if (k < 12) {
            return "NULL";
        }
        if (k < 65) {
            if (t.contains("INT")) {
                return r.nextInt(20) == 0 ? pick(r, EXTREME_INTS) : small(r);
            }
            if (t.contains("CHAR") || t.contains("TEXT")) {
                return text(r);
            }
            if (t.contains("REAL") || t.contains("DOUB") || t.contains("FLOA")) {
                return pick(r, REALS);
            }
        }
        return any(r);
    }
}
