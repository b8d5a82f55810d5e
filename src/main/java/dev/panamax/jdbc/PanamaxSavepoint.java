package dev.panamax.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A JDBC savepoint: an SQL {@code SAVEPOINT}, named by the user or numbered by the connection. */
record PanamaxSavepoint(int id, String name) implements Savepoint {
    /** The identifier used in SAVEPOINT/ROLLBACK TO/RELEASE. */
    String sqlName() {
        return name != null ? "\"" + name.replace("\"", "\"\"") + "\"" : "jdbc_savepoint_" + id;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlErrors.misuse("a named savepoint has no id");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlErrors.misuse("an unnamed savepoint has no name");
        }
        return name;
    }
}
