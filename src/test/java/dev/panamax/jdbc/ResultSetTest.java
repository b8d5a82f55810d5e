package dev.panamax.jdbc;

/** The ResultSet contract on Panamax. */
class ResultSetTest extends ResultSetContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
