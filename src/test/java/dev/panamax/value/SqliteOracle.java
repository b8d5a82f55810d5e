package dev.panamax.value;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The real SQLite (sqlite-jdbc, in-process) as a differential oracle: evaluates one SQL expression over bound
 * values and returns the result as a {@link Mem}, or the error it raised.
 *
 * <p>TEXT arguments are bound as blobs and cast to TEXT when they are not valid UTF-8 (so their exact bytes
 * survive); everything else binds natively. Results come back with their exact type and bytes (hex for TEXT and
 * BLOB, the double's bits for REAL).
 */
public final class SqliteOracle implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** What SQLite answered: a value, or an error with its result code and message. */
    public record Answer(Mem value, int errorCode, String errorMessage) {
        public boolean isError() {
            return errorMessage != null;
        }

        @Override
        public String toString() {
            return isError() ? "ERROR(" + errorCode + ": " + errorMessage + ")" : describe(value);
        }
    }

    public SqliteOracle() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SELECT expr, where expr refers to the arguments as ?1, ?2, ... */
    public Answer eval(String expr, Mem... args) {
        for (int k = args.length; k >= 1; k--) {
            if (args[k - 1].type() == Mem.TEXT && !validUtf8(args[k - 1])) {
                expr = expr.replaceAll("\\?" + k + "(?![0-9])", "CAST(?" + k + " AS TEXT)");
            }
        }
        String sql = "SELECT typeof(v), CASE WHEN typeof(v) IN ('text','blob') THEN hex(v) END, v FROM (SELECT "
                + expr + " AS v)";
        try {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            for (int k = 0; k < args.length; k++) {
                bind(ps, k + 1, args[k]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + expr);
                }
                return new Answer(read(rs), 0, null);
            }
        } catch (SQLException e) {
            PreparedStatement broken = statements.remove(sql);
            if (broken != null) {
                try {
                    broken.close();
                } catch (SQLException ignored) {
                    // the statement is discarded either way
                }
            }
            String msg = e.getMessage();
            int paren = msg.lastIndexOf(" (");
            if (msg.startsWith("[SQLITE_") && paren >= 0 && msg.endsWith(")")) {
                msg = msg.substring(paren + 2, msg.length() - 1);
            }
            return new Answer(null, e.getErrorCode(), msg);
        }
    }

    /** Runs any query and returns the first column of the first row as a Mem (for ad-hoc checks). */
    public Answer query(String sql) {
        return eval("(" + sql + ")");
    }

    /** True when the TEXT's bytes survive a round trip through a Java String (so setString binds them exactly). */
    static boolean validUtf8(Mem m) {
        byte[] b = java.util.Arrays.copyOf(m.bytes(), m.length());
        return java.util.Arrays.equals(b, new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    private static void bind(PreparedStatement ps, int k, Mem m) throws SQLException {
        switch (m.type()) {
            case Mem.NULL -> ps.setNull(k, java.sql.Types.NULL);
            case Mem.INTEGER -> ps.setLong(k, m.longValue());
            case Mem.REAL -> ps.setDouble(k, m.doubleValue());
            case Mem.TEXT -> {
                if (validUtf8(m)) {
                    ps.setString(k, m.textValue());
                } else {
                    ps.setBytes(k, m.copyBytes());
                }
            }
            default -> ps.setBytes(k, m.copyBytes());
        }
    }

    private static Mem read(ResultSet rs) throws SQLException {
        Mem out = new Mem();
        String type = rs.getString(1);
        switch (type) {
            case "null" -> out.setNull();
            case "integer" -> out.setLong(rs.getLong(3));
            case "real" -> out.setDouble(rs.getDouble(3));
            case "text" -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(2));
                out.setText(b, 0, b.length);
            }
            default -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(2));
                out.setBlob(b, 0, b.length);
            }
        }
        return out;
    }

    /** True when both are the same type with the same value (REALs bit for bit, -0.0 == 0.0 apart). */
    public static boolean same(Mem a, Mem b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case Mem.NULL -> true;
            case Mem.INTEGER -> a.longValue() == b.longValue();
            case Mem.REAL -> a.doubleValue() == b.doubleValue() || Double.compare(a.doubleValue(), b.doubleValue()) == 0;
            default -> java.util.Arrays.equals(a.bytes(), 0, a.length(), b.bytes(), 0, b.length());
        };
    }

    /** A readable, exact description of a value for failure messages (long values cut to 300 characters). */
    public static String describe(Mem m) {
        String d = describeFully(m);
        return d.length() > 300 ? d.substring(0, 300) + "...(" + d.length() + " chars)" : d;
    }

    private static String describeFully(Mem m) {
        return switch (m.type()) {
            case Mem.NULL -> "NULL";
            case Mem.INTEGER -> "INTEGER " + m.longValue();
            case Mem.REAL -> "REAL " + m.doubleValue() + " (" + Long.toHexString(Double.doubleToRawLongBits(m.doubleValue())) + ")";
            case Mem.TEXT -> "TEXT '" + new String(m.bytes(), 0, m.length(), StandardCharsets.UTF_8) + "' x"
                    + HexFormat.of().formatHex(m.bytes(), 0, m.length());
            default -> "BLOB x'" + HexFormat.of().formatHex(m.bytes(), 0, m.length()) + "'";
        };
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
