package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.ForeignKey;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;

/**
 * How a foreign key finds its parent row (fkey.c sqlite3FkLocateIndex): through the parent's rowid when it names
 * the INTEGER PRIMARY KEY, else through a UNIQUE (or PRIMARY KEY) index over exactly the parent columns with their
 * default collations; without one the schema is wrong ("foreign key mismatch").
 */
final class ForeignKeys {
    private ForeignKeys() {
    }

    /**
     * The parent key: {@code index} null means a rowid lookup; {@code childColumns[i]} is the child column that
     * supplies key column i of the index (or the rowid).
     */
    record ParentKey(Table parent, Index index, int[] childColumns) {
    }

    static ParentKey locate(Table child, ForeignKey fk, Table parent) {
        int n = fk.columnCount();
        if (n == 1 && parent.rowidAlias() >= 0) {
            String to = fk.refersToPrimaryKey() ? null : fk.toColumns().get(0);
            if (to == null || to.equalsIgnoreCase(parent.column(parent.rowidAlias()).name())) {
                return new ParentKey(parent, null, fk.fromColumns());
            }
        }
        for (Index idx : parent.indexes()) {
            if (idx.keyCount() != n || !idx.unique() || idx.isPartial() || idx.hasExpressions()) {
                continue;
            }
            if (fk.refersToPrimaryKey()) {
                if (idx.origin() == 'p') {
                    return new ParentKey(parent, idx, fk.fromColumns());
                }
                continue;
            }
            int[] cols = match(fk, parent, idx);
            if (cols != null) {
                return new ParentKey(parent, idx, cols);
            }
        }
        throw mismatch(child, parent);
    }

    /** Maps each index column to the child column whose parent column it is, or null when they differ. */
    private static int[] match(ForeignKey fk, Table parent, Index idx) {
        int n = fk.columnCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int col = idx.columns()[i];
            if (col == Index.ROWID) {
                col = parent.rowidAlias();
            }
            if (col < 0) {
                return null;
            }
            String dflt = parent.column(col).collation() == null ? "BINARY" : parent.column(col).collation();
            if (!idx.collations()[i].equalsIgnoreCase(dflt)) {
                return null;
            }
            int j = 0;
            while (j < n && !fk.toColumns().get(j).equalsIgnoreCase(parent.column(col).name())) {
                j++;
            }
            if (j == n) {
                return null;
            }
            out[i] = fk.fromColumns()[j];
        }
        return out;
    }

    static DbException mismatch(Table child, Table parent) {
        return new DbException(ResultCode.ERROR, "foreign key mismatch - \"" + child.name() + "\" referencing \""
                + parent.name() + "\"");
    }
}
