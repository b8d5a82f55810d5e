package dev.panamax.jdbc;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JDBC connection over one engine connection.
 *
 * <p>Threads: pools hand a connection from thread to thread and may call it from several at once, so every call
 * that reaches the engine holds {@link #lock}; {@link Statement#cancel()} and {@link #abort} interrupt the engine
 * without it. Transactions: with auto-commit on, each statement is its own transaction (the engine's autocommit).
 * With auto-commit off the driver issues {@code BEGIN} (in the configured {@code transaction_mode}) just before the
 * first statement that needs one, and {@link #commit()}/{@link #rollback()} end it; a statement that manages
 * transactions itself (BEGIN, COMMIT, SAVEPOINT...) or a PRAGMA runs as written. Isolation is always SERIALIZABLE,
 * which serves every lower level JDBC asks for. {@link #setReadOnly(boolean) setReadOnly(true)} makes the driver
 * refuse every statement the engine does not report read-only (sqlite3_stmt_readonly), with SQLite's READONLY error.
 */
final class PanamaxConnection implements Connection {
    final ReentrantLock lock = new ReentrantLock();
    final EngineConnection engine;
    final ConnectionConfig config;
    private final String url;
    private final Set<PanamaxStatement> statements = ConcurrentHashMap.newKeySet();
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int savepointCounter;
    private int networkTimeoutMillis;
    private SQLWarning warnings;
    private PanamaxDatabaseMetaData metaData;

    PanamaxConnection(EngineConnection engine, String url, ConnectionConfig config) throws SQLException {
        this.engine = engine;
        this.url = url;
        this.config = config;
        this.readOnly = config.readOnly();
        try {
            engine.setBusyTimeout(config.busyTimeoutMillis());
        } catch (DbException e) {
            throw SqlErrors.of(e);
        }
        for (Map.Entry<String, String> pragma : config.pragmas().entrySet()) {
            execInternal("PRAGMA " + pragma.getKey() + " = " + pragmaValue(pragma.getValue()));
        }
    }

    private static String pragmaValue(String v) {
        return v.matches("[A-Za-z0-9_+-]+") ? v : SchemaReader.literal(v);
    }

    // ---- state checks and locking ----

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.connectionClosed();
        }
    }

    void lock() throws SQLException {
        checkOpen();
        lock.lock();
        if (closed) {
            lock.unlock();
            throw SqlErrors.connectionClosed();
        }
    }

    void unlock() {
        lock.unlock();
    }

    boolean isClosedNow() {
        return closed;
    }

    DateConfig dates() {
        return config.dates();
    }

    /** Runs statements of the driver's own (BEGIN, COMMIT, PRAGMA...) to completion. */
    void execInternal(String sql) throws SQLException {
        lock();
        try {
            String rest = sql;
            while (rest != null && !rest.isBlank()) {
                EngineStatement st = prepareEngine(rest);
                if (st == null) {
                    break;
                }
                try {
                    while (st.step()) {
                        // an internal statement's rows (a PRAGMA's echo) are not wanted
                    }
                } catch (DbException e) {
                    throw SqlErrors.of(e);
                } finally {
                    st.close();
                }
                rest = st.tail();
            }
        } finally {
            unlock();
        }
    }

    /** Compiles the first statement of {@code sql}; called with the lock held. */
    EngineStatement prepareEngine(String sql) throws SQLException {
        try {
            return engine.prepare(sql);
        } catch (DbException e) {
            throw SqlErrors.prepareFailed(e);
        }
    }

    /**
     * Refuses a statement that may write while the connection is read-only ({@link #setReadOnly}); the engine's
     * own read-only open is enforced by the engine. Called with the lock held, before the statement runs.
     */
    void checkWritable(EngineStatement st) throws SQLException {
        if (readOnly && !st.isReadOnly()) {
            throw SqlErrors.of(new DbException(ResultCode.READONLY, "attempt to write a readonly database"));
        }
    }

    /**
     * Opens the transaction auto-commit off calls for, before a statement runs; called with the lock held.
     * Statements that control transactions themselves, and PRAGMAs (some are refused or ignored inside a
     * transaction), run without one.
     */
    void beginIfNeeded(String sql) throws SQLException {
        if (!SqlText.controlsTransaction(sql)) {
            ensureTransaction();
        }
    }

    private void ensureTransaction() throws SQLException {
        if (autoCommit || engine.inTransaction()) {
            return;
        }
        EngineStatement begin = prepareEngine("BEGIN " + config.transactionMode());
        try {
            begin.step();
        } catch (DbException e) {
            throw SqlErrors.of(e);
        } finally {
            begin.close();
        }
    }

    void forget(PanamaxStatement s) {
        statements.remove(s);
    }

    private <S extends PanamaxStatement> S track(S s) {
        statements.add(s);
        return s;
    }

    // ---- statements ----

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return track(new PanamaxStatement(this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return track(new PanamaxPreparedStatement(this, sql, false, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency, resultSetHoldability);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw SqlErrors.misuse("autoGeneratedKeys must be RETURN_GENERATED_KEYS or NO_GENERATED_KEYS");
        }
        return track(new PanamaxPreparedStatement(this, sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS,
                null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return track(new PanamaxPreparedStatement(this, sql, true, null));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        String keyName = columnNames != null && columnNames.length > 0 ? columnNames[0] : null;
        return track(new PanamaxPreparedStatement(this, sql, true, keyName));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        throw SqlErrors.notSupported("CallableStatement (SQLite has no stored procedures)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareCall(sql);
    }

    /** Result sets are forward-only and read-only; other kinds are downgraded with a warning, as JDBC allows. */
    private void checkResultSetKind(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw SqlErrors.misuse("unknown result set type " + type);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw SqlErrors.misuse("unknown result set concurrency " + concurrency);
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlErrors.misuse("unknown result set holdability " + holdability);
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            addWarning(new SQLWarning("result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY; the requested kind"
                    + " was downgraded", "01000"));
        }
    }

    private void addWarning(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions ----

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        lock();
        try {
            if (on == autoCommit) {
                return;
            }
            if (on && engine.inTransaction()) {
                execInternal("COMMIT");
            }
            autoCommit = on;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        lock();
        try {
            if (autoCommit) {
                throw SqlErrors.misuse("commit() with auto-commit on");
            }
            if (engine.inTransaction()) {
                execInternal("COMMIT");
            }
        } finally {
            unlock();
        }
    }

    @Override
    public void rollback() throws SQLException {
        lock();
        try {
            if (autoCommit) {
                throw SqlErrors.misuse("rollback() with auto-commit on");
            }
            if (engine.inTransaction()) {
                execInternal("ROLLBACK");
            }
        } finally {
            unlock();
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null) {
            throw SqlErrors.misuse("savepoint name is null");
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        lock();
        try {
            if (autoCommit) {
                throw SqlErrors.misuse("savepoints need auto-commit off");
            }
            int id = ++savepointCounter;
            PanamaxSavepoint sp = new PanamaxSavepoint(id, name);
            ensureTransaction();
            execInternal("SAVEPOINT " + sp.sqlName());
            return sp;
        } finally {
            unlock();
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        lock();
        try {
            if (autoCommit) {
                throw SqlErrors.misuse("rollback(Savepoint) with auto-commit on");
            }
            execInternal("ROLLBACK TO " + sqlName(savepoint));
        } finally {
            unlock();
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        lock();
        try {
            execInternal("RELEASE " + sqlName(savepoint));
        } finally {
            unlock();
        }
    }

    private static String sqlName(Savepoint savepoint) throws SQLException {
        if (!(savepoint instanceof PanamaxSavepoint sp)) {
            throw SqlErrors.misuse("not a savepoint of this driver: " + savepoint);
        }
        return sp.sqlName();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_SERIALIZABLE && level != TRANSACTION_REPEATABLE_READ
                && level != TRANSACTION_READ_COMMITTED && level != TRANSACTION_READ_UNCOMMITTED) {
            throw SqlErrors.notSupported("transaction isolation level " + level);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_SERIALIZABLE;
    }

    @Override
    public void setReadOnly(boolean on) throws SQLException {
        lock();
        try {
            if (on == readOnly) {
                return;
            }
            if (engine.inTransaction()) {
                throw SqlErrors.misuse("setReadOnly() inside a transaction");
            }
            if (!on && engine.isReadOnly()) {
                throw SqlErrors.misuse("the database was opened read-only");
            }
            readOnly = on;
        } finally {
            unlock();
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly || engine.isReadOnly();
    }

    // ---- life cycle ----

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            for (PanamaxStatement s : statements.toArray(PanamaxStatement[]::new)) {
                s.closeFromConnection();
            }
            statements.clear();
            closed = true;
            engine.close();
        } catch (DbException e) {
            throw SqlErrors.of(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw SqlErrors.misuse("isValid timeout must be >= 0");
        }
        return !closed;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlErrors.misuse("abort: executor is null");
        }
        if (closed) {
            return;
        }
        engine.interrupt();
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException ignored) {
                // the connection is being abandoned; there is no one left to tell
            }
        });
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw SqlErrors.misuse("network timeout must be >= 0");
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    // ---- metadata and the rest ----

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new PanamaxDatabaseMetaData(this, url, config.dates());
        }
        return metaData;
    }

    PanamaxDatabaseMetaData metaData() throws SQLException {
        return (PanamaxDatabaseMetaData) getMetaData();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw SqlErrors.notSupported("type maps (user-defined types)");
        }
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlErrors.notSupported("holdability other than CLOSE_CURSORS_AT_COMMIT");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new javax.sql.rowset.serial.SerialClob(new char[0]);
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new javax.sql.rowset.serial.SerialBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw SqlErrors.notSupported("NClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlErrors.notSupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlErrors.notSupported("ARRAY");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlErrors.notSupported("STRUCT");
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("connection is closed", "08003", 21,
                    Map.of(name, ClientInfoStatus.REASON_UNKNOWN));
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("connection is closed", "08003", 21, Map.of());
        }
        clientInfo.clear();
        if (properties != null) {
            properties.forEach((k, v) -> clientInfo.setProperty(String.valueOf(k), String.valueOf(v)));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
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
