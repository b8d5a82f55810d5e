package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE (SQLite's update.c): a first pass collects the rowids of the matching rows; then for each row the new
 * values are computed from the old row, the old index entries saved, the constraints checked, the old entries
 * removed and the new row and entries written (moving the row when its rowid changes).
 */
final class UpdateCode {
    private UpdateCode() {
    }

    static void code(Parse p, Stmt.Update u) {
        if (u.from() != null || !u.returning().isEmpty() || !u.orderBy().isEmpty() || u.limit() != null) {
            throw new DbException(ResultCode.ERROR, "UPDATE FROM, RETURNING, ORDER BY and LIMIT are not supported yet");
        }
        Table t = InsertCode.writableTable(p, u.table());
        p.v.setCountsChanges();
        p.v.setMayPartiallyFail();
        p.writes = true;
        Source scan = p.resolver.target(t, u.alias() == null ? null : u.alias().text());
        int n = t.columnCount();
        Bound[] set = new Bound[n];
        Bound newRowid = null;
        for (Stmt.SetClause sc : u.set()) {
            List<Bound> values = values(p, sc, scan);
            for (int k = 0; k < sc.columns().size(); k++) {
                Name col = sc.columns().get(k);
                int c = t.columnIndex(col.text());
                if (c < 0 && isRowid(col.text()) && t.hasRowid()) {
                    newRowid = values.get(k);
                } else if (c < 0) {
                    throw new DbException(ResultCode.ERROR, "no such column: " + col.text());
                } else if (t.column(c).isGenerated()) {
                    throw GeneratedColumns.written(t, c, "UPDATE");
                } else {
                    set[c] = values.get(k);
                    if (c == t.rowidAlias()) {
                        newRowid = values.get(k);
                    }
                }
            }
        }
        Bound where = u.where() == null ? null : p.resolver.expression(u.where(), List.of(scan), "WHERE");
        p.noteCursors();
        int rowids = DeleteCode.collectRowids(p, scan, where);
        RowWriter w = new RowWriter(p, t, scan, u.orAction());
        w.open();
        int done = p.label();
        p.op(Opcode.Rewind, rowids, done);
        int top = p.v.currentAddr();
        int next = p.label();
        int old = DeleteCode.seekCollected(p, t, rowids, w.tc, next);
        w.bindCursorRow();
        int rowid = p.allocReg();
        int cols = p.allocRegs(n);
        for (int k = 0; k < n; k++) {
            if (set[k] != null) {
                p.expr.code(set[k], cols + k);
            } else if (k == t.rowidAlias()) {
                p.op(Opcode.Null, 0, cols + k);
            } else {
                p.expr.code(new Bound.ColumnRef(scan, k), cols + k);
            }
        }
        if (newRowid != null) {
            p.expr.code(newRowid, rowid);
            p.op(Opcode.MustBeInt, rowid, 0);
        } else if (t.hasRowid()) {
            p.op(Opcode.SCopy, old, rowid);
        } else {
            p.op(Opcode.Null, 0, rowid);
        }
        if (t.rowidAlias() >= 0) {
            p.op(Opcode.SCopy, rowid, cols + t.rowidAlias());
        }
        GeneratedColumns.compute(p, t, cols);
        int saved = w.saveIndexEntries();
        w.checkConstraints(rowid, cols, old, newRowid != null, next);
        w.deleteSavedIndexEntries(saved);
        boolean[] changed = new boolean[n];
        for (int k = 0; k < n; k++) {
            changed[k] = set[k] != null;
        }
        int fkOld = FkCode.update(p, t, w.tc, old, rowid, cols, changed, newRowid != null);
        if (newRowid != null) {
            int same = p.label();
            p.op(Opcode.Eq, rowid, same, old, null, 'D');
            p.op(Opcode.NotExists, w.tc, same, old);
            p.op(Opcode.Delete, w.tc);
            p.resolve(same);
        } else if (!t.hasRowid()) {
            int gone = p.label();
            TableTree.seekRow(p, t, w.tc, old, gone);
            p.op(Opcode.Delete, w.tc);
            p.resolve(gone);
        }
        w.insert(rowid, cols, OpFlags.NCHANGE);
        FkCode.afterUpdate(p, t, fkOld, rowid, cols, changed, newRowid != null);
        p.resolve(next);
        p.op(Opcode.Next, rowids, top);
        p.resolve(done);
    }

    private static List<Bound> values(Parse p, Stmt.SetClause sc, Source scan) {
        if (!sc.rowValue()) {
            return List.of(p.resolver.expression(sc.value(), List.of(scan)));
        }
        Bound v = p.resolver.rowValue(sc.value(), List.of(scan));
        List<Bound> out = new ArrayList<>();
        if (v instanceof Bound.Vector vec) {
            out.addAll(vec.items());
        } else {
            out.add(v);
        }
        if (out.size() != sc.columns().size()) {
            throw new DbException(ResultCode.ERROR, sc.columns().size() + " columns assigned " + out.size()
                    + " values");
        }
        return out;
    }

    private static boolean isRowid(String s) {
        return s.equalsIgnoreCase("rowid") || s.equalsIgnoreCase("oid") || s.equalsIgnoreCase("_rowid_");
    }
}
