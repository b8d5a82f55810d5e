package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection: auto-commit, commit, rollback, savepoints, isolation, read-only, busy between connections. */
abstract class TransactionContract extends EngineContract {
    @TempDir
    Path dir;

    Connection open(String name) throws SQLException {
        return EngineFixture.file(dir.resolve(name));
    }

    Connection open(String name, String key, String value) throws SQLException {
        Properties p = new Properties();
        p.setProperty(key, value);
        return DriverManager.getConnection("jdbc:panamax:" + dir.resolve(name), p);
    }

    @Test
    void commitAndRollbackWithAutoCommitOff() throws SQLException {
        try (Connection a = open("t.db"); Connection b = open("t.db")) {
            exec(a, "CREATE TABLE t(x)");
            a.setAutoCommit(false);
            exec(a, "INSERT INTO t VALUES (1)");
            a.rollback();
            exec(a, "INSERT INTO t VALUES (2)");
            a.commit();
            assertEquals(List.of("2"), query(b, "SELECT x FROM t"));
            exec(a, "INSERT INTO t VALUES (3)");
            a.setAutoCommit(true);
            assertEquals(List.of("2", "3"), query(b, "SELECT x FROM t ORDER BY x"));
            assertThrows(SQLException.class, a::commit, "commit with auto-commit on");
        }
    }

    @Test
    void closingWithAnOpenTransactionRollsItBack() throws SQLException {
        try (Connection b = open("c.db")) {
            exec(b, "CREATE TABLE t(x)");
            Connection a = open("c.db");
            a.setAutoCommit(false);
            exec(a, "INSERT INTO t VALUES (1)");
            a.close();
            assertEquals(List.of("0"), query(b, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void savepointsRollBackPartOfATransaction() throws SQLException {
        try (Connection c = open("s.db")) {
            exec(c, "CREATE TABLE t(x)");
            c.setAutoCommit(false);
            assertThrows(SQLException.class, () -> c.releaseSavepoint(null));
            exec(c, "INSERT INTO t VALUES (1)");
            Savepoint one = c.setSavepoint();
            exec(c, "INSERT INTO t VALUES (2)");
            Savepoint named = c.setSavepoint("second \"quoted\"");
            assertEquals("second \"quoted\"", named.getSavepointName());
            assertThrows(SQLException.class, named::getSavepointId);
            exec(c, "INSERT INTO t VALUES (3)");
            c.rollback(named);
            assertEquals(List.of("1", "2"), query(c, "SELECT x FROM t ORDER BY x"));
            c.rollback(one);
            assertEquals(List.of("1"), query(c, "SELECT x FROM t ORDER BY x"));
            Savepoint three = c.setSavepoint();
            exec(c, "INSERT INTO t VALUES (4)");
            c.releaseSavepoint(three);
            c.commit();
            assertEquals(List.of("1", "4"), query(c, "SELECT x FROM t ORDER BY x"));
            c.setAutoCommit(true);
            assertThrows(SQLException.class, c::setSavepoint, "savepoints need auto-commit off");
        }
    }

    @Test
    void userWrittenTransactionStatementsWork() throws SQLException {
        try (Connection c = open("u.db")) {
            exec(c, "CREATE TABLE t(x)");
            exec(c, "BEGIN; INSERT INTO t VALUES (1); ROLLBACK");
            exec(c, "BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT");
            assertEquals(List.of("2"), query(c, "SELECT x FROM t"));
            c.setAutoCommit(false);
            exec(c, "SAVEPOINT s; INSERT INTO t VALUES (3); ROLLBACK TO s; RELEASE s");
            c.commit();
            assertEquals(List.of("2"), query(c, "SELECT x FROM t"));
        }
    }

    @Test
    void isolationIsSerializable() throws SQLException {
        try (Connection c = memory()) {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
        }
    }

    @Test
    void aReadOnlyOpenRefusesWrites() throws SQLException {
        try (Connection w = open("ro.db")) {
            exec(w, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
        }
        try (Connection r = open("ro.db", "mode", "ro")) {
            assertTrue(r.isReadOnly());
            assertEquals(List.of("1"), query(r, "SELECT x FROM t"));
            SQLException e = assertThrows(SQLException.class, () -> exec(r, "INSERT INTO t VALUES (2)"));
            assertEquals(8, e.getErrorCode() & 0xff, e.getMessage());
            assertEquals("25006", e.getSQLState());
        }
    }

    @Test
    void aMissingFileWithModeRwIsAConnectionError() {
        SQLException e = assertThrows(SQLException.class, () -> open("missing.db", "mode", "rw"));
        assertEquals("08001", e.getSQLState());
        assertEquals(14, e.getErrorCode() & 0xff);
    }

    @Test
    void aWriterBlockedByAnotherWriterGetsBusyAfterTheTimeout() throws SQLException {
        try (Connection a = open("b.db", "busy_timeout", "50"); Connection b = open("b.db", "busy_timeout", "50")) {
            exec(a, "CREATE TABLE t(x)");
            a.setAutoCommit(false);
            exec(a, "INSERT INTO t VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> exec(b, "INSERT INTO t VALUES (2)"));
            assertTrue(e instanceof SQLTransientException, e.toString());
            assertEquals("40001", e.getSQLState());
            assertEquals(5, e.getErrorCode() & 0xff);
            a.commit();
            exec(b, "INSERT INTO t VALUES (2)");
            assertEquals(List.of("1", "2"), query(a, "SELECT x FROM t ORDER BY x"));
        }
    }

    @Test
    void aResultSetReadToTheEndHoldsNoLock() throws SQLException {
        try (Connection a = open("l.db", "busy_timeout", "50"); Connection b = open("l.db", "busy_timeout", "50")) {
            exec(a, "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)");
            Statement s = a.createStatement();
            ResultSet rs = s.executeQuery("SELECT x FROM t");
            while (rs.next()) {
                rs.getInt(1);
            }
            exec(b, "INSERT INTO t VALUES (3)");
            ResultSet half = s.executeQuery("SELECT x FROM t");
            assertTrue(half.next());
            half.close();
            exec(b, "INSERT INTO t VALUES (4)");
            assertEquals(List.of("4"), query(a, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void oneConnectionSharedByThreadsStaysConsistent() throws Exception {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(thread INT, n INT)");
            int threads = 4;
            int perThread = 50;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
                            java.sql.PreparedStatement mine = c.prepareStatement(
                                    "SELECT count(*) FROM t WHERE thread = ?")) {
                        for (int n = 0; n < perThread; n++) {
                            ins.setInt(1, thread);
                            ins.setInt(2, n);
                            ins.executeUpdate();
                            mine.setInt(1, thread);
                            try (ResultSet rs = mine.executeQuery()) {
                                assertTrue(rs.next());
                                assertEquals(n + 1, rs.getInt(1));
                            }
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS));
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            assertEquals(List.of(String.valueOf(threads * perThread)), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void setReadOnlyRefusesWritesUntilCleared() throws SQLException {
        try (Connection c = open("ro2.db")) {
            exec(c, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> exec(c, "INSERT INTO t VALUES (2)"));
            assertEquals("25006", e.getSQLState());
            assertEquals(8, e.getErrorCode());
            assertThrows(SQLException.class, () -> exec(c, "CREATE TABLE u(y)"));
            try (java.sql.PreparedStatement p = c.prepareStatement("UPDATE t SET x = 5")) {
                assertThrows(SQLException.class, p::executeUpdate);
            }
            assertEquals(List.of("1"), query(c, "SELECT x FROM t"));
            c.setReadOnly(false);
            exec(c, "INSERT INTO t VALUES (2)");
            assertEquals(List.of("2"), query(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void setReadOnlyIsRefusedInsideATransaction() throws SQLException {
        try (Connection c = open("r.db")) {
            exec(c, "CREATE TABLE t(x)");
            c.setAutoCommit(false);
            exec(c, "INSERT INTO t VALUES (1)");
            assertThrows(SQLException.class, () -> c.setReadOnly(true));
            c.rollback();
            assertFalse(c.isReadOnly());
        }
    }
}
