package dev.panamax.sql.ast;

import java.util.List;

/**
 * A SELECT statement (lang_select.html): an optional WITH, a first core, further cores joined by compound
 * operators, then the ORDER BY and LIMIT that apply to the whole compound. {@code orderBy} is empty and
 * {@code with}/{@code limit} null when absent.
 */
public record Select(With with, Core first, List<CompoundTerm> compounds, List<OrderingTerm> orderBy, Limit limit,
        int start, int end) implements Stmt {

    /** One simple SELECT or VALUES. */
    public sealed interface Core extends Node {
    }

    /**
     * {@code SELECT [DISTINCT|ALL] columns [FROM ..] [WHERE ..] [GROUP BY .. [HAVING ..]] [WINDOW ..]}. {@code from},
     * {@code where} and {@code having} may be null; {@code groupBy} and {@code windows} are empty when absent.
     */
    public record Query(boolean distinct, List<ResultColumn> columns, From from, Expr where, List<Expr> groupBy,
            Expr having, List<WindowDef.Named> windows, int start, int end) implements Core {
    }

    /** {@code VALUES (..), (..)}: every row has the same number of terms (checked by the resolver, as in SQLite). */
    public record Values(List<List<Expr>> rows, int start, int end) implements Core {
    }

    public record CompoundTerm(CompoundOp op, Core core) {
    }

    public enum CompoundOp { UNION, UNION_ALL, INTERSECT, EXCEPT }

    /** {@code LIMIT limit [OFFSET offset]}; {@code LIMIT a, b} is stored as limit b, offset a. */
    public record Limit(Expr limit, Expr offset) {
    }

    public record With(boolean recursive, List<Cte> ctes, int start, int end) implements Node {
    }

    /** A common table expression; {@code columns} is empty when no column list was written. */
    public record Cte(Name name, List<Name> columns, Materialized materialized, Select select, int start, int end)
            implements Node {
    }

    /** {@code AS}, {@code AS MATERIALIZED}, {@code AS NOT MATERIALIZED}. */
    public enum Materialized { ANY, YES, NO }

    /** A result column (or a RETURNING column). */
    public sealed interface ResultColumn extends Node {
    }

    /**
     * {@code expr [AS alias]}. {@code span} is the name SQLite gives the column when there is no alias: the source
     * text from the expression's first token up to the next token, with surrounding spaces trimmed (so a comment
     * right after the expression is part of it, as in SQLite).
     */
    public record ExprColumn(Expr expr, Name alias, String span, int start, int end) implements ResultColumn {
    }

    /** {@code *}. */
    public record Star(int start, int end) implements ResultColumn {
    }

    /** {@code table.*}. */
    public record TableStar(Name table, int start, int end) implements ResultColumn {
    }

    /**
     * A FROM clause: the first table and the joins after it, left to right, as SQLite's SrcList holds them. A
     * parenthesised join list that stands first, without alias or constraint, is flattened into the enclosing one
     * as SQLite does.
     */
    public record From(TableRef first, List<Join> joins, int start, int end) implements Node {
    }

    /**
     * One join step: operator, right-hand table and its constraint ({@code on} or {@code using}, or neither;
     * {@code using} is null when absent).
     */
    public record Join(boolean natural, JoinKind kind, TableRef table, Expr on, List<Name> using) {
    }

    /** {@code COMMA} is {@code ,}; {@code PLAIN} is a bare {@code JOIN}; OUTER is implied by LEFT/RIGHT/FULL. */
    public enum JoinKind { COMMA, PLAIN, INNER, CROSS, LEFT, RIGHT, FULL }

    /** A FROM-clause item. {@code alias} may be null. */
    public sealed interface TableRef extends Node {
        Name alias();
    }

    /**
     * A table, view or CTE name, or a table-valued function call when {@code args} is non-null. {@code indexedBy}
     * is the INDEXED BY index name; {@code notIndexed} is NOT INDEXED.
     */
    public record Table(QualifiedName name, Name alias, Name indexedBy, boolean notIndexed, List<Expr> args,
            int start, int end) implements TableRef {
    }

    public record SubqueryRef(Select select, Name alias, int start, int end) implements TableRef {
    }

    /** {@code (join-list) [AS alias]} that SQLite keeps as a nested FROM. */
    public record Nested(From from, Name alias, int start, int end) implements TableRef {
    }
}
