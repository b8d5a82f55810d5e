package dev.panamax.cli;

/**
 * One compiled statement and its current row: the {@code sqlite3_stmt} calls the shell makes. Column indexes
 * start at 0, parameter indexes at 1, as in SQLite's C interface.
 */
interface Cursor extends AutoCloseable {
    int INTEGER = 1;
    int FLOAT = 2;
    int TEXT = 3;
    int BLOB = 4;
    int NULL = 5;

    /** Offset in the prepared text just past this statement: where the next one starts. */
    int end();

    /** The statement's own text. */
    String sql();

    /** {@code sqlite3_stmt_isexplain}: 0, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN. */
    int explain();

    int columnCount();

    String columnName(int column);

    /** Runs to the next row: true when there is one, false when the statement is done. */
    boolean step();

    /** The type of a column of the current row: {@link #INTEGER} .. {@link #NULL}. */
    int type(int column);

    long integer(int column);

    double real(int column);

    String text(int column);

    byte[] blob(int column);

    int parameterCount();

    /** The name of a parameter ({@code :a}, {@code ?3}), or {@code null} for a nameless {@code ?}. */
    String parameterName(int index);

    /** Binds {@code null}, a {@link Long}, {@link Double}, {@link String} or {@code byte[]}. */
    void bind(int index, Object value);

    /** Rewinds for another run with new bindings ({@code sqlite3_reset}). */
    void reset();

    @Override
    void close();
}
