package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement: update counts, several statements in one execute, executeUpdate/executeQuery rules, batches, keys. */
abstract class StatementContract extends EngineContract {

    @Test
    void updateCountsFollowChangesAndDdlCountsZero() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            assertEquals(0, s.executeUpdate("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)"));
            assertEquals(1, s.executeUpdate("INSERT INTO t(b) VALUES ('x')"));
            assertEquals(3, s.executeUpdate("INSERT INTO t(b) VALUES ('y'), ('z'), ('w')"));
            assertEquals(2, s.executeUpdate("UPDATE t SET b = 'q' WHERE a <= 2"));
            assertEquals(0, s.executeUpdate("UPDATE t SET b = 'q' WHERE a > 100"));
            assertEquals(0, s.executeUpdate("CREATE INDEX ti ON t(b)"));
            assertFalse(s.execute("DELETE FROM t WHERE a = 4"));
            assertEquals(1, s.getUpdateCount());
            assertNull(s.getResultSet());
            assertTrue(s.execute("SELECT * FROM t"));
            assertEquals(-1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
        }
    }

    @Test
    void severalStatementsInOneExecuteAreResultsInOrder() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            assertFalse(s.execute("CREATE TABLE a(x); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2), (3);"
                    + " SELECT count(*) FROM a; INSERT INTO a VALUES (4); -- trailing comment"));
            assertEquals(0, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(2, s.getUpdateCount());
            assertTrue(s.getMoreResults());
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
            assertFalse(s.getMoreResults());
            assertEquals(1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertEquals(List.of("4"), query(c, "SELECT count(*) FROM a"));
        }
    }

    @Test
    void aScriptOfUpdatesRunsWholeInExecute() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a(x); CREATE TABLE b(y); INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)");
            assertEquals(List.of("1|2"), query(c, "SELECT x, y FROM a, b"));
        }
    }

    @Test
    void executeUpdateRunsEveryStatementAndRefusesQueries() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            assertEquals(3, s.executeUpdate("CREATE TABLE a(x); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2), (3)"));
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM a"));
            assertTrue(e.getMessage().contains("executeQuery"), e.getMessage());
            assertEquals(List.of("3"), query(c, "SELECT count(*) FROM a"));
        }
    }

    @Test
    void executeQueryRefusesAStatementWithoutRowsBeforeRunningIt() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a(x)");
            assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO a VALUES (1)"));
            assertEquals(List.of("0"), query(c, "SELECT count(*) FROM a"));
        }
    }

    @Test
    void batchCountsAndAFailureStopsTheBatch() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)");
            s.addBatch("INSERT INTO t VALUES (1, 'a')");
            s.addBatch("INSERT INTO t VALUES (2, 'b'), (3, 'c')");
            s.addBatch("UPDATE t SET b = 'z'");
            assertArrayEquals(new int[] {1, 2, 3}, s.executeBatch());
            s.addBatch("INSERT INTO t VALUES (4, 'd')");
            s.addBatch("INSERT INTO t VALUES (1, 'dup')");
            s.addBatch("INSERT INTO t VALUES (5, 'e')");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
            assertTrue(e.getCause() instanceof SQLIntegrityConstraintViolationException, String.valueOf(e.getCause()));
            assertEquals("23505", e.getSQLState());
            assertEquals(List.of("1", "2", "3", "4"), query(c, "SELECT a FROM t ORDER BY a"));
            assertArrayEquals(new int[0], s.executeBatch());
        }
    }

    @Test
    void generatedKeysAreTheRowidsOfInserts() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, b TEXT)");
            s.executeUpdate("INSERT INTO t(b) VALUES ('a')", Statement.RETURN_GENERATED_KEYS);
            assertEquals(List.of(1L), keys(s));
            s.executeUpdate("INSERT INTO t(id, b) VALUES (40, 'b')", new String[] {"id"});
            try (ResultSet k = s.getGeneratedKeys()) {
                assertTrue(k.next());
                assertEquals(40, k.getLong("id"));
                assertFalse(k.next());
            }
            s.addBatch("INSERT INTO t(b) VALUES ('c')");
            s.addBatch("INSERT INTO t(b) VALUES ('d')");
            s.executeBatch();
            assertEquals(List.of(41L, 42L), keys(s));
            s.executeUpdate("UPDATE t SET b = 'x'");
            assertEquals(List.of(), keys(s));
        }
    }

    @Test
    void returningGivesRowsFromAnInsert() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, b TEXT); CREATE TABLE probe(x)");
            assumeSql(c, "INSERT INTO probe VALUES (1) RETURNING x");
            try (ResultSet rs = s.executeQuery("INSERT INTO t(b) VALUES ('a'), ('b') RETURNING id, b")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong("id"));
                assertTrue(rs.next());
                assertEquals("b", rs.getString(2));
                assertFalse(rs.next());
            }
            assertEquals(1, s.executeUpdate("INSERT INTO t(b) VALUES ('c') RETURNING id"));
            assertEquals(List.of("3"), query(c, "SELECT count(*) FROM t"));
        }
    }

    static List<Long> keys(Statement s) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet k = s.getGeneratedKeys()) {
            while (k.next()) {
                out.add(k.getLong(1));
            }
        }
        return out;
    }

    /** A table whose triple cross join runs far longer than the tests wait. */
    static Connection slowQueryDatabase(Connection c) throws SQLException {
        exec(c, "CREATE TABLE t(x)");
        c.setAutoCommit(false);
        try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < 1000; i++) {
                p.setInt(1, i);
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return c;
    }

    static final String SLOW = "SELECT count(*) FROM t a, t b, t c";

    @Test
    void queryTimeoutStopsTheStatement() throws SQLException {
        try (Connection c = slowQueryDatabase(memory()); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertThrows(java.sql.SQLTimeoutException.class, () -> s.executeQuery(SLOW));
            assertEquals(9, e.getErrorCode());
            s.setQueryTimeout(0);
            assertEquals(List.of("1000"), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheStatement() throws Exception {
        try (Connection c = slowQueryDatabase(memory()); Statement s = c.createStatement()) {
            java.util.concurrent.ScheduledExecutorService canceller =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            try {
                canceller.scheduleAtFixedRate(() -> {
                    try {
                        s.cancel();
                    } catch (SQLException ignored) {
                        // the statement closed: the test is over
                    }
                }, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(SLOW));
                assertEquals("57014", e.getSQLState());
                assertEquals(9, e.getErrorCode());
            } finally {
                canceller.shutdownNow();
            }
            assertEquals(List.of("1000"), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void maxRowsCutsTheResult() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a); INSERT INTO t VALUES (1), (2), (3), (4)");
            s.setMaxRows(2);
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT a FROM t")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(2, n);
            assertEquals(2, s.getMaxRows());
        }
    }

    @Test
    void aNewExecuteClosesThePreviousResultSet() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery("SELECT 1");
            ResultSet second = s.executeQuery("SELECT 2");
            assertTrue(first.isClosed());
            assertTrue(second.next());
            assertEquals(2, second.getInt(1));
        }
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResultSet() throws SQLException {
        try (Connection c = memory()) {
            Statement s = c.createStatement();
            s.closeOnCompletion();
            ResultSet rs = s.executeQuery("SELECT 1");
            assertFalse(s.isClosed());
            rs.close();
            assertTrue(s.isClosed());
        }
    }

    @Test
    void statementsCloseWithTheirConnection() throws SQLException {
        Connection c = memory();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1");
        c.close();
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
    }
}
