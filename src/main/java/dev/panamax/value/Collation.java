package dev.panamax.value;

/**
 * A collating sequence over UTF-8 text, as SQLite's {@code sqlite3_create_collation} defines one: a total order
 * that must be consistent (antisymmetric, transitive) because indexes are sorted by it.
 *
 * <p>Built-ins are {@link Collations#BINARY}, {@link Collations#NOCASE} and {@link Collations#RTRIM}.
 */
public interface Collation {
    /** The name as written in SQL, upper-case for the built-ins. */
    String name();

    /** Compares {@code a[0..aLen)} with {@code b[0..bLen)}, both UTF-8: negative, zero or positive. */
    int compare(byte[] a, int aLen, byte[] b, int bLen);
}
