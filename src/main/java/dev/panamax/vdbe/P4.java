package dev.panamax.vdbe;

import java.nio.charset.StandardCharsets;

/** Operand P4 forms that need more than a plain Java value. */
public final class P4 {
    private P4() {
    }

    /** A text constant (String8) with its UTF-8 bytes made once. */
    public record Text(String text, byte[] utf8) {
        public static Text of(String s) {
            return new Text(s, s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** An integer array (Permutation), printed as SQLite prints P4_INTARRAY. */
    public record IntArray(int[] values) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < values.length; k++) {
                sb.append(k == 0 ? "" : ",").append(values[k]);
            }
            return sb.append(']').toString();
        }
    }

    /** The number of columns of a table cursor (OpenRead/OpenWrite on a table). */
    public record ColumnCount(int count) {
        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }

    /**
     * The B-trees an IntegrityCk checks: root pages, and per root the KeyInfo of an index (null for a table) so that
     * key order is checked too.
     */
    public record IntegrityRoots(int[] roots, dev.panamax.storage.format.KeyInfo[] keyInfos) {
        @Override
        public String toString() {
            return new IntArray(roots).toString();
        }
    }

    /**
     * The columns of a STRICT table for TypeCheck: the table's name, each column's name, declared type (upper case,
     * as the error names it, null for a column TypeCheck skips) and affinity.
     */
    public record StrictColumns(String table, String[] names, String[] types, String affinities) {
        @Override
        public String toString() {
            return table;
        }
    }
}
