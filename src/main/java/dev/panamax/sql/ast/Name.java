package dev.panamax.sql.ast;

/**
 * An identifier as written: its dequoted text and how it was quoted.
 *
 * <p>The quote matters later: SQLite takes a double-quoted name that matches no column as a string literal, and a
 * name written as a single-quoted string ({@code nm ::= STRING} in parse.y) is still a name.
 */
public record Name(String text, Quote quote, int start, int end) implements Node {
    public enum Quote { NONE, DOUBLE, SINGLE, BRACKET, BACKTICK }

    /** True when the name was written inside quotes of any kind. */
    public boolean quoted() {
        return quote != Quote.NONE;
    }

    /** Case-insensitive comparison with SQLite's ASCII-only folding. */
    public boolean is(String other) {
        return text.equalsIgnoreCase(other);
    }
}
