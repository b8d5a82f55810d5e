package dev.panamax.conformance;

import java.util.List;

/**
 * An engine under sqllogictest: runs statements and renders query results as SQLite's harness does.
 *
 * <p>Rendering per column type letter: {@code I} is {@code printf("%d", sqlite3_column_int())} (32-bit), {@code R}
 * is {@code "%.3f"} of {@code sqlite3_column_double()} in SQLite's printf, {@code T} is the text with an empty string
 * shown as {@code (empty)} and every byte outside 0x20..0x7e shown as {@code @}; NULL is {@code NULL} in any column.
 */
interface SltEngine extends AutoCloseable {

    /** The name matched by {@code skipif}/{@code onlyif}. */
    String name();

    /** Runs one statement (or, as SQLite's harness does, a script of several). */
    void execute(String sql) throws Exception;

    /**
     * Runs a query and returns its values row after row, rendered per {@code types}.
     *
     * @throws ColumnCountMismatch when the result has a different number of columns than {@code types}
     */
    List<String> query(String sql, String types) throws Exception;

    /** Renders a TEXT value the way the harness does. */
    static String renderText(byte[] utf8) {
        if (utf8.length == 0) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder(utf8.length);
        for (byte b : utf8) {
            int c = b & 0xff;
            sb.append(c < 0x20 || c > 0x7e ? '@' : (char) c);
        }
        return sb.toString();
    }

    final class ColumnCountMismatch extends Exception {
        private static final long serialVersionUID = 1L;

        ColumnCountMismatch(int expected, int actual) {
            super("expected " + expected + " columns, got " + actual);
        }
    }
}
