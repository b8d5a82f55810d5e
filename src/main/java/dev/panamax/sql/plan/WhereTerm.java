package dev.panamax.sql.plan;

import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;

/**
 * One AND-connected term of a WHERE clause or join condition (SQLite's WhereTerm), with the FROM items it needs
 * ({@link #prereq}, a bit per FROM position) and, when it has the form {@code column OP expression}, the parts an
 * index or rowid lookup can use.
 *
 * @param expr       the term
 * @param prereq     FROM positions the term reads
 * @param onPosition for a term from the ON clause of an outer join: the position of the joined item; else -1
 * @param column     when usable for a lookup: the FROM item and column (-1 = rowid) compared; null otherwise
 * @param op         the comparison (EQ, IS, LT, LE, GT, GE, or IN for an IN list or IN subquery)
 * @param value      the other side of the comparison (for IN: the whole InList/InSelect)
 * @param valuePrereq FROM positions the other side reads
 * @param fromWhere  the term came from the WHERE clause rather than a join condition
 */
public record WhereTerm(Bound expr, long prereq, int onPosition, Source source, int column, Bound.BinaryOp op,
        Bound value, long valuePrereq, boolean in, boolean fromWhere) {

    /**
     * The collating sequence of the comparison as written (the left operand's decides, so a commuted form keeps
     * the collation of the original); for IN, the left operand's.
     */
    public String collation() {
        return switch (expr) {
            case Bound.Binary b -> dev.panamax.sql.resolve.Affinities.comparisonCollation(b.left(), b.right());
            case Bound.Between b -> dev.panamax.sql.resolve.Affinities.comparisonCollation(b.operand(), value);
            case Bound.InList i -> dev.panamax.sql.resolve.Affinities.collation(i.operand());
            default -> dev.panamax.sql.resolve.Affinities.comparisonCollation(new Bound.ColumnRef(source, column),
                    value);
        };
    }

    public boolean isLookup() {
        return source != null;
    }

    public boolean isEquality() {
        return source != null && (op == Bound.BinaryOp.EQ || op == Bound.BinaryOp.IS || in);
    }

    public boolean isRange() {
        return source != null && !in && (op == Bound.BinaryOp.LT || op == Bound.BinaryOp.LE
                || op == Bound.BinaryOp.GT || op == Bound.BinaryOp.GE);
    }
}
