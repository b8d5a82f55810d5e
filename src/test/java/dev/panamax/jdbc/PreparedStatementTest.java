package dev.panamax.jdbc;

/** The PreparedStatement contract on Panamax. */
class PreparedStatementTest extends PreparedStatementContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
