package dev.panamax.vdbe;

import dev.panamax.api.DbException;

/**
 * A CORRUPT error met while Column decoded a row's record. SQLite lets a program recover from exactly this one (the
 * address in its Init's P3, used by PRAGMA integrity_check); every other CORRUPT ends the statement.
 */
final class RecordCorruptException extends DbException {
    private static final long serialVersionUID = 1L;

    RecordCorruptException(DbException cause) {
        super(cause.code(), cause.getMessage(), cause);
    }
}
