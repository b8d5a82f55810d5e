package dev.panamax.sql.ast;

import java.util.List;

/** A table constraint in CREATE TABLE; {@code name} is the {@code CONSTRAINT name} before it, or null. */
public sealed interface TableConstraint extends Node {
    Name name();

    record PrimaryKey(Name name, List<OrderingTerm> columns, boolean autoincrement, ConflictAction onConflict,
            int start, int end) implements TableConstraint {
    }

    record Unique(Name name, List<OrderingTerm> columns, ConflictAction onConflict, int start, int end)
            implements TableConstraint {
    }

    /** {@code CHECK (expr) [ON CONFLICT ..]}: SQLite parses the conflict clause and ignores it. */
    record Check(Name name, Expr expr, ConflictAction onConflict, int start, int end) implements TableConstraint {
    }

    record ForeignKey(Name name, List<Name> columns, ForeignKeyClause references, int start, int end)
            implements TableConstraint {
    }
}
