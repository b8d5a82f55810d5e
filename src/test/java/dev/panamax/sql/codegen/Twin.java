package dev.panamax.sql.codegen;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The same database opened twice, by Panamax and by SQLite (sqlite-jdbc), so that a statement's result can be
 * compared. Results are rendered as text: the column names, then one line per row with each value tagged by its
 * type, or {@code error <primary code>} when the statement fails (the message texts are compared separately where
 * they matter).
 */
final class Twin implements AutoCloseable {
    final Database db;
    final Connection ours;
    final java.sql.Connection ref;

    /** A pair on the same file, or two separate in-memory databases when {@code path} is null. */
    Twin(String path) throws SQLException {
        this(path, path);
    }

    /** Panamax on {@code ourPath}, SQLite on {@code refPath} (null: in memory). */
    Twin(String ourPath, String refPath) throws SQLException {
        this.db = Database.open(ourPath == null ? ":memory:" : ourPath);
        this.ours = db.connect();
        this.ref = DriverManager.getConnection("jdbc:sqlite:" + (refPath == null ? ":memory:" : refPath));
        try (java.sql.Statement s = ref.createStatement()) {
            s.execute("PRAGMA busy_timeout=0");
        }
    }

    /** Runs {@code sql} on both sides and returns {ours, reference}. */
    String[] both(String sql) throws SQLException {
        return new String[] {ours(sql), ref(sql)};
    }

    /** Runs each statement on both sides, then every query, and asserts that all results agree. */
    void agree(List<String> statements, String... queries) throws SQLException {
        for (String s : statements) {
            String[] r = both(s);
            org.junit.jupiter.api.Assertions.assertEquals(r[1], r[0], s);
            for (String q : queries) {
                String[] rq = both(q);
                org.junit.jupiter.api.Assertions.assertEquals(rq[1], rq[0], q + " after " + s);
            }
        }
    }

    /**
     * Runs {@code sql} on both sides and returns {ours, reference}: "no error", or the error message (sqlite-jdbc's
     * "[CODE] description (message)" wrapper taken off).
     */
    String[] outcomes(String sql) throws SQLException {
        String mine;
        try (Statement s = ours.prepare(sql)) {
            s.execute();
            mine = "no error";
        } catch (DbException e) {
            mine = e.getMessage();
        }
        String theirs;
        try (java.sql.Statement s = ref.createStatement()) {
            s.execute(sql);
            theirs = "no error";
        } catch (SQLException e) {
            theirs = e.getMessage().replaceFirst("^\\[SQLITE_[A-Z_]+\\] [^(]*\\((.*)\\)$", "$1");
        }
        return new String[] {mine, theirs};
    }

    /** Runs a setup statement on both sides, failing on any error. */
    void exec(String sql) throws SQLException {
        try (Statement s = ours.prepare(sql)) {
            s.execute();
        }
        try (java.sql.Statement s = ref.createStatement()) {
            s.execute(sql);
        }
    }

    String ours(String sql) {
        return ours(ours, sql);
    }

    static String ours(Connection c, String sql) {
        StringBuilder sb = new StringBuilder();
        try (Statement s = c.prepare(sql)) {
            List<String> names = new ArrayList<>();
            boolean first = true;
            while (s.step()) {
                if (first) {
                    for (int i = 0; i < s.columnCount(); i++) {
                        names.add(s.columnName(i));
                    }
                    sb.append(names).append('\n');
                    first = false;
                }
                for (int i = 0; i < s.columnCount(); i++) {
                    sb.append(i == 0 ? "" : "|").append(render(s.getObject(i)));
                }
                sb.append('\n');
            }
            if (first && s.columnCount() > 0) {
                for (int i = 0; i < s.columnCount(); i++) {
                    names.add(s.columnName(i));
                }
                sb.append(names).append('\n');
            }
        } catch (DbException e) {
            sb.append("error ").append(e.primaryCode().code()).append('\n');
        }
        return sb.toString();
    }

    String ref(String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (java.sql.Statement s = ref.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        names.add(md.getColumnName(i));
                    }
                    sb.append(names).append('\n');
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            sb.append(i == 1 ? "" : "|").append(render(rs.getObject(i)));
                        }
                        sb.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 0) {
                throw e;
            }
            sb.append("error ").append(e.getErrorCode() & 0xff).append('\n');
        }
        return sb.toString();
    }

    static String render(Object v) {
        return switch (v) {
            case null -> "NULL";
            case Integer i -> "i:" + i;
            case Long l -> "i:" + l;
            case Double d -> "r:" + d;
            case String s -> "t:" + s;
            case byte[] b -> "b:" + HexFormat.of().formatHex(b);
            default -> "?:" + v;
        };
    }

    @Override
    public void close() throws SQLException {
        ours.close();
        db.close();
        ref.close();
    }
}
