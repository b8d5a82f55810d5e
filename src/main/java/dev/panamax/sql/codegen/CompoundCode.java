package dev.panamax.sql.codegen;

import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.ValuesCore;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import java.util.List;

/**
 * Compound SELECTs (SQLite's multiSelect): left to right, the result so far lives in an ephemeral index (a set, for
 * UNION, EXCEPT and INTERSECT) or an ephemeral table (a multiset, for UNION ALL), converted as the next operator
 * needs; a chain of UNION ALL without ORDER BY streams straight to the destination. ORDER BY, LIMIT and OFFSET
 * apply to the whole.
 */
final class CompoundCode {
    private CompoundCode() {
    }

    static void code(Parse p, Query q, Dest dest) {
        int brk = p.label();
        SelectCode.Limits lim = SelectCode.limits(p, q, brk);
        p.plan.push(p, "COMPOUND QUERY");
        boolean allUnionAll = q.ops.stream().allMatch(o -> o == Query.CompoundOp.UNION_ALL);
        if (allUnionAll && q.orderBy.isEmpty()) {
            for (int k = 0; k < q.cores.size(); k++) {
                p.plan.push(p, k == 0 ? "LEFT-MOST SUBQUERY" : "UNION ALL");
                core(p, q, q.cores.get(k), dest, lim, brk, false);
                p.plan.pop();
            }
            p.plan.pop();
            p.resolve(brk);
            return;
        }
        int n = q.columnCount();
        Collation[] colls = collations(p, q);
        int cur = p.allocCursor();
        boolean isSet = q.ops.get(0) != Query.CompoundOp.UNION_ALL;
        openResult(p, cur, n, isSet, colls);
        p.plan.push(p, "LEFT-MOST SUBQUERY");
        core(p, q, q.cores.get(0), resultDest(cur, isSet), SelectCode.Limits.NONE, p.label(), true);
        p.plan.pop();
        for (int k = 0; k < q.ops.size(); k++) {
            Query.CompoundOp op = q.ops.get(k);
            Query.Core next = q.cores.get(k + 1);
            String label = switch (op) {
                case UNION_ALL -> "UNION ALL";
                case UNION -> "UNION USING TEMP B-TREE";
                case EXCEPT -> "EXCEPT USING TEMP B-TREE";
                case INTERSECT -> "INTERSECT USING TEMP B-TREE";
            };
            boolean wantSet = op != Query.CompoundOp.UNION_ALL;
            if (wantSet != isSet) {
                int conv = p.allocCursor();
                openResult(p, conv, n, wantSet, colls);
                copy(p, cur, conv, n, wantSet);
                cur = conv;
                isSet = wantSet;
            }
            p.plan.push(p, label);
            switch (op) {
                case UNION, UNION_ALL -> core(p, q, next, resultDest(cur, isSet), SelectCode.Limits.NONE,
                        p.label(), true);
                case EXCEPT -> core(p, q, next, new Dest.Except(cur), SelectCode.Limits.NONE, p.label(), true);
                case INTERSECT -> {
                    int right = p.allocCursor();
                    openResult(p, right, n, true, colls);
                    core(p, q, next, new Dest.Index(right, null), SelectCode.Limits.NONE, p.label(), true);
                    int into = p.allocCursor();
                    openResult(p, into, n, true, colls);
                    keepFound(p, cur, right, into, n);
                    cur = into;
                }
            }
            p.plan.pop();
        }
        p.plan.pop();
        output(p, q, cur, n, dest, lim, brk);
        p.resolve(brk);
    }

    private static void core(Parse p, Query q, Query.Core c, Dest dest, SelectCode.Limits lim, int brk,
            boolean resolveBrk) {
        if (c instanceof SelectCore sc) {
            SelectCode.core(p, q, sc, List.of(), dest, lim, brk);
        } else {
            SelectCode.values(p, (ValuesCore) c, List.of(), dest, lim, brk);
        }
        if (resolveBrk) {
            p.resolve(brk);
        }
    }

    private static Dest resultDest(int cursor, boolean set) {
        return set ? new Dest.Index(cursor, null) : new Dest.Table(cursor);
    }

    private static void openResult(Parse p, int cursor, int n, boolean set, Collation[] colls) {
        if (set) {
            p.op(Opcode.OpenEphemeral, cursor, n, 0, p.keyInfo(colls, null, n));
        } else {
            p.op(Opcode.OpenEphemeral, cursor, n);
        }
    }

    /** Copies every row of one ephemeral result into another. */
    private static void copy(Parse p, int from, int to, int n, boolean toSet) {
        int done = p.label();
        int base = p.allocRegs(n);
        p.op(Opcode.Rewind, from, done);
        int top = p.v.currentAddr();
        for (int k = 0; k < n; k++) {
            p.op(Opcode.Column, from, k, base + k);
        }
        SelectCode.emit(p, resultDest(to, toSet), base, n, done);
        p.op(Opcode.Next, from, top);
        p.resolve(done);
    }

    /** INTERSECT keeps the left-hand rows (their values, as SQLite outputs them) also found on the right. */
    private static void keepFound(Parse p, int left, int right, int into, int n) {
        int done = p.label();
        int base = p.allocRegs(n);
        p.op(Opcode.Rewind, left, done);
        int top = p.v.currentAddr();
        int next = p.label();
        for (int k = 0; k < n; k++) {
            p.op(Opcode.Column, left, k, base + k);
        }
        p.op(Opcode.NotFound, right, next, base, n);
        SelectCode.emit(p, new Dest.Index(into, null), base, n, done);
        p.resolve(next);
        p.op(Opcode.Next, left, top);
        p.resolve(done);
    }

    /** Reads the final result out, through a sorter when there is an ORDER BY. */
    private static void output(Parse p, Query q, int cur, int n, Dest dest, SelectCode.Limits lim, int brk) {
        int base = p.allocRegs(n);
        SelectCode.Sort sort = q.orderBy.isEmpty() ? null : SelectCode.Sort.open(p, q.orderBy, n);
        int done = p.label();
        p.op(Opcode.Rewind, cur, done);
        int top = p.v.currentAddr();
        int next = p.label();
        for (int k = 0; k < n; k++) {
            p.op(Opcode.Column, cur, k, base + k);
        }
        if (sort != null) {
            sort.pushColumns(p, base, n);
        } else {
            SelectCode.row(p, dest, base, n, lim, next, brk);
        }
        p.resolve(next);
        p.op(Opcode.Next, cur, top);
        p.resolve(done);
        if (sort != null) {
            sort.output(p, dest, lim, brk, "ORDER BY");
        }
    }

    /** Per column, the collation of the left-most SELECT that has one (multiSelectCollSeq). */
    private static Collation[] collations(Parse p, Query q) {
        int n = q.columnCount();
        Collation[] out = new Collation[n];
        for (int k = 0; k < n; k++) {
            String coll = null;
            for (Query.Core c : q.cores) {
                Bound e = c instanceof SelectCore sc ? sc.results.get(k) : ((ValuesCore) c).rows.get(0).get(k);
                coll = Affinities.collation(e);
                if (coll != null) {
                    break;
                }
            }
            out[k] = p.collationOrNull(coll);
        }
        return out;
    }
}
