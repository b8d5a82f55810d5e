package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import java.util.ArrayList;
import java.util.List;

/**
 * Row-value comparisons (SQLite's codeVectorCompare): {@code (a,b) = (c,d)} is the AND of the pairwise equalities,
 * {@code (a,b) < (c,d)} is {@code a<c OR (a=c AND b<d)}, which gives SQLite's NULL results; IS and IS NOT compare
 * pairwise with IS. A multi-column subquery on either side runs once into registers.
 */
final class VectorCode {
    private VectorCode() {
    }

    static void compareValue(Parse p, Bound.Binary b, int target) {
        List<Bound> l = items(p, b.left());
        List<Bound> r = items(p, b.right());
        if (l.size() != r.size()) {
            throw new DbException(ResultCode.ERROR, "row value misused");
        }
        p.expr.code(expand(b.op(), l, r, 0), target);
    }

    private static Bound expand(Bound.BinaryOp op, List<Bound> l, List<Bound> r, int k) {
        int n = l.size();
        switch (op) {
            case EQ, IS -> {
                Bound all = null;
                for (int j = 0; j < n; j++) {
                    Bound e = new Bound.Binary(op, l.get(j), r.get(j));
                    all = all == null ? e : new Bound.Binary(Bound.BinaryOp.AND, all, e);
                }
                return all;
            }
            case NE -> {
                return new Bound.Unary(Bound.UnaryOp.NOT, expand(Bound.BinaryOp.EQ, l, r, 0));
            }
            case IS_NOT -> {
                return new Bound.Unary(Bound.UnaryOp.NOT, expand(Bound.BinaryOp.IS, l, r, 0));
            }
            default -> {
                if (k == n - 1) {
                    return new Bound.Binary(op, l.get(k), r.get(k));
                }
                Bound.BinaryOp strict = op == Bound.BinaryOp.LE ? Bound.BinaryOp.LT
                        : op == Bound.BinaryOp.GE ? Bound.BinaryOp.GT : op;
                Bound first = new Bound.Binary(strict, l.get(k), r.get(k));
                Bound eq = new Bound.Binary(Bound.BinaryOp.EQ, l.get(k), r.get(k));
                return new Bound.Binary(Bound.BinaryOp.OR, first,
                        new Bound.Binary(Bound.BinaryOp.AND, eq, expand(op, l, r, k + 1)));
            }
        }
    }

    /** The parts of one side: a row value's items, or a subquery's columns computed into registers. */
    private static List<Bound> items(Parse p, Bound side) {
        if (side instanceof Bound.Vector v) {
            List<Bound> out = new ArrayList<>();
            for (Bound item : v.items()) {
                int reg = p.expr.temp(item);
                out.add(new Bound.Register(reg, item));
            }
            return out;
        }
        if (side instanceof Bound.Subquery s) {
            Query q = s.query();
            int base = SubqueryCode.scalarRow(p, q);
            List<Bound> out = new ArrayList<>();
            for (int k = 0; k < q.columnCount(); k++) {
                Bound orig = q.first() instanceof SelectCore sc ? sc.results.get(k) : Bound.Literal.NULL;
                out.add(new Bound.Register(base + k, orig));
            }
            return out;
        }
        return List.of(new Bound.Register(p.expr.temp(side), side));
    }
}
