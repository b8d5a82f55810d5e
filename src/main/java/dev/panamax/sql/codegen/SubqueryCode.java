package dev.panamax.sql.codegen;

import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.Opcode;

/**
 * Code for subqueries (SQLite's sqlite3CodeSubselect and the FROM-clause materialization): a subquery that does not
 * refer to the enclosing query runs once per statement (guarded by {@code Once}); a correlated one runs each time it
 * is reached.
 */
final class SubqueryCode {
    private SubqueryCode() {
    }

    private static int nextId(Parse p) {
        return ++p.selectCount;
    }

    /** Runs a FROM-clause subquery into an ephemeral table on the item's own cursor. */
    static void materialize(Parse p, Source s) {
        Query q = s.subquery;
        int skip = p.label();
        if (!q.isCorrelated()) {
            p.op(Opcode.Once, 0, skip);
        }
        p.plan.push(p, "MATERIALIZE " + s.name);
        p.op(Opcode.OpenEphemeral, s.cursor, q.columnCount());
        SelectCode.code(p, q, new Dest.Table(s.cursor));
        p.plan.pop();
        p.resolve(skip);
    }

    /** A scalar subquery: the register holding its value (NULL when it returns no row). */
    static int scalar(Parse p, Query q) {
        int reg = p.allocReg();
        int skip = p.label();
        if (!q.isCorrelated()) {
            p.op(Opcode.Once, 0, skip);
        }
        p.plan.push(p, (q.isCorrelated() ? "CORRELATED " : "") + "SCALAR SUBQUERY " + nextId(p));
        p.op(Opcode.Null, 0, reg);
        SelectCode.code(p, q, new Dest.Scalar(reg));
        p.plan.pop();
        p.resolve(skip);
        return reg;
    }

    /** A row-valued scalar subquery: the first of {@code n} registers holding its first row (NULLs if none). */
    static int scalarRow(Parse p, Query q) {
        int n = q.columnCount();
        int base = p.allocRegs(n);
        int skip = p.label();
        if (!q.isCorrelated()) {
            p.op(Opcode.Once, 0, skip);
        }
        p.plan.push(p, (q.isCorrelated() ? "CORRELATED " : "") + "SCALAR SUBQUERY " + nextId(p));
        p.op(Opcode.Null, 0, base, base + n - 1);
        SelectCode.code(p, q, new Dest.Row(base));
        p.plan.pop();
        p.resolve(skip);
        return base;
    }

    /** EXISTS: the register holding 1 when the subquery returns a row, else 0. */
    static int exists(Parse p, Query q) {
        int reg = p.allocReg();
        int skip = p.label();
        if (!q.isCorrelated()) {
            p.op(Opcode.Once, 0, skip);
        }
        p.plan.push(p, (q.isCorrelated() ? "CORRELATED " : "") + "SCALAR SUBQUERY " + nextId(p));
        p.op(Opcode.Integer, 0, reg);
        SelectCode.code(p, q, new Dest.Exists(reg));
        p.plan.pop();
        p.resolve(skip);
        return reg;
    }
}
