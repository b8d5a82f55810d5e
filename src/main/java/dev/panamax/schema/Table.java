package dev.panamax.schema;

import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Select;
import java.util.ArrayList;
import java.util.List;

/**
 * A table or a view (SQLite's Table): its columns, B-tree root page, the column that aliases the rowid
 * ({@code rowidAlias}, -1 when none), CHECK constraints and indexes, and for a view the SELECT it stands for.
 * Immutable: schema changes build new Table objects.
 *
 * @param pkColumns   the PRIMARY KEY columns in key order (empty when none was declared)
 * @param pkConflict  the ON CONFLICT action of the PRIMARY KEY, or null
 * @param viewColumns for a view with a column list, the names; otherwise empty
 * @param foreignKeys the FOREIGN KEY and REFERENCES constraints, in SQLite's order: the last one declared first
 */
public record Table(String name, List<Column> columns, int rootPage, int rowidAlias, boolean autoincrement,
        boolean withoutRowid, boolean strict, List<Expr> checks, List<Index> indexes, int[] pkColumns,
        ConflictAction pkConflict, Select viewSelect, List<Name> viewColumns, String sql,
        List<ForeignKey> foreignKeys) {

    /** A table or view without foreign keys. */
    public Table(String name, List<Column> columns, int rootPage, int rowidAlias, boolean autoincrement,
            boolean withoutRowid, boolean strict, List<Expr> checks, List<Index> indexes, int[] pkColumns,
            ConflictAction pkConflict, Select viewSelect, List<Name> viewColumns, String sql) {
        this(name, columns, rootPage, rowidAlias, autoincrement, withoutRowid, strict, checks, indexes, pkColumns,
                pkConflict, viewSelect, viewColumns, sql, List.of());
    }

    public boolean isView() {
        return viewSelect != null;
    }

    /** The index of the column with this name (case-insensitive), or -1. */
    public int columnIndex(String columnName) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equalsIgnoreCase(columnName)) {
                return k;
            }
        }
        return -1;
    }

    public Column column(int k) {
        return columns.get(k);
    }

    public int columnCount() {
        return columns.size();
    }

    /** True when this table has a rowid (every table that is not WITHOUT ROWID, and not a view). */
    public boolean hasRowid() {
        return !withoutRowid && !isView();
    }

    public Table withIndex(Index index) {
        List<Index> list = new ArrayList<>(indexes);
        list.add(index);
        return withIndexes(list);
    }

    public Table withoutIndex(String indexName) {
        List<Index> list = new ArrayList<>(indexes);
        list.removeIf(i -> i.name().equalsIgnoreCase(indexName));
        return withIndexes(list);
    }

    public Table withIndexes(List<Index> list) {
        return new Table(name, columns, rootPage, rowidAlias, autoincrement, withoutRowid, strict, checks,
                List.copyOf(list), pkColumns, pkConflict, viewSelect, viewColumns, sql, foreignKeys);
    }

    public Table withRootPage(int page) {
        return new Table(name, columns, page, rowidAlias, autoincrement, withoutRowid, strict, checks, indexes,
                pkColumns, pkConflict, viewSelect, viewColumns, sql, foreignKeys);
    }

    /** The index with this name (case-insensitive), or null. */
    public Index index(String indexName) {
        for (Index i : indexes) {
            if (i.name().equalsIgnoreCase(indexName)) {
                return i;
            }
        }
        return null;
    }
}
