package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;

/**
 * Thrown by Transaction when the program was compiled against a schema that is no longer current; the statement
 * prepares itself again and retries, as sqlite3_prepare_v2 statements do on SQLITE_SCHEMA.
 */
public final class SchemaChangedException extends DbException {
    private static final long serialVersionUID = 1L;

    public SchemaChangedException() {
        super(ResultCode.SCHEMA, "database schema has changed");
    }
}
