package dev.panamax.jdbc;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;

/**
 * A reference engine for the driver's tests: the {@link Engine} calls served by real SQLite through sqlite-jdbc.
 * Running the driver's JDBC tests over it shows that what they expect is what SQLite does; running them over
 * Panamax shows Panamax does the same.
 *
 * <p>It is a test double, not a second driver: it splits SQL text with a simple scanner, tracks the transaction
 * state from the statements it runs, and reads declared types through sqlite-jdbc's metadata.
 */
final class SqliteEngine implements Engine {
    private static final Pattern MESSAGE = Pattern.compile("\\((.*)\\)$", Pattern.DOTALL);

    @Override
    public EngineConnection open(JdbcUrl url, ConnectionConfig config) throws SQLException {
        String target = url.sharedMemoryName() != null
                ? "file:" + url.sharedMemoryName() + "?mode=memory&cache=shared"
                : url.isMemory() ? ":memory:" : url.path();
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(config.readOnly());
        Properties p = cfg.toProperties();
        if (config.mustExist() && !url.isMemory() && !new java.io.File(url.path()).exists()) {
            throw new SQLException("unable to open database file", "08001", ResultCode.CANTOPEN.code());
        }
        return new Conn((SQLiteConnection) DriverManager.getConnection("jdbc:sqlite:" + target, p));
    }

    /** SQLite's error as Panamax reports it: the extended code and SQLite's own message text. */
    static DbException translate(SQLException e) {
        ResultCode code = ResultCode.ERROR;
        if (e instanceof SQLiteException se && ResultCode.of(se.getResultCode().code) != null) {
            code = ResultCode.of(se.getResultCode().code);
        }
        String msg = e.getMessage();
        Matcher m = MESSAGE.matcher(msg == null ? "" : msg);
        return new DbException(code, m.find() ? m.group(1) : msg);
    }

    private static final class Conn implements EngineConnection {
        private final SQLiteConnection c;
        private boolean inTransaction;
        /** The savepoint that opened the transaction (its RELEASE commits), or null. */
        private String outerSavepoint;

        Conn(SQLiteConnection c) {
            this.c = c;
        }

        @Override
        public EngineStatement prepare(String sql) {
            String[] parts = split(sql);
            if (parts[0].isBlank() || SqlText.skipSpaceAndComments(parts[0], 0) >= parts[0].length()) {
                return null;
            }
            try {
                return new Stmt(this, c.prepareStatement(parts[0]), parts[0], parts[1]);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        void ran(String sql) {
            String k = SqlText.firstKeyword(sql);
            String name = sql.strip().replaceFirst("(?i)^(SAVEPOINT|RELEASE(\\s+SAVEPOINT)?)\\s+", "").strip();
            if (k.equals("SAVEPOINT") && !inTransaction) {
                outerSavepoint = name;
            }
            if (k.equals("BEGIN") || k.equals("SAVEPOINT")) {
                inTransaction = true;
            } else if (k.equals("COMMIT") || k.equals("END")
                    || (k.equals("ROLLBACK") && !sql.toUpperCase(Locale.ROOT).contains(" TO "))
                    || (k.equals("RELEASE") && name.equalsIgnoreCase(outerSavepoint))) {
                inTransaction = false;
                outerSavepoint = null;
            }
        }

        @Override
        public boolean inTransaction() {
            return inTransaction;
        }

        private long query(String expr) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + expr)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public long changes() {
            return query("changes()");
        }

        @Override
        public long totalChanges() {
            return query("total_changes()");
        }

        @Override
        public long lastInsertRowid() {
            return query("last_insert_rowid()");
        }

        @Override
        public void setBusyTimeout(long millis) {
            try {
                c.getDatabase().busy_timeout((int) Math.min(millis, Integer.MAX_VALUE));
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void interrupt() {
            try {
                c.getDatabase().interrupt();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public boolean isReadOnly() {
            try {
                return c.isReadOnly();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() {
            try {
                c.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    private static final class Stmt implements EngineStatement {
        private final Conn conn;
        private final PreparedStatement ps;
        private final String sql;
        private final String tail;
        private final int columns;
        private ResultSetMetaData meta;
        private String[][] facts;
        private ResultSet rs;
        private boolean started;

        Stmt(Conn conn, PreparedStatement ps, String sql, String tail) throws SQLException {
            this.conn = conn;
            this.ps = ps;
            this.sql = sql;
            this.tail = tail;
            ResultSetMetaData m = ps.getMetaData();
            int n;
            try {
                n = m == null ? 0 : m.getColumnCount();
            } catch (SQLException noColumns) {
                n = 0;
            }
            this.columns = n;
            this.meta = m;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public String tail() {
            return tail;
        }

        @Override
        public int parameterCount() {
            try {
                return ps.getParameterMetaData().getParameterCount();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        private interface Bind {
            void run() throws SQLException;
        }

        private void bind(Bind b) {
            try {
                b.run();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void bindNull(int index) {
            bind(() -> ps.setNull(index, java.sql.Types.NULL));
        }

        @Override
        public void bindLong(int index, long value) {
            bind(() -> ps.setLong(index, value));
        }

        @Override
        public void bindDouble(int index, double value) {
            bind(() -> ps.setDouble(index, value));
        }

        @Override
        public void bindText(int index, String value) {
            bind(() -> ps.setString(index, value));
        }

        @Override
        public void bindBlob(int index, byte[] value) {
            bind(() -> ps.setBytes(index, value));
        }

        @Override
        public void clearBindings() {
            bind(ps::clearParameters);
        }

        @Override
        public boolean step() {
            try {
                if (!started) {
                    started = true;
                    if (columns == 0) {
                        ps.executeUpdate();
                        conn.ran(sql);
                        return false;
                    }
                    rs = ps.executeQuery();
                    if (facts == null) {
                        meta = rs.getMetaData();
                        meta(0, 0);
                    }
                    conn.ran(sql);
                }
                return rs != null && rs.next();
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void reset() {
            try {
                if (rs != null) {
                    rs.close();
                    rs = null;
                }
                started = false;
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public boolean isReadOnly() {
            String k = SqlText.firstKeyword(sql);
            return k.equals("SELECT") || k.equals("VALUES") || k.equals("EXPLAIN")
                    || (k.equals("WITH") && !SqlText.isInsert(sql)) || (k.equals("PRAGMA") && !sql.contains("="));
        }

        @Override
        public int columnCount() {
            return columns;
        }

        /** Column facts, read once while sqlite-jdbc's metadata is valid (it is not after its result set closes). */
        private String meta(int col, int what) {
            if (facts == null) {
                try {
                    facts = new String[columns][4];
                    for (int i = 0; i < columns; i++) {
                        facts[i] = new String[] {meta.getColumnLabel(i + 1), meta.getTableName(i + 1),
                            meta.getColumnName(i + 1), meta.getColumnTypeName(i + 1)};
                    }
                } catch (SQLException e) {
                    facts = null;
                    throw translate(e);
                }
            }
            return facts[col][what];
        }

        @Override
        public String columnName(int col) {
            return meta(col, 0);
        }

        @Override
        public String columnDeclType(int col) {
            String table = meta(col, 1);
            return table == null || table.isEmpty() ? null : meta(col, 3);
        }

        @Override
        public String columnTableName(int col) {
            String table = meta(col, 1);
            return table == null || table.isEmpty() ? null : table;
        }

        @Override
        public String columnOriginName(int col) {
            return columnTableName(col) == null ? null : meta(col, 2);
        }

        /** sqlite3_column_type, which sqlite-jdbc keeps protected (its getObject guesses from the declared type). */
        @Override
        public int columnType(int col) {
            try {
                java.lang.reflect.Method m = org.sqlite.jdbc3.JDBC3ResultSet.class
                        .getDeclaredMethod("safeGetColumnType", int.class);
                m.setAccessible(true);
                return (Integer) m.invoke(rs, col);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sqlite-jdbc changed: " + e, e);
            }
        }

        @Override
        public long columnLong(int col) {
            try {
                return rs.getLong(col + 1);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public double columnDouble(int col) {
            try {
                return rs.getDouble(col + 1);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public String columnText(int col) {
            try {
                return rs.getString(col + 1);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public byte[] columnBlob(int col) {
            try {
                return rs.getBytes(col + 1);
            } catch (SQLException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() {
            try {
                reset();
                ps.close();
            } catch (SQLException e) {
                throw translate(e);
            }
        }
    }

    /** The first statement of {@code sql} and the rest; CREATE TRIGGER bodies keep their semicolons. */
    static String[] split(String sql) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                int end = sql.indexOf(ch == '[' ? ']' : ch, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == ';' && !insideTrigger(sql.substring(0, i))) {
                return new String[] {sql.substring(0, i), sql.substring(i + 1)};
            } else {
                i++;
            }
        }
        return new String[] {sql, ""};
    }

    private static boolean insideTrigger(String head) {
        String u = head.strip().toUpperCase(Locale.ROOT);
        if (!u.matches("(?s)(--[^\\n]*\\n\\s*)*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*")) {
            return false;
        }
        return !u.matches("(?s).*\\bEND$");
    }
}
