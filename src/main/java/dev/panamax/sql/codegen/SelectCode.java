package dev.panamax.sql.codegen;

import dev.panamax.sql.plan.Flattener;
import dev.panamax.sql.plan.Planner;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.ValuesCore;
import dev.panamax.sql.resolve.Walker;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Code for a SELECT (SQLite's select.c sqlite3Select for a simple SELECT): LIMIT and OFFSET registers, the WHERE
 * loops, DISTINCT through an ephemeral index, ORDER BY through a sorter unless the loops already deliver the order,
 * and the rows sent to a {@link Dest}. Aggregates go to {@link AggregateCode}, compounds to {@link CompoundCode}.
 */
final class SelectCode {
    private SelectCode() {
    }

    /** LIMIT and OFFSET counters: -1 when absent. */
    record Limits(int limit, int offset) {
        static final Limits NONE = new Limits(-1, -1);
    }

    static void code(Parse p, Query q, Dest dest) {
        if (q.isCompound()) {
            CompoundCode.code(p, q, dest);
        } else if (q.first() instanceof ValuesCore v) {
            values(p, q, v, dest);
        } else {
            simple(p, q, (SelectCore) q.first(), dest);
        }
    }

    /** Codes LIMIT and OFFSET; LIMIT 0 jumps straight to {@code brk}. */
    static Limits limits(Parse p, Query q, int brk) {
        if (q.limit == null) {
            return Limits.NONE;
        }
        int limit = p.allocReg();
        p.expr.code(q.limit, limit);
        p.op(Opcode.MustBeInt, limit, 0);
        p.op(Opcode.IfNot, limit, brk);
        int offset = -1;
        if (q.offset != null) {
            offset = p.allocReg();
            p.expr.code(q.offset, offset);
            p.op(Opcode.MustBeInt, offset, 0);
        }
        return new Limits(limit, offset);
    }

    private static void simple(Parse p, Query q, SelectCore core, Dest dest) {
        int brk = p.label();
        Limits lim = limits(p, q, brk);
        core(p, q, core, q.orderBy, dest, lim, brk);
        p.resolve(brk);
    }

    /** Codes one SELECT core with the given ORDER BY and limits; {@code brk} ends it early. */
    static void core(Parse p, Query q, SelectCore original, List<Bound.OrderTerm> originalOrder, Dest dest,
            Limits lim, int brk) {
        Flattener.Result flat = Flattener.flatten(original, originalOrder);
        SelectCore core = flat.core();
        List<Bound.OrderTerm> orderBy = flat.orderBy();
        if (core.aggregate) {
            AggregateCode.code(p, q, core, orderBy, dest, lim, brk);
            return;
        }
        Planner.OrderRequest request = orderBy.isEmpty() ? null : new Planner.OrderRequest(orderBy, false);
        WhereCode w = WhereCode.plan(p, core.from, core.where, request, usedColumns(q, core));
        Sort sort = null;
        if (!orderBy.isEmpty() && !w.orderSatisfied()) {
            sort = Sort.open(p, orderBy, core.results.size());
        }
        int distinct = core.distinct ? openDistinct(p, core.results) : -1;
        w.emitBegin();
        int n = core.results.size();
        int base = p.allocRegs(n);
        for (int k = 0; k < n; k++) {
            p.expr.code(core.results.get(k), base + k);
        }
        if (distinct >= 0) {
            codeDistinct(p, distinct, base, n, w.continueLabel());
        }
        if (sort != null) {
            sort.push(p, base, n);
        } else {
            row(p, dest, base, n, lim, w.continueLabel(), brk);
        }
        w.end();
        if (core.distinct && distinct >= 0) {
            p.plan.line(p, "USE TEMP B-TREE FOR DISTINCT");
        }
        if (sort != null) {
            sort.output(p, dest, lim, brk, "ORDER BY");
        }
    }

    /** Offset check, the row to its destination, limit countdown. */
    static void row(Parse p, Dest dest, int base, int n, Limits lim, int cont, int brk) {
        if (lim.offset() >= 0) {
            p.op(Opcode.IfPos, lim.offset(), cont, 1);
        }
        emit(p, dest, base, n, brk);
        if (lim.limit() >= 0) {
            p.op(Opcode.DecrJumpZero, lim.limit(), brk);
        }
    }

    /** Sends the row in {@code base..base+n} to {@code dest}. */
    static void emit(Parse p, Dest dest, int base, int n, int brk) {
        switch (dest) {
            case Dest.Output o -> p.op(Opcode.ResultRow, base, n);
            case Dest.Table t -> {
                int rec = p.allocReg();
                int rowid = p.allocReg();
                p.op(Opcode.MakeRecord, base, n, rec);
                p.op(Opcode.NewRowid, t.cursor(), rowid);
                p.op(Opcode.Insert, t.cursor(), rec, rowid);
            }
            case Dest.Index i -> {
                int rec = p.allocReg();
                p.op(Opcode.MakeRecord, base, n, rec, i.affinity());
                p.op(Opcode.IdxInsert, i.cursor(), rec, base, n);
            }
            case Dest.Except e -> p.op(Opcode.IdxDelete, e.cursor(), base, n);
            case Dest.Intersect i -> {
                int skip = p.label();
                p.op(Opcode.NotFound, i.probe(), skip, base, n);
                int rec = p.allocReg();
                p.op(Opcode.MakeRecord, base, n, rec);
                p.op(Opcode.IdxInsert, i.cursor(), rec, base, n);
                p.resolve(skip);
            }
            case Dest.Scalar s -> {
                p.op(Opcode.SCopy, base, s.register());
                p.op(Opcode.Goto, 0, brk);
            }
            case Dest.Row r -> {
                p.op(Opcode.Copy, base, r.first(), n - 1);
                p.op(Opcode.Goto, 0, brk);
            }
            case Dest.Exists x -> {
                p.op(Opcode.Integer, 1, x.register());
                p.op(Opcode.Goto, 0, brk);
            }
            case Dest.Coroutine c -> {
                if (c.first() != base) {
                    p.op(Opcode.Copy, base, c.first(), n - 1);
                }
                p.op(Opcode.Yield, c.yieldRegister());
            }
        }
    }

    /** Opens the ephemeral index that removes duplicate rows; returns its cursor. */
    static int openDistinct(Parse p, List<Bound> results) {
        int c = p.allocCursor();
        int n = results.size();
        Collation[] colls = new Collation[n];
        for (int k = 0; k < n; k++) {
            colls[k] = p.collationOrNull(Affinities.collation(results.get(k)));
        }
        p.op(Opcode.OpenEphemeral, c, n, 0, p.keyInfo(colls, null, n));
        return c;
    }

    /** Jumps to {@code cont} when the row was seen before; otherwise remembers it. */
    static void codeDistinct(Parse p, int cursor, int base, int n, int cont) {
        p.op(Opcode.Found, cursor, cont, base, n);
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, base, n, rec);
        p.op(Opcode.IdxInsert, cursor, rec, base, n);
    }

    private static void values(Parse p, Query q, ValuesCore v, Dest dest) {
        int brk = p.label();
        Limits lim = limits(p, q, brk);
        values(p, v, q.orderBy, dest, lim, brk);
        p.resolve(brk);
    }

    /** Codes the rows of a VALUES with the given ORDER BY and limits. */
    static void values(Parse p, ValuesCore v, List<Bound.OrderTerm> orderBy, Dest dest, Limits lim, int brk) {
        int n = v.columnCount();
        Sort sort = orderBy.isEmpty() ? null : Sort.open(p, orderBy, n);
        int base = p.allocRegs(n);
        for (List<Bound> row : v.rows) {
            int next = p.label();
            for (int k = 0; k < n; k++) {
                p.expr.code(row.get(k), base + k);
            }
            if (sort != null) {
                sort.pushColumns(p, base, n);
            } else {
                row(p, dest, base, n, lim, next, brk);
            }
            p.resolve(next);
        }
        if (sort != null) {
            sort.output(p, dest, lim, brk, "ORDER BY");
        }
    }

    /**
     * The columns each FROM item is read for anywhere in the query (results, WHERE, GROUP BY, HAVING, ORDER BY,
     * join conditions, correlated subqueries), to decide whether an index covers it.
     */
    static Map<Source, BitSet> usedColumns(Query q, SelectCore core) {
        Map<Source, BitSet> used = new IdentityHashMap<>();
        for (Source s : core.from) {
            used.put(s, new BitSet());
        }
        Walker.forEachDeep(q, e -> {
            if (e instanceof Bound.ColumnRef c && c.column() >= 0) {
                BitSet b = used.get(c.source());
                if (b != null) {
                    b.set(c.column());
                }
            }
        });
        return used;
    }

    /** A sorter for ORDER BY (or GROUP BY): keys first, then the carried columns. */
    static final class Sort {
        final int cursor;
        final List<Bound.OrderTerm> terms;
        final int carried;

        private Sort(int cursor, List<Bound.OrderTerm> terms, int carried) {
            this.cursor = cursor;
            this.terms = terms;
            this.carried = carried;
        }

        static Sort open(Parse p, List<Bound.OrderTerm> terms, int carried) {
            int c = p.allocCursor();
            p.op(Opcode.SorterOpen, c, terms.size() + carried, 0, keyInfo(p, terms));
            return new Sort(c, terms, carried);
        }

        static KeyInfo keyInfo(Parse p, List<Bound.OrderTerm> terms) {
            int m = terms.size();
            Collation[] colls = new Collation[m];
            byte[] flags = new byte[m];
            for (int k = 0; k < m; k++) {
                Bound.OrderTerm t = terms.get(k);
                colls[k] = p.collationOrNull(Affinities.collation(t.expr()));
                byte f = t.desc() ? KeyInfo.SORT_DESC : 0;
                if (t.nullsFirst() != null && t.nullsFirst() != !t.desc()) {
                    f |= KeyInfo.SORT_BIGNULL;
                }
                flags[k] = f;
            }
            return p.keyInfo(colls, flags, m);
        }

        /** Computes the keys (reusing result registers for terms naming a result column) and inserts. */
        void push(Parse p, int results, int n) {
            int m = terms.size();
            int base = p.allocRegs(m + n);
            for (int k = 0; k < m; k++) {
                Bound.OrderTerm t = terms.get(k);
                if (t.resultColumn() >= 0) {
                    p.op(Opcode.SCopy, results + t.resultColumn(), base + k);
                } else {
                    p.expr.code(t.expr(), base + k);
                }
            }
            p.op(Opcode.Copy, results, base + m, n - 1);
            insert(p, base, m + n);
        }

        /** Like {@link #push} when every term names a result column (compound and VALUES). */
        void pushColumns(Parse p, int results, int n) {
            int m = terms.size();
            int base = p.allocRegs(m + n);
            for (int k = 0; k < m; k++) {
                p.op(Opcode.SCopy, results + terms.get(k).resultColumn(), base + k);
            }
            p.op(Opcode.Copy, results, base + m, n - 1);
            insert(p, base, m + n);
        }

        private void insert(Parse p, int base, int count) {
            int rec = p.allocReg();
            p.op(Opcode.MakeRecord, base, count, rec);
            p.op(Opcode.SorterInsert, cursor, rec);
        }

        /** Reads the sorted rows back and sends the carried columns to {@code dest}. */
        void output(Parse p, Dest dest, Limits lim, int brk, String what) {
            p.plan.line(p, "USE TEMP B-TREE FOR " + what);
            int m = terms.size();
            int pseudo = p.allocCursor();
            int rec = p.allocReg();
            p.op(Opcode.OpenPseudo, pseudo, rec, m + carried);
            p.op(Opcode.SorterSort, cursor, brk);
            int top = p.v.currentAddr();
            int next = p.label();
            if (lim.offset() >= 0) {
                p.op(Opcode.IfPos, lim.offset(), next, 1);
            }
            p.op(Opcode.SorterData, cursor, rec, pseudo);
            int out = p.allocRegs(carried);
            for (int k = 0; k < carried; k++) {
                p.op(Opcode.Column, pseudo, m + k, out + k);
            }
            emit(p, dest, out, carried, brk);
            if (lim.limit() >= 0) {
                p.op(Opcode.DecrJumpZero, lim.limit(), brk);
            }
            p.resolve(next);
            p.op(Opcode.SorterNext, cursor, top);
        }
    }
}
