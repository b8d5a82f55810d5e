package dev.panamax.sql.ast;

import java.util.List;

/**
 * Expressions (lang_expr.html). The parser keeps the syntax as written, with two rewrites SQLite makes in parse.y
 * itself: {@code x IS NULL} / {@code x IS NOT NULL} become {@link NullTest}, and {@code IS [NOT] DISTINCT FROM}
 * becomes {@link BinaryOp#IS_NOT} / {@link BinaryOp#IS}. {@code TRUE} and {@code FALSE} are plain
 * {@link ColumnRef}s, as in SQLite: the resolver turns them into booleans when no column has that name.
 */
public sealed interface Expr extends Node {

    /** An integer or real literal. {@code text} is the source text (digit separators removed) for the VM to parse. */
    record NumberLit(String text, boolean integer, int start, int end) implements Expr {
    }

    /** A single-quoted string literal, dequoted. */
    record StringLit(String value, int start, int end) implements Expr {
    }

    /** {@code x'...'}: the hex digits as written, without the quotes. */
    record BlobLit(String hex, int start, int end) implements Expr {
    }

    record NullLit(int start, int end) implements Expr {
    }

    /** {@code TRUE}/{@code FALSE} where parse.y decides it (a column DEFAULT written as a bare identifier). */
    record BoolLit(boolean value, int start, int end) implements Expr {
    }

    /** CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP: SQLite evaluates them as zero-argument functions. */
    record CurrentTime(TimeKind kind, int start, int end) implements Expr {
    }

    enum TimeKind { TIME, DATE, TIMESTAMP }

    /**
     * A bound parameter. {@code token} is as written ({@code ?}, {@code ?3}, {@code :a}, {@code @a}, {@code $a}).
     * {@code index} is the 1-based slot SQLite's {@code sqlite3ExprAssignVarNumber} gives it: {@code ?} takes the
     * next slot, {@code ?NNN} slot NNN, a named parameter the slot of its first occurrence.
     */
    record Param(String token, int index, int start, int end) implements Expr {
    }

    /** A column reference {@code [[schema.]table.]column}; a lone double-quoted name may turn out to be a string. */
    record ColumnRef(Name schema, Name table, Name column, int start, int end) implements Expr {
    }

    record Unary(UnaryOp op, Expr operand, int start, int end) implements Expr {
    }

    enum UnaryOp { NEGATE, PLUS, BITNOT, NOT }

    record Binary(BinaryOp op, Expr left, Expr right, int start, int end) implements Expr {
    }

    /** Binary operators; {@code PTR} is {@code ->} and {@code PTR2} is {@code ->>}. */
    enum BinaryOp {
        OR, AND, EQ, NE, LT, LE, GT, GE, IS, IS_NOT,
        BITAND, BITOR, LSHIFT, RSHIFT, ADD, SUB, MUL, DIV, MOD, CONCAT, PTR, PTR2
    }

    /** {@code x ISNULL}, {@code x IS NULL}, {@code x NOTNULL}, {@code x NOT NULL}, {@code x IS NOT NULL}. */
    record NullTest(Expr operand, boolean notNull, int start, int end) implements Expr {
    }

    /** {@code left [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}; {@code escape} may be null. */
    record Like(LikeOp op, boolean not, Expr left, Expr pattern, Expr escape, int start, int end) implements Expr {
    }

    enum LikeOp { LIKE, GLOB, REGEXP, MATCH }

    record Between(Expr operand, boolean not, Expr low, Expr high, int start, int end) implements Expr {
    }

    /** {@code x [NOT] IN (v, ...)}; the list may be empty, as SQLite allows. */
    record InList(Expr operand, boolean not, List<Expr> values, int start, int end) implements Expr {
    }

    record InSelect(Expr operand, boolean not, Select select, int start, int end) implements Expr {
    }

    /** {@code x [NOT] IN [schema.]table} or a table-valued function call {@code IN f(args)} (args non-null). */
    record InTable(Expr operand, boolean not, QualifiedName table, List<Expr> args, int start, int end)
            implements Expr {
    }

    record Exists(Select select, int start, int end) implements Expr {
    }

    /** A scalar subquery {@code (SELECT ...)}. */
    record Subquery(Select select, int start, int end) implements Expr {
    }

    /** {@code CASE [operand] WHEN .. THEN .. ... [ELSE otherwise] END}; operand and otherwise may be null. */
    record Case(Expr operand, List<WhenThen> branches, Expr otherwise, int start, int end) implements Expr {
    }

    record WhenThen(Expr when, Expr then) {
    }

    /** {@code CAST(operand AS type)}; the type may be empty ({@code CAST(x AS)}), as parse.y allows. */
    record Cast(Expr operand, TypeName type, int start, int end) implements Expr {
    }

    record Collate(Expr operand, Name collation, int start, int end) implements Expr {
    }

    /**
     * A function call. {@code star} is {@code f(*)} (then {@code args} is empty). {@code orderBy} is the ORDER BY
     * inside the parentheses of an aggregate (empty when absent); {@code filter} and {@code over} may be null.
     */
    record FunctionCall(Name name, boolean distinct, boolean star, List<Expr> args, List<OrderingTerm> orderBy,
            Expr filter, Over over, int start, int end) implements Expr {
    }

    /** {@code OVER name} or {@code OVER (window)}: exactly one of the two is non-null. */
    record Over(Name windowName, WindowDef window, int start, int end) implements Node {
    }

    /** A row value {@code (a, b, ...)} with at least two terms. */
    record RowValue(List<Expr> items, int start, int end) implements Expr {
    }

    /** {@code RAISE(IGNORE)} (message null) or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}. */
    record Raise(ConflictAction action, Expr message, int start, int end) implements Expr {
    }
}
