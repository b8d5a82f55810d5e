package dev.panamax.jdbc;

import dev.panamax.api.DbException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: one SQL statement compiled once and run many times.
 *
 * <p>Parameter values are kept on the Java side and bound just before each run (SQLite refuses binding while a
 * statement runs, and JDBC lets the application set parameters while a result set is still open). A parameter
 * left unset is NULL, as in SQLite. How each Java type is stored is {@link Binder}'s business. SQL text with more
 * than one statement is refused: JDBC gives a prepared statement one result.
 */
final class PanamaxPreparedStatement extends PanamaxStatement implements PreparedStatement {
    private final EngineStatement st;
    private final int parameterCount;
    private Object[] params;
    private final List<Object[]> batch = new ArrayList<>();

    PanamaxPreparedStatement(PanamaxConnection conn, String sql, boolean returnKeys, String keyName)
            throws SQLException {
        super(conn);
        if (sql == null) {
            throw SqlErrors.misuse("prepareStatement: sql is null");
        }
        generatedKeyName = keyName;
        conn.lock();
        try {
            EngineStatement s = conn.prepareEngine(sql);
            if (s == null) {
                throw new SQLException("prepareStatement: no statement in the SQL text", "42000");
            }
            String tail = s.tail();
            if (tail != null && SqlText.skipSpaceAndComments(tail, 0) < tail.length()) {
                s.close();
                throw SqlErrors.notSupported("more than one statement in a PreparedStatement (use Statement.execute)");
            }
            this.st = s;
            this.parameterCount = s.parameterCount();
            this.params = new Object[parameterCount];
        } finally {
            conn.unlock();
        }
    }

    // ---- running ----

    /** Binds the kept parameter values; the lock is held and the statement is not running. */
    private void bindAll() throws SQLException {
        try {
            st.reset();
            for (int i = 0; i < parameterCount; i++) {
                bindOne(i + 1, params[i]);
            }
        } catch (DbException e) {
            throw SqlErrors.of(e);
        }
    }

    private void bindOne(int index, Object v) {
        switch (v) {
            case null -> st.bindNull(index);
            case Long l -> st.bindLong(index, l);
            case Double d -> st.bindDouble(index, d);
            case byte[] b -> st.bindBlob(index, b);
            default -> st.bindText(index, (String) v);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        lock();
        try {
            clearResults();
            generatedKeys.clear();
            if (st.columnCount() == 0) {
                throw new SQLException("executeQuery: the statement returns no rows (use executeUpdate)", "07000");
            }
            bindAll();
            return openResultSet(st, false);
        } finally {
            unlock();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        return clampCount(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        lock();
        try {
            clearResults();
            generatedKeys.clear();
            if (st.columnCount() > 0 && st.isReadOnly()) {
                throw new SQLException("executeUpdate: the statement is a query (use executeQuery)", "07000");
            }
            bindAll();
            long n = runToEnd(st);
            setUpdateCount(n);
            return n;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean execute() throws SQLException {
        lock();
        try {
            clearResults();
            generatedKeys.clear();
            bindAll();
            if (st.columnCount() > 0) {
                openResultSet(st, false);
                return true;
            }
            setUpdateCount(runToEnd(st));
            return false;
        } finally {
            unlock();
        }
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(params.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        lock();
        Object[] kept = params;
        try {
            clearResults();
            generatedKeys.clear();
            long[] counts = new long[batch.size()];
            for (int i = 0; i < counts.length; i++) {
                params = batch.get(i);
                try {
                    bindAll();
                    counts[i] = runToEnd(st);
                } catch (SQLException e) {
                    throw batchFailed(e, counts, i);
                }
            }
            return counts;
        } finally {
            params = kept;
            batch.clear();
            unlock();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = clampCount(counts[i]);
        }
        return out;
    }

    @Override
    void releaseEngineStatement() {
        try {
            st.close();
        } catch (DbException ignored) {
            // finalizing reports the statement's last error again; it was reported when it happened
        }
    }

    // ---- metadata ----

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        lock();
        try {
            if (st.columnCount() == 0) {
                return null;
            }
            List<ResultColumn> cols = PanamaxResultSet.columnsOf(st);
            PanamaxResultSetMetaData.TypeOf typeOf = col -> {
                String decl = cols.get(col).declType();
                return decl == null || decl.isBlank() ? Types.NUMERIC : SqlTypes.jdbcType(decl);
            };
            return new PanamaxResultSetMetaData(cols, typeOf, conn.metaData()::columnFacts);
        } finally {
            unlock();
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new PanamaxParameterMetaData(params.clone());
    }

    // ---- parameters ----

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameterCount) {
            throw SqlErrors.badIndex("parameter", index, parameterCount);
        }
        params[index - 1] = value;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(params, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x ? 1L : 0L);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (long) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, (long) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, (long) x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, (double) x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, Binder.value(x, conn.dates()));
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), null));
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), null));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), null));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null ? null : DateTimes.bind(x, conn.dates(), cal));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, Binder.value(x, conn.dates()));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        set(parameterIndex, Binder.value(x, targetSqlType, conn.dates()));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        Object v = x instanceof BigDecimal d && (targetSqlType == Types.DECIMAL || targetSqlType == Types.NUMERIC)
                ? d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP) : x;
        set(parameterIndex, Binder.value(v, targetSqlType, conn.dates()));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.ascii(x, length));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.ascii(x, length));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.ascii(x, -1));
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        set(parameterIndex, x == null ? null : new String(Binder.bytes(x, length),
                java.nio.charset.StandardCharsets.UTF_16BE));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.bytes(x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.bytes(x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        set(parameterIndex, x == null ? null : Binder.bytes(x, -1));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        set(parameterIndex, reader == null ? null : Binder.chars(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, reader == null ? null : Binder.chars(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        set(parameterIndex, reader == null ? null : Binder.chars(reader, -1));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        set(parameterIndex, Binder.value(x, conn.dates()));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, Binder.value(x, conn.dates()));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlErrors.notSupported("REF parameters");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw SqlErrors.notSupported("ARRAY parameters");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlErrors.notSupported("ROWID parameters (bind the rowid as a long)");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlErrors.notSupported("SQLXML parameters");
    }

    @Override
    void checkSqlTextAllowed() throws SQLException {
        throw SqlErrors.misuse("a PreparedStatement runs its own SQL; this method takes SQL text");
    }
}
