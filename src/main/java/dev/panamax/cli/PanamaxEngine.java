package dev.panamax.cli;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DatabaseConfig;
import dev.panamax.api.DbException;
import dev.panamax.api.Sql;
import dev.panamax.api.Statement;
import java.util.List;

/** The shell's {@link Engine} over Panamax's public API: one {@link Database} and one {@link Connection}. */
final class PanamaxEngine implements Engine {
    @Override
    public Session open(String filename, boolean readOnly) {
        Database db = Database.open(filename, DatabaseConfig.defaults().withReadOnly(readOnly));
        try {
            return new PanamaxSession(db, db.connect(), filename);
        } catch (DbException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public String version() {
        String v = PanamaxEngine.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public boolean isKeyword(String word) {
        return Sql.isKeyword(word);
    }

    @Override
    public List<String> keywords() {
        return Sql.keywords();
    }

    /** A connection as the shell sees it. */
    private static final class PanamaxSession implements Session {
        private final Database db;
        private final Connection conn;
        private final String filename;
        private int errorOffset = -1;

        PanamaxSession(Database db, Connection conn, String filename) {
            this.db = db;
            this.conn = conn;
            this.filename = filename;
        }

        @Override
        public Cursor prepare(String sql, int offset) {
            errorOffset = -1;
            String rest = sql.substring(offset);
            Statement stmt;
            try {
                stmt = conn.prepare(rest);
            } catch (DbException e) {
                errorOffset = e.offset() < 0 ? -1 : offset + e.offset();
                throw e;
            }
            if (stmt.isEmpty()) {
                stmt.close();
                return null;
            }
            return new PanamaxCursor(stmt, rest.substring(0, Math.min(stmt.tailOffset(), rest.length())),
                    offset + stmt.tailOffset());
        }

        @Override
        public int errorOffset() {
            return errorOffset;
        }

        @Override
        public boolean complete(String sql) {
            return Sql.complete(sql);
        }

        @Override
        public long changes() {
            return conn.changes();
        }

        @Override
        public long totalChanges() {
            return conn.totalChanges();
        }

        @Override
        public boolean autocommit() {
            return conn.isAutoCommit();
        }

        @Override
        public void busyTimeout(long millis) {
            conn.setBusyTimeoutMillis(millis);
        }

        @Override
        public void interrupt() {
            conn.interrupt();
        }

        @Override
        public String filename() {
            return db.isMemory() || db.path() == null ? "" : db.path();
        }

        @Override
        public boolean readOnly() {
            return db.isReadOnly();
        }

        @Override
        public void close() {
            try {
                conn.close();
            } finally {
                db.close();
            }
        }
    }

    /** A statement as the shell sees it. */
    private static final class PanamaxCursor implements Cursor {
        private final Statement stmt;
        private final String sql;
        private final int end;

        PanamaxCursor(Statement stmt, String sql, int end) {
            this.stmt = stmt;
            this.sql = sql;
            this.end = end;
        }

        @Override
        public int end() {
            return end;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public int explain() {
            return stmt.explainMode();
        }

        @Override
        public int columnCount() {
            return stmt.columnCount();
        }

        @Override
        public String columnName(int column) {
            return stmt.columnName(column);
        }

        @Override
        public boolean step() {
            return stmt.step();
        }

        @Override
        public int type(int column) {
            return switch (stmt.columnType(column)) {
                case INTEGER -> INTEGER;
                case REAL -> FLOAT;
                case TEXT -> TEXT;
                case BLOB -> BLOB;
                case NULL -> NULL;
            };
        }

        @Override
        public long integer(int column) {
            return stmt.getLong(column);
        }

        @Override
        public double real(int column) {
            return stmt.getDouble(column);
        }

        @Override
        public String text(int column) {
            String s = stmt.getText(column);
            return s == null ? "" : s;
        }

        @Override
        public byte[] blob(int column) {
            byte[] b = stmt.getBlob(column);
            return b == null ? new byte[0] : b;
        }

        @Override
        public int parameterCount() {
            return stmt.parameterCount();
        }

        @Override
        public String parameterName(int index) {
            return stmt.parameterName(index);
        }

        @Override
        public void bind(int index, Object value) {
            stmt.bindObject(index, value);
        }

        @Override
        public void reset() {
            stmt.reset();
        }

        @Override
        public void close() {
            stmt.close();
        }
    }
}
