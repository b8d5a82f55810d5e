package dev.panamax.sql.ast;

import java.util.List;

/** A column definition in CREATE TABLE or ALTER TABLE ADD COLUMN; {@code type} is null when none was declared. */
public record ColumnDef(Name name, TypeName type, List<ColumnConstraint> constraints, int start, int end)
        implements Node {
}
