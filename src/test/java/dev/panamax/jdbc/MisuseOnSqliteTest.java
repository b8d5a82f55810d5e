package dev.panamax.jdbc;

/** The misuse and error contract on the SQLite reference engine. */
class MisuseOnSqliteTest extends MisuseContract {
    @Override
    Engine engine() {
        return new SqliteEngine();
    }
}
