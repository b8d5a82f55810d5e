package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HikariCP pool over {@link PanamaxDataSource}: 8 threads borrow connections and mix reads, single-statement
 * writes and read-modify-write transactions on one database file. Nothing deadlocks, every committed write is
 * there at the end, and SQLite finds the file intact.
 */
class HikariPoolTest {
    static final int THREADS = 8;
    static final int OPERATIONS = 40;

    @BeforeAll
    static void engine() {
        EngineFixture.install(new ApiEngine());
    }

    @AfterAll
    static void restore() {
        EngineFixture.restore();
    }

    @Test
    void eightThreadsReadAndWriteThroughThePool(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("pool.db");
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSourceClassName(PanamaxDataSource.class.getName());
        cfg.addDataSourceProperty("url", "jdbc:panamax:" + db);
        cfg.addDataSourceProperty("busyTimeoutMillis", 10_000L);
        cfg.setMaximumPoolSize(THREADS);
        cfg.setMinimumIdle(2);
        cfg.setConnectionTimeout(30_000);
        cfg.setPoolName("panamax-test");
        AtomicInteger inserted = new AtomicInteger();
        AtomicInteger increments = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, thread INT, n INT, note TEXT);"
                        + " CREATE TABLE counter(k INTEGER PRIMARY KEY, v INT); INSERT INTO counter VALUES (1, 0)");
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> work(ds, thread, inserted, increments, busy)));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "the pool's threads finished (no deadlock)");
            int reads = 0;
            for (Future<Integer> f : done) {
                reads += f.get();
            }
            assertTrue(reads > 0);
            assertTrue(inserted.get() > 0 && increments.get() > 0, "writes happened");
            assertEquals(0, busy.get(), "with a 10 s busy timeout no operation gives up");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertEquals(inserted.get(), count(s, "SELECT count(*) FROM events"));
                assertEquals(increments.get(), count(s, "SELECT v FROM counter"));
                assertEquals(inserted.get(), count(s, "SELECT count(DISTINCT thread || '/' || n) FROM events"));
            }
            assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= THREADS);
        }
        MisuseContract.assertIntactTable(db, "events", inserted.get());
    }

    /** One thread's share: a seeded mix of reads, inserts and counter increments; returns the reads it made. */
    static int work(HikariDataSource ds, int thread, AtomicInteger inserted, AtomicInteger increments,
            AtomicInteger busy) throws SQLException {
        java.util.Random seeded = new java.util.Random(1000 + thread);
        int reads = 0;
        for (int n = 0; n < OPERATIONS; n++) {
            int kind = seeded.nextInt(3);
            try (Connection c = ds.getConnection()) {
                if (kind == 0) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(n), 0) FROM events")) {
                        rs.next();
                        assertTrue(rs.getLong(1) >= 0);
                        reads++;
                    }
                } else if (kind == 1) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO events(thread, n, note) VALUES (?, ?, ?)")) {
                        p.setInt(1, thread);
                        p.setInt(2, n);
                        p.setString(3, "t" + thread + " op " + n);
                        p.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } else {
                    increment(c);
                    increments.incrementAndGet();
                }
            } catch (SQLTransientException e) {
                busy.incrementAndGet();
            }
        }
        return reads;
    }

    /** Read-modify-write in one transaction: the counter must never lose an increment. */
    static void increment(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE counter SET v = v WHERE k = 1");
            long v;
            try (ResultSet rs = s.executeQuery("SELECT v FROM counter WHERE k = 1")) {
                rs.next();
                v = rs.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE counter SET v = ? WHERE k = 1")) {
                p.setLong(1, v + 1);
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
