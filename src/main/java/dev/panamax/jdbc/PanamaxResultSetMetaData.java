package dev.panamax.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The columns of a result. Names, tables and declared types come from the statement; the JDBC type of an
 * expression column (no declared type) is that of the current row's value, as in sqlite-jdbc. Nullability and
 * auto-increment of table columns are looked up in the schema on first use.
 */
final class PanamaxResultSetMetaData implements ResultSetMetaData {
    /** The JDBC type of a column (0-based), possibly from the current row. */
    @FunctionalInterface
    interface TypeOf {
        int jdbcType(int col) throws SQLException;
    }

    /** What the schema says about a table column; null when the column is not a table column. */
    @FunctionalInterface
    interface Facts {
        ColumnFacts lookup(String table, String column) throws SQLException;
    }

    /** A table column's nullability and whether its values are assigned automatically. */
    record ColumnFacts(boolean notNull, boolean autoIncrement) {
    }

    private final List<ResultColumn> columns;
    private final TypeOf typeOf;
    private final Facts facts;

    PanamaxResultSetMetaData(List<ResultColumn> columns, TypeOf typeOf, Facts facts) {
        this.columns = columns;
        this.typeOf = typeOf;
        this.facts = facts;
    }

    private ResultColumn col(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw SqlErrors.badIndex("column", column, columns.size());
        }
        return columns.get(column - 1);
    }

    private ColumnFacts facts(int column) throws SQLException {
        ResultColumn c = col(column);
        return facts == null || c.table() == null || c.origin() == null ? null : facts.lookup(c.table(), c.origin());
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        ColumnFacts f = facts(column);
        return f != null && f.autoIncrement();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        col(column);
        return true;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        col(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        ColumnFacts f = facts(column);
        if (f == null) {
            return col(column).table() == null ? columnNullable : columnNullableUnknown;
        }
        return f.notNull() ? columnNoNulls : columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return SqlTypes.isNumeric(getColumnType(column));
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        int p = getPrecision(column);
        return p > 0 ? p : SqlTypes.MAX_LENGTH;
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return col(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        ResultColumn c = col(column);
        return c.origin() != null ? c.origin() : c.label();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        col(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return SqlTypes.precision(col(column).declType());
    }

    @Override
    public int getScale(int column) throws SQLException {
        return SqlTypes.scale(col(column).declType());
    }

    @Override
    public String getTableName(int column) throws SQLException {
        String t = col(column).table();
        return t == null ? "" : t;
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        col(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        ResultColumn c = col(column);
        if (c.fixedJdbcType() != ResultColumn.DERIVED) {
            return c.fixedJdbcType();
        }
        return typeOf.jdbcType(column - 1);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        ResultColumn c = col(column);
        if (c.declType() != null && !c.declType().isBlank()) {
            return SqlTypes.baseName(c.declType());
        }
        return switch (getColumnType(column)) {
            case Types.INTEGER -> "INTEGER";
            case Types.FLOAT -> "FLOAT";
            case Types.VARCHAR -> "TEXT";
            case Types.BLOB -> "BLOB";
            default -> "NUMERIC";
        };
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        col(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return SqlTypes.className(getColumnType(column));
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
