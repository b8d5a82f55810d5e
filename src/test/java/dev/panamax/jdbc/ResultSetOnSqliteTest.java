package dev.panamax.jdbc;

/** The ResultSet contract on the SQLite reference engine. */
class ResultSetOnSqliteTest extends ResultSetContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
