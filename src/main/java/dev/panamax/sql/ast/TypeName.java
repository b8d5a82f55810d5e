package dev.panamax.sql.ast;

/**
 * A declared type ({@code VARCHAR(10)}, {@code UNSIGNED BIG INT}) exactly as spelled in the source, from its first
 * token to its last (inner spacing kept), which is what SQLite stores and uses to derive affinity. A trailing
 * {@code GENERATED ALWAYS} is not part of it, as in SQLite's {@code sqlite3AddColumn}.
 */
public record TypeName(String text, int start, int end) implements Node {
}
