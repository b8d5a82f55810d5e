package dev.panamax.sql.codegen;

import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for {@code IN}: the ephemeral index of the right-hand values (SQLite's sqlite3FindInIndex with IN_INDEX_EPH)
 * and the three-valued membership test of sqlite3ExprCodeIN.
 */
final class InCode {
    private InCode() {
    }

    /**
     * An ephemeral index holding the values of an IN list or IN subquery, with {@code affinity} applied and ordered
     * by {@code collation}; built once when the values do not depend on the current row. Returns its cursor.
     */
    static int valuesIndex(Parse p, Bound in, char affinity, String collation) {
        int c = p.allocCursor();
        Collation coll = p.collationOrNull(collation);
        boolean constant;
        if (in instanceof Bound.InList l) {
            constant = true;
            for (Bound v : l.values()) {
                constant &= ExprCode.isConstant(v);
            }
        } else {
            constant = !((Bound.InSelect) in).query().isCorrelated();
        }
        int skip = p.label();
        if (constant) {
            p.op(Opcode.Once, 0, skip);
        }
        p.op(Opcode.OpenEphemeral, c, 1, 0, p.keyInfo(new Collation[] {coll}, null, 1));
        String aff = String.valueOf(Parse.affinityOrBlob(affinity));
        if (in instanceof Bound.InList l) {
            int r = p.allocReg();
            int rec = p.allocReg();
            for (Bound v : l.values()) {
                p.expr.code(v, r);
                p.op(Opcode.MakeRecord, r, 1, rec, aff);
                p.op(Opcode.IdxInsert, c, rec, r, 1);
            }
        } else {
            Query q = ((Bound.InSelect) in).query();
            p.plan.push(p, "LIST SUBQUERY " + (++p.selectCount));
            SelectCode.code(p, q, new Dest.Index(c, aff));
            p.plan.pop();
        }
        p.resolve(skip);
        return c;
    }

    /**
     * {@code x [NOT] IN (SELECT ...)} as a value: 1 when found; when not found NULL if x is NULL or the subquery
     * returned a NULL, else 0; an empty subquery gives 0 whatever x is. NOT IN swaps 1 and 0.
     */
    static void inSelectValue(Parse p, Bound.InSelect in, int target) {
        Query q = in.query();
        List<Bound> lhs = in.operand() instanceof Bound.Vector v ? v.items() : List.of(in.operand());
        int n = lhs.size();
        List<Bound> rhs = selectColumns(q, n);
        StringBuilder aff = new StringBuilder();
        Collation[] colls = new Collation[n];
        for (int k = 0; k < n; k++) {
            Bound r = rhs.get(k);
            char a = r == null ? Affinities.of(lhs.get(k)) : Affinities.comparison(r, lhs.get(k));
            aff.append(Parse.affinityOrBlob(a));
            String c = r == null ? Affinities.collation(lhs.get(k)) : Affinities.comparisonCollation(lhs.get(k), r);
            colls[k] = p.collationOrNull(c);
        }
        int eph = p.allocCursor();
        int skip = p.label();
        if (!q.isCorrelated()) {
            p.op(Opcode.Once, 0, skip);
        }
        p.op(Opcode.OpenEphemeral, eph, n, 0, p.keyInfo(colls, null, n));
        p.plan.push(p, (q.isCorrelated() ? "CORRELATED " : "") + "LIST SUBQUERY " + (++p.selectCount));
        SelectCode.code(p, q, new Dest.Index(eph, aff.toString()));
        p.plan.pop();
        p.resolve(skip);
        int x = p.allocRegs(n);
        for (int k = 0; k < n; k++) {
            p.expr.code(lhs.get(k), x + k);
        }
        int isTrue = p.label();
        int isFalse = p.label();
        int isNull = p.label();
        int done = p.label();
        p.op(Opcode.Rewind, eph, isFalse);
        for (int k = 0; k < n; k++) {
            p.op(Opcode.IsNull, x + k, isNull);
        }
        p.op(Opcode.Affinity, x, n, 0, aff.toString());
        p.op(Opcode.Found, eph, isTrue, x, n);
        if (n == 1) {
            int t = p.allocReg();
            p.op(Opcode.Rewind, eph, isFalse);
            p.op(Opcode.Column, eph, 0, t);
            p.op(Opcode.IsNull, t, isNull);
        }
        p.op(Opcode.Goto, 0, isFalse);
        p.resolve(isTrue);
        p.op(Opcode.Integer, in.not() ? 0 : 1, target);
        p.op(Opcode.Goto, 0, done);
        p.resolve(isFalse);
        p.op(Opcode.Integer, in.not() ? 1 : 0, target);
        p.op(Opcode.Goto, 0, done);
        p.resolve(isNull);
        p.op(Opcode.Null, 0, target);
        p.resolve(done);
    }

    /** The result expressions of a query's first core (null entries when it is not a SELECT). */
    static List<Bound> selectColumns(Query q, int n) {
        List<Bound> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(q.first() instanceof SelectCore sc ? sc.results.get(k) : null);
        }
        return out;
    }
}
