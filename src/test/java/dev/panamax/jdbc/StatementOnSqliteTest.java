package dev.panamax.jdbc;

/** The Statement contract on the SQLite reference engine. */
class StatementOnSqliteTest extends StatementContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
