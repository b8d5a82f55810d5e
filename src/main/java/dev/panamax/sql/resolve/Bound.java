package dev.panamax.sql.resolve;

import java.util.List;

/**
 * A resolved expression: the syntax tree after name resolution (SQLite's Expr after resolve.c), where every column
 * names its FROM item and column, every function its definition, and every subquery its resolved query. Immutable;
 * rewrites (aggregate analysis, subquery flattening) build new trees.
 */
public sealed interface Bound {

    /** A column of a FROM item; {@code column} is -1 for the rowid. */
    record ColumnRef(Source source, int column) implements Bound {
    }

    /** A constant: null, Long, Double, String or byte[]. */
    record Literal(Object value) implements Bound {
        public static final Literal NULL = new Literal(null);
    }

    /** A bound parameter slot (1-based). */
    record Param(int index) implements Bound {
    }

    record Unary(UnaryOp op, Bound operand) implements Bound {
    }

    /** {@code PLUS} is unary plus, which strips affinity as SQLite's TK_UPLUS does. */
    enum UnaryOp { NEGATE, PLUS, BITNOT, NOT }

    record Binary(BinaryOp op, Bound left, Bound right) implements Bound {
    }

    enum BinaryOp {
        OR, AND, EQ, NE, LT, LE, GT, GE, IS, IS_NOT, BITAND, BITOR, LSHIFT, RSHIFT, ADD, SUB, MUL, DIV, MOD, CONCAT;

        public boolean isComparison() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE || this == IS
                    || this == IS_NOT;
        }

        /** The comparison with its operands swapped ({@code a < b} is {@code b > a}). */
        public BinaryOp commuted() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    record IsNull(Bound operand, boolean not) implements Bound {
    }

    record Between(Bound operand, Bound low, Bound high, boolean not) implements Bound {
    }

    record InList(Bound operand, List<Bound> values, boolean not) implements Bound {
    }

    record InSelect(Bound operand, Query query, boolean not) implements Bound {
    }

    record Exists(Query query) implements Bound {
    }

    /** A scalar subquery: the first column of the first row, or NULL. */
    record Subquery(Query query) implements Bound {
    }

    /** {@code CASE}: operand may be null; whens and thens are parallel; otherwise may be null. */
    record Case(Bound operand, List<Bound> whens, List<Bound> thens, Bound otherwise) implements Bound {
    }

    /** {@code CAST(x AS type)}: affinity of the type name. */
    record Cast(Bound operand, char affinity, String typeName) implements Bound {
    }

    record Collate(Bound operand, String collation) implements Bound {
    }

    /** A scalar function call (LIKE, GLOB and friends too, as SQLite calls them). */
    record Function(FunctionRef function, List<Bound> args) implements Bound {
    }

    /**
     * An aggregate call. {@code index} numbers it within its SELECT's aggregate list; {@code orderBy} is the ORDER
     * BY inside the call (empty when absent); {@code filter} may be null.
     */
    record Aggregate(FunctionRef function, List<Bound> args, boolean distinct, Bound filter, List<OrderTerm> orderBy,
            int index) implements Bound {
    }

    /** A row value {@code (a, b, ...)}. */
    record Vector(List<Bound> items) implements Bound {
    }

    /** {@code RAISE(...)} inside a trigger: action is one of IGNORE, ROLLBACK, ABORT, FAIL. */
    record Raise(String action, Bound message) implements Bound {
    }

    /**
     * A value already computed into a register by generated code; {@code original} is the expression it stands for
     * (its affinity and collation still apply).
     */
    record Register(int register, Bound original) implements Bound {
    }

    /**
     * An expression standing in for a column of a flattened subquery: its value is {@code expr}'s, its affinity and
     * collating sequence those of the subquery column it replaced.
     */
    record AsColumn(Bound expr, char affinity, String collation) implements Bound {
    }

    /**
     * An ORDER BY term: expression, direction, NULLS FIRST/LAST (null when not written), and the result column it
     * names (0-based; -1 when it is not one of the result columns). In a compound SELECT every term names a result
     * column and {@code expr} is that column's expression in the first SELECT, with the term's COLLATE if any.
     */
    record OrderTerm(Bound expr, boolean desc, Boolean nullsFirst, int resultColumn) {
        /** Whether NULLs come first for this term, SQLite's default being NULLs smallest. */
        public boolean nullsFirstEffective() {
            return nullsFirst != null ? nullsFirst : !desc;
        }
    }
}
