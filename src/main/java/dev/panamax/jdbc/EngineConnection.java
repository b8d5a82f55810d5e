package dev.panamax.jdbc;

/**
 * The calls the driver makes on one engine connection: SQLite's {@code sqlite3} handle as far as JDBC needs it.
 * Every method may throw {@link dev.panamax.api.DbException}; the driver turns it into an {@code SQLException}.
 * The driver calls one connection from one thread at a time (it holds the JDBC connection's lock), except
 * {@link #interrupt()}, which any thread may call.
 */
interface EngineConnection {
    /**
     * Compiles the first statement of {@code sql} (sqlite3_prepare_v2). Returns null when {@code sql} holds no
     * statement (only spaces, comments or semicolons).
     */
    EngineStatement prepare(String sql);

    /** True while a transaction is open (the negation of sqlite3_get_autocommit). */
    boolean inTransaction();

    /** Rows changed by the last INSERT, UPDATE or DELETE that finished (sqlite3_changes64). */
    long changes();

    /** Rows changed since the connection opened (sqlite3_total_changes64). */
    long totalChanges();

    /** The rowid of the last successful INSERT (sqlite3_last_insert_rowid). */
    long lastInsertRowid();

    /** How long a statement waits for another connection's lock before failing with BUSY. */
    void setBusyTimeout(long millis);

    /** Makes the running statement (if any) stop with INTERRUPT (sqlite3_interrupt); callable from any thread. */
    void interrupt();

    /** Whether the database was opened read-only. */
    boolean isReadOnly();

    /** Rolls back an open transaction and releases the connection. */
    void close();
}
