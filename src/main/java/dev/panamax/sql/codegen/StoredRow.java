package dev.panamax.sql.codegen;

import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.vdbe.Opcode;

/**
 * Reads the rows of a table from a cursor over its own B-tree, for the pragmas that scan tables (integrity_check,
 * foreign_key_check): a rowid table by column number; a WITHOUT ROWID table through its primary key tree, whose
 * records hold the key columns first and then the others ({@link Table#storageColumns}).
 */
final class StoredRow {
    private final Table table;
    private final Index primaryKey;
    private final int[] storage;

    StoredRow(Table table) {
        this.table = table;
        this.primaryKey = table.withoutRowid() ? table.primaryKeyIndex() : null;
        this.storage = table.storageColumns();
    }

    /** The primary key index of a WITHOUT ROWID table, else null. */
    Index primaryKey() {
        return primaryKey;
    }

    /** Opens {@code cursor} on the table for reading. */
    void open(Parse p, int cursor) {
        TableTree.open(p, Opcode.OpenRead, cursor, table);
    }

    /** The B-tree holding a table's rows (for a WITHOUT ROWID table, its primary key tree). */
    static int rootPage(Table t) {
        return t.rootPage();
    }

    /** The record position of column {@code col}, -1 when the record does not hold it (VIRTUAL). */
    int position(int col) {
        return table.storagePosition(col);
    }

    /** The position of the last field of the record. */
    int lastField() {
        int last = storage.length - 1;
        return primaryKey == null && last >= 0 && storage[last] == table.rowidAlias() ? last - 1 : last;
    }

    /** Reads column {@code col} (-1: the rowid, NULL for a WITHOUT ROWID table) into {@code target}. */
    void read(Parse p, int cursor, int col, int target) {
        WhereCode.readFromTable(p, cursor, table, col, target);
    }
}
