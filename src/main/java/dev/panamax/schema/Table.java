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

    /** The table at root {@code page}; a WITHOUT ROWID table's primary key index is that same B-tree. */
    public Table withRootPage(int page) {
        List<Index> list = indexes;
        if (withoutRowid) {
            list = new ArrayList<>();
            for (Index i : indexes) {
                list.add(i.origin() == 'p' ? i.withRootPage(page) : i);
            }
            list = List.copyOf(list);
        }
        return new Table(name, columns, page, rowidAlias, autoincrement, withoutRowid, strict, checks, list,
                pkColumns, pkConflict, viewSelect, viewColumns, sql, foreignKeys);
    }

    /** The PRIMARY KEY index (origin 'p'), or null; for a WITHOUT ROWID table it is the table's own B-tree. */
    public Index primaryKeyIndex() {
        for (Index i : indexes) {
            if (i.origin() == 'p') {
                return i;
            }
        }
        return null;
    }

    /** True when {@code idx} is not a B-tree of its own but the table itself (a WITHOUT ROWID primary key). */
    public boolean isTableTree(Index idx) {
        return withoutRowid && idx.origin() == 'p';
    }

    /**
     * The table columns in the order a row record stores them (sqlite3TableColumnToStorage): VIRTUAL generated
     * columns are left out; a WITHOUT ROWID table stores its primary key columns first, in key order, then the
     * others in table order.
     */
    public int[] storageColumns() {
        Index pk = withoutRowid ? primaryKeyIndex() : null;
        int[] out = new int[columns.size() + (pk == null ? 0 : pk.keyCount())];
        int n = 0;
        if (pk != null) {
            for (int c : pk.columns()) {
                out[n++] = c;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isVirtual() && (pk == null || !contains(pk.columns(), c))) {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The record field holding column {@code col}, or -1 for a VIRTUAL generated column. */
    public int storagePosition(int col) {
        int[] order = storageColumns();
        for (int k = 0; k < order.length; k++) {
            if (order[k] == col) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The columns an entry of {@code idx} holds after its key terms (Index.aiColumn past nKeyCol): the rowid
     * ({@link Index#ROWID}) for a rowid table; for a WITHOUT ROWID table the primary key columns the key does not
     * already hold with the same collation, or, for the primary key itself, the other stored columns.
     */
    public int[] entrySuffix(Index idx) {
        if (!withoutRowid) {
            return new int[] {Index.ROWID};
        }
        int[] order = storageColumns();
        if (isTableTree(idx)) {
            return java.util.Arrays.copyOfRange(order, idx.keyCount(), order.length);
        }
        Index pk = primaryKeyIndex();
        int[] out = new int[pk.keyCount()];
        int n = 0;
        for (int j = 0; j < pk.keyCount(); j++) {
            boolean dup = false;
            for (int k = 0; k < idx.keyCount() && !dup; k++) {
                dup = idx.columns()[k] == pk.columns()[j] && idx.collations()[k].equalsIgnoreCase(pk.collations()[j]);
            }
            if (!dup) {
                out[n++] = pk.columns()[j];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
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
