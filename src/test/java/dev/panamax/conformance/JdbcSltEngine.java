package dev.panamax.conformance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** An {@link SltEngine} over any JDBC connection whose getters follow SQLite's {@code sqlite3_column_*} rules. */
class JdbcSltEngine implements SltEngine {
    /** Runs a script of one or more statements, as sqlite3_exec does. */
    interface ScriptRunner {
        void exec(Connection c, String sql) throws SQLException;
    }

    private final String name;
    private final Connection connection;
    private final ScriptRunner scripts;
    private final DoubleFunction<String> formatReal;

    JdbcSltEngine(String name, Connection connection, ScriptRunner scripts, DoubleFunction<String> formatReal) {
        this.name = name;
        this.connection = connection;
        this.scripts = scripts;
        this.formatReal = formatReal;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void execute(String sql) throws SQLException {
        scripts.exec(connection, sql);
    }

    /**
     * Like SQLite's harness, an error while stepping ends the result (the rows so far are the result); only an
     * error while preparing fails the query.
     */
    @Override
    public List<String> query(String sql, String types) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            List<String> out = new ArrayList<>();
            ResultSet rs;
            try {
                rs = ps.executeQuery();
            } catch (SQLException stepError) {
                return out;
            }
            try (rs) {
                int n = rs.getMetaData().getColumnCount();
                if (n != types.length()) {
                    throw new ColumnCountMismatch(types.length(), n);
                }
                while (next(rs)) {
                    for (int c = 1; c <= n; c++) {
                        out.add(render(rs, c, types.charAt(c - 1)));
                    }
                }
            }
            return out;
        }
    }

    private static boolean next(ResultSet rs) {
        try {
            return rs.next();
        } catch (SQLException stepError) {
            return false;
        }
    }

    private String render(ResultSet rs, int c, char type) throws SQLException {
        if (rs.getObject(c) == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> Integer.toString(rs.getInt(c));
            case 'R' -> formatReal.apply(rs.getDouble(c));
            default -> SltEngine.renderText(rs.getString(c).getBytes(StandardCharsets.UTF_8));
        };
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
