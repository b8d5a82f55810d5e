package dev.panamax.sql.ast;

import dev.panamax.sql.ast.OrderingTerm.SortOrder;

/**
 * A column constraint. {@code name} is the {@code CONSTRAINT name} written right before it, or null. Conflict
 * actions are null when no {@code ON CONFLICT} was written.
 */
public sealed interface ColumnConstraint extends Node {
    Name name();

    record PrimaryKey(Name name, SortOrder order, ConflictAction onConflict, boolean autoincrement, int start,
            int end) implements ColumnConstraint {
    }

    record NotNull(Name name, ConflictAction onConflict, int start, int end) implements ColumnConstraint {
    }

    /** A bare {@code NULL} constraint: accepted and meaningless, as in SQLite. */
    record Null(Name name, ConflictAction onConflict, int start, int end) implements ColumnConstraint {
    }

    record Unique(Name name, ConflictAction onConflict, int start, int end) implements ColumnConstraint {
    }

    record Check(Name name, Expr expr, int start, int end) implements ColumnConstraint {
    }

    /**
     * {@code DEFAULT value}. {@code text} is the text SQLite records for it (PRAGMA table_info's dflt_value): the
     * literal with its sign, or what is inside the parentheses of {@code DEFAULT (expr)}, spaces trimmed. A bare
     * identifier becomes a string literal, or a {@link Expr.BoolLit} for TRUE/FALSE.
     */
    record Default(Name name, Expr value, String text, int start, int end) implements ColumnConstraint {
    }

    record Collate(Name name, Name collation, int start, int end) implements ColumnConstraint {
    }

    record References(Name name, ForeignKeyClause foreignKey, int start, int end) implements ColumnConstraint {
    }

    /**
     * A {@code [NOT] DEFERRABLE ..} clause standing on its own; SQLite applies it to the table's most recent foreign
     * key. (One written right after REFERENCES is part of that {@link ForeignKeyClause}.)
     */
    record Deferrable(Name name, ForeignKeyClause.Deferral deferral, int start, int end) implements ColumnConstraint {
    }

    /** {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL|other]}; {@code storage} is null when not written. */
    record Generated(Name name, Expr expr, Name storage, int start, int end) implements ColumnConstraint {
    }

    /** {@code CONSTRAINT name} followed by no constraint (SQLite accepts it). */
    record NameOnly(Name name, int start, int end) implements ColumnConstraint {
    }
}
