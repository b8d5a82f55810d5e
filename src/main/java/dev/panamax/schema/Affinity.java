package dev.panamax.schema;

/**
 * Column affinity as SQLite spells it in bytecode ({@code SQLITE_AFF_*}): one letter per column in the P4 of
 * {@code Affinity} and {@code MakeRecord}. {@link #NONE} is an expression without affinity.
 */
public final class Affinity {
    public static final char NONE = '@';
    public static final char BLOB = 'A';
    public static final char TEXT = 'B';
    public static final char NUMERIC = 'C';
    public static final char INTEGER = 'D';
    public static final char REAL = 'E';

    private Affinity() {
    }

    /** The affinity of a declared type, by SQLite's five rules in order (datatype3.html section 3.1). */
    public static char ofDeclaredType(String type) {
        if (type == null) {
            return BLOB;
        }
        String t = type.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** True for the affinities that convert text to numbers (NUMERIC, INTEGER, REAL). */
    public static boolean isNumeric(char aff) {
        return aff >= NUMERIC;
    }
}
