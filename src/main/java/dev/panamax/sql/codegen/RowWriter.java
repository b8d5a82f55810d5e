package dev.panamax.sql.codegen;

import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.Column;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rows of one table with its indexes (SQLite's insert.c: sqlite3GenerateConstraintChecks,
 * sqlite3CompleteInsertion, sqlite3GenerateRowIndexDelete): NOT NULL, affinity, CHECK, rowid and UNIQUE checks
 * with their conflict actions (ROLLBACK, ABORT, FAIL, IGNORE, REPLACE), then the index entries and the row.
 *
 * <p>A new row lives in registers: the rowid in one, column k in {@code cols + k} (the rowid alias column holds
 * NULL in the record, as SQLite stores it). A WITHOUT ROWID table has no rowid: its cursor is on the primary key
 * tree, which is also its primary key index, and a row is told apart from others by its primary key values (an
 * "old row" register is then the first of those values).
 */
final class RowWriter {
    final Parse p;
    final Table t;
    final Source src;
    final int tc;
    final int[] ic;
    private final ConflictAction override;
    private final List<Bound> checks = new ArrayList<>();
    /** Per index, the terms of an entry: the key terms, then the rowid or the primary key columns it lacks. */
    private final List<List<Bound>> indexKeys = new ArrayList<>();
    private final List<Bound> indexWhere = new ArrayList<>();
    private int rowidReg;
    private int colsReg;

    RowWriter(Parse p, Table t, Source src, ConflictAction override) {
        this.p = p;
        this.t = t;
        this.src = src;
        this.override = override;
        this.tc = src.cursor;
        this.ic = new int[t.indexes().size()];
        for (Expr e : t.checks()) {
            checks.add(p.resolver.expression(e, List.of(src)));
        }
        for (Index idx : t.indexes()) {
            indexKeys.add(TableTree.entryTerms(p, t, idx, src));
            indexWhere.add(idx.where() == null ? null : p.resolver.expression(idx.where(), List.of(src)));
        }
        p.noteCursors();
    }

    /** Opens the table and index cursors for writing. */
    void open() {
        p.writes = true;
        TableTree.open(p, Opcode.OpenWrite, tc, t);
        for (int k = 0; k < ic.length; k++) {
            Index idx = t.indexes().get(k);
            if (t.isTableTree(idx)) {
                ic[k] = tc;
                continue;
            }
            ic[k] = p.allocCursor();
            p.op(Opcode.OpenWrite, ic[k], idx.rootPage(), 0, TableTree.indexKeyInfo(p, t, idx));
        }
    }

    /**
     * Column reads of expressions (CHECK, index keys, partial index WHERE) see the new row's registers. A REAL
     * column's value reads as REAL even where the register keeps a small integral value as INTEGER (SQLite's
     * MEM_IntReal), as it will read back from the record.
     */
    void bindNewRow(int rowid, int cols) {
        this.rowidReg = rowid;
        this.colsReg = cols;
        p.readers.put(src, (pp, col, target) -> {
            pp.op(Opcode.SCopy, col < 0 ? rowid : cols + col, target);
            if (col >= 0 && col != t.rowidAlias() && t.column(col).affinity() == Affinity.REAL) {
                pp.op(Opcode.RealAffinity, target);
            }
        });
    }

    /** Column reads see the row at the table cursor. */
    void bindCursorRow() {
        p.readers.put(src, (pp, col, target) -> WhereCode.readFromTable(pp, tc, t, col, target));
    }

    private int action(ConflictAction declared) {
        ConflictAction a = override != null ? override : declared != null ? declared : ConflictAction.ABORT;
        return switch (a) {
            case ROLLBACK -> Vm.OE_ROLLBACK;
            case ABORT -> Vm.OE_ABORT;
            case FAIL -> Vm.OE_FAIL;
            case IGNORE -> Vm.OE_IGNORE;
            case REPLACE -> Vm.OE_REPLACE;
        };
    }

    /**
     * The checks for the new row in {@code rowid}/{@code cols}; {@code oldRowid} is the row being updated (-1 for an
     * insert); {@code rowidChecked} when the rowid may collide with an existing row. Jumps to {@code skip} for
     * IGNORE.
     */
    void checkConstraints(int rowid, int cols, int oldRowid, boolean rowidChecked, int skip) {
        bindNewRow(rowid, cols);
        notNull(cols, skip);
        if (t.strict()) {
            p.op(Opcode.TypeCheck, cols, t.columnCount(), 0, strictColumns());
        } else {
            p.op(Opcode.Affinity, cols, t.columnCount(), 0, affinityString());
        }
        checkConstraintsCheck(skip);
        if (rowidChecked) {
            rowidConflict(rowid, oldRowid, skip);
        }
        for (int k : uniqueCheckOrder()) {
            uniqueConflict(k, t.indexes().get(k), rowid, oldRowid, skip);
        }
    }

    /**
     * The UNIQUE indexes in the order SQLite checks them, its pIndex list order: the newest first, with the indexes
     * declared ON CONFLICT REPLACE after all the others. This decides which constraint a row violating several is
     * reported against.
     */
    private List<Integer> uniqueCheckOrder() {
        List<Integer> order = new ArrayList<>();
        List<Integer> replace = new ArrayList<>();
        for (int k = ic.length - 1; k >= 0; k--) {
            Index idx = t.indexes().get(k);
            if (idx.unique()) {
                (idx.onError() == ConflictAction.REPLACE ? replace : order).add(k);
            }
        }
        order.addAll(replace);
        return order;
    }

    private void notNull(int cols, int skip) {
        for (int k = 0; k < t.columnCount(); k++) {
            Column c = t.column(k);
            if (!c.notNull() || k == t.rowidAlias()) {
                continue;
            }
            int action = action(c.notNullConflict());
            int reg = cols + k;
            if (action == Vm.OE_REPLACE && c.defaultValue() != null) {
                int ok = p.label();
                p.op(Opcode.NotNull, reg, ok);
                p.expr.code(p.resolver.expression(c.defaultValue(), List.of()), reg);
                p.resolve(ok);
                action = Vm.OE_ABORT;
            } else if (action == Vm.OE_REPLACE) {
                action = Vm.OE_ABORT;
            }
            if (action == Vm.OE_IGNORE) {
                p.op(Opcode.IsNull, reg, skip);
            } else {
                p.op(Opcode.HaltIfNull, ResultCode.CONSTRAINT_NOTNULL.code(), action, reg,
                        t.name() + "." + c.name(), OpFlags.CONSTRAINT_NOTNULL);
            }
        }
    }

    private void checkConstraintsCheck(int skip) {
        for (int k = 0; k < checks.size(); k++) {
            int ok = p.label();
            p.expr.ifTrue(checks.get(k), ok, true);
            int action = action(null);
            if (action == Vm.OE_IGNORE) {
                p.op(Opcode.Goto, 0, skip);
            } else {
                p.op(Opcode.Halt, ResultCode.CONSTRAINT_CHECK.code(), action == Vm.OE_REPLACE ? Vm.OE_ABORT
                        : action, 0, checkName(k), OpFlags.CONSTRAINT_CHECK);
            }
            p.resolve(ok);
        }
    }

    /** The name SQLite reports for a failed CHECK: the constraint's name, else its expression text. */
    private String checkName(int k) {
        return CheckNames.of(t, k);
    }

    private void rowidConflict(int rowid, int oldRowid, int skip) {
        int ok = p.label();
        if (oldRowid >= 0) {
            p.op(Opcode.Eq, rowid, ok, oldRowid, null, Affinity.INTEGER);
        }
        p.op(Opcode.NotExists, tc, ok, rowid);
        int action = action(t.pkConflict());
        switch (action) {
            case Vm.OE_IGNORE -> p.op(Opcode.Goto, 0, skip);
            case Vm.OE_REPLACE -> {
                deleteCurrentRow(false);
                bindNewRow(rowidReg, colsReg);
            }
            default -> {
                ResultCode code = t.rowidAlias() >= 0 ? ResultCode.CONSTRAINT_PRIMARYKEY : ResultCode.CONSTRAINT_ROWID;
                String col = t.rowidAlias() >= 0 ? t.column(t.rowidAlias()).name() : "rowid";
                p.op(Opcode.Halt, code.code(), action, 0, t.name() + "." + col, OpFlags.CONSTRAINT_UNIQUE);
            }
        }
        p.resolve(ok);
    }

    private void uniqueConflict(int k, Index idx, int rowid, int oldRowid, int skip) {
        int ok = p.label();
        if (indexWhere.get(k) != null) {
            p.expr.ifFalse(indexWhere.get(k), ok, true);
        }
        int n = idx.keyCount();
        int base = p.allocRegs(n);
        for (int j = 0; j < n; j++) {
            p.expr.code(indexKeys.get(k).get(j), base + j);
        }
        p.op(Opcode.NoConflict, ic[k], ok, base, n);
        int other = conflictingRow(k, idx, oldRowid, ok);
        int action = action(t.isTableTree(idx) && t.pkConflict() != null ? t.pkConflict() : idx.onError());
        switch (action) {
            case Vm.OE_IGNORE -> p.op(Opcode.Goto, 0, skip);
            case Vm.OE_REPLACE -> {
                if (t.hasRowid()) {
                    p.op(Opcode.NotExists, tc, ok, other);
                } else if (!t.isTableTree(idx)) {
                    p.op(Opcode.NotFound, tc, ok, other, (Object) TableTree.primaryKey(t).length);
                }
                deleteCurrentRow(false);
                bindNewRow(rowidReg, colsReg);
            }
            default -> {
                ResultCode code = idx.origin() == 'p' ? ResultCode.CONSTRAINT_PRIMARYKEY
                        : ResultCode.CONSTRAINT_UNIQUE;
                if (idx.hasExpressions()) {
                    p.op(Opcode.Halt, code.code(), action, 0, DdlCode.uniqueMessage(t, idx), 0);
                } else {
                    p.op(Opcode.Halt, code.code(), action, 0, DdlCode.uniqueMessage(t, idx),
                            OpFlags.CONSTRAINT_UNIQUE);
                }
            }
        }
        p.resolve(ok);
    }

    /**
     * The row whose entry in index {@code k} conflicts, into registers: its rowid, or its primary key values. When
     * it is the row being updated ({@code old}), jumps to {@code ok}.
     */
    private int conflictingRow(int k, Index idx, int old, int ok) {
        if (t.hasRowid()) {
            int other = p.allocReg();
            p.op(Opcode.IdxRowid, ic[k], other);
            if (old >= 0) {
                p.op(Opcode.Eq, other, ok, old, null, Affinity.INTEGER);
            }
            return other;
        }
        Index pk = t.primaryKeyIndex();
        int n = pk.keyCount();
        int other = p.allocRegs(n);
        for (int j = 0; j < n; j++) {
            p.op(Opcode.Column, ic[k], TableTree.entryPosition(t, idx, pk.columns()[j]), other + j);
        }
        if (old >= 0) {
            int differ = p.label();
            for (int j = 0; j < n; j++) {
                p.op(Opcode.Ne, other + j, differ, old + j, p.collationOrNull(pk.collations()[j]),
                        OpFlags.NULLEQ);
            }
            p.op(Opcode.Goto, 0, ok);
            p.resolve(differ);
        }
        return other;
    }

    /** Deletes the row at the table cursor and its index entries. */
    void deleteCurrentRow(boolean countChange) {
        bindCursorRow();
        int fkOld = FkCode.beforeDelete(p, t, tc);
        deleteIndexEntries();
        p.op(Opcode.Delete, tc, 0, 0, null, countChange ? OpFlags.NCHANGE : 0);
        if (!t.hasRowid()) {
            p.op(Opcode.NullRow, tc);
        }
        FkCode.afterDelete(p, t, fkOld);
    }

    /** Removes the index entries of the row at the table cursor. */
    void deleteIndexEntries() {
        for (int k = 0; k < ic.length; k++) {
            if (t.isTableTree(t.indexes().get(k))) {
                continue;
            }
            int skip = p.label();
            if (indexWhere.get(k) != null) {
                p.expr.ifFalse(indexWhere.get(k), skip, true);
            }
            List<Bound> entry = indexKeys.get(k);
            int base = p.allocRegs(entry.size());
            for (int j = 0; j < entry.size(); j++) {
                p.expr.code(entry.get(j), base + j);
            }
            p.op(Opcode.IdxDelete, ic[k], base, entry.size());
            p.resolve(skip);
        }
    }

    /**
     * Computes the index entries of the row at the table cursor into registers (before an UPDATE changes it): per
     * index its key and rowid, and a flag telling whether a partial index holds the row. Returns the first register.
     */
    int saveIndexEntries() {
        bindCursorRow();
        int total = 0;
        for (List<Bound> entry : indexKeys) {
            total += entry.size() + 1;
        }
        int base = p.allocRegs(total);
        int at = base;
        for (int k = 0; k < ic.length; k++) {
            List<Bound> entry = indexKeys.get(k);
            int n = entry.size();
            if (t.isTableTree(t.indexes().get(k))) {
                at += n + 1;
                continue;
            }
            p.op(Opcode.Integer, 1, at + n);
            if (indexWhere.get(k) != null) {
                int in = p.label();
                p.expr.ifTrue(indexWhere.get(k), in, false);
                p.op(Opcode.Integer, 0, at + n);
                p.resolve(in);
            }
            for (int j = 0; j < n; j++) {
                p.expr.code(entry.get(j), at + j);
            }
            at += n + 1;
        }
        return base;
    }

    /** Deletes the index entries saved by {@link #saveIndexEntries}. */
    void deleteSavedIndexEntries(int base) {
        int at = base;
        for (int k = 0; k < ic.length; k++) {
            int n = indexKeys.get(k).size();
            if (!t.isTableTree(t.indexes().get(k))) {
                int skip = p.label();
                p.op(Opcode.IfNot, at + n, skip);
                p.op(Opcode.IdxDelete, ic[k], at, n);
                p.resolve(skip);
            }
            at += n + 1;
        }
    }

    /** Inserts the index entries and the row held in {@code rowid}/{@code cols}. */
    void insert(int rowid, int cols, int insertFlags) {
        bindNewRow(rowid, cols);
        for (int k = 0; k < ic.length; k++) {
            if (t.isTableTree(t.indexes().get(k))) {
                continue;
            }
            int skip = p.label();
            if (indexWhere.get(k) != null) {
                p.expr.ifFalse(indexWhere.get(k), skip, true);
            }
            List<Bound> entry = indexKeys.get(k);
            int n = entry.size();
            int base = p.allocRegs(n);
            for (int j = 0; j < n; j++) {
                p.expr.code(entry.get(j), base + j);
            }
            int rec = p.allocReg();
            p.op(Opcode.MakeRecord, base, n, rec, indexAffinity(entry));
            p.op(Opcode.IdxInsert, ic[k], rec, base, n);
            p.resolve(skip);
        }
        if (t.rowidAlias() >= 0) {
            p.op(Opcode.SoftNull, cols + t.rowidAlias());
        }
        int fields = t.storageColumns().length;
        int data = TableTree.recordRegisters(p, t, cols);
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, data, fields, rec, TableTree.recordAffinity(t));
        if (t.hasRowid()) {
            p.op(Opcode.Insert, tc, rec, rowid, P4.Text.of(t.name()), insertFlags);
        } else {
            p.op(Opcode.IdxInsert, tc, rec, data, fields, insertFlags & OpFlags.NCHANGE);
        }
    }

    /**
     * The affinities of an index entry (sqlite3IndexAffinityStr): each term's, BLOB for none, INTEGER for the rowid.
     * MakeRecord needs them for REAL keys, which it stores as SQLite does.
     */
    static String indexAffinity(List<Bound> entry) {
        StringBuilder sb = new StringBuilder();
        for (Bound k : entry) {
            char a = k instanceof Bound.ColumnRef c && c.column() < 0 ? Affinity.INTEGER : Affinities.of(k);
            sb.append(a <= Affinity.NONE ? Affinity.BLOB : a);
        }
        return sb.toString();
    }

    /** TypeCheck's view of a STRICT table; the rowid alias and generated columns are not checked. */
    private P4.StrictColumns strictColumns() {
        int n = t.columnCount();
        String[] names = new String[n];
        String[] types = new String[n];
        for (int k = 0; k < n; k++) {
            Column c = t.column(k);
            names[k] = c.name();
            boolean checked = k != t.rowidAlias() && !c.isGenerated() && c.declType() != null;
            types[k] = checked ? c.declType().toUpperCase(java.util.Locale.ROOT) : null;
        }
        return new P4.StrictColumns(t.name(), names, types, affinityString());
    }

    String affinityString() {
        StringBuilder sb = new StringBuilder();
        for (Column c : t.columns()) {
            sb.append(c.affinity());
        }
        return sb.toString();
    }
}
