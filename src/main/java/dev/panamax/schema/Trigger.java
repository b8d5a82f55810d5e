package dev.panamax.schema;

import dev.panamax.sql.ast.Stmt;

/** A trigger (SQLite's Trigger): the CREATE TRIGGER statement it was made from, attached to {@code table}. */
public record Trigger(String name, String table, Stmt.CreateTrigger definition, String sql) {
}
