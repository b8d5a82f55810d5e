package dev.panamax.jdbc;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Turns Panamax's errors into {@link SQLException}s: the message is SQLite's text, the vendor code is the (extended)
 * SQLite result code, and the class and SQLState follow the kind of failure.
 *
 * <pre>
 *   CONSTRAINT_*            SQLIntegrityConstraintViolationException  23502 not null, 23503 foreign key,
 *                                                                      23505 unique/primary key, 23514 check,
 *                                                                      23000 others
 *   BUSY, LOCKED            SQLTransientException                      40001 (retrying may succeed)
 *   BUSY_SNAPSHOT           SQLTransactionRollbackException            40001 (the transaction must restart)
 *   ERROR while preparing   SQLSyntaxErrorException                    42S02 no such table, 42S22 no such column,
 *                                                                      42S01 already exists, 42000 others
 *   ERROR while running     SQLException                               HY000
 *   MISMATCH, TOOBIG        SQLDataException                           22000, 22001
 *   RANGE                   SQLNonTransientException                   07009 (bad parameter or column index)
 *   READONLY                SQLNonTransientException                   25006
 *   INTERRUPT               SQLException                               57014 (the statement was cancelled)
 *   CANTOPEN, NOTADB        SQLNonTransientConnectionException         08001 (when opening)
 *   MISUSE                  SQLNonTransientException                   HY010
 *   CORRUPT, IOERR, FULL... SQLNonTransientException                   XX001, 58030, 53100, ...
 * </pre>
 */
final class SqlErrors {
    private SqlErrors() {
    }

    /** The exception for an error raised while preparing a statement (its text did not compile). */
    static SQLException prepareFailed(DbException e) {
        if (e.primaryCode() == ResultCode.ERROR) {
            return new SQLSyntaxErrorException(e.getMessage(), syntaxState(e.getMessage()), e.code().code(), e);
        }
        return of(e);
    }

    /** The exception for an error raised while opening a database. */
    static SQLException openFailed(DbException e) {
        return switch (e.primaryCode()) {
            case CANTOPEN, NOTADB, PERM, CORRUPT ->
                new SQLNonTransientConnectionException(e.getMessage(), "08001", e.code().code(), e);
            default -> of(e);
        };
    }

    /** The exception for an error raised while running a statement (or any other call). */
    static SQLException of(DbException e) {
        String msg = e.getMessage();
        int vendor = e.code().code();
        ResultCode code = e.code();
        return switch (e.primaryCode()) {
            case CONSTRAINT -> new SQLIntegrityConstraintViolationException(msg, constraintState(code), vendor, e);
            case BUSY -> code == ResultCode.BUSY_SNAPSHOT
                    ? new SQLTransactionRollbackException(msg, "40001", vendor, e)
                    : new SQLTransientException(msg, "40001", vendor, e);
            case LOCKED -> new SQLTransientException(msg, "40001", vendor, e);
            case MISMATCH -> new SQLDataException(msg, "22000", vendor, e);
            case TOOBIG -> new SQLDataException(msg, "22001", vendor, e);
            case RANGE -> new SQLNonTransientException(msg, "07009", vendor, e);
            case READONLY -> new SQLNonTransientException(msg, "25006", vendor, e);
            case INTERRUPT -> new SQLException(msg, "57014", vendor, e);
            case ABORT -> code == ResultCode.ABORT_ROLLBACK
                    ? new SQLTransactionRollbackException(msg, "40000", vendor, e)
                    : new SQLException(msg, "HY008", vendor, e);
            case MISUSE -> new SQLNonTransientException(msg, "HY010", vendor, e);
            case CANTOPEN, NOTADB -> new SQLNonTransientConnectionException(msg, "08001", vendor, e);
            case CORRUPT -> new SQLNonTransientException(msg, "XX001", vendor, e);
            case IOERR -> new SQLNonTransientException(msg, "58030", vendor, e);
            case FULL -> new SQLNonTransientException(msg, "53100", vendor, e);
            case NOMEM -> new SQLNonTransientException(msg, "53200", vendor, e);
            case AUTH -> new SQLSyntaxErrorException(msg, "42501", vendor, e);
            case INTERNAL -> new SQLException(msg, "XX000", vendor, e);
            default -> new SQLException(msg, "HY000", vendor, e);
        };
    }

    private static String constraintState(ResultCode code) {
        return switch (code) {
            case CONSTRAINT_NOTNULL -> "23502";
            case CONSTRAINT_FOREIGNKEY -> "23503";
            case CONSTRAINT_UNIQUE, CONSTRAINT_PRIMARYKEY, CONSTRAINT_ROWID -> "23505";
            case CONSTRAINT_CHECK -> "23514";
            default -> "23000";
        };
    }

    private static String syntaxState(String msg) {
        if (msg == null) {
            return "42000";
        } else if (msg.startsWith("no such table") || msg.startsWith("no such view")) {
            return "42S02";
        } else if (msg.startsWith("no such column")) {
            return "42S22";
        } else if (msg.contains(" already exists")) {
            return "42S01";
        }
        return "42000";
    }

    /** A call on a closed connection (or on a statement or result set of one). */
    static SQLException connectionClosed() {
        return new SQLNonTransientConnectionException("connection is closed", "08003",
                ResultCode.MISUSE.code());
    }

    /** A call on a closed statement or result set of an open connection. */
    static SQLException closed(String what) {
        return new SQLNonTransientException(what + " is closed", "HY010", ResultCode.MISUSE.code());
    }

    static SQLException badIndex(String what, int index, int count) {
        return new SQLNonTransientException(what + " index " + index + " out of range (1.." + count + ")", "07009",
                ResultCode.RANGE.code());
    }

    static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by Panamax", "0A000");
    }

    static SQLException misuse(String message) {
        return new SQLNonTransientException(message, "HY010", ResultCode.MISUSE.code());
    }

    static SQLDataException conversion(String message) {
        return new SQLDataException(message, "22018", ResultCode.MISMATCH.code());
    }
}
