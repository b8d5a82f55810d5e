package dev.panamax.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The engine under the driver in a test class: Panamax's api, or the SQLite reference engine that shows what the
 * driver does over real SQLite. A class installs one before it opens connections and restores Panamax after.
 */
final class EngineFixture {
    private EngineFixture() {
    }

    static void install(Engine engine) {
        PanamaxDriver.useEngine(engine);
    }

    static void restore() {
        PanamaxDriver.useEngine(new ApiEngine());
    }

    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:panamax::memory:");
    }

    static Connection file(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:panamax:" + path);
    }

    /** A connection of the reference driver itself, for comparing answers. */
    static Connection reference(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path);
    }
}
