package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * API misuse and SQL errors: each gives a clear SQLException with SQLite's message, the extended result code as
 * vendor code and the SQLState of its class, and none of them damages the database (checked afterwards with
 * SQLite's own integrity check on the file).
 */
abstract class MisuseContract extends EngineContract {
    @TempDir
    Path dir;

    static SQLException fails(Executable call) {
        return assertThrows(SQLException.class, call);
    }

    @Test
    void useAfterCloseIsAClearErrorAndTheDataSurvives() throws SQLException {
        Path db = dir.resolve("m.db");
        Connection c = EngineFixture.file(db);
        exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t(v) VALUES ('a'), ('b'), ('c')");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY id");
        assertTrue(rs.next());
        PreparedStatement p = c.prepareStatement("INSERT INTO t(v) VALUES (?)");
        rs.close();
        assertEquals("HY010", fails(rs::next).getSQLState());
        assertEquals("HY010", fails(() -> rs.getString(1)).getSQLState());
        s.close();
        assertEquals("HY010", fails(() -> s.executeQuery("SELECT 1")).getSQLState());
        c.close();
        SQLException e = fails(() -> p.setString(1, "x"));
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08003", e.getSQLState());
        assertEquals("08003", fails(p::executeUpdate).getSQLState());
        assertEquals("08003", fails(c::createStatement).getSQLState());
        assertEquals("08003", fails(() -> c.setAutoCommit(false)).getSQLState());
        c.close();
        assertIntact(db, 3);
    }

    @Test
    void closingMidIterationLeavesTheDatabaseWhole() throws SQLException {
        Path db = dir.resolve("mid.db");
        try (Connection c = EngineFixture.file(db)) {
            exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    p.setString(1, "row " + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT v FROM t");
            for (int i = 0; i < 50; i++) {
                assertTrue(rs.next());
            }
            rs.close();
            ResultSet again = s.executeQuery("SELECT count(*) FROM t");
            assertTrue(again.next());
            assertEquals(200, again.getInt(1));
            ResultSet abandoned = c.createStatement().executeQuery("SELECT v FROM t");
            assertTrue(abandoned.next());
            exec(c, "UPDATE t SET v = 'x' WHERE id = 1");
        }
        assertIntact(db, 200);
    }

    @Test
    void stepAfterTheEndAndBadIndexes() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1");
            assertTrue(rs.next());
            assertFalse(rs.next());
            assertFalse(rs.next());
            assertEquals("HY010", fails(() -> rs.getInt(1)).getSQLState());
            ResultSet rs2 = s.executeQuery("SELECT 1");
            assertTrue(rs2.next());
            SQLException bad = fails(() -> rs2.getInt(2));
            assertEquals("07009", bad.getSQLState());
            assertEquals(25, bad.getErrorCode());
        }
    }

    @Test
    void constraintErrorsAreIntegrityViolationsWithExtendedCodes() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL, k INT CHECK (k > 0))");
            exec(c, "INSERT INTO t VALUES (1, 'a', 'x', 1)");
            SQLException pk = fails(() -> exec(c, "INSERT INTO t VALUES (1, 'b', 'x', 1)"));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, pk);
            assertEquals("UNIQUE constraint failed: t.id", pk.getMessage());
            assertEquals(1555, pk.getErrorCode());
            assertEquals("23505", pk.getSQLState());
            SQLException unique = fails(() -> exec(c, "INSERT INTO t VALUES (2, 'a', 'x', 1)"));
            assertEquals("UNIQUE constraint failed: t.u", unique.getMessage());
            assertEquals(2067, unique.getErrorCode());
            SQLException notNull = fails(() -> exec(c, "INSERT INTO t VALUES (3, 'c', NULL, 1)"));
            assertEquals("NOT NULL constraint failed: t.n", notNull.getMessage());
            assertEquals(1299, notNull.getErrorCode());
            assertEquals("23502", notNull.getSQLState());
            SQLException check = fails(() -> exec(c, "INSERT INTO t VALUES (4, 'd', 'x', 0)"));
            assertEquals(275, check.getErrorCode());
            assertEquals("23514", check.getSQLState());
            assertEquals(List.of("1"), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void compileErrorsAreSyntaxErrorsWithSqlitesMessage() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            SQLException syntax = fails(() -> s.execute("SELEC 1"));
            assertInstanceOf(SQLSyntaxErrorException.class, syntax);
            assertEquals("near \"SELEC\": syntax error", syntax.getMessage());
            assertEquals(1, syntax.getErrorCode());
            assertEquals("42000", syntax.getSQLState());
            SQLException table = fails(() -> s.executeQuery("SELECT * FROM nope"));
            assertEquals("no such table: nope", table.getMessage());
            assertEquals("42S02", table.getSQLState());
            exec(c, "CREATE TABLE t(a)");
            SQLException column = fails(() -> s.executeQuery("SELECT b FROM t"));
            assertEquals("no such column: b", column.getMessage());
            assertEquals("42S22", column.getSQLState());
            SQLException exists = fails(() -> s.execute("CREATE TABLE t(a)"));
            assertEquals("table t already exists", exists.getMessage());
            assertEquals("42S01", exists.getSQLState());
            assertTrue(s.execute("SELECT 1"), "the statement is usable after errors");
        }
    }

    /** SQLite itself (through sqlite-jdbc) finds the file well formed and holding the expected rows. */
    static void assertIntact(Path db, int rows) throws SQLException {
        assertIntactTable(db, "t", rows);
    }

    static void assertIntactTable(Path db, String table, int rows) throws SQLException {
        try (Connection ref = EngineFixture.reference(db)) {
            assertEquals(List.of("ok"), query(ref, "PRAGMA integrity_check"));
            assertEquals(List.of(String.valueOf(rows)), query(ref, "SELECT count(*) FROM " + table));
        }
    }
}
