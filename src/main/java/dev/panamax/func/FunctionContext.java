package dev.panamax.func;

import dev.panamax.value.Collation;
import dev.panamax.value.Collations;

/**
 * What a function may ask of the statement that calls it (SQLite's sqlite3_context). The VM implements this once
 * per call site; a function never keeps it beyond the call. Connection state comes through here, never through
 * globals, so one seed replays a whole run (randomness) and every connection sees its own counters.
 *
 * <p>Errors are not reported through the context: a function throws {@link dev.panamax.api.DbException} with
 * SQLite's code and text (ERROR "integer overflow", TOOBIG "string or blob too big", ...), and the VM aborts the
 * statement with it.
 */
public interface FunctionContext {
    /** sqlite3_last_insert_rowid of the connection. */
    long lastInsertRowid();

    /** sqlite3_changes64: rows changed by the most recent INSERT, UPDATE or DELETE. */
    long changes();

    /** sqlite3_total_changes64: rows changed since the connection opened. */
    long totalChanges();

    /** Eight bytes from the connection's pseudo-random generator (sqlite3_randomness). */
    long randomLong();

    /** Fills dst[off..off+n) from the connection's pseudo-random generator. */
    void randomBytes(byte[] dst, int off, int n);

    /**
     * The statement's current time in milliseconds since 1970 (sqlite3StmtCurrentTime): read once per statement
     * and the same for every row, as the date and time functions require.
     */
    long currentTimeMillis();

    /**
     * The collating sequence chosen for this call (OP_CollSeq) for functions flagged
     * {@link FunctionDef#NEEDS_COLLATION}: min(), max(), nullif(). BINARY unless the arguments say otherwise.
     */
    default Collation collation() {
        return Collations.BINARY;
    }

    /** SQLITE_LIMIT_LENGTH: the largest string or blob in bytes. */
    default int maxLength() {
        return 1_000_000_000;
    }

    /** SQLITE_LIMIT_LIKE_PATTERN_LENGTH: the longest LIKE or GLOB pattern in bytes. */
    default int maxLikePatternLength() {
        return 50_000;
    }

    /**
     * Called by an aggregate step that did not change the aggregate's result (min() and max() when the row is not
     * a new extreme), so that bare columns in the same SELECT keep the values of the row that set it. The VM clears
     * the flag before each step.
     */
    default void skipAccumulatorLoad() {
    }

    /**
     * sqlite3_get_auxdata: what this call site stored for argument arg on an earlier row (for example a compiled
     * pattern), or null. The VM drops it when the argument is not a constant.
     */
    default Object auxData(int arg) {
        return null;
    }

    /** sqlite3_set_auxdata: keeps data for argument arg until the statement ends or the argument changes. */
    default void setAuxData(int arg, Object data) {
    }
}
