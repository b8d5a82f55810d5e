package dev.panamax.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The engine the driver's tests run on, chosen once per test class. Until the Panamax api serves SQL, the reference
 * engine (real SQLite through sqlite-jdbc) stands in; the same tests then run on Panamax.
 */
final class EngineFixture {
    private EngineFixture() {
    }

    static void install() {
        PanamaxDriver.useEngine(new SqliteEngine());
    }

    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:panamax::memory:");
    }

    static Connection file(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:panamax:" + path);
    }

    static Connection file(Path path, Properties props) throws SQLException {
        return DriverManager.getConnection("jdbc:panamax:" + path, props);
    }

    /** A connection of the reference driver itself, for comparing answers. */
    static Connection reference(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path);
    }
}
