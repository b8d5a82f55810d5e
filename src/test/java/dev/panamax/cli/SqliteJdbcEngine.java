package dev.panamax.cli;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.api.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteException;

/**
 * The shell's {@link Engine} over SQLite itself (sqlite-jdbc): runs the shell's own code against the reference
 * engine, so that differences from the {@code sqlite3} shell's output are the shell's, not the engine's.
 * Statements are cut with SQLite's completion rules, which sqlite-jdbc does not expose.
 */
final class SqliteJdbcEngine implements Engine {
    private static final Pattern MESSAGE = Pattern.compile("^\\[\\w+\\]\\s.*?\\((.*)\\)$", Pattern.DOTALL);

    @Override
    public Session open(String filename, boolean readOnly) {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("open_mode", "1");
        }
        try {
            return new JdbcSession(DriverManager.getConnection("jdbc:sqlite:" + filename, p), filename);
        } catch (SQLException e) {
            throw error(e);
        }
    }

    @Override
    public String version() {
        return "sqlite-jdbc";
    }

    @Override
    public boolean isKeyword(String word) {
        return Sql.isKeyword(word);
    }

    @Override
    public List<String> keywords() {
        return Sql.keywords();
    }

    static DbException error(SQLException e) {
        ResultCode code = e instanceof SQLiteException se ? ResultCode.of(se.getResultCode().code) : null;
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = MESSAGE.matcher(message);
        if (m.matches()) {
            message = m.group(1);
        }
        return new DbException(code == null ? ResultCode.ERROR : code, message);
    }

    /** One statement as the shell sees it. */
    private static final class JdbcCursor implements Cursor {
        private final PreparedStatement stmt;
        private final String sql;
        private final int end;
        private final int columns;
        private ResultSet rs;
        private boolean started;

        JdbcCursor(PreparedStatement stmt, String sql, int end) throws SQLException {
            this.stmt = stmt;
            this.sql = sql;
            this.end = end;
            this.columns = columnCount(stmt);
        }

        /** sqlite-jdbc reports a statement without result columns as an out-of-bounds error. */
        private static int columnCount(PreparedStatement stmt) {
            try {
                return stmt.getMetaData() == null ? 0 : stmt.getMetaData().getColumnCount();
            } catch (SQLException e) {
                return 0;
            }
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
            String s = sql.stripLeading().toUpperCase(Locale.ROOT);
            if (!s.startsWith("EXPLAIN")) {
                return 0;
            }
            return s.substring(7).stripLeading().startsWith("QUERY") ? 2 : 1;
        }

        @Override
        public int columnCount() {
            return columns;
        }

        @Override
        public String columnName(int column) {
            try {
                return stmt.getMetaData().getColumnLabel(column + 1);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public boolean step() {
            try {
                if (!started) {
                    started = true;
                    if (columns == 0) {
                        stmt.executeUpdate();
                        return false;
                    }
                    rs = stmt.executeQuery();
                }
                return rs != null && rs.next();
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public int type(int column) {
            try {
                Object o = rs.getObject(column + 1);
                return switch (o) {
                    case null -> NULL;
                    case Integer i -> INTEGER;
                    case Long l -> INTEGER;
                    case Double d -> FLOAT;
                    case byte[] b -> BLOB;
                    default -> TEXT;
                };
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public long integer(int column) {
            try {
                return rs.getLong(column + 1);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public double real(int column) {
            try {
                return rs.getDouble(column + 1);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public String text(int column) {
            try {
                return rs.getString(column + 1);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public byte[] blob(int column) {
            try {
                byte[] b = rs.getBytes(column + 1);
                return b == null ? new byte[0] : b;
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public int parameterCount() {
            try {
                ParameterMetaData md = stmt.getParameterMetaData();
                return md.getParameterCount();
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public String parameterName(int index) {
            return null;
        }

        @Override
        public void bind(int index, Object value) {
            try {
                stmt.setObject(index, value);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public void reset() {
            try {
                if (rs != null) {
                    rs.close();
                }
                rs = null;
                started = false;
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public void close() {
            try {
                stmt.close();
            } catch (SQLException e) {
                throw error(e);
            }
        }
    }

    /** A connection as the shell sees it. */
    private static final class JdbcSession implements Session {
        private final Connection conn;
        private final String filename;

        JdbcSession(Connection conn, String filename) {
            this.conn = conn;
            this.filename = filename;
        }

        @Override
        public Cursor prepare(String sql, int offset) {
            String rest = sql.substring(offset);
            List<dev.panamax.sql.parser.SqlScripts.Segment> segments = dev.panamax.sql.parser.SqlScripts.split(rest);
            for (var seg : segments) {
                String text = seg.text(rest);
                if (onlyComments(text)) {
                    continue;
                }
                try {
                    return new JdbcCursor(conn.prepareStatement(text), text, offset + seg.end());
                } catch (SQLException e) {
                    throw error(e);
                }
            }
            return null;
        }

        private static boolean onlyComments(String s) {
            String t = s.replaceAll("(?s)/\\*.*?(\\*/|$)", " ").replaceAll("--[^\n]*", " ").replace(";", " ");
            return t.isBlank();
        }

        @Override
        public int errorOffset() {
            return -1;
        }

        @Override
        public boolean complete(String sql) {
            return Sql.complete(sql);
        }

        @Override
        public long changes() {
            return scalar("SELECT changes()");
        }

        @Override
        public long totalChanges() {
            return scalar("SELECT total_changes()");
        }

        private long scalar(String sql) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public boolean autocommit() {
            return true;
        }

        @Override
        public void busyTimeout(long millis) {
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA busy_timeout=" + millis);
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public void interrupt() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String filename() {
            return filename;
        }

        @Override
        public boolean readOnly() {
            try {
                return conn.isReadOnly();
            } catch (SQLException e) {
                throw error(e);
            }
        }

        @Override
        public void close() {
            try {
                conn.close();
            } catch (SQLException e) {
                throw error(e);
            }
        }
    }
}
