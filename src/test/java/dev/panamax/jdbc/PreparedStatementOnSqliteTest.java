package dev.panamax.jdbc;

/** The PreparedStatement contract on the SQLite reference engine. */
class PreparedStatementOnSqliteTest extends PreparedStatementContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
