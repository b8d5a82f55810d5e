package dev.panamax.jdbc;

/** The Statement contract on Panamax. */
class StatementTest extends StatementContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
