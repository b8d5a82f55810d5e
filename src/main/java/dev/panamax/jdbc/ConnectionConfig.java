package dev.panamax.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of one JDBC connection, from the properties given to {@code connect} and the URL's query string
 * (the URL wins). Property names follow SQLite's URI parameters and the xerial sqlite-jdbc driver where they
 * overlap, so a URL written for one works with the other.
 *
 * @param readOnly {@code mode=ro}, {@code open_mode=ro}, {@code readonly=true} or {@code read_only=true}
 * @param mustExist {@code mode=ro} or {@code mode=rw}: no new file is created
 * @param busyTimeoutMillis {@code busy_timeout}: how long a statement waits for another connection's lock (3000)
 * @param dates how {@code setDate}/{@code setTime}/{@code setTimestamp} store and the getters read date/time values
 * @param transactionMode {@code transaction_mode}: DEFERRED (default), IMMEDIATE or EXCLUSIVE, the BEGIN the driver
 *        issues when auto-commit is off
 * @param pragmas the PRAGMAs the connection runs after opening (foreign_keys, journal_mode, ...); a PRAGMA the
 *        engine does not know does nothing, as in SQLite
 */
record ConnectionConfig(boolean readOnly, boolean mustExist, long busyTimeoutMillis, DateConfig dates,
        String transactionMode, Map<String, String> pragmas) {

    static final long DEFAULT_BUSY_TIMEOUT_MILLIS = 3000;

    /** PRAGMAs a property may set: each runs as {@code PRAGMA name = value} when the connection opens. */
    static final List<String> PRAGMA_PROPERTIES = List.of("foreign_keys", "journal_mode", "synchronous",
            "cache_size", "case_sensitive_like", "recursive_triggers", "temp_store", "auto_vacuum", "page_size",
            "encoding", "secure_delete", "cache_spill", "mmap_size", "query_only", "defer_foreign_keys",
            "ignore_check_constraints", "automatic_index", "reverse_unordered_selects", "legacy_alter_table",
            "wal_autocheckpoint", "journal_size_limit", "locking_mode", "max_page_count");

    static ConnectionConfig of(JdbcUrl url, Properties given) throws SQLException {
        Properties p = new Properties();
        if (given != null) {
            given.forEach((k, v) -> p.setProperty(String.valueOf(k), String.valueOf(v)));
        }
        p.putAll(url.properties());
        String mode = p.getProperty("mode", p.getProperty("open_mode", "rwc")).toLowerCase(Locale.ROOT);
        boolean readOnly = mode.equals("ro") || bool(p, "readonly") || bool(p, "read_only");
        boolean mustExist = mode.equals("ro") || mode.equals("rw");
        if (!List.of("ro", "rw", "rwc", "memory").contains(mode)) {
            throw new SQLException("no such access mode: " + mode, "08001");
        }
        long busy = number(p, "busy_timeout", DEFAULT_BUSY_TIMEOUT_MILLIS);
        String txn = p.getProperty("transaction_mode", "DEFERRED").toUpperCase(Locale.ROOT);
        if (!List.of("DEFERRED", "IMMEDIATE", "EXCLUSIVE").contains(txn)) {
            throw new SQLException("transaction_mode must be DEFERRED, IMMEDIATE or EXCLUSIVE: " + txn, "08001");
        }
        Map<String, String> pragmas = new LinkedHashMap<>();
        for (String name : PRAGMA_PROPERTIES) {
            String v = p.getProperty(name);
            if (v != null) {
                pragmas.put(name, v);
            }
        }
        return new ConnectionConfig(readOnly, mustExist, busy, DateConfig.of(p), txn, Map.copyOf(pragmas));
    }

    private static boolean bool(Properties p, String key) {
        String v = p.getProperty(key);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("on")
                || v.equalsIgnoreCase("yes"));
    }

    private static long number(Properties p, String key, long dflt) throws SQLException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new SQLException(key + " must be a number of milliseconds: " + v, "08001", e);
        }
    }

    /** What {@code Driver.getPropertyInfo} reports: the properties this driver reads. */
    static DriverPropertyInfo[] propertyInfo(Properties given) {
        List<DriverPropertyInfo> out = new ArrayList<>();
        out.add(info(given, "mode", "rwc", "access mode: ro, rw, rwc or memory", "ro", "rw", "rwc", "memory"));
        out.add(info(given, "cache", "private", "with mode=memory: shared lets connections share a named database",
                "private", "shared"));
        out.add(info(given, "busy_timeout", Long.toString(DEFAULT_BUSY_TIMEOUT_MILLIS),
                "milliseconds a statement waits for a lock held by another connection"));
        out.add(info(given, "transaction_mode", "DEFERRED", "BEGIN mode when auto-commit is off",
                "DEFERRED", "IMMEDIATE", "EXCLUSIVE"));
        out.add(info(given, "date_class", "INTEGER", "storage of setDate/setTime/setTimestamp",
                "INTEGER", "TEXT", "REAL"));
        out.add(info(given, "date_precision", "MILLISECONDS", "unit of INTEGER dates", "MILLISECONDS", "SECONDS"));
        out.add(info(given, "date_string_format", DateConfig.DEFAULT_TEXT_FORMAT,
                "java.time pattern of TEXT dates"));
        for (String pragma : PRAGMA_PROPERTIES) {
            out.add(info(given, pragma, null, "PRAGMA " + pragma + " run when the connection opens"));
        }
        return out.toArray(DriverPropertyInfo[]::new);
    }

    private static DriverPropertyInfo info(Properties given, String name, String dflt, String description,
            String... choices) {
        String value = given != null ? given.getProperty(name, dflt) : dflt;
        DriverPropertyInfo i = new DriverPropertyInfo(name, value);
        i.description = description;
        i.choices = choices.length == 0 ? null : choices;
        return i;
    }
}
