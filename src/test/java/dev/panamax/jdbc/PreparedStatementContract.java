package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PreparedStatement: every setter, parameters and batches, metadata, and bad indexes. */
abstract class PreparedStatementContract extends EngineContract {
    @TempDir
    Path dir;

    /** A setter call on parameter 1. */
    @FunctionalInterface
    interface Setter {
        void set(PreparedStatement p) throws SQLException;
    }

    /** The setters whose storage sqlite-jdbc defines: the same call must store the same value. */
    static Map<String, Setter> xerialSetters() {
        Map<String, Setter> m = new LinkedHashMap<>();
        m.put("setNull", p -> p.setNull(1, Types.INTEGER));
        m.put("setBoolean", p -> p.setBoolean(1, true));
        m.put("setByte", p -> p.setByte(1, (byte) -7));
        m.put("setShort", p -> p.setShort(1, (short) 300));
        m.put("setInt", p -> p.setInt(1, Integer.MIN_VALUE));
        m.put("setLong", p -> p.setLong(1, Long.MAX_VALUE));
        m.put("setFloat", p -> p.setFloat(1, 1.5f));
        m.put("setDouble", p -> p.setDouble(1, -2.25e-7));
        m.put("setString", p -> p.setString(1, "héllo ☃"));
        m.put("setBytes", p -> p.setBytes(1, new byte[] {0, 1, -1}));
        m.put("setDate", p -> p.setDate(1, Date.valueOf("2024-03-05")));
        m.put("setTime", p -> p.setTime(1, Time.valueOf("10:11:12")));
        m.put("setTimestamp", p -> p.setTimestamp(1, Timestamp.valueOf("2024-03-05 10:11:12.345")));
        m.put("setObject(Long)", p -> p.setObject(1, 42L));
        m.put("setObject(Integer)", p -> p.setObject(1, 42));
        m.put("setObject(Double)", p -> p.setObject(1, 0.1));
        m.put("setObject(String)", p -> p.setObject(1, "s"));
        m.put("setObject(byte[])", p -> p.setObject(1, new byte[] {9}));
        m.put("setObject(null)", p -> p.setObject(1, null));
        m.put("setObject(Boolean)", p -> p.setObject(1, false));
        m.put("setObject(Timestamp)", p -> p.setObject(1, Timestamp.valueOf("2020-01-01 00:00:00")));
        m.put("setBinaryStream", p -> p.setBinaryStream(1, new ByteArrayInputStream(new byte[] {5, 6}), 2));
        m.put("setCharacterStream", p -> p.setCharacterStream(1, new StringReader("chars"), 5));
        m.put("setObject(LocalDate)", p -> p.setObject(1, LocalDate.of(2024, 3, 5)));
        return m;
    }

    @Test
    void settersStoreWhatSqliteJdbcStores() throws SQLException {
        Path db = dir.resolve("setters.db");
        try (Connection ours = EngineFixture.file(db); Connection ref = EngineFixture.reference(dir.resolve("r.db"))) {
            for (Connection c : List.of(ours, ref)) {
                exec(c, "CREATE TABLE v(k TEXT, x)");
            }
            for (Map.Entry<String, Setter> e : xerialSetters().entrySet()) {
                for (Connection c : List.of(ours, ref)) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES ('" + e.getKey() + "', ?)")) {
                        e.getValue().set(p);
                        assertEquals(1, p.executeUpdate());
                    }
                }
            }
            String q = "SELECT k, typeof(x), quote(x) FROM v ORDER BY rowid";
            assertEquals(query(ref, q), query(ours, q));
        }
    }

    @Test
    void settersBeyondSqliteJdbc() throws Exception {
        java.net.URL url = URI.create("https://example.org/a").toURL();
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE v(k TEXT, x)");
            Map<String, Setter> m = new LinkedHashMap<>();
            m.put("nstring", p -> p.setNString(1, "n"));
            m.put("bigdecimal", p -> p.setBigDecimal(1, new BigDecimal("12.50")));
            m.put("biginteger", p -> p.setObject(1, new BigInteger("123456789012345678901234567890")));
            m.put("uuid", p -> p.setObject(1, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
            m.put("url", p -> p.setURL(1, url));
            m.put("ascii", p -> p.setAsciiStream(1, new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))));
            m.put("ldt", p -> p.setObject(1, LocalDateTime.of(2024, 3, 5, 10, 11, 12, 345_000_000)));
            m.put("ldt0", p -> p.setObject(1, LocalDateTime.of(2024, 3, 5, 10, 11)));
            m.put("lt", p -> p.setObject(1, LocalTime.of(9, 8, 7)));
            m.put("odt", p -> p.setObject(1, OffsetDateTime.of(2024, 3, 5, 10, 11, 12, 0, ZoneOffset.ofHours(2))));
            m.put("instant", p -> p.setObject(1, Instant.parse("2024-03-05T10:11:12.500Z")));
            m.put("asVarchar", p -> p.setObject(1, 12, Types.VARCHAR));
            m.put("asInteger", p -> p.setObject(1, "34", Types.INTEGER));
            m.put("asDouble", p -> p.setObject(1, "2.5", Types.DOUBLE));
            m.put("asBoolean", p -> p.setObject(1, "true", Types.BOOLEAN));
            m.put("asDecimal", p -> p.setObject(1, new BigDecimal("1.005"), Types.DECIMAL, 2));
            for (Map.Entry<String, Setter> e : m.entrySet()) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES ('" + e.getKey() + "', ?)")) {
                    e.getValue().set(p);
                    p.executeUpdate();
                }
            }
            assertEquals(List.of(
                    "nstring|text|'n'",
                    "bigdecimal|text|'12.50'",
                    "biginteger|text|'123456789012345678901234567890'",
                    "uuid|text|'123e4567-e89b-12d3-a456-426614174000'",
                    "url|text|'https://example.org/a'",
                    "ascii|text|'abc'",
                    "ldt|text|'2024-03-05 10:11:12.345'",
                    "ldt0|text|'2024-03-05 10:11:00'",
                    "lt|text|'09:08:07'",
                    "odt|text|'2024-03-05 10:11:12+02:00'",
                    "instant|text|'2024-03-05 10:11:12.500Z'",
                    "asVarchar|text|'12'",
                    "asInteger|integer|34",
                    "asDouble|real|2.5",
                    "asBoolean|integer|1",
                    "asDecimal|text|'1.01'"), query(c, "SELECT k, typeof(x), quote(x) FROM v ORDER BY rowid"));
        }
    }

    @Test
    void javaTimeTextIsWhatSqliteDateFunctionsRead() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE v(x)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES (?)")) {
                p.setObject(1, LocalDateTime.of(2024, 3, 5, 10, 11, 12));
                p.executeUpdate();
                p.setObject(1, OffsetDateTime.of(2024, 3, 5, 10, 11, 12, 0, ZoneOffset.ofHours(2)));
                p.executeUpdate();
            }
            assumeSql(c, "SELECT datetime('now')");
            assertEquals(List.of("2024-03-05 10:11:12", "2024-03-05 08:11:12"),
                    query(c, "SELECT datetime(x) FROM v ORDER BY rowid"));
        }
    }

    @Test
    void parametersRebindBetweenRunsAndUnsetIsNull() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(a, b)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                p.setInt(1, 1);
                p.setString(2, "x");
                p.executeUpdate();
                p.setInt(1, 2);
                p.executeUpdate();
                p.clearParameters();
                p.setInt(1, 3);
                p.executeUpdate();
            }
            assertEquals(List.of("1|x", "2|x", "3|null"), query(c, "SELECT a, b FROM t ORDER BY a"));
            try (PreparedStatement q = c.prepareStatement("SELECT b FROM t WHERE a = ?")) {
                q.setInt(1, 2);
                ResultSet first = q.executeQuery();
                assertTrue(first.next());
                q.setInt(1, 1);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(first.isClosed());
                    assertTrue(rs.next());
                    assertEquals("x", rs.getString(1));
                }
            }
        }
    }

    @Test
    void batchesGiveCountsAndKeys() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t(v) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String v : List.of("a", "b", "c")) {
                    p.setString(1, v);
                    p.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, p.executeBatch());
                assertEquals(List.of(1L, 2L, 3L), StatementContract.keys(p));
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE t SET v = ? WHERE id >= ?")) {
                p.setString(1, "x");
                p.setInt(2, 2);
                p.addBatch();
                p.setString(1, "y");
                p.setInt(2, 3);
                p.addBatch();
                assertArrayEquals(new long[] {2, 1}, p.executeLargeBatch());
            }
            assertEquals(List.of("a", "x", "y"), query(c, "SELECT v FROM t ORDER BY id"));
        }
    }

    @Test
    void metadataBeforeRunning() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL)");
            try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM t WHERE id > ? AND name <> :n")) {
                ResultSetMetaData m = p.getMetaData();
                assertEquals(2, m.getColumnCount());
                assertEquals("name", m.getColumnLabel(2));
                assertEquals(Types.VARCHAR, m.getColumnType(2));
                if (engine() instanceof ApiEngine) {
                    assertEquals(10, m.getPrecision(2), "the reference engine reports types without their size");
                }
                ParameterMetaData pm = p.getParameterMetaData();
                assertEquals(2, pm.getParameterCount());
                assertEquals(ParameterMetaData.parameterModeIn, pm.getParameterMode(1));
                p.setLong(1, 5);
                assertEquals(Types.BIGINT, p.getParameterMetaData().getParameterType(1));
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM t")) {
                assertNull(p.getMetaData());
            }
        }
    }

    @Test
    void badParameterIndexIsAnErrorAndChangesNothing() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t(a)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (int bad : new int[] {0, 2, -1}) {
                    SQLException e = assertThrows(SQLException.class, () -> p.setInt(bad, 1));
                    assertEquals("07009", e.getSQLState());
                    assertEquals(25, e.getErrorCode());
                }
                p.setInt(1, 7);
                p.executeUpdate();
            }
            assertEquals(List.of("7"), query(c, "SELECT a FROM t"));
        }
    }

    @Test
    void moreThanOneStatementIsRefused() throws SQLException {
        try (Connection c = memory()) {
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareStatement("SELECT 1; SELECT 2"));
            try (PreparedStatement p = c.prepareStatement("SELECT 1; -- only a comment after")) {
                assertTrue(p.execute());
            }
        }
    }

    @Test
    void sqlTextMethodsOfStatementAreRefused() throws SQLException {
        try (Connection c = memory(); PreparedStatement p = c.prepareStatement("SELECT 1")) {
            assertThrows(SQLException.class, () -> p.executeQuery("SELECT 2"));
            assertThrows(SQLException.class, () -> p.execute("SELECT 2"));
            assertThrows(SQLException.class, () -> p.executeUpdate("SELECT 2"));
            assertThrows(SQLException.class, () -> p.addBatch("SELECT 2"));
            assertThrows(SQLException.class, () -> p.execute("SELECT 2", new String[] {"a"}));
            assertThrows(SQLException.class, () -> p.executeUpdate("DELETE FROM x", Statement.RETURN_GENERATED_KEYS));
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.next());
            }
        }
    }
}
