package dev.panamax.sql.resolve;

/**
 * What is known about a column of a FROM item or a result column: name, affinity, collation (null for BINARY or
 * none), declared type, and origin (the table column it comes from, for sqlite3_column_table_name and friends;
 * nulls when it is an expression).
 */
public record ColumnInfo(String name, char affinity, String collation, String declType, String originDatabase,
        String originTable, String originColumn) {

    public ColumnInfo withName(String newName) {
        return new ColumnInfo(newName, affinity, collation, declType, originDatabase, originTable, originColumn);
    }
}
