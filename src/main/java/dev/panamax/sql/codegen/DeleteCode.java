package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
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
                p.op(Opcode.Clear, i.rootPage(), 0, 0);
            }
            return;
        }
        int rowids = collectRowids(p, scan, where);
        Source target = p.resolver.target(t, null);
        RowWriter w = new RowWriter(p, t, target, null);
        w.open();
        int done = p.label();
        int r = p.allocReg();
        p.op(Opcode.Rewind, rowids, done);
        int top = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.Rowid, rowids, r);
        p.op(Opcode.NotExists, w.tc, next, r);
        w.deleteCurrentRow(true);
        p.resolve(next);
        p.op(Opcode.Next, rowids, top);
        p.resolve(done);
    }

    /** First pass of DELETE and UPDATE: the rowids of the rows matching {@code where}, in an ephemeral table. */
    static int collectRowids(Parse p, Source scan, Bound where) {
        int eph = p.allocCursor();
        p.op(Opcode.OpenEphemeral, eph, 0);
        Map<Source, BitSet> used = new IdentityHashMap<>();
        BitSet cols = new BitSet();
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
        int r = p.allocReg();
        int empty = p.allocReg();
        p.expr.code(new Bound.ColumnRef(scan, -1), r);
        p.op(Opcode.Null, 0, empty);
        p.op(Opcode.Insert, eph, empty, r, null, 0);
        w.end();
        return eph;
    }
}
