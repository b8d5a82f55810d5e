package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL forms, properties, the service registration, and the DataSource, on Panamax. */
class DriverAndUrlTest {
    @BeforeAll
    static void engine() {
        EngineFixture.install(new ApiEngine());
    }

    @AfterAll
    static void restore() {
        EngineFixture.restore();
    }

    @Test
    void theDriverIsFoundThroughTheServiceFile() throws SQLException {
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == PanamaxDriver.class));
        Driver d = DriverManager.getDriver("jdbc:panamax::memory:");
        assertInstanceOf(PanamaxDriver.class, d);
        assertTrue(d.acceptsURL("JDBC:PANAMAX:x.db"));
        assertFalse(d.acceptsURL("jdbc:sqlite:x.db"));
        assertNull(d.connect("jdbc:sqlite:x.db", new Properties()), "another driver's URL is not ours");
        DriverPropertyInfo[] info = d.getPropertyInfo("jdbc:panamax:x.db", null);
        assertTrue(List.of(info).stream().anyMatch(i -> i.name.equals("busy_timeout")));
    }

    @Test
    void urlForms() throws SQLException {
        assertTrue(JdbcUrl.parse("jdbc:panamax:").isMemory());
        assertTrue(JdbcUrl.parse("jdbc:panamax::memory:").isMemory());
        assertTrue(JdbcUrl.parse("jdbc:panamax:file::memory:?cache=shared").isMemory());
        JdbcUrl plain = JdbcUrl.parse("jdbc:panamax:/tmp/a b.db?foreign_keys=on&busy_timeout=5");
        assertEquals("/tmp/a b.db", plain.path());
        assertEquals("on", plain.properties().getProperty("foreign_keys"));
        JdbcUrl uri = JdbcUrl.parse("jdbc:panamax:file:///tmp/x%20y.db?mode=ro#frag");
        assertEquals("/tmp/x y.db", uri.path());
        assertEquals("ro", uri.properties().getProperty("mode"));
        assertEquals("/tmp/l.db", JdbcUrl.parse("jdbc:panamax:file://localhost/tmp/l.db").path());
        assertEquals("rel.db", JdbcUrl.parse("jdbc:panamax:file:rel.db").path());
        JdbcUrl shared = JdbcUrl.parse("jdbc:panamax:file:shared1?mode=memory&cache=shared");
        assertEquals("shared1", shared.sharedMemoryName());
        assertNull(JdbcUrl.parse("jdbc:panamax:file:p1?mode=memory").sharedMemoryName());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> JdbcUrl.parse("jdbc:panamax:file://elsewhere/x.db")).getSQLState());
        assertThrows(SQLException.class, () -> JdbcUrl.parse("jdbc:other:x"));
    }

    @Test
    void propertiesAndTheUrlCombine() throws SQLException {
        Properties given = new Properties();
        given.setProperty("busy_timeout", "100");
        given.setProperty("date_class", "text");
        ConnectionConfig cfg = ConnectionConfig.of(JdbcUrl.parse("jdbc:panamax:x.db?busy_timeout=250&foreign_keys=1"),
                given);
        assertEquals(250, cfg.busyTimeoutMillis(), "the URL wins");
        assertEquals(DateConfig.Storage.TEXT, cfg.dates().storage());
        assertEquals("1", cfg.pragmas().get("foreign_keys"));
        assertFalse(cfg.readOnly());
        ConnectionConfig ro = ConnectionConfig.of(JdbcUrl.parse("jdbc:panamax:x.db?mode=ro"), null);
        assertTrue(ro.readOnly());
        assertTrue(ro.mustExist());
        assertThrows(SQLException.class, () -> ConnectionConfig.of(JdbcUrl.parse("jdbc:panamax:x?mode=zz"), null));
        assertThrows(SQLException.class,
                () -> ConnectionConfig.of(JdbcUrl.parse("jdbc:panamax:x?busy_timeout=soon"), null));
        assertThrows(SQLException.class,
                () -> ConnectionConfig.of(JdbcUrl.parse("jdbc:panamax:x?transaction_mode=LAZY"), null));
    }

    @Test
    void namedSharedMemoryIsSharedAndPlainMemoryIsPrivate() throws SQLException {
        String url = "jdbc:panamax:file:jdbcshared?mode=memory&cache=shared";
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            EngineContract.exec(a, "CREATE TABLE t(x); INSERT INTO t VALUES (7)");
            assertEquals(List.of("7"), EngineContract.query(b, "SELECT x FROM t"));
        }
        try (Connection a = EngineFixture.memory(); Connection b = EngineFixture.memory()) {
            EngineContract.exec(a, "CREATE TABLE t(x)");
            assertThrows(SQLException.class, () -> EngineContract.query(b, "SELECT x FROM t"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.db");
        java.nio.file.Files.writeString(junk, "this is not an SQLite database, just some text".repeat(200));
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = EngineFixture.file(junk)) {
                EngineContract.query(c, "SELECT * FROM sqlite_schema");
            }
        });
        assertEquals(26, e.getErrorCode(), e.getMessage());
        assertEquals("file is not a database", e.getMessage());
    }

    @Test
    void theDataSourceOpensWithItsProperties(@TempDir Path dir) throws SQLException {
        PanamaxDataSource ds = new PanamaxDataSource();
        ds.setDatabasePath(dir.resolve("ds.db").toString());
        ds.setBusyTimeoutMillis(1234);
        ds.setProperty("date_class", "TEXT");
        try (Connection c = ds.getConnection("user", "ignored")) {
            EngineContract.exec(c, "CREATE TABLE t(x)");
            assertTrue(c.getMetaData().getURL().endsWith("ds.db"));
        }
        assertEquals("1234", ds.getProperties().getProperty("busy_timeout"));
        assertThrows(IllegalArgumentException.class, () -> ds.setUrl("jdbc:h2:mem:x"));
        PanamaxDataSource ro = new PanamaxDataSource("jdbc:panamax:" + dir.resolve("ds.db"));
        ro.setReadOnly(true);
        try (Connection c = ro.getConnection()) {
            assertTrue(c.isReadOnly());
        }
        assertTrue(ds.isWrapperFor(javax.sql.DataSource.class));
    }
}
