package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * DELETE (SQLite's delete.c): without WHERE the table and its indexes are cleared (the truncate optimization);
 * otherwise a first pass collects the rowids of the matching rows and a second deletes each row with its index
 * entries.
 */
final class DeleteCode {
    private DeleteCode() {
    }

    static void code(Parse p, Stmt.Delete d) {
        if (!d.returning().isEmpty() || !d.orderBy().isEmpty() || d.limit() != null) {
            throw new DbException(ResultCode.ERROR, "RETURNING, ORDER BY and LIMIT on DELETE are not supported yet");
        }
        Table t = InsertCode.writableTable(p, d.table());
        p.v.setCountsChanges();
        p.v.setMayPartiallyFail();
        p.writes = true;
        Source scan = p.resolver.target(t, d.alias() == null ? null : d.alias().text());
        Bound where = d.where() == null ? null : p.resolver.expression(d.where(), List.of(scan), "WHERE");
        p.noteCursors();
        if (where == null && p.schema.triggersOn(t.name()).isEmpty() && !FkCode.blocksTruncate(p, t)) {
            p.plan.line(p, "SCAN " + scan.name);
            p.op(Opcode.Clear, t.rootPage(), 0, 1);
            for (Index i : t.indexes()) {
                if (t.isTableTree(i)) {
                    continue;
                }
                p.op(Opcode.Clear, i.rootPage(), 0, 0);
            }
            return;
        }
        int rowids = collectRowids(p, scan, where);
        Source target = p.resolver.target(t, null);
        RowWriter w = new RowWriter(p, t, target, null);
        w.open();
        int done = p.label();
        p.op(Opcode.Rewind, rowids, done);
        int top = p.v.currentAddr();
        int next = p.label();
        seekCollected(p, t, rowids, w.tc, next);
        w.deleteCurrentRow(true);
        p.resolve(next);
        p.op(Opcode.Next, rowids, top);
        p.resolve(done);
    }

    /**
     * First pass of DELETE and UPDATE: the rowids of the rows matching {@code where}, in an ephemeral table; for a
     * WITHOUT ROWID table their primary keys, in an ephemeral index.
     */
    static int collectRowids(Parse p, Source scan, Bound where) {
        Table t = scan.table;
        int[] pk = t.hasRowid() ? null : TableTree.primaryKey(t);
        int eph = p.allocCursor();
        Map<Source, BitSet> used = new IdentityHashMap<>();
        BitSet cols = new BitSet();
        if (pk == null) {
            p.op(Opcode.OpenEphemeral, eph, 0);
        } else {
            p.op(Opcode.OpenEphemeral, eph, pk.length, 0, p.keyInfo(new Collation[pk.length], null, pk.length));
            for (int c : pk) {
                cols.set(c);
            }
        }
        if (where != null) {
            dev.panamax.sql.resolve.Walker.forEachDeep(where, e -> {
                if (e instanceof Bound.ColumnRef c && c.source() == scan && c.column() >= 0) {
                    cols.set(c.column());
                }
            });
        }
        used.put(scan, cols);
        WhereCode w = WhereCode.plan(p, List.of(scan), where, null, used);
        w.emitBegin();
        if (pk == null) {
            int r = p.allocReg();
            int empty = p.allocReg();
            p.expr.code(new Bound.ColumnRef(scan, -1), r);
            p.op(Opcode.Null, 0, empty);
            p.op(Opcode.Insert, eph, empty, r, null, 0);
        } else {
            int regs = p.allocRegs(pk.length);
            for (int j = 0; j < pk.length; j++) {
                p.expr.code(new Bound.ColumnRef(scan, pk[j]), regs + j);
            }
            int rec = p.allocReg();
            p.op(Opcode.MakeRecord, regs, pk.length, rec);
            p.op(Opcode.IdxInsert, eph, rec, regs, pk.length);
        }
        w.end();
        return eph;
    }

    /**
     * Moves {@code tc} to the row collected at {@code eph}'s current entry (jumps to {@code missing} when it is
     * gone) and returns the register holding its identity: the rowid, or the first primary key value.
     */
    static int seekCollected(Parse p, Table t, int eph, int tc, int missing) {
        int n = t.hasRowid() ? 1 : TableTree.primaryKey(t).length;
        int regs = p.allocRegs(n);
        if (t.hasRowid()) {
            p.op(Opcode.Rowid, eph, regs);
        } else {
            for (int j = 0; j < n; j++) {
                p.op(Opcode.Column, eph, j, regs + j);
            }
        }
        TableTree.seekRow(p, t, tc, regs, missing);
        return regs;
    }
}
