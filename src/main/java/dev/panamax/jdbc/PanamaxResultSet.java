package dev.panamax.jdbc;

import dev.panamax.api.DbException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a running statement, read as the engine steps it.
 *
 * <pre>
 *   BEFORE --next()--> ON_ROW --next()--> ON_ROW ... --next()=false--> AFTER
 *      \--next()=false (no rows)------------------------------------->/
 * </pre>
 * The first step runs when the result set opens, so errors surface from {@code execute}. When the rows run out (or
 * {@code maxRows} is reached) the engine statement is reset at once: a fully read result set holds no lock even if
 * the application never closes it. Closing mid-iteration resets the statement too; the database is untouched.
 */
final class PanamaxResultSet extends AbstractResultSet {
    private enum State { BEFORE, ON_ROW, AFTER }

    private final PanamaxStatement owner;
    private final EngineStatement st;
    private final boolean ownsStatement;
    private final long maxRows;
    private final boolean hasRows;
    private State state = State.BEFORE;
    private long row;
    private boolean closed;
    private final int columnCount;
    /** SQLite datatypes of the current row's values, filled as getters ask; cleared by each step. */
    private final int[] rowTypes;
    private final java.util.concurrent.locks.ReentrantLock lock;
    private List<ResultColumn> columns;
    private Map<String, Integer> labels;

    /** Opens over {@code st} and steps to its first row; the connection's lock is held. */
    PanamaxResultSet(PanamaxStatement owner, EngineStatement st, boolean ownsStatement, long maxRows)
            throws SQLException {
        this.owner = owner;
        this.st = st;
        this.ownsStatement = ownsStatement;
        this.maxRows = maxRows;
        this.lock = owner.conn.lock;
        this.columnCount = st.columnCount();
        this.rowTypes = new int[columnCount];
        boolean first;
        try {
            first = st.step();
        } catch (DbException e) {
            release();
            throw owner.runFailed(e);
        }
        hasRows = first;
        if (!first) {
            st.reset();
        }
    }

    // ---- stepping ----

    @Override
    public boolean next() throws SQLException {
        owner.lock();
        try {
            checkOpen();
            return switch (state) {
                case BEFORE -> {
                    state = hasRows ? State.ON_ROW : State.AFTER;
                    row = hasRows ? 1 : 0;
                    yield hasRows;
                }
                case ON_ROW -> step();
                case AFTER -> false;
            };
        } finally {
            owner.unlock();
        }
    }

    private boolean step() throws SQLException {
        if (maxRows > 0 && row >= maxRows) {
            finish();
            return false;
        }
        java.util.Arrays.fill(rowTypes, 0);
        try {
            if (st.step()) {
                row++;
                return true;
            }
        } catch (DbException e) {
            finish();
            throw owner.runFailed(e);
        }
        finish();
        return false;
    }

    private void finish() {
        state = State.AFTER;
        st.reset();
    }

    // ---- closing ----

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        if (owner.conn.isClosedNow()) {
            closed = true;
            return;
        }
        owner.conn.lock();
        try {
            closeQuietly();
        } finally {
            owner.conn.unlock();
        }
    }

    /** Closes with the connection's lock held. */
    void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        release();
        owner.resultSetClosed(this);
    }

    private void release() {
        try {
            if (ownsStatement) {
                st.close();
            } else {
                st.reset();
            }
        } catch (DbException ignored) {
            // reset reports the statement's last error again; it was reported when it happened
        }
    }

    @Override
    public boolean isClosed() {
        return closed || owner.conn.isClosedNow();
    }

    @Override
    void checkOpen() throws SQLException {
        if (owner.conn.isClosedNow()) {
            throw SqlErrors.connectionClosed();
        }
        if (closed) {
            throw SqlErrors.closed("result set");
        }
    }

    @Override
    void checkRow() throws SQLException {
        checkOpen();
        if (state != State.ON_ROW) {
            throw SqlErrors.misuse(state == State.BEFORE ? "no current row: call next() first"
                    : "no current row: past the end of the result set");
        }
    }

    // ---- values: each read holds the connection's lock ----

    @Override
    int columnCount() {
        return columnCount;
    }

    /** The current row's datatypes, read once per row (0 = not read yet). */
    @Override
    int valueType(int col) {
        int t = rowTypes[col];
        if (t == 0) {
            lock.lock();
            try {
                t = st.columnType(col);
            } finally {
                lock.unlock();
            }
            rowTypes[col] = t;
        }
        return t;
    }

    @Override
    long longValue(int col) {
        lock.lock();
        try {
            return st.columnLong(col);
        } finally {
            lock.unlock();
        }
    }

    @Override
    double doubleValue(int col) {
        lock.lock();
        try {
            return st.columnDouble(col);
        } finally {
            lock.unlock();
        }
    }

    @Override
    String textValue(int col) {
        lock.lock();
        try {
            return st.columnText(col);
        } finally {
            lock.unlock();
        }
    }

    @Override
    byte[] blobValue(int col) {
        lock.lock();
        try {
            return st.columnBlob(col);
        } finally {
            lock.unlock();
        }
    }

    @Override
    int columnJdbcType(int col) throws SQLException {
        String decl = st.columnDeclType(col);
        if (decl != null && !decl.isBlank()) {
            return SqlTypes.jdbcType(decl);
        }
        if (state == State.ON_ROW && !closed) {
            return SqlTypes.jdbcTypeOfValue(valueType(col));
        }
        return Types.NUMERIC;
    }

    @Override
    DateConfig dates() {
        return owner.conn.dates();
    }

    // ---- metadata and names ----

    static List<ResultColumn> columnsOf(EngineStatement st) {
        int n = st.columnCount();
        List<ResultColumn> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ResultColumn.of(st.columnName(i), st.columnDeclType(i), st.columnTableName(i),
                    st.columnOriginName(i)));
        }
        return out;
    }

    private List<ResultColumn> columns() throws SQLException {
        if (columns == null) {
            owner.lock();
            try {
                columns = columnsOf(st);
            } finally {
                owner.unlock();
            }
        }
        return columns;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        PanamaxDatabaseMetaData md = owner.conn.metaData();
        return new PanamaxResultSetMetaData(columns(), this::columnJdbcType, md::columnFacts);
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        if (labels == null) {
            Map<String, Integer> m = new HashMap<>();
            List<ResultColumn> cols = columns();
            for (int i = cols.size() - 1; i >= 0; i--) {
                m.put(cols.get(i).label().toLowerCase(Locale.ROOT), i + 1);
            }
            labels = m;
        }
        Integer i = columnLabel == null ? null : labels.get(columnLabel.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new SQLException("no such column: '" + columnLabel + "'", "42S22");
        }
        return i;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return owner;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return state == State.BEFORE && hasRows;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return state == State.AFTER && hasRows;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return state == State.ON_ROW && row == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        throw SqlErrors.notSupported("isLast() on a TYPE_FORWARD_ONLY result set (it would need to read ahead)");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return state == State.ON_ROW ? (int) Math.min(row, Integer.MAX_VALUE) : 0;
    }
}
