package dev.panamax.conformance.differential;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.Statement;
import java.util.ArrayList;
import java.util.List;

/** Panamax through its public API: a private in-memory database, one statement at a time. */
final class PanamaxSide implements Side {
    private final Database db = Database.open(":memory:");
    private final Connection conn = db.connect();

    @Override
    public Outcome run(String sql) {
        try (Statement s = conn.prepare(sql)) {
            int n = s.columnCount();
            List<List<Cell>> rows = new ArrayList<>();
            while (s.step()) {
                List<Cell> row = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    row.add(cell(s, c));
                }
                rows.add(row);
            }
            return new Outcome.Rows(rows);
        } catch (DbException e) {
            return new Outcome.Failure(e.code().code(), e.getMessage());
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            StackTraceElement[] at = e.getStackTrace();
            return new Outcome.Failure(-1, "Panamax crashed: " + e + (at.length > 0 ? " at " + at[0] : ""));
        }
    }

    private static Cell cell(Statement s, int c) {
        return switch (s.columnType(c)) {
            case NULL -> Cell.NULL;
            case INTEGER -> Cell.ofLong(s.getLong(c));
            case REAL -> Cell.ofDouble(s.getDouble(c));
            case TEXT -> Cell.ofText(s.getText(c));
            case BLOB -> Cell.ofBlob(s.getBlob(c));
        };
    }

    @Override
    public void close() {
        conn.close();
        db.close();
    }
}
