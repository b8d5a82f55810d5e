package dev.panamax.cli;

/**
 * The shell's view of one open database connection: what {@code shell.c} asks of {@code sqlite3*}. The shell is
 * written against this interface only; {@link PanamaxSession} adapts {@code dev.panamax.api} to it.
 *
 * <p>Errors are {@link dev.panamax.api.DbException}s carrying SQLite's result code and message.
 */
interface Session extends AutoCloseable {
    /**
     * Compiles the first statement of {@code sql} at or after {@code offset}, like {@code sqlite3_prepare_v2} with
     * its tail; {@code null} when only blanks and comments remain.
     */
    Cursor prepare(String sql, int offset);

    /**
     * {@code sqlite3_error_offset}: where in the text given to the last failed {@link #prepare} the error was
     * found (a character index into that text), or -1 when the error has no position.
     */
    int errorOffset();

    /** {@code sqlite3_complete}: true when {@code sql} ends with a complete statement. */
    boolean complete(String sql);

    /** Rows changed by the last INSERT, UPDATE or DELETE ({@code sqlite3_changes64}). */
    long changes();

    /** Rows changed since the connection opened ({@code sqlite3_total_changes64}). */
    long totalChanges();

    /** True outside an explicit transaction ({@code sqlite3_get_autocommit}). */
    boolean autocommit();

    /** How long to wait for a locked database before failing with BUSY ({@code sqlite3_busy_timeout}). */
    void busyTimeout(long millis);

    /** Stops the statement running on another thread ({@code sqlite3_interrupt}); it fails with INTERRUPT. */
    void interrupt();

    /** The database file name, empty for an in-memory or temporary database. */
    String filename();

    boolean readOnly();

    @Override
    void close();
}
