package dev.panamax.api;

/** SQLite's five storage classes (sqlite3_column_type / typeof()), in SQLite's sort order. */
public enum ValueType {
    NULL, INTEGER, REAL, TEXT, BLOB;

    /** typeof()'s name: "null", "integer", "real", "text", "blob". */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
