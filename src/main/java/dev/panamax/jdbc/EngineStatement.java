package dev.panamax.jdbc;

/**
 * The calls the driver makes on one compiled statement: SQLite's {@code sqlite3_stmt}. Parameter indexes are
 * 1-based and column indexes 0-based, as in SQLite's C interface. Column values are read with SQLite's conversions
 * ({@code sqlite3_column_int64} of TEXT reads its numeric prefix, and so on).
 *
 * <pre>
 *   READY --step()=true--> ROW --step()=true--> ROW ... --step()=false--> DONE
 *     ^                                                                  |
 *     +----------------------------- reset() ----------------------------+
 * </pre>
 * Binding is allowed in READY only; {@link #reset()} from any state returns to READY and keeps the bindings.
 */
interface EngineStatement {
    /** The text of this statement. */
    String sql();

    /** The text after this statement, for the next {@code prepare}; empty when nothing follows. */
    String tail();

    /** The largest parameter index (sqlite3_bind_parameter_count). */
    int parameterCount();

    void bindNull(int index);

    void bindLong(int index, long value);

    void bindDouble(int index, double value);

    void bindText(int index, String value);

    void bindBlob(int index, byte[] value);

    /** Sets every parameter to NULL. */
    void clearBindings();

    /** Runs to the next row: true when a row is available, false when the statement is done. */
    boolean step();

    /** Stops the statement, releasing what it holds, and makes it ready to run again. */
    void reset();

    /** True when running the statement cannot change the database (sqlite3_stmt_readonly). */
    boolean isReadOnly();

    int columnCount();

    String columnName(int col);

    /** The declared type of the table column a result column comes from, or null. */
    String columnDeclType(int col);

    /** The table a result column comes from, or null for an expression. */
    String columnTableName(int col);

    /** The table column a result column comes from, or null for an expression. */
    String columnOriginName(int col);

    /** The current row's value's datatype: 1 INTEGER, 2 FLOAT, 3 TEXT, 4 BLOB, 5 NULL. */
    int columnType(int col);

    long columnLong(int col);

    double columnDouble(int col);

    String columnText(int col);

    byte[] columnBlob(int col);

    /** Releases the statement; any later call is a misuse. */
    void close();
}
