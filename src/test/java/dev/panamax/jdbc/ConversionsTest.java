package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The driver's pure conversions: error classes and states, declared types, SQLite time text, value text. */
class ConversionsTest {
    static SQLException run(ResultCode code) {
        return SqlErrors.of(new DbException(code, "m"));
    }

    @Test
    void errorClassesAndStatesByResultCode() {
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, run(ResultCode.CONSTRAINT_FOREIGNKEY));
        assertEquals("23503", run(ResultCode.CONSTRAINT_FOREIGNKEY).getSQLState());
        assertEquals("23000", run(ResultCode.CONSTRAINT_TRIGGER).getSQLState());
        assertEquals(787, run(ResultCode.CONSTRAINT_FOREIGNKEY).getErrorCode());
        assertInstanceOf(SQLTransientException.class, run(ResultCode.BUSY));
        assertInstanceOf(SQLTransientException.class, run(ResultCode.LOCKED));
        assertInstanceOf(SQLTransactionRollbackException.class, run(ResultCode.BUSY_SNAPSHOT));
        assertEquals("40001", run(ResultCode.BUSY_SNAPSHOT).getSQLState());
        assertInstanceOf(SQLDataException.class, run(ResultCode.TOOBIG));
        assertEquals("07009", run(ResultCode.RANGE).getSQLState());
        assertEquals("25006", run(ResultCode.READONLY_DBMOVED).getSQLState());
        assertEquals(1032, run(ResultCode.READONLY_DBMOVED).getErrorCode());
        assertEquals("57014", run(ResultCode.INTERRUPT).getSQLState());
        assertInstanceOf(SQLNonTransientConnectionException.class, run(ResultCode.NOTADB));
        assertInstanceOf(SQLNonTransientException.class, run(ResultCode.CORRUPT_INDEX));
        assertEquals("XX001", run(ResultCode.CORRUPT_INDEX).getSQLState());
        assertEquals("58030", run(ResultCode.IOERR_FSYNC).getSQLState());
        assertEquals("HY000", run(ResultCode.ERROR).getSQLState());
        SQLException compile = SqlErrors.prepareFailed(new DbException(ResultCode.ERROR, "no such table: x"));
        assertInstanceOf(SQLSyntaxErrorException.class, compile);
        assertEquals("42S02", compile.getSQLState());
        assertEquals("m", run(ResultCode.FULL).getMessage());
    }

    @Test
    void declaredTypesToJdbcTypes() {
        assertEquals(Types.INTEGER, SqlTypes.jdbcType("INTEGER"));
        assertEquals(Types.BIGINT, SqlTypes.jdbcType("bigint"));
        assertEquals(Types.INTEGER, SqlTypes.jdbcType("UNSIGNED MEDIUM INTEGER"), "contains INT");
        assertEquals(Types.VARCHAR, SqlTypes.jdbcType("VARCHAR(20)"));
        assertEquals(Types.VARCHAR, SqlTypes.jdbcType("long text"), "contains TEXT");
        assertEquals(Types.BLOB, SqlTypes.jdbcType(null));
        assertEquals(Types.INTEGER, SqlTypes.jdbcType("FLOATING POINT"), "INT wins, as in SQLite's affinity rules");
        assertEquals(Types.DOUBLE, SqlTypes.jdbcType("FLOAT8"));
        assertEquals(Types.NUMERIC, SqlTypes.jdbcType("MONEY"));
        assertEquals(Types.DECIMAL, SqlTypes.jdbcType("DECIMAL(10, 2)"));
        assertEquals(10, SqlTypes.precision("DECIMAL(10, 2)"));
        assertEquals(2, SqlTypes.scale("DECIMAL(10, 2)"));
        assertEquals("DOUBLE PRECISION", SqlTypes.baseName("double   precision(8)").toUpperCase());
    }

    @Test
    void sqliteTimeText() {
        assertEquals(LocalDateTime.of(2024, 3, 5, 0, 0), TimeText.parse("2024-03-05").local());
        assertEquals(LocalDateTime.of(2024, 3, 5, 10, 11), TimeText.parse("2024-03-05 10:11").local());
        assertEquals(LocalDateTime.of(2024, 3, 5, 10, 11, 12, 123_456_789),
                TimeText.parse("2024-03-05T10:11:12.123456789").local());
        assertEquals(LocalDateTime.of(2000, 1, 1, 23, 59, 59), TimeText.parse("23:59:59").local());
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), TimeText.parse("2024-03-05 10:11 -05:30").offset());
        assertEquals(ZoneOffset.UTC, TimeText.parse("2024-03-05T10:11:12Z").offset());
        assertNull(TimeText.parse("2024-13-05"));
        assertNull(TimeText.parse("2024-03-05 25:00"));
        assertNull(TimeText.parse("2024-03-05 10:11 junk"));
        assertNull(TimeText.parse("yesterday"));
        assertEquals("10:11:12.000001", DateTimes.time(LocalTime.of(10, 11, 12, 1000), false));
        assertEquals("10:11:12.000", DateTimes.time(LocalTime.of(10, 11, 12), true));
    }

    @Test
    void julianDaysMatchSqlite() throws SQLException {
        // julianday('2024-03-05 12:00:00') is 2460375.0 in SQLite
        assertEquals(2460375.0, DateTimes.julianDay(LocalDateTime.of(2024, 3, 5, 12, 0)));
        assertEquals(LocalDateTime.of(2024, 3, 5, 12, 0), DateTimes.fromJulianDay(2460375.0).local());
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0), DateTimes.fromJulianDay(2440587.5).local());
    }

    @Test
    void valueTextAsSqliteConvertsIt() {
        assertEquals(12, Values.textToLong("  12abc"));
        assertEquals(0, Values.textToLong("abc"));
        assertEquals(-7, Values.textToLong("-7.9"));
        assertEquals(Long.MAX_VALUE, Values.textToLong("99999999999999999999"));
        assertEquals(2500.0, Values.textToDouble("2.5e3xyz"));
        assertEquals(0.0, Values.textToDouble("e5"));
        assertEquals("1.0e+20", Values.realToText(1e20));
        assertEquals("0.1", Values.realToText(0.1));
        assertEquals("100.0", Values.realToText(100));
        assertEquals("1.0e-05", Values.realToText(0.00001));
    }
}
