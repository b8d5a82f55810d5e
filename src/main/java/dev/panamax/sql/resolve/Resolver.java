package dev.panamax.sql.resolve;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.Select;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves statements against a schema (SQLite's resolve.c and the name-binding half of select.c): FROM items
 * become {@link Source}s with cursor numbers, {@code *} is expanded, names are bound, ORDER BY and GROUP BY terms
 * are matched to result columns, views and common table expressions become subqueries.
 *
 * <p>One Resolver serves one statement; it numbers cursors from the value given, and the code generator continues
 * from {@link #cursorCount()}.
 */
public final class Resolver {
    final Schema schema;
    final FunctionLookup functions;
    final ExprResolver exprs;
    final FromResolver from;
    private int nextCursor;
    boolean inTrigger;
    /** Set while a CHECK constraint is resolved: what it may not contain, named for the error message. */
    String prohibitedIn;
    final Deque<List<Select.Cte>> ctes = new ArrayDeque<>();
    final Set<String> expanding = new HashSet<>();

    public Resolver(Schema schema, FunctionLookup functions) {
        this.schema = schema;
        this.functions = functions;
        this.exprs = new ExprResolver(this);
        this.from = new FromResolver(this);
    }

    public Schema schema() {
        return schema;
    }

    /** Allows RAISE() (inside a trigger program). */
    public void setInTrigger(boolean inTrigger) {
        this.inTrigger = inTrigger;
    }

    /** The number of cursors numbered so far. */
    public int cursorCount() {
        return nextCursor;
    }

    public int allocateCursor() {
        return nextCursor++;
    }

    /** Resolves a top-level SELECT. */
    public Query query(Select select) {
        return query(select, null);
    }

    /** Resolves a subquery inside {@code outer}; marks it correlated when it uses names of enclosing queries. */
    Query subquery(Select select, Scope outer) {
        return query(select, outer);
    }

    /** A FROM-style item over a table, for the target of INSERT, UPDATE and DELETE. */
    public Source target(Table table, String alias) {
        return from.tableSource(table, alias == null ? table.name() : alias, JoinType.INNER, null, false, 0);
    }

    /** Resolves an expression of a data-changing statement over {@code sources} (no aggregates allowed). */
    public Bound expression(Expr e, List<Source> sources) {
        Scope scope = new Scope(null, new ArrayList<>(sources), new ArrayList<>());
        return exprs.scalar(e, scope);
    }

    /** Like {@link #expression} but a row value is allowed (the right side of {@code SET (a, b) = ...}). */
    public Bound rowValue(Expr e, List<Source> sources) {
        Scope scope = new Scope(null, new ArrayList<>(sources), new ArrayList<>());
        return exprs.resolve(e, scope);
    }

    /** Resolves a CHECK constraint of {@code table} (no parameters, no subqueries). */
    public Bound checkConstraint(Expr e, Source table) {
        return restricted(e, table, "CHECK constraints");
    }

    /** Resolves the expression of a generated column of {@code table} (no parameters, no subqueries). */
    public Bound generatedColumn(Expr e, Source table) {
        return restricted(e, table, "generated columns");
    }

    /** Resolves {@code e} over {@code table} where parameters and subqueries are refused as "prohibited in where". */
    private Bound restricted(Expr e, Source table, String where) {
        prohibitedIn = where;
        try {
            return expression(e, List.of(table));
        } finally {
            prohibitedIn = null;
        }
    }

    /** Like {@link #expression}, naming the clause in the "not allowed" error of aggregates and subqueries. */
    public Bound expression(Expr e, List<Source> sources, String clause) {
        Scope scope = new Scope(null, new ArrayList<>(sources), new ArrayList<>());
        scope.clause = clause;
        return exprs.scalar(e, scope);
    }

    Query query(Select select, Scope outer) {
        boolean pushed = select.with() != null;
        if (pushed) {
            List<Select.Cte> list = select.with().ctes();
            for (int i = 0; i < list.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (list.get(i).name().is(list.get(j).name().text())) {
                        throw error("duplicate WITH table name: " + list.get(i).name().text());
                    }
                }
            }
            ctes.push(list);
        }
        try {
            return new QueryResolver(this, outer).resolve(select);
        } finally {
            if (pushed) {
                ctes.pop();
            }
        }
    }

    /** Resolves ORDER BY terms of an aggregate call or other list against {@code scope}. */
    List<Bound.OrderTerm> orderTerms(List<OrderingTerm> terms, Scope scope) {
        List<Bound.OrderTerm> out = new ArrayList<>();
        for (OrderingTerm t : terms) {
            out.add(new Bound.OrderTerm(exprs.scalar(t.expr(), scope), t.order() == OrderingTerm.SortOrder.DESC,
                    t.nulls() == null ? null : t.nulls() == OrderingTerm.Nulls.FIRST, -1));
        }
        return out;
    }

    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }
}
