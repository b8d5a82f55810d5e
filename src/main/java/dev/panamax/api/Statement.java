package dev.panamax.api;

import dev.panamax.sql.codegen.Compiled;
import dev.panamax.sql.codegen.Compiler;
import dev.panamax.sql.parser.Parsed;
import dev.panamax.value.Mem;
import dev.panamax.vdbe.ExplainText;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.Program;
import dev.panamax.vdbe.ResultShape;
import dev.panamax.vdbe.SchemaChangedException;
import dev.panamax.vdbe.Vm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared statement (SQLite's sqlite3_stmt): bind parameters, {@link #step()} through the rows, read the
 * current row's columns, {@link #reset()} to run again.
 *
 * <p>Indexes: parameters are numbered from 1 (as sqlite3_bind_*), result columns from 0 (as sqlite3_column_*).
 * Getters convert as sqlite3_column_int64/_double/_text/_blob do. A statement prepared against a schema that has
 * since changed is prepared again transparently on its next step. Every failure is a {@link DbException} with
 * SQLite's result code: a bad index is RANGE, use after close or reading without a row is MISUSE.
 */
public final class Statement implements AutoCloseable {
    private static final int MAX_REPREPARE = 50;
    private static final List<String> EXPLAIN_COLUMNS = List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5",
            "comment");
    private static final List<String> PLAN_COLUMNS = List.of("id", "parent", "notused", "detail");

    private final Connection conn;
    private final String sql;
    private final Parsed parsed;
    private Compiled compiled;
    private Vm vm;
    private boolean closed;
    private boolean hasRow;
    private boolean done;
    private List<Value[]> explainRows;
    private int explainPos;
    private Value[] explainRow;

    Statement(Connection conn, String sql, Parsed parsed) {
        this.conn = conn;
        this.sql = sql;
        this.parsed = parsed;
        if (parsed.statement() != null) {
            compile();
        }
    }

    private void compile() {
        compiled = Compiler.compile(conn.session, parsed, sql);
        Vm fresh = new Vm(compiled.program(), conn.session);
        if (vm != null) {
            for (int k = 1; k <= vm.parameterCount(); k++) {
                fresh.parameter(k).copyFrom(vm.parameter(k));
            }
        }
        vm = fresh;
    }

    /** The SQL text of this statement (without what follows it in the prepared string). */
    public String sql() {
        return sql.substring(0, Math.min(parsed.tail(), sql.length())).trim();
    }

    /** Where the next statement starts in the string given to {@link Connection#prepare}. */
    public int tailOffset() {
        return parsed.tail();
    }

    /** True when the prepared text held no statement. */
    public boolean isEmpty() {
        return parsed.statement() == null;
    }

    private void checkOpen() {
        if (closed) {
            throw new DbException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
        conn.checkOpen();
    }

    // ---- parameters ----

    /** The largest parameter index (sqlite3_bind_parameter_count). */
    public int parameterCount() {
        return parsed.parameterCount();
    }

    /** The name of parameter {@code index} as written ({@code :a}, {@code ?3}), or null for a nameless {@code ?}. */
    public String parameterName(int index) {
        checkParameter(index);
        List<String> names = parsed.parameterNames();
        return index - 1 < names.size() ? names.get(index - 1) : null;
    }

    /** The index of the parameter with this name (including its prefix: {@code :a}), or 0 (no such name). */
    public int parameterIndex(String name) {
        List<String> names = parsed.parameterNames();
        for (int k = 0; k < names.size(); k++) {
            if (name.equals(names.get(k))) {
                return k + 1;
            }
        }
        return 0;
    }

    private void checkParameter(int index) {
        checkOpen();
        if (index < 1 || index > parameterCount()) {
            throw new DbException(ResultCode.RANGE, "column index out of range");
        }
    }

    private Mem slot(int index) {
        checkParameter(index);
        if (vm != null && vm.isRunning()) {
            throw new DbException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
        return vm.parameter(index);
    }

    private int named(String name) {
        int i = parameterIndex(name);
        if (i == 0) {
            throw new DbException(ResultCode.RANGE, "column index out of range");
        }
        return i;
    }

    public Statement bindNull(int index) {
        slot(index).setNull();
        return this;
    }

    public Statement bindLong(int index, long v) {
        slot(index).setLong(v);
        return this;
    }

    public Statement bindInt(int index, int v) {
        return bindLong(index, v);
    }

    public Statement bindDouble(int index, double v) {
        Mem m = slot(index);
        if (Double.isNaN(v)) {
            m.setNull();
        } else {
            m.setDouble(v);
        }
        return this;
    }

    public Statement bindText(int index, String v) {
        Mem m = slot(index);
        if (v == null) {
            m.setNull();
        } else {
            m.setText(v);
        }
        return this;
    }

    public Statement bindBlob(int index, byte[] v) {
        Mem m = slot(index);
        if (v == null) {
            m.setNull();
        } else {
            m.setBlob(v, 0, v.length);
        }
        return this;
    }

    public Statement bindValue(int index, Value v) {
        Value.ofObject(v).store(slot(index));
        return this;
    }

    /** Binds a Java object: null, Long/Integer/Short/Byte, Double/Float, Boolean, String, byte[] or Value. */
    public Statement bindObject(int index, Object v) {
        Value.ofObject(v).store(slot(index));
        return this;
    }

    public Statement bindNull(String name) {
        return bindNull(named(name));
    }

    public Statement bindLong(String name, long v) {
        return bindLong(named(name), v);
    }

    public Statement bindDouble(String name, double v) {
        return bindDouble(named(name), v);
    }

    public Statement bindText(String name, String v) {
        return bindText(named(name), v);
    }

    public Statement bindBlob(String name, byte[] v) {
        return bindBlob(named(name), v);
    }

    public Statement bindObject(String name, Object v) {
        return bindObject(named(name), v);
    }

    /** Sets every parameter to NULL (sqlite3_clear_bindings). */
    public void clearBindings() {
        checkOpen();
        if (vm != null) {
            for (int k = 1; k <= vm.parameterCount(); k++) {
                vm.parameter(k).setNull();
            }
        }
    }

    // ---- running ----

    /** Runs to the next row: true when a row is ready, false when the statement has finished. */
    public boolean step() {
        checkOpen();
        hasRow = false;
        if (parsed.statement() == null) {
            done = true;
            return false;
        }
        if (done) {
            throw new DbException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
        if (compiled.explain() != 0) {
            return stepExplain();
        }
        if (conn.readOnly && !compiled.program().isReadOnly() && !vm.isRunning()) {
            throw new DbException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        for (int attempt = 0;; attempt++) {
            try {
                hasRow = vm.step();
                done = !hasRow;
                return hasRow;
            } catch (SchemaChangedException e) {
                if (attempt >= MAX_REPREPARE) {
                    throw e;
                }
                vm.reset();
                compile();
            } catch (DbException e) {
                done = e.primaryCode() != ResultCode.BUSY;
                throw e;
            }
        }
    }

    private boolean stepExplain() {
        if (explainRows == null) {
            explainRows = compiled.explain() == 1 ? listing(compiled.program()) : plan(compiled.program());
        }
        if (explainPos >= explainRows.size()) {
            done = true;
            explainRow = null;
            return false;
        }
        explainRow = explainRows.get(explainPos++);
        hasRow = true;
        return true;
    }

    private static List<Value[]> listing(Program p) {
        List<Value[]> rows = new ArrayList<>();
        for (int a = 0; a < p.size(); a++) {
            String comment = p.comment(a);
            rows.add(new Value[] {Value.of(a), Value.of(p.opcode(a).name()), Value.of(p.p1(a)), Value.of(p.p2(a)),
                    Value.of(p.p3(a)), Value.of(ExplainText.p4(p.p4(a))), Value.of(p.p5(a)),
                    comment == null ? Value.NULL : Value.of(comment)});
        }
        return rows;
    }

    private static List<Value[]> plan(Program p) {
        List<Value[]> rows = new ArrayList<>();
        for (int a = 0; a < p.size(); a++) {
            if (p.opcode(a) == Opcode.Explain) {
                rows.add(new Value[] {Value.of(p.p1(a)), Value.of(p.p2(a)), Value.of(0),
                        Value.of(String.valueOf(p.p4(a)))});
            }
        }
        return rows;
    }

    /** Runs the statement to its end, discarding rows; returns the rows changed (for INSERT/UPDATE/DELETE). */
    public long execute() {
        while (step()) {
            continue;
        }
        return conn.changes();
    }

    /** Makes the statement ready to run again, keeping its bindings (sqlite3_reset). */
    public void reset() {
        checkOpen();
        hasRow = false;
        done = false;
        explainPos = 0;
        explainRow = null;
        if (vm != null) {
            vm.reset();
        }
    }

    /** True when the program cannot change the database (sqlite3_stmt_readonly). */
    public boolean isReadOnly() {
        return compiled == null || compiled.explain() != 0 || compiled.program().isReadOnly();
    }

    /** 0 for a normal statement, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN (sqlite3_stmt_isexplain). */
    public int explainMode() {
        return compiled == null ? 0 : compiled.explain();
    }

    /** True between a {@link #step()} that returned a row and the next step or reset. */
    public boolean hasRow() {
        return hasRow;
    }

    /** The program listing, as EXPLAIN shows it: addr, opcode, p1, p2, p3, p4, p5, comment. */
    public List<Row> explain() {
        checkOpen();
        List<Row> out = new ArrayList<>();
        if (compiled != null) {
            for (Value[] v : listing(compiled.program())) {
                out.add(new Row(EXPLAIN_COLUMNS, v));
            }
        }
        return out;
    }

    /** The query plan, as EXPLAIN QUERY PLAN shows it: id, parent, notused, detail. */
    public List<Row> explainQueryPlan() {
        checkOpen();
        List<Row> out = new ArrayList<>();
        if (compiled != null) {
            for (Value[] v : plan(compiled.program())) {
                out.add(new Row(PLAN_COLUMNS, v));
            }
        }
        return out;
    }

    // ---- result columns ----

    private ResultShape shape() {
        return compiled == null ? ResultShape.NONE : compiled.program().shape();
    }

    public int columnCount() {
        checkOpen();
        if (compiled == null) {
            return 0;
        }
        return switch (compiled.explain()) {
            case 1 -> EXPLAIN_COLUMNS.size();
            case 2 -> PLAN_COLUMNS.size();
            default -> shape().size();
        };
    }

    private void checkColumn(int i) {
        if (i < 0 || i >= columnCount()) {
            throw new DbException(ResultCode.RANGE, "column index out of range");
        }
    }

    /** The column's name as SQLite reports it (sqlite3_column_name). */
    public String columnName(int i) {
        checkColumn(i);
        return switch (compiled.explain()) {
            case 1 -> EXPLAIN_COLUMNS.get(i);
            case 2 -> PLAN_COLUMNS.get(i);
            default -> shape().columns().get(i).name();
        };
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < columnCount(); k++) {
            names.add(columnName(k));
        }
        return names;
    }

    /** The declared type of the table column a result column comes from, or null (sqlite3_column_decltype). */
    public String columnDeclType(int i) {
        checkColumn(i);
        return compiled.explain() != 0 ? null : shape().columns().get(i).declType();
    }

    /** The table a result column comes from, or null (sqlite3_column_table_name). */
    public String columnTableName(int i) {
        checkColumn(i);
        return compiled.explain() != 0 ? null : shape().columns().get(i).table();
    }

    /** The table column a result column comes from, or null (sqlite3_column_origin_name). */
    public String columnOriginName(int i) {
        checkColumn(i);
        return compiled.explain() != 0 ? null : shape().columns().get(i).origin();
    }

    /** The database ("main") a result column comes from, or null (sqlite3_column_database_name). */
    public String columnDatabaseName(int i) {
        checkColumn(i);
        return compiled.explain() != 0 ? null : shape().columns().get(i).database();
    }

    private Mem cell(int i) {
        checkOpen();
        checkColumn(i);
        if (!hasRow) {
            throw new DbException(ResultCode.MISUSE, "no row available");
        }
        if (explainRow != null) {
            Mem m = new Mem();
            explainRow[i].store(m);
            return m;
        }
        return vm.column(i);
    }

    /** The storage class of column {@code i} of the current row (sqlite3_column_type). */
    public ValueType columnType(int i) {
        return switch (cell(i).type()) {
            case Mem.INTEGER -> ValueType.INTEGER;
            case Mem.REAL -> ValueType.REAL;
            case Mem.TEXT -> ValueType.TEXT;
            case Mem.BLOB -> ValueType.BLOB;
            default -> ValueType.NULL;
        };
    }

    public boolean isNull(int i) {
        return cell(i).isNull();
    }

    public long getLong(int i) {
        Mem m = cell(i);
        return m.type() == Mem.INTEGER ? m.longValue() : m.intValue();
    }

    public int getInt(int i) {
        return (int) getLong(i);
    }

    public double getDouble(int i) {
        return cell(i).realValue();
    }

    /** The text of the column (numbers rendered as SQLite renders them); null for NULL. */
    public String getText(int i) {
        return cell(i).stringValue();
    }

    /** The bytes of the column (text as UTF-8); null for NULL. */
    public byte[] getBlob(int i) {
        Mem m = cell(i);
        if (m.isNull()) {
            return null;
        }
        if (m.type() == Mem.TEXT || m.type() == Mem.BLOB) {
            return m.copyBytes();
        }
        return m.stringValue().getBytes(StandardCharsets.UTF_8);
    }

    /** null, Long, Double, String or byte[]. */
    public Object getObject(int i) {
        return getValue(i).asObject();
    }

    public Value getValue(int i) {
        return Value.of(cell(i));
    }

    /** An immutable copy of the current row. */
    public Row row() {
        int n = columnCount();
        Value[] v = new Value[n];
        for (int k = 0; k < n; k++) {
            v[k] = getValue(k);
        }
        return new Row(columnNames(), v);
    }

    /** Runs the statement from the start and returns every row (a convenience for small results). */
    public List<Row> all() {
        reset();
        List<Row> rows = new ArrayList<>();
        while (step()) {
            rows.add(row());
        }
        return rows;
    }

    /** Finalizes the statement (sqlite3_finalize); a running statement is stopped first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (vm != null && vm.isRunning()) {
            vm.reset();
        }
        closed = true;
        conn.forget(this);
    }

    @Override
    public String toString() {
        return sql();
    }
}
