package dev.panamax.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement. SQLite parameters have no declared type: a parameter takes whatever
 * value is bound. The type reported is that of the value currently set (BIGINT, DOUBLE, VARCHAR, BLOB), or
 * {@link Types#OTHER} before one is set; every parameter is nullable and an IN parameter.
 */
final class PanamaxParameterMetaData implements ParameterMetaData {
    private final Object[] values;

    PanamaxParameterMetaData(Object[] values) {
        this.values = values;
    }

    private int check(int param) throws SQLException {
        if (param < 1 || param > values.length) {
            throw SqlErrors.badIndex("parameter", param, values.length);
        }
        return param - 1;
    }

    @Override
    public int getParameterCount() {
        return values.length;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        int t = getParameterType(param);
        return t == Types.BIGINT || t == Types.DOUBLE;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return switch (values[check(param)]) {
            case null -> Types.OTHER;
            case Long l -> Types.BIGINT;
            case Double d -> Types.DOUBLE;
            case byte[] b -> Types.BLOB;
            default -> Types.VARCHAR;
        };
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return switch (getParameterType(param)) {
            case Types.BIGINT -> "INTEGER";
            case Types.DOUBLE -> "REAL";
            case Types.BLOB -> "BLOB";
            case Types.VARCHAR -> "TEXT";
            default -> "";
        };
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return switch (getParameterType(param)) {
            case Types.BIGINT -> "java.lang.Long";
            case Types.DOUBLE -> "java.lang.Double";
            case Types.BLOB -> "[B";
            case Types.VARCHAR -> "java.lang.String";
            default -> "java.lang.Object";
        };
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
