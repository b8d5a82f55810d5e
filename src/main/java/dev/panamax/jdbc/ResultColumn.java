package dev.panamax.jdbc;

/**
 * One column of a result: SQLite's {@code sqlite3_column_name}, {@code _decltype}, {@code _table_name} and
 * {@code _origin_name}.
 *
 * @param label the column's name in the result (its AS alias or SQLite's generated name)
 * @param declType the declared type of the table column it comes from, or null for an expression
 * @param table the table it comes from, or null for an expression
 * @param origin the table column it comes from, or null for an expression
 * @param fixedJdbcType the JDBC type, or {@link Integer#MIN_VALUE} to derive it from {@code declType} (or from the
 *        current row's value when there is no declared type)
 */
record ResultColumn(String label, String declType, String table, String origin, int fixedJdbcType) {
    static final int DERIVED = Integer.MIN_VALUE;

    /** A column of a driver-made result (metadata rows, generated keys) with a fixed type. */
    static ResultColumn fixed(String label, int jdbcType, String typeName) {
        return new ResultColumn(label, typeName, null, null, jdbcType);
    }

    /** A column of a statement's result. */
    static ResultColumn of(String label, String declType, String table, String origin) {
        return new ResultColumn(label, declType, table, origin, DERIVED);
    }
}
