package dev.panamax.schema;

import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;

/**
 * A table column (SQLite's Column). {@code declType} is the declared type as written, or null; {@code collation}
 * is the name from COLLATE, or null for BINARY; {@code defaultValue} is the DEFAULT expression or null.
 * {@code hidden} marks a generated column that is not stored (VIRTUAL); {@code generated} holds its expression.
 */
public record Column(String name, String declType, char affinity, boolean notNull, ConflictAction notNullConflict,
        Expr defaultValue, String collation, boolean primaryKey, Expr generated, boolean storedGenerated) {

    /** True when the column is computed rather than written (a generated column). */
    public boolean isGenerated() {
        return generated != null;
    }

    /** True for a VIRTUAL generated column: computed when read, absent from the stored record. */
    public boolean isVirtual() {
        return generated != null && !storedGenerated;
    }
}
