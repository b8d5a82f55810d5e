package dev.panamax.jdbc;

import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * How a connection stores {@code java.sql.Date}, {@code Time} and {@code Timestamp} parameters: the xerial
 * sqlite-jdbc conventions and property names, so databases written by either driver read the same.
 *
 * @param storage {@code date_class}: INTEGER (Unix epoch, the default), TEXT or REAL (Julian day)
 * @param seconds {@code date_precision=SECONDS}: INTEGER dates count seconds instead of milliseconds
 * @param textFormat {@code date_string_format}, or {@code null} for the default text forms
 */
record DateConfig(Storage storage, boolean seconds, DateTimeFormatter textFormat) {
    static final String DEFAULT_TEXT_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";
    static final DateConfig DEFAULT = new DateConfig(Storage.INTEGER, false, null);

    /** The storage class of bound dates. */
    enum Storage { INTEGER, TEXT, REAL }

    static DateConfig of(Properties p) throws SQLException {
        String cls = p.getProperty("date_class", "INTEGER").toUpperCase(Locale.ROOT);
        Storage storage;
        try {
            storage = Storage.valueOf(cls);
        } catch (IllegalArgumentException e) {
            throw new SQLException("date_class must be INTEGER, TEXT or REAL: " + cls, "08001");
        }
        String precision = p.getProperty("date_precision", "MILLISECONDS").toUpperCase(Locale.ROOT);
        if (!precision.equals("MILLISECONDS") && !precision.equals("SECONDS")) {
            throw new SQLException("date_precision must be MILLISECONDS or SECONDS: " + precision, "08001");
        }
        String pattern = p.getProperty("date_string_format");
        DateTimeFormatter format = null;
        if (pattern != null && !pattern.isEmpty()) {
            try {
                format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new SQLException("bad date_string_format: " + pattern, "08001", e);
            }
        }
        return new DateConfig(storage, precision.equals("SECONDS"), format);
    }
}
