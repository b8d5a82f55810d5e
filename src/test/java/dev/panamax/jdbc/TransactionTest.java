package dev.panamax.jdbc;

/** The transaction contract on Panamax. */
class TransactionTest extends TransactionContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
