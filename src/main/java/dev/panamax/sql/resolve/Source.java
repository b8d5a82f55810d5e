package dev.panamax.sql.resolve;

import dev.panamax.schema.Table;
import dev.panamax.vdbe.TableFunction;
import java.util.List;
import java.util.Set;

/**
 * One item of a FROM clause after resolution (SQLite's SrcItem): a table (or view already expanded to a subquery,
 * or a table-valued function) read through cursor {@link #cursor}, how it joins the items before it, and the
 * columns it offers.
 *
 * <p>{@code hidden} holds the columns that USING or NATURAL merged into an earlier item: they are left out of
 * {@code *} and do not make an unqualified name ambiguous. {@code on} is the join condition (USING and NATURAL
 * already turned into equalities), set once the whole FROM is resolved.
 */
public final class Source {
    public final int cursor;
    public final String name;
    public final Table table;
    public final Query subquery;
    public final List<ColumnInfo> columns;
    public final JoinType join;
    public final String indexedBy;
    public final boolean notIndexed;
    public final int position;
    Set<Integer> hidden = Set.of();
    Bound on;
    boolean correlatedSubquery;
    /** For a table-valued function: the function; its argument columns follow its result columns. */
    TableFunction function;
    /** For a table-valued function: the call's arguments as written, resolved with the join conditions. */
    List<dev.panamax.sql.ast.Expr> functionCall;
    /** For a table-valued function: the {@code argument = value} terms its call arguments became. */
    List<Bound> functionArgs = List.of();

    Source(int cursor, String name, Table table, Query subquery, List<ColumnInfo> columns, JoinType join,
            String indexedBy, boolean notIndexed, int position) {
        this.cursor = cursor;
        this.name = name;
        this.table = table;
        this.subquery = subquery;
        this.columns = List.copyOf(columns);
        this.join = join;
        this.indexedBy = indexedBy;
        this.notIndexed = notIndexed;
        this.position = position;
    }

    public boolean isSubquery() {
        return subquery != null;
    }

    /** The table-valued function this item reads, or null. */
    public TableFunction function() {
        return function;
    }

    /** The terms binding the argument columns to the call's arguments (they must be usable where it loops). */
    public List<Bound> functionArgs() {
        return functionArgs;
    }

    /** The join condition, or null. */
    public Bound on() {
        return on;
    }

    /** Replaces the join condition (when a flattened subquery's columns are substituted into it). */
    public void replaceOn(Bound condition) {
        on = condition;
    }

    public Set<Integer> hidden() {
        return hidden;
    }

    /** True when the subquery refers to columns of the enclosing query (and must be re-run per outer row). */
    public boolean isCorrelated() {
        return correlatedSubquery;
    }

    public int columnIndex(String columnName) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equalsIgnoreCase(columnName)) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name + "#" + cursor;
    }
}
