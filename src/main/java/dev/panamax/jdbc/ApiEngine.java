package dev.panamax.jdbc;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DatabaseConfig;
import dev.panamax.api.DbException;
import dev.panamax.api.Statement;
import java.sql.SQLException;

/**
 * The driver's engine: {@link Database} and {@link Connection} of {@code dev.panamax.api}. Each JDBC connection
 * opens its own {@code Database} handle (the api shares one open file, or one named in-memory database, between
 * handles) and one api connection on it; closing the JDBC connection closes both.
 */
final class ApiEngine implements Engine {
    @Override
    public EngineConnection open(JdbcUrl url, ConnectionConfig config) throws SQLException {
        DatabaseConfig dc = DatabaseConfig.defaults().withReadOnly(config.readOnly())
                .withCreate(!config.mustExist()).withBusyTimeoutMillis(config.busyTimeoutMillis());
        String name;
        if (url.sharedMemoryName() != null) {
            name = "file:" + url.sharedMemoryName() + "?mode=memory&cache=shared";
        } else {
            name = url.isMemory() ? ":memory:" : url.path();
        }
        Database db;
        try {
            db = Database.open(name, dc);
        } catch (DbException e) {
            throw SqlErrors.openFailed(e);
        }
        try {
            return new Conn(db, db.connect());
        } catch (DbException e) {
            db.close();
            throw SqlErrors.openFailed(e);
        }
    }

    private record Conn(Database db, Connection c) implements EngineConnection {
        @Override
        public EngineStatement prepare(String sql) {
            Statement s = c.prepare(sql);
            if (s.isEmpty()) {
                s.close();
                return null;
            }
            return new Stmt(s, sql.substring(Math.min(s.tailOffset(), sql.length())));
        }

        @Override
        public boolean inTransaction() {
            return !c.isAutoCommit();
        }

        @Override
        public long changes() {
            return c.changes();
        }

        @Override
        public long totalChanges() {
            return c.totalChanges();
        }

        @Override
        public long lastInsertRowid() {
            return c.lastInsertRowid();
        }

        @Override
        public void setBusyTimeout(long millis) {
            c.setBusyTimeoutMillis(millis);
        }

        @Override
        public void interrupt() {
            c.interrupt();
        }

        @Override
        public boolean isReadOnly() {
            return db.isReadOnly();
        }

        @Override
        public void close() {
            try {
                c.close();
            } finally {
                db.close();
            }
        }
    }

    private record Stmt(Statement s, String tail) implements EngineStatement {
        @Override
        public String sql() {
            return s.sql();
        }

        @Override
        public int parameterCount() {
            return s.parameterCount();
        }

        @Override
        public void bindNull(int index) {
            s.bindNull(index);
        }

        @Override
        public void bindLong(int index, long value) {
            s.bindLong(index, value);
        }

        @Override
        public void bindDouble(int index, double value) {
            s.bindDouble(index, value);
        }

        @Override
        public void bindText(int index, String value) {
            s.bindText(index, value);
        }

        @Override
        public void bindBlob(int index, byte[] value) {
            s.bindBlob(index, value);
        }

        @Override
        public void clearBindings() {
            s.clearBindings();
        }

        @Override
        public boolean step() {
            return s.step();
        }

        @Override
        public void reset() {
            s.reset();
        }

        @Override
        public boolean isReadOnly() {
            return s.isReadOnly();
        }

        @Override
        public int columnCount() {
            return s.columnCount();
        }

        @Override
        public String columnName(int col) {
            return s.columnName(col);
        }

        @Override
        public String columnDeclType(int col) {
            return s.columnDeclType(col);
        }

        @Override
        public String columnTableName(int col) {
            return s.columnTableName(col);
        }

        @Override
        public String columnOriginName(int col) {
            return s.columnOriginName(col);
        }

        @Override
        public int columnType(int col) {
            return switch (s.columnType(col)) {
                case INTEGER -> SqlTypes.SQLITE_INTEGER;
                case REAL -> SqlTypes.SQLITE_FLOAT;
                case TEXT -> SqlTypes.SQLITE_TEXT;
                case BLOB -> SqlTypes.SQLITE_BLOB;
                case NULL -> SqlTypes.SQLITE_NULL;
            };
        }

        @Override
        public long columnLong(int col) {
            return s.getLong(col);
        }

        @Override
        public double columnDouble(int col) {
            return s.getDouble(col);
        }

        @Override
        public String columnText(int col) {
            return s.getText(col);
        }

        @Override
        public byte[] columnBlob(int col) {
            return s.getBlob(col);
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
