package dev.panamax.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;

/**
 * Declared column types to JDBC types. A declared type is free text in SQLite; the driver reports the type name as
 * declared (without its size, as sqlite-jdbc does) and a {@link Types} code chosen from the common names first, then
 * from SQLite's affinity rules (datatype3.html, section 3.1): a name containing INT is INTEGER, one containing CHAR,
 * CLOB or TEXT is VARCHAR, BLOB (or no type) is BLOB, REAL/FLOA/DOUB are DOUBLE, anything else NUMERIC.
 */
final class SqlTypes {
    /** SQLite's fundamental datatypes, numbered as sqlite3_column_type numbers them. */
    static final int SQLITE_INTEGER = 1;
    static final int SQLITE_FLOAT = 2;
    static final int SQLITE_TEXT = 3;
    static final int SQLITE_BLOB = 4;
    static final int SQLITE_NULL = 5;

    /** SQLite's largest string or blob by default (SQLITE_MAX_LENGTH), reported as the size of unsized types. */
    static final int MAX_LENGTH = 1_000_000_000;

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("INTEGER", Types.INTEGER), Map.entry("INT", Types.INTEGER), Map.entry("MEDIUMINT", Types.INTEGER),
            Map.entry("INT4", Types.INTEGER), Map.entry("BIGINT", Types.BIGINT), Map.entry("INT8", Types.BIGINT),
            Map.entry("UNSIGNED BIG INT", Types.BIGINT), Map.entry("LONG", Types.BIGINT),
            Map.entry("SMALLINT", Types.SMALLINT), Map.entry("INT2", Types.SMALLINT),
            Map.entry("TINYINT", Types.TINYINT), Map.entry("BOOLEAN", Types.BOOLEAN), Map.entry("BOOL", Types.BOOLEAN),
            Map.entry("BIT", Types.BIT), Map.entry("REAL", Types.REAL), Map.entry("DOUBLE", Types.DOUBLE),
            Map.entry("DOUBLE PRECISION", Types.DOUBLE), Map.entry("FLOAT", Types.FLOAT),
            Map.entry("NUMERIC", Types.NUMERIC), Map.entry("NUMBER", Types.NUMERIC),
            Map.entry("DECIMAL", Types.DECIMAL), Map.entry("TEXT", Types.VARCHAR), Map.entry("VARCHAR", Types.VARCHAR),
            Map.entry("VARYING CHARACTER", Types.VARCHAR), Map.entry("NVARCHAR", Types.NVARCHAR),
            Map.entry("NATIVE CHARACTER", Types.NCHAR), Map.entry("NCHAR", Types.NCHAR), Map.entry("CHAR", Types.CHAR),
            Map.entry("CHARACTER", Types.CHAR), Map.entry("CLOB", Types.CLOB), Map.entry("BLOB", Types.BLOB),
            Map.entry("BINARY", Types.BINARY), Map.entry("VARBINARY", Types.VARBINARY), Map.entry("DATE", Types.DATE),
            Map.entry("DATETIME", Types.TIMESTAMP), Map.entry("TIMESTAMP", Types.TIMESTAMP),
            Map.entry("TIME", Types.TIME), Map.entry("JSON", Types.VARCHAR), Map.entry("UUID", Types.VARCHAR));

    private SqlTypes() {
    }

    /** The declared type without its size: {@code VARCHAR(20)} gives {@code VARCHAR}; null and blank give "". */
    static String baseName(String declType) {
        if (declType == null) {
            return "";
        }
        int paren = declType.indexOf('(');
        String name = paren < 0 ? declType : declType.substring(0, paren);
        return name.strip().replaceAll("\\s+", " ");
    }

    /** The {@link Types} code of a declared type. */
    static int jdbcType(String declType) {
        String name = baseName(declType).toUpperCase(Locale.ROOT);
        Integer named = NAMED.get(name);
        if (named != null) {
            return named;
        }
        if (name.contains("INT")) {
            return Types.INTEGER;
        } else if (name.contains("CHAR") || name.contains("CLOB") || name.contains("TEXT")) {
            return Types.VARCHAR;
        } else if (name.isEmpty() || name.contains("BLOB")) {
            return Types.BLOB;
        } else if (name.contains("REAL") || name.contains("FLOA") || name.contains("DOUB")) {
            return Types.DOUBLE;
        }
        return Types.NUMERIC;
    }

    /** The {@link Types} code of a value's datatype (for result columns without a declared type). */
    static int jdbcTypeOfValue(int sqliteType) {
        return switch (sqliteType) {
            case SQLITE_INTEGER -> Types.INTEGER;
            case SQLITE_FLOAT -> Types.FLOAT;
            case SQLITE_TEXT -> Types.VARCHAR;
            case SQLITE_BLOB -> Types.BLOB;
            default -> Types.NUMERIC;
        };
    }

    /** The type name of a value's datatype, as sqlite-jdbc reports it for expression columns. */
    static String typeNameOfValue(int sqliteType) {
        return switch (sqliteType) {
            case SQLITE_INTEGER -> "INTEGER";
            case SQLITE_FLOAT -> "FLOAT";
            case SQLITE_TEXT -> "TEXT";
            case SQLITE_BLOB -> "BLOB";
            default -> "NUMERIC";
        };
    }

    /** The first number in the declared type's parentheses: {@code VARCHAR(20)} gives 20; 0 when none. */
    static int precision(String declType) {
        int[] p = sizes(declType);
        return p.length > 0 ? p[0] : 0;
    }

    /** The second number in the declared type's parentheses: {@code DECIMAL(10,2)} gives 2; 0 when none. */
    static int scale(String declType) {
        int[] p = sizes(declType);
        return p.length > 1 ? p[1] : 0;
    }

    private static int[] sizes(String declType) {
        if (declType == null) {
            return new int[0];
        }
        int open = declType.indexOf('(');
        int close = declType.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return new int[0];
        }
        String[] parts = declType.substring(open + 1, close).split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip().replaceFirst("^\\+", ""));
            } catch (NumberFormatException e) {
                return new int[0];
            }
        }
        return out;
    }

    /** What {@code getColumnClassName} names for a JDBC type (matching what {@code getObject} returns). */
    static String className(int jdbcType) {
        return switch (jdbcType) {
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "java.lang.Integer";
            case Types.BIGINT -> "java.lang.Long";
            case Types.REAL, Types.DOUBLE, Types.FLOAT -> "java.lang.Double";
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB -> "java.lang.String";
            case Types.BLOB, Types.BINARY, Types.VARBINARY -> "[B";
            default -> "java.lang.Object";
        };
    }

    static boolean isNumeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT, Types.REAL, Types.DOUBLE, Types.FLOAT,
                 Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }
}
