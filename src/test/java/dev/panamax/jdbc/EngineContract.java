package dev.panamax.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A JDBC behaviour contract the driver keeps on every engine: each contract has a subclass for Panamax and one for
 * the SQLite reference engine, so a behaviour that holds on real SQLite and fails on Panamax points at the engine,
 * and one that fails on both points at the driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {
    abstract Engine engine();

    @BeforeAll
    void installEngine() {
        EngineFixture.install(engine());
    }

    @AfterAll
    void restoreEngine() {
        EngineFixture.restore();
    }

    /** A new private in-memory database. */
    Connection memory() throws SQLException {
        return EngineFixture.memory();
    }

    /** The rows of a query as "a|b|c" lines. */
    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Skips the rest of a test when the engine cannot compile {@code sql} yet (a function or PRAGMA it lacks). */
    static void assumeSql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLSyntaxErrorException e) {
            org.junit.jupiter.api.Assumptions.abort("the engine cannot run " + sql + " yet: " + e.getMessage());
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
