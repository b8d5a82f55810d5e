package dev.panamax.sql.codegen;

import dev.panamax.func.FunctionDef;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.Walker;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Code for aggregate queries (SQLite's select.c: updateAccumulator, finalizeAggFunctions, the GROUP BY sorter
 * loop). Without GROUP BY every row steps the accumulators and one row comes out. With GROUP BY the rows go through
 * a sorter keyed by the GROUP BY terms; a change of key outputs the finished group. Columns outside aggregate calls
 * ("bare" columns) keep the values of the last row stepped, except that when min() or max() reports the row did
 * not set a new extreme they keep the values of the row that did.
 */
final class AggregateCode {
    private final Parse p;
    private final Query q;
    private final SelectCore core;
    private final List<Bound.OrderTerm> orderBy;
    private final List<Bound.Aggregate> aggs;
    private final int[] acc;
    private final int[] distinctCursor;
    /** Per aggregate with ORDER BY inside the call: the sorter its rows wait in until the group ends, else -1. */
    private final int[] orderedSorter;
    private final List<Bound.ColumnRef> bare = new ArrayList<>();
    private int bareBase;
    private int regHit;

    private AggregateCode(Parse p, Query q, SelectCore core, List<Bound.OrderTerm> orderBy) {
        this.p = p;
        this.q = q;
        this.core = core;
        this.orderBy = orderBy;
        this.aggs = core.aggregates;
        this.acc = new int[aggs.size()];
        this.distinctCursor = new int[aggs.size()];
        this.orderedSorter = new int[aggs.size()];
    }

    static void code(Parse p, Query q, SelectCore core, List<Bound.OrderTerm> orderBy, Dest dest,
            SelectCode.Limits lim, int brk) {
        AggregateCode a = new AggregateCode(p, q, core, orderBy);
        a.prepare();
        if (core.groupBy.isEmpty()) {
            a.single(dest, lim, brk);
        } else {
            a.grouped(dest, lim, brk);
        }
    }

    private void prepare() {
        for (int k = 0; k < aggs.size(); k++) {
            acc[k] = p.allocReg();
            distinctCursor[k] = -1;
            if (aggs.get(k).distinct()) {
                distinctCursor[k] = p.allocCursor();
            }
            orderedSorter[k] = -1;
            Bound.Aggregate a = aggs.get(k);
            if (!a.orderBy().isEmpty()) {
                orderedSorter[k] = p.allocCursor();
                p.op(Opcode.SorterOpen, orderedSorter[k], a.orderBy().size() + a.args().size(), 0,
                        SelectCode.Sort.keyInfo(p, a.orderBy()));
            }
        }
        Set<Bound.ColumnRef> cols = new LinkedHashSet<>();
        for (Bound r : core.results) {
            collectBare(r, cols);
        }
        collectBare(core.having, cols);
        for (Bound.OrderTerm t : orderBy) {
            collectBare(t.expr(), cols);
        }
        bare.addAll(cols);
        bareBase = p.allocRegs(bare.size());
    }

    /** The columns of this query's FROM items read outside its aggregate calls (looking into subqueries). */
    private void collectBare(Bound e, Set<Bound.ColumnRef> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Bound.Aggregate a && aggs.contains(a)) {
            return;
        }
        if (e instanceof Bound.ColumnRef c && core.from.contains(c.source())) {
            out.add(c);
            return;
        }
        Query sub = switch (e) {
            case Bound.InSelect i -> i.query();
            case Bound.Exists x -> x.query();
            case Bound.Subquery s -> s.query();
            default -> null;
        };
        if (sub != null) {
            Walker.forEachDeep(sub, x -> {
                if (x instanceof Bound.ColumnRef c && core.from.contains(c.source())) {
                    out.add(c);
                }
            });
        }
        for (Bound c : Walker.children(e)) {
            collectBare(c, out);
        }
    }

    private static boolean containsIdentity(List<Bound.Aggregate> list, Bound.Aggregate a) {
        for (Bound.Aggregate x : list) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }

    private void resetAccumulators() {
        if (aggs.isEmpty()) {
            return;
        }
        p.op(Opcode.Null, 0, acc[0], acc[aggs.size() - 1]);
        for (int k = 0; k < aggs.size(); k++) {
            if (distinctCursor[k] >= 0) {
                Bound arg = aggs.get(k).args().get(0);
                Collation coll = p.collationOrNull(Affinities.collation(arg));
                p.op(Opcode.OpenEphemeral, distinctCursor[k], 1, 0, p.keyInfo(new Collation[] {coll}, null, 1));
            }
        }
    }

    /** Steps every aggregate with the current row, then loads the bare columns (updateAccumulator). */
    private void accumulate() {
        regHit = 0;
        for (int k = 0; k < aggs.size(); k++) {
            Bound.Aggregate a = aggs.get(k);
            FunctionDef def = (FunctionDef) a.function().definition();
            int skip = p.label();
            if (a.filter() != null) {
                p.expr.ifFalse(a.filter(), skip, true);
            }
            int n = a.args().size();
            if (orderedSorter[k] >= 0) {
                int m = a.orderBy().size();
                int row = p.allocRegs(m + n);
                for (int j = 0; j < m; j++) {
                    p.expr.code(a.orderBy().get(j).expr(), row + j);
                }
                for (int j = 0; j < n; j++) {
                    p.expr.code(a.args().get(j), row + m + j);
                }
                int rec = p.allocReg();
                p.op(Opcode.MakeRecord, row, m + n, rec);
                p.op(Opcode.SorterInsert, orderedSorter[k], rec);
                p.resolve(skip);
                continue;
            }
            int base = p.allocRegs(n);
            for (int j = 0; j < n; j++) {
                p.expr.code(a.args().get(j), base + j);
            }
            if (distinctCursor[k] >= 0) {
                SelectCode.codeDistinct(p, distinctCursor[k], base, 1, skip);
            }
            if (def.hasFlag(FunctionDef.NEEDS_COLLATION)) {
                if (regHit == 0) {
                    regHit = p.allocReg();
                }
                String coll = n == 0 ? null : Affinities.collation(a.args().get(0));
                p.op(Opcode.CollSeq, regHit, 0, 0, p.collation(coll == null ? "BINARY" : coll));
            }
            p.op(Opcode.AggStep, 0, base, acc[k], def, n);
            p.resolve(skip);
        }
        int skipLoad = p.label();
        if (regHit != 0 && !bare.isEmpty()) {
            p.op(Opcode.If, regHit, skipLoad);
        }
        for (int j = 0; j < bare.size(); j++) {
            p.expr.code(bare.get(j), bareBase + j);
        }
        p.resolve(skipLoad);
    }

    private void finalizeAggregates() {
        if (countedDirectly) {
            return;
        }
        for (int k = 0; k < aggs.size(); k++) {
            if (orderedSorter[k] >= 0) {
                stepInOrder(k);
            }
            p.op(Opcode.AggFinal, acc[k], aggs.get(k).args().size(), 0, aggs.get(k).function().definition());
        }
    }

    /** Feeds an aggregate the rows its ORDER BY sorted, applying DISTINCT, then empties its sorter. */
    private void stepInOrder(int k) {
        Bound.Aggregate a = aggs.get(k);
        FunctionDef def = (FunctionDef) a.function().definition();
        int m = a.orderBy().size();
        int n = a.args().size();
        int sorter = orderedSorter[k];
        int pseudo = p.allocCursor();
        int rec = p.allocReg();
        int done = p.label();
        p.op(Opcode.OpenPseudo, pseudo, rec, m + n);
        p.op(Opcode.SorterSort, sorter, done);
        int top = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.SorterData, sorter, rec, pseudo);
        int base = p.allocRegs(n);
        for (int j = 0; j < n; j++) {
            p.op(Opcode.Column, pseudo, m + j, base + j);
        }
        if (distinctCursor[k] >= 0) {
            SelectCode.codeDistinct(p, distinctCursor[k], base, 1, next);
        }
        if (def.hasFlag(FunctionDef.NEEDS_COLLATION)) {
            String coll = n == 0 ? null : Affinities.collation(a.args().get(0));
            p.op(Opcode.CollSeq, 0, 0, 0, p.collation(coll == null ? "BINARY" : coll));
        }
        p.op(Opcode.AggStep, 0, base, acc[k], def, n);
        p.resolve(next);
        p.op(Opcode.SorterNext, sorter, top);
        p.resolve(done);
        p.op(Opcode.ResetSorter, sorter);
    }

    /** The output substitutions: aggregates to accumulators, bare columns to their registers, group keys. */
    private Map<Bound, Integer> outputSubstitutions(int keys) {
        Map<Bound, Integer> m = new HashMap<>();
        for (int j = 0; j < bare.size(); j++) {
            m.put(bare.get(j), bareBase + j);
        }
        for (int k = 0; k < aggs.size(); k++) {
            m.put(aggs.get(k), acc[k]);
        }
        for (int k = 0; k < core.groupBy.size(); k++) {
            m.put(core.groupBy.get(k), keys + k);
        }
        return m;
    }

    private void single(Dest dest, SelectCode.Limits lim, int brk) {
        resetAccumulators();
        if (!bare.isEmpty()) {
            p.op(Opcode.Null, 0, bareBase, bareBase + bare.size() - 1);
        }
        if (countOnly()) {
            countRows();
        } else {
            WhereCode w = WhereCode.plan(p, core.from, core.where, null, SelectCode.usedColumns(q, core));
            w.emitBegin();
            accumulate();
            w.end();
        }
        finalizeAggregates();
        p.substitutions.add(outputSubstitutions(0));
        int done = p.label();
        output(dest, lim, brk, done, null);
        p.resolve(done);
        p.substitutions.remove(p.substitutions.size() - 1);
    }

    /** {@code SELECT count(*) FROM table}: the B-tree counts its entries (SQLite's OP_Count optimization). */
    private boolean countOnly() {
        if (core.from.size() != 1 || core.where != null || aggs.size() != 1 || !bare.isEmpty()) {
            return false;
        }
        Source s = core.from.get(0);
        Bound.Aggregate a = aggs.get(0);
        FunctionDef def = (FunctionDef) a.function().definition();
        return s.table != null && !s.isSubquery() && s.table.hasRowid() && def.hasFlag(FunctionDef.COUNT)
                && a.args().isEmpty() && a.filter() == null && !a.distinct() && a.orderBy().isEmpty();
    }

    /** Counts the rows through the narrowest B-tree that holds one entry per row (a full index, else the table). */
    private void countRows() {
        Source s = core.from.get(0);
        dev.panamax.schema.Index best = null;
        for (dev.panamax.schema.Index i : s.table.indexes()) {
            if (!i.isPartial() && (best == null || i.keyCount() < best.keyCount())) {
                best = i;
            }
        }
        int c = p.allocCursor();
        if (best != null && best.keyCount() < s.table.columnCount()) {
            p.op(Opcode.OpenRead, c, best.rootPage(), 0, WhereCode.indexKeyInfo(p, best));
            p.plan.line(p, "SCAN " + s.name + " USING COVERING INDEX " + best.name());
        } else {
            p.op(Opcode.OpenRead, c, s.table.rootPage(), 0, new dev.panamax.vdbe.P4.ColumnCount(
                    s.table.columnCount()));
            p.plan.line(p, "SCAN " + s.name);
        }
        p.op(Opcode.Count, c, acc[0]);
        p.op(Opcode.Close, c);
        countedDirectly = true;
    }

    private boolean countedDirectly;

    /** HAVING, then the result row to {@code dest} (through {@code sort} when there is an ORDER BY). */
    private void output(Dest dest, SelectCode.Limits lim, int brk, int skip, SelectCode.Sort sort) {
        if (core.having != null) {
            p.expr.ifFalse(core.having, skip, true);
        }
        int n = core.results.size();
        int base = p.allocRegs(n);
        for (int k = 0; k < n; k++) {
            p.expr.code(core.results.get(k), base + k);
        }
        if (core.distinct && distinctOutput >= 0) {
            SelectCode.codeDistinct(p, distinctOutput, base, n, skip);
        }
        if (sort != null) {
            sort.push(p, base, n);
        } else {
            SelectCode.row(p, dest, base, n, lim, skip, brk);
        }
    }

    private int distinctOutput = -1;

    private void grouped(Dest dest, SelectCode.Limits lim, int brk) {
        List<Bound> groupBy = core.groupBy;
        int nKey = groupBy.size();
        List<Bound.ColumnRef> cols = sorterColumns();
        int sorter = p.allocCursor();
        int width = nKey + cols.size();
        p.op(Opcode.SorterOpen, sorter, width, 0, groupKeyInfo(groupBy));
        SelectCode.Sort sort = orderBy.isEmpty() ? null : SelectCode.Sort.open(p, orderBy, core.results.size());
        if (core.distinct) {
            distinctOutput = SelectCode.openDistinct(p, core.results);
        }
        WhereCode w = WhereCode.plan(p, core.from, core.where, null, SelectCode.usedColumns(q, core));
        w.emitBegin();
        int row = p.allocRegs(width);
        for (int k = 0; k < nKey; k++) {
            p.expr.code(groupBy.get(k), row + k);
        }
        for (int j = 0; j < cols.size(); j++) {
            p.expr.code(cols.get(j), row + nKey + j);
        }
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, row, width, rec);
        p.op(Opcode.SorterInsert, sorter, rec);
        w.end();
        p.plan.line(p, "USE TEMP B-TREE FOR GROUP BY");
        groupLoop(sorter, nKey, cols, dest, lim, brk, sort);
        if (sort != null) {
            sort.output(p, dest, lim, brk, "ORDER BY");
        }
    }

    /** Columns the accumulation reads: aggregate arguments, filters and the bare columns. */
    private List<Bound.ColumnRef> sorterColumns() {
        Set<Bound.ColumnRef> cols = new LinkedHashSet<>(bare);
        for (Bound.Aggregate a : aggs) {
            for (Bound arg : a.args()) {
                Walker.forEachDeep(arg, x -> addOwn(x, cols));
            }
            Walker.forEachDeep(a.filter(), x -> addOwn(x, cols));
            for (Bound.OrderTerm t : a.orderBy()) {
                Walker.forEachDeep(t.expr(), x -> addOwn(x, cols));
            }
        }
        return new ArrayList<>(cols);
    }

    private void addOwn(Bound x, Set<Bound.ColumnRef> cols) {
        if (x instanceof Bound.ColumnRef c && core.from.contains(c.source())) {
            cols.add(c);
        }
    }

    private KeyInfo groupKeyInfo(List<Bound> groupBy) {
        int n = groupBy.size();
        Collation[] colls = new Collation[n];
        for (int k = 0; k < n; k++) {
            colls[k] = p.collationOrNull(Affinities.collation(groupBy.get(k)));
        }
        return p.keyInfo(colls, null, n);
    }

    private void groupLoop(int sorter, int nKey, List<Bound.ColumnRef> cols, Dest dest, SelectCode.Limits lim,
            int brk, SelectCode.Sort sort) {
        int pseudo = p.allocCursor();
        int rec = p.allocReg();
        int prev = p.allocRegs(nKey);
        int cur = p.allocRegs(nKey);
        int colRegs = p.allocRegs(cols.size());
        int haveData = p.allocReg();
        int outputSub = p.allocReg();
        int resetSub = p.allocReg();
        int outputLabel = p.label();
        int resetLabel = p.label();
        int endData = p.label();
        int finished = p.label();
        p.op(Opcode.OpenPseudo, pseudo, rec, nKey + cols.size());
        p.op(Opcode.Integer, 0, haveData);
        p.op(Opcode.Null, 0, prev, prev + nKey - 1);
        p.op(Opcode.Gosub, resetSub, resetLabel);
        p.op(Opcode.SorterSort, sorter, endData);
        int top = p.v.currentAddr();
        p.op(Opcode.SorterData, sorter, rec, pseudo);
        for (int k = 0; k < nKey; k++) {
            p.op(Opcode.Column, pseudo, k, cur + k);
        }
        int same = p.label();
        int changed = p.label();
        p.op(Opcode.Compare, prev, cur, nKey, groupKeyInfo(core.groupBy));
        p.op(Opcode.Jump, changed, same, changed);
        p.resolve(changed);
        p.op(Opcode.Gosub, outputSub, outputLabel);
        p.op(Opcode.Move, cur, prev, nKey);
        p.op(Opcode.Gosub, resetSub, resetLabel);
        p.resolve(same);
        Map<Bound, Integer> rowSubs = new HashMap<>();
        for (int j = 0; j < cols.size(); j++) {
            p.op(Opcode.Column, pseudo, nKey + j, colRegs + j);
            rowSubs.put(cols.get(j), colRegs + j);
        }
        p.substitutions.add(rowSubs);
        accumulate();
        p.substitutions.remove(p.substitutions.size() - 1);
        p.op(Opcode.Integer, 1, haveData);
        p.op(Opcode.SorterNext, sorter, top);
        p.resolve(endData);
        p.op(Opcode.Gosub, outputSub, outputLabel);
        p.op(Opcode.Goto, 0, finished);

        p.resolve(outputLabel);
        int ret = p.label();
        p.op(Opcode.IfNot, haveData, ret);
        finalizeAggregates();
        p.substitutions.add(outputSubstitutions(prev));
        output(dest, lim, brk, ret, sort);
        p.substitutions.remove(p.substitutions.size() - 1);
        p.resolve(ret);
        p.op(Opcode.Return, outputSub);

        p.resolve(resetLabel);
        resetAccumulators();
        p.op(Opcode.Integer, 0, haveData);
        if (!bare.isEmpty()) {
            p.op(Opcode.Null, 0, bareBase, bareBase + bare.size() - 1);
        }
        p.op(Opcode.Return, resetSub);
        p.resolve(finished);
    }
}
