package dev.panamax.sql.codegen;

import dev.panamax.schema.Affinity;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import java.util.List;

/**
 * Reads the rows of a table from a cursor over its own B-tree, for the pragmas that scan tables (integrity_check,
 * foreign_key_check): a rowid table by column number; a WITHOUT ROWID table through its primary key tree, whose
 * records hold the key columns first and then the others (sqlite3TableColumnToIndex).
 */
final class StoredRow {
    private final Table table;
    private final Index primaryKey;
    private final int[] position;

    StoredRow(Table table) {
        this.table = table;
        this.primaryKey = table.withoutRowid() ? SchemaPragmas.primaryKeyIndex(table) : null;
        this.position = new int[table.columnCount()];
        for (int j = 0; j < position.length; j++) {
            position[j] = primaryKey == null ? j : -1;
        }
        if (primaryKey != null) {
            List<SchemaPragmas.IndexColumn> cols = SchemaPragmas.indexColumns(table, primaryKey);
            for (int k = 0; k < cols.size(); k++) {
                position[cols.get(k).cid()] = k;
            }
        }
    }

    /** The primary key index of a WITHOUT ROWID table, else null. */
    Index primaryKey() {
        return primaryKey;
    }

    /** Opens {@code cursor} on the table for reading. */
    void open(Parse p, int cursor) {
        p.op(Opcode.OpenRead, cursor, rootPage(table), 0, primaryKey == null
                ? new P4.ColumnCount(table.columnCount()) : WhereCode.indexKeyInfo(p, primaryKey));
    }

    /**
     * The B-tree holding a table's rows. For a WITHOUT ROWID table that is its primary key tree, whose root SQLite
     * takes from the primary key's own sqlite_schema row when there is one (as Panamax writes it), else from the
     * table's.
     */
    static int rootPage(Table t) {
        Index pk = t.withoutRowid() ? SchemaPragmas.primaryKeyIndex(t) : null;
        return pk != null && pk.rootPage() != 0 ? pk.rootPage() : t.rootPage();
    }

    /** The record position of column {@code col}. */
    int position(int col) {
        return position[col];
    }

    /** The position of the last field of the record. */
    int lastField() {
        if (primaryKey != null) {
            return SchemaPragmas.indexColumns(table, primaryKey).size() - 1;
        }
        int last = table.columnCount() - 1;
        return last == table.rowidAlias() ? last - 1 : last;
    }

    /** Reads column {@code col} (-1: the rowid, NULL for a WITHOUT ROWID table) into {@code target}. */
    void read(Parse p, int cursor, int col, int target) {
        if (primaryKey == null) {
            WhereCode.readFromTable(p, cursor, table, col, target);
            return;
        }
        if (col < 0) {
            p.op(Opcode.Null, 0, target);
            return;
        }
        p.op(Opcode.Column, cursor, position[col], target);
        if (table.column(col).affinity() == Affinity.REAL) {
            p.op(Opcode.RealAffinity, target);
        }
    }
}
