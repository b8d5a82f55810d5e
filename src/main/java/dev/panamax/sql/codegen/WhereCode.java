package dev.panamax.sql.codegen;

import dev.panamax.schema.Affinity;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.plan.AccessPath;
import dev.panamax.sql.plan.Planner;
import dev.panamax.sql.plan.WhereLevel;
import dev.panamax.sql.plan.WherePlan;
import dev.panamax.sql.plan.WhereTerm;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Code for the loops of a {@link WherePlan} (SQLite's wherecode.c): {@link #begin} opens the cursors and emits the
 * loop heads, outermost first, leaving the program inside the innermost loop; the caller codes the body, then
 * {@link #end} emits the loop tails. Outer joins get a match flag and a NULL-row pass.
 */
final class WhereCode {
    private final Parse p;
    private final WherePlan plan;
    private final int[] cont;
    private final int[] brk;
    private final int[] top;
    private final int[] match;
    private final int[] bodyStart;
    private final int[] indexCursor;
    private final List<List<InLoop>> inLoops = new ArrayList<>();
    private final int exit;
    /** With a RIGHT or FULL JOIN the body is a subroutine, so the unmatched-row pass can run it too. */
    private final boolean bodySubroutine;
    private int bodyReg;
    private int bodyReturn;
    private int bodyLabel;
    private final int[] matched;

    private record InLoop(int cursor, int top, int next) {
    }

    private final Map<Source, BitSet> used;

    private WhereCode(Parse p, WherePlan plan, Map<Source, BitSet> used) {
        this.p = p;
        this.plan = plan;
        this.used = used;
        int n = plan.levels().size();
        cont = new int[n];
        brk = new int[n];
        top = new int[n];
        match = new int[n];
        bodyStart = new int[n];
        indexCursor = new int[n];
        exit = p.label();
        matched = new int[n];
        boolean right = false;
        for (WhereLevel l : plan.levels()) {
            right |= l.source().join.keepsRight();
        }
        bodySubroutine = right;
    }

    boolean orderSatisfied() {
        return plan.orderSatisfied();
    }

    /** Where the body jumps to skip the current row. */
    int continueLabel() {
        if (bodySubroutine) {
            return bodyReturn;
        }
        int n = plan.levels().size();
        return n == 0 ? exit : cont[n - 1];
    }

    /** Where the body jumps to end all loops. */
    int breakLabel() {
        return exit;
    }

    List<WhereLevel> levels() {
        return plan.levels();
    }

    /** Plans the loops; nothing is emitted until {@link #emitBegin}. */
    static WhereCode plan(Parse p, List<Source> from, Bound where, Planner.OrderRequest order,
            Map<Source, BitSet> used) {
        return new WhereCode(p, new Planner(from, used).plan(where, order), used);
    }

    /** Opens the cursors and emits the loop heads. */
    void emitBegin() {
        for (WhereLevel l : plan.levels()) {
            if (l.source().isSubquery()) {
                SubqueryCode.materialize(p, l.source());
            }
        }
        for (WhereTerm t : plan.constantTerms()) {
            p.expr.ifFalse(t.expr(), exit, true);
        }
        for (int k = 0; k < plan.levels().size(); k++) {
            openCursors(k, plan.levels().get(k));
        }
        for (int k = 0; k < plan.levels().size(); k++) {
            if (plan.levels().get(k).source().join.keepsRight()) {
                matched[k] = p.allocCursor();
                int n = identity(plan.levels().get(k).source()).length;
                p.op(Opcode.OpenEphemeral, matched[k], n, 0, p.keyInfo(new Collation[n], null, n));
            }
        }
        for (int k = 0; k < plan.levels().size(); k++) {
            levelHead(k, plan.levels().get(k), true);
        }
        if (bodySubroutine) {
            bodyReg = p.allocReg();
            bodyReturn = p.label();
            bodyLabel = p.label();
            p.op(Opcode.Gosub, bodyReg, bodyLabel);
            p.op(Opcode.Goto, 0, cont[plan.levels().size() - 1]);
            p.resolve(bodyLabel);
        }
    }

    private void openCursors(int k, WhereLevel l) {
        Source s = l.source();
        indexCursor[k] = -1;
        if (l.path() instanceof AccessPath.AutoIndex a) {
            buildAutoIndex(k, s, a);
            return;
        }
        if (s.isSubquery()) {
            p.readers.put(s, (pp, col, target) -> {
                pp.op(col < 0 ? Opcode.Rowid : Opcode.Column, s.cursor, col < 0 ? target : col, col < 0 ? 0 : target);
                if (col >= 0 && s.columns.get(col).affinity() == Affinity.REAL) {
                    pp.op(Opcode.RealAffinity, target);
                }
            });
            return;
        }
        if (s.function() != null) {
            p.needsTransaction = true;
            p.readers.put(s, (pp, col, target) -> {
                if (col < 0) {
                    pp.op(Opcode.Rowid, s.cursor, target);
                } else {
                    pp.op(Opcode.VColumn, s.cursor, col, target);
                }
            });
            return;
        }
        Table t = s.table;
        if (l.path() instanceof AccessPath.IndexScan is) {
            int ic = p.allocCursor();
            indexCursor[k] = ic;
            if (!is.covering()) {
                openTable(s, t);
            }
            p.op(Opcode.OpenRead, ic, is.index().rootPage(), 0, TableTree.indexKeyInfo(p, t, is.index()));
            if (is.covering()) {
                Index idx = is.index();
                p.readers.put(s, (pp, col, target) -> readFromIndex(pp, ic, idx, t, col, target));
            } else {
                p.readers.put(s, (pp, col, target) -> readFromTable(pp, s.cursor, t, col, target));
            }
        } else {
            openTable(s, t);
            p.readers.put(s, (pp, col, target) -> readFromTable(pp, s.cursor, t, col, target));
        }
    }

    /**
     * Builds the automatic index once: the equality columns first, then every other column the statement reads,
     * then the rowid; the item's columns are then read from it.
     */
    private void buildAutoIndex(int k, Source s, AccessPath.AutoIndex a) {
        List<Integer> cols = new ArrayList<>();
        for (WhereTerm w : a.eq()) {
            cols.add(w.column());
        }
        BitSet more = used.getOrDefault(s, new BitSet());
        for (int c = more.nextSetBit(0); c >= 0; c = more.nextSetBit(c + 1)) {
            if (!cols.contains(c) && (s.table == null || c != s.table.rowidAlias())) {
                cols.add(c);
            }
        }
        int n = cols.size();
        Collation[] colls = new Collation[n + 1];
        for (int j = 0; j < a.eq().size(); j++) {
            WhereTerm w = a.eq().get(j);
            colls[j] = p.collationOrNull(w.collation());
        }
        int ac = p.allocCursor();
        indexCursor[k] = ac;
        int skip = p.label();
        p.op(Opcode.Once, 0, skip);
        p.op(Opcode.OpenAutoindex, ac, n + 1, 0, p.keyInfo(colls, null, a.eq().size()));
        int src = s.cursor;
        if (!s.isSubquery()) {
            openTable(s, s.table);
        }
        int done = p.label();
        int base = p.allocRegs(n + 1);
        p.op(Opcode.Rewind, src, done);
        int top = p.v.currentAddr();
        for (int j = 0; j < n; j++) {
            if (s.isSubquery()) {
                p.op(Opcode.Column, src, cols.get(j), base + j);
            } else {
                readFromTable(p, src, s.table, cols.get(j), base + j);
            }
        }
        if (s.isSubquery()) {
            p.op(Opcode.Rowid, src, base + n);
        } else {
            readFromTable(p, src, s.table, -1, base + n);
        }
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, base, n + 1, rec);
        p.op(Opcode.IdxInsert, ac, rec, base, n + 1);
        p.op(Opcode.Next, src, top);
        p.resolve(done);
        p.resolve(skip);
        p.readers.put(s, (pp, col, target) -> {
            if (col < 0) {
                pp.op(Opcode.Column, ac, n, target);
                return;
            }
            pp.op(Opcode.Column, ac, cols.indexOf(col), target);
            if (s.columns.get(col).affinity() == Affinity.REAL) {
                pp.op(Opcode.RealAffinity, target);
            }
        });
    }

    private void autoIndexSeek(int k, WhereLevel l, AccessPath.AutoIndex a) {
        int ac = indexCursor[k];
        int nEq = a.eq().size();
        int base = p.allocRegs(nEq);
        StringBuilder aff = new StringBuilder();
        for (int j = 0; j < nEq; j++) {
            WhereTerm w = a.eq().get(j);
            p.expr.code(w.value(), base + j);
            p.op(Opcode.IsNull, base + j, brk[k]);
            aff.append(seekAffinity(w, indexAffinity(l.source().columns.get(w.column()).affinity())));
        }
        p.op(Opcode.Affinity, base, nEq, 0, aff.toString());
        p.op(Opcode.SeekGE, ac, brk[k], base, nEq);
        top[k] = p.v.currentAddr();
        p.op(Opcode.IdxGT, ac, brk[k], base, nEq);
    }

    private void openTable(Source s, Table t) {
        TableTree.open(p, Opcode.OpenRead, s.cursor, t);
    }

    static void readFromTable(Parse p, int cursor, Table t, int col, int target) {
        TableTree.read(p, cursor, t, col, target);
    }

    private static void readFromIndex(Parse p, int ic, Index idx, Table t, int col, int target) {
        if (col < 0) {
            p.op(t.hasRowid() ? Opcode.IdxRowid : Opcode.Null, t.hasRowid() ? ic : 0, target);
            return;
        }
        int k = TableTree.entryPosition(t, idx, col);
        if (k < 0 && t.column(col).isVirtual()) {
            TableTree.computeVirtual(p, t, t.column(col), target, (pp, c, reg) -> readFromIndex(pp, ic, idx, t, c,
                    reg));
            return;
        }
        if (k < 0) {
            throw new AssertionError("column " + col + " not in index " + idx.name());
        }
        p.op(Opcode.Column, ic, k, target);
        if (t.column(col).affinity() == Affinity.REAL) {
            p.op(Opcode.RealAffinity, target);
        }
    }

    /** The KeyInfo of an index: its collations and directions, then the rowid or primary key suffix. */
    static KeyInfo indexKeyInfo(Parse p, Index idx) {
        return TableTree.indexKeyInfo(p, p.schema.table(idx.table()), idx);
    }

    private void levelHead(int k, WhereLevel l, boolean explain) {
        cont[k] = p.label();
        brk[k] = p.label();
        inLoops.add(new ArrayList<>());
        boolean outer = l.source().join.keepsLeft();
        if (outer) {
            match[k] = p.allocReg();
            p.op(Opcode.Integer, 0, match[k]);
        }
        if (explain) {
            explain(l);
        }
        switch (l.path()) {
            case AccessPath.FullScan f -> {
                int c = l.source().cursor;
                p.op(f.reverse() ? Opcode.Last : Opcode.Rewind, c, brk[k]);
                top[k] = p.v.currentAddr();
            }
            case AccessPath.RowidEq r -> rowidEq(k, l, r);
            case AccessPath.RowidRange r -> rowidRange(k, l, r);
            case AccessPath.IndexScan is -> indexScan(k, l, is);
            case AccessPath.AutoIndex a -> autoIndexSeek(k, l, a);
            case AccessPath.FunctionScan f -> functionScan(k, l, f);
        }
        for (WhereTerm t : l.onTerms()) {
            p.expr.ifFalse(t.expr(), cont[k], true);
        }
        if (outer) {
            p.op(Opcode.Integer, 1, match[k]);
        }
        if (l.source().join.keepsRight()) {
            int n = identity(l.source()).length;
            int r = codeIdentity(l.source());
            int rec = p.allocReg();
            p.op(Opcode.MakeRecord, r, n, rec);
            p.op(Opcode.IdxInsert, matched[k], rec, r, n);
        }
        bodyStart[k] = p.v.currentAddr();
        for (WhereTerm t : l.terms()) {
            p.expr.ifFalse(t.expr(), cont[k], true);
        }
    }

    /** The columns that tell the rows of a FROM item apart: the rowid, or a WITHOUT ROWID table's primary key. */
    private static int[] identity(Source s) {
        return s.table != null && !s.isSubquery() && s.table.withoutRowid() ? TableTree.primaryKey(s.table)
                : new int[] {-1};
    }

    private int codeIdentity(Source s) {
        int[] cols = identity(s);
        int r = p.allocRegs(cols.length);
        for (int j = 0; j < cols.length; j++) {
            p.expr.code(new Bound.ColumnRef(s, cols[j]), r + j);
        }
        return r;
    }

    /** Starts the table-valued function's scan with the values of the terms that bind its argument columns. */
    private void functionScan(int k, WhereLevel l, AccessPath.FunctionScan f) {
        int n = f.args().size();
        int base = p.allocRegs(n);
        for (int j = 0; j < n; j++) {
            WhereTerm w = f.args().get(j);
            if (w == null) {
                p.op(Opcode.Null, 0, base + j);
            } else {
                p.expr.code(w.value(), base + j);
            }
        }
        p.op(Opcode.VFilter, l.source().cursor, brk[k], base, l.source().function(), n);
        top[k] = p.v.currentAddr();
    }

    private void explain(WhereLevel l) {
        p.plan.line(p, Explain.scan(l));
    }

    private void rowidEq(int k, WhereLevel l, AccessPath.RowidEq r) {
        int c = l.source().cursor;
        int reg;
        if (r.term().in()) {
            reg = p.allocReg();
            inLoop(k, r.term(), Affinity.INTEGER, null, reg);
        } else {
            reg = p.expr.temp(r.term().value());
        }
        p.op(Opcode.SeekRowid, c, cont[k], reg);
        top[k] = -1;
    }

    private void rowidRange(int k, WhereLevel l, AccessPath.RowidRange r) {
        int c = l.source().cursor;
        WhereTerm start = r.reverse() ? r.upper() : r.lower();
        WhereTerm stop = r.reverse() ? r.lower() : r.upper();
        int stopReg = stop == null ? -1 : p.expr.temp(stop.value());
        if (start != null) {
            int reg = p.expr.temp(start.value());
            Opcode seek = switch (start.op()) {
                case GT -> Opcode.SeekGT;
                case GE -> Opcode.SeekGE;
                case LT -> Opcode.SeekLT;
                default -> Opcode.SeekLE;
            };
            p.op(seek, c, brk[k], reg);
        } else {
            p.op(r.reverse() ? Opcode.Last : Opcode.Rewind, c, brk[k]);
        }
        top[k] = p.v.currentAddr();
        if (stop != null) {
            int rowid = p.allocReg();
            p.op(Opcode.Rowid, c, rowid);
            Bound.ColumnRef ref = new Bound.ColumnRef(l.source(), -1);
            p.expr.compareJump(ExprCode.negate(stop.op()), ref, stop.value(), rowid, stopReg, brk[k], true);
        }
    }

    private void indexScan(int k, WhereLevel l, AccessPath.IndexScan is) {
        Index idx = is.index();
        Table t = l.source().table;
        int ic = indexCursor[k];
        int nEq = is.eq().size();
        int base = p.allocRegs(nEq + 1);
        StringBuilder aff = new StringBuilder();
        for (int j = 0; j < nEq; j++) {
            WhereTerm w = is.eq().get(j);
            char colAff = indexAffinity(idx.columns()[j] < 0 ? Affinity.INTEGER
                    : t.column(idx.columns()[j]).affinity());
            if (w.in()) {
                inLoop(k, w, colAff, idx.collations()[j], base + j);
                aff.append(colAff);
            } else {
                p.expr.code(w.value(), base + j);
                aff.append(seekAffinity(w, colAff));
                p.op(Opcode.IsNull, base + j, inLoops.get(k).isEmpty() ? brk[k] : innerNext(k));
            }
        }
        if (nEq > 0) {
            p.op(Opcode.Affinity, base, nEq, 0, aff.toString());
        }
        WhereTerm start = is.reverse() ? is.upper() : is.lower();
        WhereTerm stop = is.reverse() ? is.lower() : is.upper();
        int exitTo = inLoops.get(k).isEmpty() ? brk[k] : innerNext(k);
        int stopBase = -1;
        if (stop != null) {
            stopBase = p.allocRegs(nEq + 1);
            for (int j = 0; j < nEq; j++) {
                p.op(Opcode.SCopy, base + j, stopBase + j);
            }
            codeBound(stop, t, idx, nEq, stopBase + nEq, exitTo);
        }
        if (start != null) {
            codeBound(start, t, idx, nEq, base + nEq, exitTo);
            boolean strict = start.op() == Bound.BinaryOp.GT || start.op() == Bound.BinaryOp.LT;
            Opcode seek = is.reverse() ? (strict ? Opcode.SeekLT : Opcode.SeekLE)
                    : (strict ? Opcode.SeekGT : Opcode.SeekGE);
            p.op(seek, ic, exitTo, base, nEq + 1);
        } else if (nEq > 0) {
            p.op(is.reverse() ? Opcode.SeekLE : Opcode.SeekGE, ic, exitTo, base, nEq);
        } else {
            p.op(is.reverse() ? Opcode.Last : Opcode.Rewind, ic, exitTo);
        }
        top[k] = p.v.currentAddr();
        if (stop != null) {
            boolean strict = stop.op() == Bound.BinaryOp.GT || stop.op() == Bound.BinaryOp.LT;
            Opcode test = is.reverse() ? (strict ? Opcode.IdxLE : Opcode.IdxLT)
                    : (strict ? Opcode.IdxGE : Opcode.IdxGT);
            p.op(test, ic, exitTo, stopBase, nEq + 1);
        } else if (nEq > 0) {
            p.op(is.reverse() ? Opcode.IdxLT : Opcode.IdxGT, ic, exitTo, base, nEq);
        }
        if (!is.covering() && t.hasRowid()) {
            p.op(Opcode.DeferredSeek, ic, 0, l.source().cursor);
        } else if (!is.covering()) {
            seekByPrimaryKey(k, t, idx, ic, l.source().cursor);
        }
    }

    /** Positions the WITHOUT ROWID table's cursor on the row whose primary key the index entry ends with. */
    private void seekByPrimaryKey(int k, Table t, Index idx, int ic, int tc) {
        int[] pk = TableTree.primaryKey(t);
        int regs = p.allocRegs(pk.length);
        for (int j = 0; j < pk.length; j++) {
            p.op(Opcode.Column, ic, TableTree.entryPosition(t, idx, pk[j]), regs + j);
        }
        p.op(Opcode.NotFound, tc, cont[k], regs, (Object) pk.length);
    }

    /** Codes a range bound's value into {@code reg} with the index column's affinity; NULL ends the level. */
    private void codeBound(WhereTerm w, Table t, Index idx, int col, int reg, int exitTo) {
        p.expr.code(w.value(), reg);
        p.op(Opcode.IsNull, reg, exitTo);
        char colAff = indexAffinity(idx.columns()[col] < 0 ? Affinity.INTEGER
                : t.column(idx.columns()[col]).affinity());
        char aff = seekAffinity(w, colAff);
        if (aff > Affinity.BLOB) {
            p.op(Opcode.Affinity, reg, 1, 0, String.valueOf(aff));
        }
    }

    /**
     * A column's affinity as an index key's (sqlite3IndexAffinityStr): INTEGER and REAL act as NUMERIC, so a seek
     * key keeps an integer too wide for a double exactly instead of rounding it to REAL.
     */
    private static char indexAffinity(char colAff) {
        return colAff > Affinity.NUMERIC ? Affinity.NUMERIC : colAff;
    }

    /**
     * The affinity a seek key from term {@code w} gets before probing a column of affinity {@code colAff}: none
     * (BLOB) when the comparison applies none or when it would change nothing (where.c's codeAllEqualityTerms and
     * updateRangeAffinityStr).
     */
    private static char seekAffinity(WhereTerm w, char colAff) {
        char cmp = Affinities.comparison(new Bound.ColumnRef(w.source(), w.column()), w.value());
        return cmp <= Affinity.BLOB || Affinities.needsNoChange(w.value(), colAff) ? Affinity.BLOB : colAff;
    }

    private int innerNext(int k) {
        List<InLoop> loops = inLoops.get(k);
        return loops.get(loops.size() - 1).next();
    }

    /**
     * Starts a loop over the values of an IN term (an ephemeral index of the values, so duplicates collapse): the
     * current value is left in {@code reg}.
     */
    private void inLoop(int k, WhereTerm w, char affinity, String collation, int reg) {
        int eph = InCode.valuesIndex(p, w.value(), affinity, collation);
        List<InLoop> loops = inLoops.get(k);
        int outerExit = loops.isEmpty() ? brk[k] : innerNext(k);
        p.op(Opcode.Rewind, eph, outerExit);
        int loopTop = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.Column, eph, 0, reg);
        p.op(Opcode.IsNull, reg, next);
        loops.add(new InLoop(eph, loopTop, next));
    }

    /** Emits the loop tails, innermost first, then the unmatched-row passes of RIGHT and FULL joins. */
    void end() {
        if (bodySubroutine) {
            p.resolve(bodyReturn);
            p.op(Opcode.Return, bodyReg);
        }
        tails(0);
        for (int k = 0; k < plan.levels().size(); k++) {
            if (plan.levels().get(k).source().join.keepsRight()) {
                unmatchedPass(k);
            }
        }
        p.resolve(exit);
    }

    /**
     * The rows of the right-hand item at level {@code k} that matched no row before it: once more with the items
     * before it NULL, the WHERE terms of the outer levels checked, then the inner levels and the body as usual.
     */
    private void unmatchedPass(int k) {
        WhereLevel l = plan.levels().get(k);
        Source s = l.source();
        int done = p.label();
        int next = p.label();
        boolean viaIndex = l.path() instanceof AccessPath.AutoIndex
                || l.path() instanceof AccessPath.IndexScan is && is.covering();
        int c = viaIndex ? indexCursor[k] : s.cursor;
        p.op(Opcode.Rewind, c, done);
        int loopTop = p.v.currentAddr();
        int r = codeIdentity(s);
        p.op(Opcode.Found, matched[k], next, r, (Object) identity(s).length);
        for (int j = 0; j < k; j++) {
            p.op(Opcode.NullRow, plan.levels().get(j).source().cursor);
            if (indexCursor[j] >= 0) {
                p.op(Opcode.NullRow, indexCursor[j]);
            }
        }
        for (int j = 0; j <= k; j++) {
            for (WhereTerm t : plan.levels().get(j).terms()) {
                if (t.fromWhere()) {
                    p.expr.ifFalse(t.expr(), next, true);
                }
            }
        }
        int n = plan.levels().size();
        for (int j = k + 1; j < n; j++) {
            inLoops.set(j, new ArrayList<>());
            levelHead(j, plan.levels().get(j), false);
        }
        p.op(Opcode.Gosub, bodyReg, bodyLabel);
        if (k + 1 < n) {
            tailsRange(k + 1);
        }
        p.resolve(next);
        p.op(Opcode.Next, c, loopTop);
        p.resolve(done);
    }

    private void tails(int from) {
        tailsRange(from);
    }

    private void tailsRange(int from) {
        for (int k = plan.levels().size() - 1; k >= from; k--) {
            WhereLevel l = plan.levels().get(k);
            p.resolve(cont[k]);
            int c = l.path() instanceof AccessPath.IndexScan || l.path() instanceof AccessPath.AutoIndex
                    ? indexCursor[k] : l.source().cursor;
            boolean reverse = switch (l.path()) {
                case AccessPath.FullScan f -> f.reverse();
                case AccessPath.RowidRange r -> r.reverse();
                case AccessPath.IndexScan is -> is.reverse();
                default -> false;
            };
            if (top[k] >= 0) {
                Opcode step = l.path() instanceof AccessPath.FunctionScan ? Opcode.VNext
                        : reverse ? Opcode.Prev : Opcode.Next;
                p.op(step, c, top[k]);
            }
            List<InLoop> loops = inLoops.get(k);
            for (int j = loops.size() - 1; j >= 0; j--) {
                InLoop in = loops.get(j);
                p.resolve(in.next());
                p.op(Opcode.Next, in.cursor(), in.top());
            }
            p.resolve(brk[k]);
            if (l.source().join.keepsLeft()) {
                int done = p.label();
                p.op(Opcode.IfPos, match[k], done);
                p.op(Opcode.NullRow, l.source().cursor);
                if (indexCursor[k] >= 0) {
                    p.op(Opcode.NullRow, indexCursor[k]);
                }
                p.op(Opcode.Integer, 1, match[k]);
                p.op(Opcode.Goto, 0, bodyStart[k]);
                p.resolve(done);
            }
        }
    }
}
