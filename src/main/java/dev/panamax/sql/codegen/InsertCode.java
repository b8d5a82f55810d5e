package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Column;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.ValuesCore;
import dev.panamax.sql.resolve.Walker;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import java.util.List;

/**
 * INSERT (SQLite's insert.c sqlite3Insert): the rows come from VALUES, a SELECT (through a co-routine, or an
 * ephemeral table when the SELECT reads the table being written) or DEFAULT VALUES; each row gets its rowid
 * (given, or NewRowid, with AUTOINCREMENT through sqlite_sequence), then {@link RowWriter} checks and inserts it.
 */
final class InsertCode {
    private final Parse p;
    private final Stmt.Insert ins;
    private final Table t;
    private final int[] map;
    private int rowidFrom = -1;
    private int seqReg = -1;
    private int seqRowid = -1;

    private InsertCode(Parse p, Stmt.Insert ins, Table t, int[] map) {
        this.p = p;
        this.ins = ins;
        this.t = t;
        this.map = map;
    }

    static Table writableTable(Parse p, dev.panamax.sql.ast.QualifiedName name) {
        if (name.schema() != null && !name.schema().is("main") && !name.schema().is("temp")) {
            throw new DbException(ResultCode.ERROR, "unknown database " + name.schema().text());
        }
        String n = name.name().text();
        Table t = p.schema.table(n);
        if (t == null) {
            throw new DbException(ResultCode.ERROR, "no such table: " + (name.schema() == null ? ""
                    : name.schema().text() + ".") + n);
        }
        if (t.isView()) {
            throw new DbException(ResultCode.ERROR, "cannot modify " + n + " because it is a view");
        }
        if (t.name().equalsIgnoreCase(Schema.SCHEMA_TABLE)) {
            throw new DbException(ResultCode.ERROR, "table " + n + " may not be modified");
        }
        return t;
    }

    static void code(Parse p, Stmt.Insert ins) {
        if (!ins.upserts().isEmpty() || !ins.returning().isEmpty()) {
            throw new DbException(ResultCode.ERROR, "UPSERT and RETURNING are not supported yet");
        }
        Table t = writableTable(p, ins.table());
        InsertCode c = new InsertCode(p, ins, t, columnMap(t, ins.columns()));
        p.v.setCountsChanges();
        boolean oneRow = ins.defaultValues() || ins.select().compounds().isEmpty()
                && ins.select().first() instanceof dev.panamax.sql.ast.Select.Values v && v.rows().size() == 1;
        if (!oneRow || ins.orAction() == dev.panamax.sql.ast.ConflictAction.REPLACE || replaces(t)
                || computesKeysAfterWriting(t)) {
            p.v.setMayPartiallyFail();
        }
        c.run();
    }

    /** True when a constraint of the table resolves conflicts with REPLACE (deletes before later checks). */
    /**
     * True when an index key is an expression or the index is partial: those are evaluated after the row is in the
     * table, and an error there (a function failing, TOOBIG) must undo the row and the index entries before it.
     */
    private static boolean computesKeysAfterWriting(Table t) {
        for (dev.panamax.schema.Index i : t.indexes()) {
            if (i.isPartial() || i.hasExpressions()) {
                return true;
            }
        }
        return false;
    }

    private static boolean replaces(Table t) {
        if (t.pkConflict() == dev.panamax.sql.ast.ConflictAction.REPLACE) {
            return true;
        }
        for (dev.panamax.schema.Index i : t.indexes()) {
            if (i.onError() == dev.panamax.sql.ast.ConflictAction.REPLACE) {
                return true;
            }
        }
        return false;
    }

    /** For each table column, its position in the value list (-1: default); the rowid's position separately. */
    private static int[] columnMap(Table t, List<Name> columns) {
        int[] map = new int[t.columnCount() + 1];
        if (columns.isEmpty()) {
            int j = 0;
            for (int k = 0; k < t.columnCount(); k++) {
                map[k] = t.column(k).isGenerated() ? -1 : j++;
            }
            map[t.columnCount()] = t.rowidAlias() < 0 ? -1 : map[t.rowidAlias()];
            return map;
        }
        java.util.Arrays.fill(map, -1);
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j).text();
            int k = t.columnIndex(name);
            if (k >= 0 && t.column(k).isGenerated()) {
                throw GeneratedColumns.written(t, k, "INSERT into");
            }
            if (k >= 0) {
                map[k] = j;
                if (k == t.rowidAlias()) {
                    map[t.columnCount()] = j;
                }
            } else if (isRowidName(name) && t.hasRowid()) {
                map[t.columnCount()] = j;
            } else {
                throw new DbException(ResultCode.ERROR, "table " + t.name() + " has no column named " + name);
            }
        }
        return map;
    }

    private static boolean isRowidName(String s) {
        return s.equalsIgnoreCase("rowid") || s.equalsIgnoreCase("oid") || s.equalsIgnoreCase("_rowid_");
    }

    private int valueCount() {
        return ins.columns().isEmpty() ? writableColumns() : ins.columns().size();
    }

    /** The columns a VALUES row without a column list fills: every one but the generated ones. */
    private int writableColumns() {
        int n = 0;
        for (Column c : t.columns()) {
            n += c.isGenerated() ? 0 : 1;
        }
        return n;
    }

    private void checkCount(int supplied) {
        if (supplied == valueCount()) {
            return;
        }
        if (ins.columns().isEmpty()) {
            throw new DbException(ResultCode.ERROR, "table " + t.name() + " has " + writableColumns()
                    + " columns but " + supplied + " values were supplied");
        }
        throw new DbException(ResultCode.ERROR, supplied + " values for " + ins.columns().size() + " columns");
    }

    private void run() {
        Source target = p.resolver.target(t, null);
        RowWriter w = new RowWriter(p, t, target, ins.orAction());
        rowidFrom = map[t.columnCount()];
        if (ins.defaultValues()) {
            w.open();
            autoincrementStart();
            oneRow(w, -1);
            autoincrementEnd();
            return;
        }
        Query q = p.resolver.query(ins.select());
        p.noteCursors();
        checkCount(q.columnCount());
        if (!q.isCompound() && q.first() instanceof ValuesCore v && v.rows.size() == 1 && q.orderBy.isEmpty()
                && q.limit == null) {
            w.open();
            autoincrementStart();
            int base = p.allocRegs(valueCount());
            List<Bound> row = v.rows.get(0);
            for (int k = 0; k < row.size(); k++) {
                p.expr.code(row.get(k), base + k);
            }
            oneRow(w, base);
            autoincrementEnd();
            return;
        }
        if (readsTable(q, t)) {
            fromTemporary(w, q);
        } else {
            fromCoroutine(w, q);
        }
    }

    /** True when the SELECT (its FROM items or any subquery in it, at any depth) reads table {@code t}. */
    private static boolean readsTable(Query q, Table t) {
        boolean[] hit = {fromReads(q, t)};
        Walker.forEachDeep(q, e -> {
            Query sub = switch (e) {
                case Bound.Subquery s -> s.query();
                case Bound.InSelect i -> i.query();
                case Bound.Exists x -> x.query();
                default -> null;
            };
            if (e instanceof Bound.ColumnRef c && c.source().table != null
                    && c.source().table.name().equalsIgnoreCase(t.name())) {
                hit[0] = true;
            } else if (sub != null && !hit[0] && readsTable(sub, t)) {
                hit[0] = true;
            }
        });
        return hit[0];
    }

    private static boolean fromReads(Query q, Table t) {
        for (Query.Core core : q.cores) {
            if (core instanceof SelectCore sc) {
                for (Source s : sc.from) {
                    if ((s.table != null && s.table.name().equalsIgnoreCase(t.name()))
                            || (s.subquery != null && readsTable(s.subquery, t))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void fromCoroutine(RowWriter w, Query q) {
        int n = q.columnCount();
        int yield = p.allocReg();
        int base = p.allocRegs(n);
        int start = p.label();
        int after = p.label();
        p.op(Opcode.InitCoroutine, yield, after, start);
        p.resolve(start);
        SelectCode.code(p, q, new Dest.Coroutine(yield, base));
        p.op(Opcode.EndCoroutine, yield);
        p.resolve(after);
        w.open();
        autoincrementStart();
        int done = p.label();
        int top = p.v.currentAddr();
        p.op(Opcode.Yield, yield, done);
        oneRow(w, base);
        p.op(Opcode.Goto, 0, top);
        p.resolve(done);
        autoincrementEnd();
    }

    private void fromTemporary(RowWriter w, Query q) {
        int n = q.columnCount();
        int tmp = p.allocCursor();
        p.op(Opcode.OpenEphemeral, tmp, n);
        SelectCode.code(p, q, new Dest.Table(tmp));
        w.open();
        autoincrementStart();
        int base = p.allocRegs(n);
        int done = p.label();
        p.op(Opcode.Rewind, tmp, done);
        int top = p.v.currentAddr();
        for (int k = 0; k < n; k++) {
            p.op(Opcode.Column, tmp, k, base + k);
        }
        oneRow(w, base);
        p.op(Opcode.Next, tmp, top);
        p.resolve(done);
        autoincrementEnd();
    }

    /** Builds the row from the values in {@code values..} (or defaults), then checks and inserts it. */
    private void oneRow(RowWriter w, int values) {
        int rowid = p.allocReg();
        int cols = p.allocRegs(t.columnCount());
        int skip = p.label();
        for (int k = 0; k < t.columnCount(); k++) {
            Column c = t.column(k);
            if (values >= 0 && map[k] >= 0) {
                p.op(Opcode.SCopy, values + map[k], cols + k);
            } else if (c.defaultValue() != null) {
                p.expr.code(p.resolver.expression(c.defaultValue(), List.of()), cols + k);
            } else {
                p.op(Opcode.Null, 0, cols + k);
            }
        }
        if (!t.hasRowid()) {
            p.op(Opcode.Null, 0, rowid);
            GeneratedColumns.compute(p, t, cols);
            w.checkConstraints(rowid, cols, -1, false, skip);
            FkCode.insert(p, t, rowid, cols);
            w.insert(rowid, cols, OpFlags.NCHANGE);
            p.resolve(skip);
            return;
        }
        boolean explicit = values >= 0 && rowidFrom >= 0;
        int flags = OpFlags.NCHANGE | OpFlags.LASTROWID;
        if (explicit) {
            int newRowid = p.label();
            int have = p.label();
            p.op(Opcode.SCopy, values + rowidFrom, rowid);
            p.op(Opcode.NotNull, rowid, have);
            p.op(Opcode.NewRowid, tc(w), rowid, seqReg < 0 ? 0 : seqReg);
            p.op(Opcode.Goto, 0, newRowid);
            p.resolve(have);
            p.op(Opcode.MustBeInt, rowid, 0);
            if (seqReg >= 0) {
                p.op(Opcode.MemMax, seqReg, rowid);
            }
            p.resolve(newRowid);
        } else {
            p.op(Opcode.NewRowid, tc(w), rowid, seqReg < 0 ? 0 : seqReg);
            flags |= OpFlags.APPEND;
        }
        if (t.rowidAlias() >= 0) {
            p.op(Opcode.SCopy, rowid, cols + t.rowidAlias());
        }
        GeneratedColumns.compute(p, t, cols);
        w.checkConstraints(rowid, cols, -1, explicit, skip);
        FkCode.insert(p, t, rowid, cols);
        w.insert(rowid, cols, flags);
        p.resolve(skip);
    }

    private static int tc(RowWriter w) {
        return w.tc;
    }

    /** AUTOINCREMENT: loads the table's largest rowid ever from sqlite_sequence into a register. */
    private void autoincrementStart() {
        if (!t.autoincrement()) {
            return;
        }
        Table seq = p.schema.table("sqlite_sequence");
        if (seq == null) {
            return;
        }
        seqReg = p.allocReg();
        seqRowid = p.allocReg();
        int c = p.allocCursor();
        p.op(Opcode.Integer, 0, seqReg);
        p.op(Opcode.Null, 0, seqRowid);
        p.op(Opcode.OpenRead, c, seq.rootPage(), 0, new P4.ColumnCount(2));
        int name = p.allocReg();
        int r = p.allocReg();
        p.op(Opcode.String8, 0, name, 0, P4.Text.of(t.name()));
        int done = p.label();
        p.op(Opcode.Rewind, c, done);
        int top = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.Column, c, 0, r);
        p.op(Opcode.Ne, name, next, r, null, 0x10);
        p.op(Opcode.Rowid, c, seqRowid);
        p.op(Opcode.Column, c, 1, seqReg);
        p.op(Opcode.Goto, 0, done);
        p.resolve(next);
        p.op(Opcode.Next, c, top);
        p.resolve(done);
        p.op(Opcode.Close, c);
    }

    /** AUTOINCREMENT: writes the largest rowid back to sqlite_sequence. */
    private void autoincrementEnd() {
        if (seqReg < 0) {
            return;
        }
        Table seq = p.schema.table("sqlite_sequence");
        int c = p.allocCursor();
        p.op(Opcode.OpenWrite, c, seq.rootPage(), 0, new P4.ColumnCount(2));
        int base = p.allocRegs(2);
        p.op(Opcode.String8, 0, base, 0, P4.Text.of(t.name()));
        p.op(Opcode.SCopy, seqReg, base + 1);
        int have = p.label();
        p.op(Opcode.NotNull, seqRowid, have);
        p.op(Opcode.NewRowid, c, seqRowid);
        p.resolve(have);
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, base, 2, rec);
        p.op(Opcode.Insert, c, rec, seqRowid);
        p.op(Opcode.Close, c);
    }
}
