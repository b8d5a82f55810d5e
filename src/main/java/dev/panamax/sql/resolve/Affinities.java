package dev.panamax.sql.resolve;

import dev.panamax.schema.Affinity;

/**
 * Affinity and collating sequence of resolved expressions, by SQLite's rules (expr.c: sqlite3ExprAffinity,
 * sqlite3ExprCollSeq, sqlite3CompareAffinity, sqlite3BinaryCompareCollSeq; datatype3.html sections 4 and 7).
 */
public final class Affinities {
    private Affinities() {
    }

    /** The affinity of an expression: a column's, a CAST's, a scalar subquery's first column's, else NONE. */
    public static char of(Bound e) {
        return switch (e) {
            case Bound.ColumnRef c -> columnAffinity(c);
            case Bound.Cast c -> c.affinity();
            case Bound.Collate c -> of(c.operand());
            case Bound.AsColumn a -> a.affinity();
            case Bound.Register r -> of(r.original());
            case Bound.Subquery s -> subqueryAffinity(s.query());
            case Bound.Vector v -> of(v.items().get(0));
            default -> Affinity.NONE;
        };
    }

    static char columnAffinity(Bound.ColumnRef c) {
        if (c.column() < 0) {
            return Affinity.INTEGER;
        }
        return c.source().columns.get(c.column()).affinity();
    }

    private static char subqueryAffinity(Query q) {
        Query.Core first = q.first();
        if (first instanceof SelectCore s) {
            return of(s.results.get(0));
        }
        return of(((ValuesCore) first).rows.get(0).get(0));
    }

    /** The affinity used to compare {@code left} with {@code right} (sqlite3CompareAffinity of both sides). */
    /**
     * True when applying affinity {@code aff} to the value of {@code e} cannot change it, so a seek key built from
     * it is left as it is (sqlite3ExprNeedsNoAffinityChange): a numeric literal under a numeric affinity, a string
     * literal under TEXT, a blob literal, the rowid under INTEGER. It matters for REAL: an integer literal compared
     * with a REAL index column stays an INTEGER, so 2^63-1 does not find the stored REAL 2^63.
     */
    public static boolean needsNoChange(Bound e, char aff) {
        if (aff <= Affinity.BLOB) {
            return true;
        }
        boolean minus = false;
        Bound x = e;
        while (x instanceof Bound.Unary u && (u.op() == Bound.UnaryOp.NEGATE || u.op() == Bound.UnaryOp.PLUS)) {
            minus |= u.op() == Bound.UnaryOp.NEGATE;
            x = u.operand();
        }
        if (x instanceof Bound.Literal l) {
            return switch (l.value()) {
                case Long v -> aff >= Affinity.NUMERIC;
                case Double v -> aff >= Affinity.NUMERIC;
                case String v -> !minus && aff == Affinity.TEXT;
                case byte[] v -> !minus;
                case null, default -> false;
            };
        }
        return x instanceof Bound.ColumnRef c && c.column() < 0 && aff == Affinity.INTEGER;
    }

    public static char comparison(Bound left, Bound right) {
        return comparison(of(left), of(right));
    }

    public static char comparison(char aff1, char aff2) {
        if (aff1 > Affinity.NONE && aff2 > Affinity.NONE) {
            if (Affinity.isNumeric(aff1) || Affinity.isNumeric(aff2)) {
                return Affinity.NUMERIC;
            }
            return Affinity.BLOB;
        }
        char a = aff1 <= Affinity.NONE ? aff2 : aff1;
        return a <= Affinity.NONE ? Affinity.BLOB : a;
    }

    /** True when the expression carries an explicit COLLATE somewhere SQLite propagates it from (EP_Collate). */
    public static boolean hasExplicitCollation(Bound e) {
        return switch (e) {
            case Bound.Collate c -> true;
            case Bound.Unary u -> hasExplicitCollation(u.operand());
            case Bound.Binary b -> hasExplicitCollation(b.left()) || hasExplicitCollation(b.right());
            case Bound.Cast c -> hasExplicitCollation(c.operand());
            case Bound.Function f -> f.args().stream().anyMatch(Affinities::hasExplicitCollation);
            case Bound.Register r -> hasExplicitCollation(r.original());
            case Bound.IsNull n -> hasExplicitCollation(n.operand());
            case Bound.Between b -> hasExplicitCollation(b.operand()) || hasExplicitCollation(b.low())
                    || hasExplicitCollation(b.high());
            case Bound.Case c -> (c.operand() != null && hasExplicitCollation(c.operand()))
                    || c.whens().stream().anyMatch(Affinities::hasExplicitCollation)
                    || c.thens().stream().anyMatch(Affinities::hasExplicitCollation)
                    || (c.otherwise() != null && hasExplicitCollation(c.otherwise()));
            case Bound.InList i -> hasExplicitCollation(i.operand())
                    || i.values().stream().anyMatch(Affinities::hasExplicitCollation);
            case Bound.InSelect i -> hasExplicitCollation(i.operand());
            case Bound.Vector v -> v.items().stream().anyMatch(Affinities::hasExplicitCollation);
            default -> false;
        };
    }

    /**
     * The collating sequence of an expression, or null when it has none (BINARY applies): an explicit COLLATE, else
     * a column's declared collation reached through CAST and unary plus (sqlite3ExprCollSeq).
     */
    public static String collation(Bound e) {
        Bound p = e;
        while (p != null) {
            switch (p) {
                case Bound.Collate c -> {
                    return c.collation();
                }
                case Bound.ColumnRef c -> {
                    if (c.column() < 0) {
                        return null;
                    }
                    String coll = c.source().columns.get(c.column()).collation();
                    return coll == null ? "BINARY" : coll;
                }
                case Bound.Cast c -> p = c.operand();
                case Bound.AsColumn a -> {
                    return a.collation() == null ? "BINARY" : a.collation();
                }
                case Bound.Register r -> p = r.original();
                case Bound.Unary u when u.op() == Bound.UnaryOp.PLUS -> p = u.operand();
                default -> p = explicitChild(p);
            }
        }
        return null;
    }

    /** The child an explicit COLLATE propagates from, or null (sqlite3ExprCollSeq's EP_Collate step). */
    private static Bound explicitChild(Bound p) {
        if (!hasExplicitCollation(p)) {
            return null;
        }
        return switch (p) {
            case Bound.Unary u -> u.operand();
            case Bound.Binary b -> hasExplicitCollation(b.left()) ? b.left() : b.right();
            case Bound.Function f -> firstExplicit(f.args());
            case Bound.Vector v -> firstExplicit(v.items());
            case Bound.IsNull n -> n.operand();
            case Bound.Between b -> hasExplicitCollation(b.operand()) ? b.operand()
                    : hasExplicitCollation(b.low()) ? b.low() : b.high();
            case Bound.InList i -> hasExplicitCollation(i.operand()) ? i.operand() : firstExplicit(i.values());
            case Bound.InSelect i -> i.operand();
            case Bound.Case c -> caseExplicit(c);
            default -> null;
        };
    }

    private static Bound caseExplicit(Bound.Case c) {
        if (c.operand() != null && hasExplicitCollation(c.operand())) {
            return c.operand();
        }
        Bound b = firstExplicit(c.whens());
        if (b == null) {
            b = firstExplicit(c.thens());
        }
        return b != null ? b : c.otherwise();
    }

    private static Bound firstExplicit(java.util.List<Bound> list) {
        for (Bound b : list) {
            if (hasExplicitCollation(b)) {
                return b;
            }
        }
        return null;
    }

    /** The collating sequence for comparing {@code left} with {@code right} (sqlite3BinaryCompareCollSeq). */
    public static String comparisonCollation(Bound left, Bound right) {
        if (hasExplicitCollation(left)) {
            return collation(left);
        }
        if (right != null && hasExplicitCollation(right)) {
            return collation(right);
        }
        String c = collation(left);
        if (c == null && right != null) {
            c = collation(right);
        }
        return c;
    }
}
