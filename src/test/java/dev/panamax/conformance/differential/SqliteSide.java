package dev.panamax.conformance.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * Real SQLite (sqlite-jdbc) as the oracle: a private in-memory database; each value is read by its storage class
 * (getObject follows sqlite3_column_type), each error by its extended result code and SQLite's own message.
 */
final class SqliteSide implements Side {
    private final Connection conn;

    SqliteSide() {
        try {
            conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Outcome run(String sql) {
        try (Statement s = conn.createStatement()) {
            List<List<Cell>> rows = new ArrayList<>();
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Cell> row = new ArrayList<>(n);
                        for (int c = 1; c <= n; c++) {
                            row.add(cell(rs.getObject(c)));
                        }
                        rows.add(row);
                    }
                }
            }
            return new Outcome.Rows(rows);
        } catch (SQLException e) {
            return failure(e);
        }
    }

    static Outcome.Failure failure(SQLException e) {
        if (e instanceof SQLiteException se) {
            String prefix = se.getResultCode().toString() + " (";
            String m = se.getMessage();
            String text = m.startsWith(prefix) && m.endsWith(")") ? m.substring(prefix.length(), m.length() - 1) : m;
            return new Outcome.Failure(se.getResultCode().code, text);
        }
        return new Outcome.Failure(e.getErrorCode(), e.getMessage());
    }

    private static Cell cell(Object o) {
        return switch (o) {
            case null -> Cell.NULL;
            case Integer i -> Cell.ofLong(i);
            case Long l -> Cell.ofLong(l);
            case Double d -> Cell.ofDouble(d);
            case String t -> Cell.ofText(t);
            case byte[] b -> Cell.ofBlob(b);
            default -> throw new IllegalStateException("unexpected value class " + o.getClass());
        };
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
