package dev.panamax.conformance.differential;

import dev.panamax.api.ValueType;
import java.util.HexFormat;

/**
 * One result value as both engines report it: its storage class and its content (integers and text exactly,
 * reals as doubles, blobs as hex). Reals compare with a relative tolerance of a few ulps because summation order
 * may legitimately differ between two correct plans; every other type compares exactly.
 */
record Cell(ValueType type, long integer, double real, String text) {
    static final Cell NULL = new Cell(ValueType.NULL, 0, 0, null);

    static Cell ofLong(long v) {
        return new Cell(ValueType.INTEGER, v, 0, null);
    }

    static Cell ofDouble(double v) {
        return new Cell(ValueType.REAL, 0, v, null);
    }

    static Cell ofText(String v) {
        return new Cell(ValueType.TEXT, 0, 0, v);
    }

    static Cell ofBlob(byte[] v) {
        return new Cell(ValueType.BLOB, 0, 0, HexFormat.of().formatHex(v));
    }

    /** Equal type and value, reals within a relative 1e-12 (or both zero). */
    boolean matches(Cell o) {
        if (type != o.type) {
            return false;
        }
        return switch (type) {
            case NULL -> true;
            case INTEGER -> integer == o.integer;
            case REAL -> closeEnough(real, o.real);
            case TEXT, BLOB -> text.equals(o.text);
        };
    }

    static boolean closeEnough(double a, double b) {
        if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
            return true;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= 1e-12 * scale;
    }

    /** A canonical key for multiset comparison: reals rounded so that near-equal reals share a key. */
    String key() {
        return switch (type) {
            case NULL -> "N";
            case INTEGER -> "I" + integer;
            case REAL -> "R" + (real == 0 ? "0" : String.format("%.10e", real));
            case TEXT -> "T" + text;
            case BLOB -> "B" + text;
        };
    }

    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case INTEGER -> Long.toString(integer);
            case REAL -> Double.toString(real) + "r";
            case TEXT -> "'" + text.replace("'", "''") + "'";
            case BLOB -> "x'" + text + "'";
        };
    }
}
