package dev.panamax.sql.ast;

/**
 * Every syntax-tree node knows where it came from: {@code start} is the offset of its first character in the SQL
 * text and {@code end} the offset just past its last character (Java {@code char} offsets into the string that was
 * parsed). ALTER TABLE rewrites stored schema text through these offsets, and error messages quote them.
 */
public interface Node {
    int start();

    int end();

    /** The node's source text, cut out of the SQL it was parsed from. */
    default String text(String sql) {
        return sql.substring(start(), end());
    }
}
