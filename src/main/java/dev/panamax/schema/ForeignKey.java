package dev.panamax.schema;

import dev.panamax.sql.ast.ForeignKeyClause;
import java.util.List;

/**
 * A foreign key of a child table (SQLite's FKey, foreignkeys.html): child columns {@code fromColumns} (indexes
 * into the child's columns) refer to {@code parentTable}'s {@code toColumns}, or to its PRIMARY KEY when
 * {@code toColumns} is empty (written {@code REFERENCES parent} without a column list).
 *
 * @param onDelete the ON DELETE action, NO_ACTION when not written
 * @param onUpdate the ON UPDATE action, NO_ACTION when not written
 * @param deferred DEFERRABLE INITIALLY DEFERRED: checked at COMMIT instead of at the end of each statement
 */
public record ForeignKey(String parentTable, int[] fromColumns, List<String> toColumns,
        ForeignKeyClause.Action onDelete, ForeignKeyClause.Action onUpdate, boolean deferred) {

    public int columnCount() {
        return fromColumns.length;
    }

    /** True when the parent columns are the parent's primary key (no column list was written). */
    public boolean refersToPrimaryKey() {
        return toColumns.isEmpty();
    }

    ForeignKey withDeferred(boolean d) {
        return new ForeignKey(parentTable, fromColumns, toColumns, onDelete, onUpdate, d);
    }
}
