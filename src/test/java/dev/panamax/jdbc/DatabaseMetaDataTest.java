package dev.panamax.jdbc;

/** The DatabaseMetaData contract on Panamax. */
class DatabaseMetaDataTest extends DatabaseMetaDataContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
