package dev.panamax.sql.plan;

import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.JoinType;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.Walker;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a WHERE clause and the join conditions into {@link WhereTerm}s (SQLite's whereSplit and exprAnalyze):
 * AND-terms, their prerequisites, and the lookup forms {@code column OP value}, including the commuted form of a
 * comparison between two FROM items and the two halves of a BETWEEN.
 */
final class TermAnalyzer {
    private final List<Source> sources;
    private boolean fromWhere;

    TermAnalyzer(List<Source> sources) {
        this.sources = sources;
    }

    /** All terms: the WHERE's, then each join's ON condition (outer joins' tagged with their position). */
    List<Term> analyze(Bound where) {
        List<Term> out = new ArrayList<>();
        split(where, -1, out, true, -1);
        for (Source s : sources) {
            if (s.on() != null) {
                boolean outer = s.join == JoinType.LEFT || s.join == JoinType.FULL || s.join == JoinType.RIGHT;
                int pos = position(s);
                split(s.on(), outer ? pos : -1, out, false, pos);
            }
        }
        return out;
    }

    /**
     * A term with every lookup form it offers; {@code fromWhere} when it came from the WHERE clause (not from an ON
     * clause).
     */
    record Term(Bound expr, long prereq, int onPosition, List<WhereTerm> lookups, boolean fromWhere, int home) {
    }

    private void split(Bound e, int onPosition, List<Term> out, boolean fromWhere, int home) {
        if (e == null) {
            return;
        }
        if (e instanceof Bound.Binary b && b.op() == Bound.BinaryOp.AND) {
            split(b.left(), onPosition, out, fromWhere, home);
            split(b.right(), onPosition, out, fromWhere, home);
            return;
        }
        long prereq = prereq(e);
        List<WhereTerm> lookups = new ArrayList<>();
        lookups(e, prereq, onPosition, lookups, fromWhere);
        out.add(new Term(e, prereq, onPosition, lookups, fromWhere, home));
    }

    /** Bits of the FROM positions {@code e} reads, looking into subqueries too. */
    long prereq(Bound e) {
        long[] mask = {0};
        Walker.forEachDeep(e, x -> {
            if (x instanceof Bound.ColumnRef c) {
                int pos = position(c.source());
                if (pos >= 0) {
                    mask[0] |= 1L << pos;
                }
            }
        });
        return mask[0];
    }

    private int position(Source s) {
        for (int k = 0; k < sources.size(); k++) {
            if (sources.get(k) == s) {
                return k;
            }
        }
        return -1;
    }

    private void lookups(Bound e, long prereq, int onPosition, List<WhereTerm> out, boolean fromWhere) {
        this.fromWhere = fromWhere;
        switch (e) {
            case Bound.Binary b when isLookupOp(b.op()) -> {
                comparison(e, b.left(), b.op(), b.right(), prereq, onPosition, out);
                comparison(e, b.right(), b.op().commuted(), b.left(), prereq, onPosition, out);
            }
            case Bound.Between b when !b.not() -> {
                comparison(e, b.operand(), Bound.BinaryOp.GE, b.low(), prereq, onPosition, out);
                comparison(e, b.operand(), Bound.BinaryOp.LE, b.high(), prereq, onPosition, out);
            }
            case Bound.InList i when !i.not() && !i.values().isEmpty() && i.operand() instanceof Bound.ColumnRef c -> {
                long vp = 0;
                for (Bound v : i.values()) {
                    vp |= prereq(v);
                }
                add(e, c, Bound.BinaryOp.EQ, e, vp, prereq, onPosition, true, out);
            }
            case Bound.InSelect i when !i.not() && i.operand() instanceof Bound.ColumnRef c
                    && i.query().columnCount() == 1 -> {
                long vp = prereq(new Bound.Exists(i.query()));
                if ((vp & bit(c.source())) == 0) {
                    add(e, c, Bound.BinaryOp.EQ, e, vp, prereq, onPosition, true, out);
                }
            }
            default -> {
            }
        }
    }

    private static boolean isLookupOp(Bound.BinaryOp op) {
        return op == Bound.BinaryOp.EQ || op == Bound.BinaryOp.IS || op == Bound.BinaryOp.LT
                || op == Bound.BinaryOp.LE || op == Bound.BinaryOp.GT || op == Bound.BinaryOp.GE;
    }

    private void comparison(Bound e, Bound col, Bound.BinaryOp op, Bound value, long prereq, int onPosition,
            List<WhereTerm> out) {
        if (col instanceof Bound.ColumnRef c && position(c.source()) >= 0 && !(value instanceof Bound.Vector)) {
            long vp = prereq(value);
            if ((vp & bit(c.source())) == 0) {
                add(e, c, op, value, vp, prereq, onPosition, false, out);
            }
        }
    }

    private void add(Bound e, Bound.ColumnRef c, Bound.BinaryOp op, Bound value, long valuePrereq, long prereq,
            int onPosition, boolean in, List<WhereTerm> out) {
        out.add(new WhereTerm(e, prereq, onPosition, c.source(), c.column(), op, value, valuePrereq, in, fromWhere));
    }

    private long bit(Source s) {
        int p = position(s);
        return p < 0 ? 0 : 1L << p;
    }
}
