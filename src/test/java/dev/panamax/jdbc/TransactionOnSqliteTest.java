package dev.panamax.jdbc;

/** The transaction contract on the SQLite reference engine. */
class TransactionOnSqliteTest extends TransactionContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
