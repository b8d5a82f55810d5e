package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.vdbe.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One execution of a pragma at run time: the connection, the schema qualifier and argument as written, and the
 * rows it produces. Pragmas run when the statement steps (inside its transaction), not when it is prepared, so a
 * prepared PRAGMA reports the state of the moment it runs.
 */
final class PragmaRun {
    final Session session;
    final Pragmas.Def def;
    /** The {@code schema.} qualifier as written, or null. */
    final String schemaName;
    /** The argument (dequoted), or null. */
    final String value;
    /** Run for a {@code pragma_NAME} table rather than a PRAGMA statement. */
    final boolean fromTable;
    final List<Object[]> rows = new ArrayList<>();

    PragmaRun(Session session, Pragmas.Def def, String schemaName, String value, boolean fromTable) {
        this.session = session;
        this.def = def;
        this.schemaName = schemaName;
        this.value = value;
        this.fromTable = fromTable;
    }

    Schema schema() {
        return session.schema();
    }

    /** Adds a result row; Integer values become Long, as every integer register holds a long. */
    void row(Object... values) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] instanceof Integer i) {
                values[k] = i.longValue();
            } else if (values[k] instanceof Boolean b) {
                values[k] = b ? 1L : 0L;
            }
        }
        rows.add(values);
    }

    /** True when the pragma names the temp schema (which holds nothing but its schema table here). */
    boolean isTemp() {
        return schemaName != null && schemaName.equalsIgnoreCase("temp");
    }

    /**
     * The table or view named by the argument in the schema the pragma applies to, or null; the temp schema holds
     * only its schema table (sqlite_temp_master, also reachable as sqlite_master).
     */
    Table table(String name) {
        if (name == null) {
            return null;
        }
        if (isTemp()) {
            boolean schemaTable = name.equalsIgnoreCase("sqlite_temp_master")
                    || name.equalsIgnoreCase("sqlite_temp_schema") || name.equalsIgnoreCase("sqlite_master")
                    || name.equalsIgnoreCase("sqlite_schema");
            return schemaTable ? schema().table(dev.panamax.schema.Schema.SCHEMA_TABLE) : null;
        }
        return schema().table(name);
    }

    /** The argument as an integer the way sqlite3Atoi reads it: 0 when it is not a 32-bit integer. */
    static long atoi(String s) {
        Integer v = int32(s);
        return v == null ? 0 : v;
    }

    /**
     * sqlite3GetInt32: an optional sign and decimal digits (or unsigned 0x hex up to 0x7fffffff), anything after
     * ignored; null when there is no number or it overflows.
     */
    static Integer int32(String s) {
        if (s == null) {
            return null;
        }
        int k = 0;
        boolean neg = false;
        if (k < s.length() && (s.charAt(k) == '-' || s.charAt(k) == '+')) {
            neg = s.charAt(k) == '-';
            k++;
        } else if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && isHex(s, 2)) {
            return hex32(s);
        }
        if (k >= s.length() || !isDigit(s.charAt(k))) {
            return null;
        }
        while (k < s.length() && s.charAt(k) == '0') {
            k++;
        }
        long v = 0;
        int digits = 0;
        for (; k < s.length() && digits < 11 && isDigit(s.charAt(k)); k++, digits++) {
            v = v * 10 + (s.charAt(k) - '0');
        }
        if (digits > 10 || v - (neg ? 1 : 0) > Integer.MAX_VALUE) {
            return null;
        }
        return (int) (neg ? -v : v);
    }

    private static Integer hex32(String s) {
        int k = 2;
        while (k < s.length() && s.charAt(k) == '0') {
            k++;
        }
        long u = 0;
        int n = 0;
        for (; n < 8 && isHex(s, k); k++, n++) {
            u = u * 16 + Character.digit(s.charAt(k), 16);
        }
        if ((u & 0x80000000L) != 0 || isHex(s, k)) {
            return null;
        }
        return (int) u;
    }

    private static boolean isHex(String s, int k) {
        return k < s.length() && Character.digit(s.charAt(k), 16) >= 0 && s.charAt(k) < 128;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The argument as SQLite's sqlite3DecOrHexToI64 reads it: a decimal or 0x hex integer, else null. */
    static Long decOrHex(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * SQLite's getSafetyLevel: a number, or on/yes/true/normal (1), off/no/false (0), full (2), extra (3); anything
     * else is {@code dflt}.
     */
    static int safetyLevel(String z, boolean omitFull, int dflt) {
        String s = z.strip();
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            return (int) atoi(s);
        }
        int v = switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> 1;
            case "no", "off", "false" -> 0;
            case "extra" -> 3;
            case "full" -> 2;
            default -> -1;
        };
        if (v < 0 || (omitFull && v > 1)) {
            return dflt;
        }
        return v;
    }

    /** sqlite3GetBoolean. */
    static boolean bool(String z) {
        return safetyLevel(z, true, 0) != 0;
    }

    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }
}
