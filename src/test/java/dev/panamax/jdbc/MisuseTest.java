package dev.panamax.jdbc;

/** The misuse and error contract on Panamax. */
class MisuseTest extends MisuseContract {
    @Override
    Engine engine() {
        return new ApiEngine();
    }
}
