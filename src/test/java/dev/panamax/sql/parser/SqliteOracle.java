package dev.panamax.sql.parser;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite itself (through sqlite-jdbc) as the oracle: prepares a statement and reports null for success or
 * SQLite's bare error message.
 */
final class SqliteOracle implements AutoCloseable {
    private final Connection connection;

    SqliteOracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** Runs setup statements (schema the statements under test may refer to). */
    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** Null when SQLite prepares {@code sql}, else its error message without the driver's decoration. */
    String prepare(String sql) {
        if (isEmpty(sql)) {
            return null;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return null;
        } catch (SQLException e) {
            return bare(e.getMessage());
        }
    }

    /** Only semicolons, spaces and comments: SQLite prepares no statement (and sqlite-jdbc mishandles that). */
    private static boolean isEmpty(String sql) {
        Lexer lx = Lexer.tokenize(sql);
        for (int k = 0; k < lx.count - 1; k++) {
            if (lx.type[k] != Tk.SEMI) {
                return false;
            }
        }
        return true;
    }

    static String bare(String m) {
        if (m == null) {
            return "";
        }
        int open = m.indexOf(" (");
        if (m.startsWith("[SQLITE_") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 2, m.length() - 1);
        }
        return m;
    }

    /** Messages SQLite's tokenizer and parser produce for text that is not SQL. */
    static boolean isSyntaxMessage(String m) {
        return m != null && (m.equals("incomplete input") || m.startsWith("unrecognized token: ")
                || (m.startsWith("near \"") && m.endsWith("\": syntax error")));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
