package dev.panamax.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;
import java.util.UUID;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * Every getter of a forward-only, read-only result set, written once over five primitives a subclass provides for
 * the current row: the value's SQLite datatype and its INTEGER, REAL, TEXT and BLOB readings (SQLite's
 * {@code sqlite3_column_*} conversions). Getters follow sqlite-jdbc where JDBC leaves room: a NULL reads as 0,
 * false or null; {@code getObject} returns Integer or Long (Long when the value does not fit an int or the column is
 * BIGINT), Double, String or byte[]; dates are read as {@link DateTimes} says.
 */
abstract class AbstractResultSet extends ReadOnlyResultSet {
    private boolean wasNull;
    private int fetchSize;

    // ---- what a subclass provides ----

    /** Number of columns. */
    abstract int columnCount() throws SQLException;

    /** Fails unless the result set is open and on a row. */
    abstract void checkRow() throws SQLException;

    /** The SQLite datatype (SqlTypes.SQLITE_*) of column {@code col} (0-based) of the current row. */
    abstract int valueType(int col) throws SQLException;

    abstract long longValue(int col) throws SQLException;

    abstract double doubleValue(int col) throws SQLException;

    /** The value as text; called only for non-NULL values. */
    abstract String textValue(int col) throws SQLException;

    /** The value as bytes; called only for non-NULL values. */
    abstract byte[] blobValue(int col) throws SQLException;

    /** The JDBC type the metadata reports for column {@code col} (0-based). */
    abstract int columnJdbcType(int col) throws SQLException;

    abstract DateConfig dates();

    // ---- column access ----

    /** Checks the row and index and records whether the value is NULL; returns the 0-based column. */
    private int column(int columnIndex) throws SQLException {
        checkRow();
        int n = columnCount();
        if (columnIndex < 1 || columnIndex > n) {
            throw SqlErrors.badIndex("column", columnIndex, n);
        }
        int col = columnIndex - 1;
        wasNull = valueType(col) == SqlTypes.SQLITE_NULL;
        return col;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    abstract void checkOpen() throws SQLException;

    @Override
    public String getString(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? null : textValue(c);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        if (wasNull) {
            return false;
        }
        return valueType(c) == SqlTypes.SQLITE_FLOAT ? doubleValue(c) != 0 : longValue(c) != 0;
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) narrow(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) narrow(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) narrow(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    private long narrow(int columnIndex, long min, long max, String type) throws SQLException {
        long v = getLong(columnIndex);
        if (v < min || v > max) {
            throw new java.sql.SQLDataException("value " + v + " of column " + columnIndex + " does not fit a "
                    + type, "22003", dev.panamax.api.ResultCode.RANGE.code());
        }
        return v;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? 0 : longValue(c);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? 0 : doubleValue(c);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return switch (valueType(c)) {
            case SqlTypes.SQLITE_NULL -> null;
            case SqlTypes.SQLITE_INTEGER -> BigDecimal.valueOf(longValue(c));
            case SqlTypes.SQLITE_FLOAT -> finiteDecimal(doubleValue(c));
            default -> decimalText(textValue(c));
        };
    }

    private static BigDecimal finiteDecimal(double d) throws SQLException {
        if (!Double.isFinite(d)) {
            throw SqlErrors.conversion("cannot convert " + d + " to BigDecimal");
        }
        return BigDecimal.valueOf(d);
    }

    private static BigDecimal decimalText(String s) throws SQLException {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw SqlErrors.conversion("not a number: '" + s + "'");
        }
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return wasNull ? null : blobValue(c);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Moment m = moment(columnIndex);
        return m == null ? null : DateTimes.toDate(m, cal);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Moment m = moment(columnIndex);
        return m == null ? null : DateTimes.toTime(m, cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        DateTimes.Moment m = moment(columnIndex);
        return m == null ? null : DateTimes.toTimestamp(m, cal);
    }

    private DateTimes.Moment moment(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return switch (valueType(c)) {
            case SqlTypes.SQLITE_NULL -> null;
            case SqlTypes.SQLITE_INTEGER -> DateTimes.fromInteger(longValue(c), dates());
            case SqlTypes.SQLITE_FLOAT -> DateTimes.fromJulianDay(doubleValue(c));
            default -> DateTimes.fromText(textValue(c), dates());
        };
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new SerialBlob(b);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new SerialClob(s.toCharArray());
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw SqlErrors.notSupported("NClob");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw SqlErrors.notSupported("REF");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw SqlErrors.notSupported("ARRAY");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw SqlErrors.notSupported("ROWID values (select the rowid column as a long)");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw SqlErrors.notSupported("SQLXML");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        if (s == null) {
            return null;
        }
        try {
            return new URI(s).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw SqlErrors.conversion("not a URL: '" + s + "'");
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        int c = column(columnIndex);
        return switch (valueType(c)) {
            case SqlTypes.SQLITE_NULL -> null;
            case SqlTypes.SQLITE_INTEGER -> {
                long v = longValue(c);
                if (v == (int) v && columnJdbcType(c) != Types.BIGINT) {
                    yield Integer.valueOf((int) v);
                }
                yield Long.valueOf(v);
            }
            case SqlTypes.SQLITE_FLOAT -> doubleValue(c);
            case SqlTypes.SQLITE_TEXT -> textValue(c);
            default -> blobValue(c);
        };
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlErrors.notSupported("type maps (user-defined types)");
        }
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlErrors.misuse("getObject: type is null");
        }
        Object v = convert(columnIndex, type);
        return wasNull ? null : type.cast(v);
    }

    private Object convert(int i, Class<?> type) throws SQLException {
        if (type == String.class) {
            return getString(i);
        } else if (type == Integer.class) {
            return getInt(i);
        } else if (type == Long.class) {
            return getLong(i);
        } else if (type == Double.class) {
            return getDouble(i);
        } else if (type == Float.class) {
            return getFloat(i);
        } else if (type == Short.class) {
            return getShort(i);
        } else if (type == Byte.class) {
            return getByte(i);
        } else if (type == Boolean.class) {
            return getBoolean(i);
        } else if (type == BigDecimal.class) {
            return getBigDecimal(i);
        } else if (type == BigInteger.class) {
            BigDecimal d = getBigDecimal(i);
            return d == null ? null : d.toBigInteger();
        } else if (type == byte[].class) {
            return getBytes(i);
        } else if (DateTimes.isTemporal(type)) {
            DateTimes.Moment m = moment(i);
            return m == null ? null : DateTimes.convert(m, type);
        }
        return convertOther(i, type);
    }

    private Object convertOther(int i, Class<?> type) throws SQLException {
        if (type == Blob.class) {
            return getBlob(i);
        } else if (type == Clob.class) {
            return getClob(i);
        } else if (type == URL.class) {
            return getURL(i);
        } else if (type == UUID.class) {
            return uuid(i);
        } else if (type == Object.class) {
            return getObject(i);
        }
        throw SqlErrors.conversion("cannot convert column " + i + " to " + type.getName());
    }

    private UUID uuid(int i) throws SQLException {
        int c = column(i);
        if (wasNull) {
            return null;
        }
        if (valueType(c) == SqlTypes.SQLITE_BLOB) {
            byte[] b = blobValue(c);
            if (b.length != 16) {
                throw SqlErrors.conversion("a UUID blob has 16 bytes, not " + b.length);
            }
            ByteBuffer bb = ByteBuffer.wrap(b);
            return new UUID(bb.getLong(), bb.getLong());
        }
        try {
            return UUID.fromString(textValue(c).strip());
        } catch (IllegalArgumentException e) {
            throw SqlErrors.conversion("not a UUID: '" + textValue(c) + "'");
        }
    }

    // ---- by label ----

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return getSQLXML(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    // ---- cursor movement: forward only ----

    private static SQLException forwardOnly() {
        return SqlErrors.notSupported("moving backwards or jumping (the result set is TYPE_FORWARD_ONLY)");
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        if (rows < 0) {
            throw forwardOnly();
        }
        boolean on = true;
        for (int i = 0; i < rows && on; i++) {
            on = next();
        }
        return on;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw SqlErrors.notSupported("fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlErrors.misuse("fetch size must be >= 0: " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlErrors.notSupported("named cursors");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
