package dev.panamax.conformance;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.Statement;
import dev.panamax.value.Mem;
import dev.panamax.value.Printf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Panamax under sqllogictest, through the public API: a fresh in-memory database per script, statements through
 * {@link Connection#execute} (like sqlite3_exec), query values rendered as SQLite's harness renders them ("R" with
 * SQLite's own {@code %.3f}). It calls itself {@code sqlite}, standing in for SQLite in skipif/onlyif.
 */
final class PanamaxSltEngine implements SltEngine {
    private final Database db;
    private final Connection conn;
    private final Mem real = new Mem();

    PanamaxSltEngine() {
        db = Database.open(":memory:");
        conn = db.connect();
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void execute(String sql) {
        conn.execute(sql);
    }

    @Override
    public List<String> query(String sql, String types) throws Exception {
        try (Statement s = conn.prepare(sql)) {
            int n = s.columnCount();
            if (n != types.length()) {
                throw new ColumnCountMismatch(types.length(), n);
            }
            List<String> out = new ArrayList<>();
            try {
                while (s.step()) {
                    for (int c = 0; c < n; c++) {
                        out.add(render(s, c, types.charAt(c)));
                    }
                }
            } catch (DbException stepError) {
                return out;
            }
            return out;
        }
    }

    private String render(Statement s, int c, char type) {
        if (s.isNull(c)) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> Integer.toString(s.getInt(c));
            case 'R' -> {
                real.setDouble(s.getDouble(c));
                yield Printf.format("%.3f", real);
            }
            default -> SltEngine.renderText(s.getText(c).getBytes(StandardCharsets.UTF_8));
        };
    }

    @Override
    public void close() {
        conn.close();
        db.close();
    }
}
