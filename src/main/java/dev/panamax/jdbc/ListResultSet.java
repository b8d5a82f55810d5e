package dev.panamax.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A result the driver builds itself, held in memory: DatabaseMetaData answers and generated keys. Values are
 * {@code null}, a {@link Number}, {@link Boolean}, {@link String} or {@code byte[]}, read with SQLite's conversions.
 */
final class ListResultSet extends AbstractResultSet {
    private final Statement statement;
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private final DateConfig dates;
    private int row = -1;
    private boolean closed;

    ListResultSet(Statement statement, List<ResultColumn> columns, List<Object[]> rows, DateConfig dates) {
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.dates = dates;
    }

    @Override
    int columnCount() {
        return columns.size();
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("result set");
        }
    }

    @Override
    void checkRow() throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows.size()) {
            throw SqlErrors.misuse(row < 0 ? "no current row: call next() first" : "no current row: past the end");
        }
    }

    private Object value(int col) {
        return rows.get(row)[col];
    }

    @Override
    int valueType(int col) {
        return switch (value(col)) {
            case null -> SqlTypes.SQLITE_NULL;
            case Double d -> SqlTypes.SQLITE_FLOAT;
            case Float f -> SqlTypes.SQLITE_FLOAT;
            case Number n -> SqlTypes.SQLITE_INTEGER;
            case Boolean b -> SqlTypes.SQLITE_INTEGER;
            case byte[] b -> SqlTypes.SQLITE_BLOB;
            default -> SqlTypes.SQLITE_TEXT;
        };
    }

    @Override
    long longValue(int col) {
        return switch (value(col)) {
            case null -> 0;
            case Double d -> d.longValue();
            case Float f -> f.longValue();
            case Number n -> n.longValue();
            case Boolean b -> b ? 1 : 0;
            case byte[] b -> Values.textToLong(new String(b, StandardCharsets.UTF_8));
            case Object o -> Values.textToLong(o.toString());
        };
    }

    @Override
    double doubleValue(int col) {
        return switch (value(col)) {
            case null -> 0;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case byte[] b -> Values.textToDouble(new String(b, StandardCharsets.UTF_8));
            case Object o -> Values.textToDouble(o.toString());
        };
    }

    @Override
    String textValue(int col) {
        return switch (value(col)) {
            case Double d -> Values.realToText(d);
            case Boolean b -> b ? "1" : "0";
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case Object o -> o.toString();
        };
    }

    @Override
    byte[] blobValue(int col) {
        return value(col) instanceof byte[] b ? b.clone() : textValue(col).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    int columnJdbcType(int col) {
        ResultColumn c = columns.get(col);
        return c.fixedJdbcType() != ResultColumn.DERIVED ? c.fixedJdbcType() : SqlTypes.jdbcType(c.declType());
    }

    @Override
    DateConfig dates() {
        return dates;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new PanamaxResultSetMetaData(columns, this::columnJdbcType, null);
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(columnLabel)) {
                return i + 1;
            }
        }
        throw new SQLException("no such column: '" + columnLabel + "'", "42S22");
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row == rows.size() - 1 && !rows.isEmpty();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < rows.size() ? row + 1 : 0;
    }
}
