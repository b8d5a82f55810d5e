package dev.panamax.jdbc;

/** The DatabaseMetaData contract on the SQLite reference engine: the driver's own logic against real SQLite. */
class DatabaseMetaDataOnSqliteTest extends DatabaseMetaDataContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
