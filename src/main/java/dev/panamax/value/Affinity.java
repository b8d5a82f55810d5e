package dev.panamax.value;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's type affinities, in SQLite's order and with its one-letter codes (the letters of the affinity strings in
 * OP_Affinity, OP_MakeRecord and EXPLAIN output). FLEXNUM is the affinity of a compound subquery's column: it makes
 * numbers of numeric-looking text but never turns a REAL into an INTEGER.
 */
public enum Affinity {
    BLOB('A'),
    TEXT('B'),
    NUMERIC('C'),
    INTEGER('D'),
    REAL('E'),
    FLEXNUM('F');

    private final char code;

    Affinity(char code) {
        this.code = code;
    }

    /** The letter SQLite uses in affinity strings. */
    public char code() {
        return code;
    }

    /** The affinity with this letter, or null. */
    public static Affinity fromCode(char c) {
        for (Affinity a : values()) {
            if (a.code == c) {
                return a;
            }
        }
        return null;
    }

    /** True for NUMERIC, INTEGER, REAL and FLEXNUM, the affinities that make numbers of numeric text. */
    public boolean isNumeric() {
        return compareTo(NUMERIC) >= 0;
    }

    /**
     * The affinity of a declared column type: no type at all gives BLOB, otherwise {@link #ofTypeName}.
     */
    public static Affinity ofColumnType(String declaredType) {
        if (declaredType == null || declaredType.isEmpty()) {
            return BLOB;
        }
        return ofTypeName(declaredType);
    }

    /**
     * sqlite3AffinityType: the affinity of a type name, as for a column type or a CAST target. Substrings decide,
     * case-insensitively (ASCII), in this order of strength: "INT" gives INTEGER; else "CHAR", "CLOB" or "TEXT"
     * give TEXT; else "BLOB" gives BLOB; else "REAL", "FLOA" or "DOUB" give REAL; else NUMERIC (so "STRING" and the
     * empty name are NUMERIC).
     */
    public static Affinity ofTypeName(String typeName) {
        byte[] z = typeName.getBytes(StandardCharsets.UTF_8);
        int h = 0;
        Affinity aff = NUMERIC;
        for (byte b : z) {
            int x = b & 0xff;
            h = (h << 8) + (x >= 'A' && x <= 'Z' ? x + 32 : x);
            if (h == word("char") || h == word("clob") || h == word("text")) {
                aff = TEXT;
            } else if (h == word("blob") && (aff == NUMERIC || aff == REAL)) {
                aff = BLOB;
            } else if ((h == word("real") || h == word("floa") || h == word("doub")) && aff == NUMERIC) {
                aff = REAL;
            } else if ((h & 0x00FFFFFF) == (('i' << 16) + ('n' << 8) + 't')) {
                return INTEGER;
            }
        }
        return aff;
    }

    private static int word(String w) {
        return (w.charAt(0) << 24) + (w.charAt(1) << 16) + (w.charAt(2) << 8) + w.charAt(3);
    }
}
