package dev.panamax.sql.ast;

/** The conflict-resolution algorithms of {@code OR ...} and {@code ON CONFLICT ...} (lang_conflict.html). */
public enum ConflictAction { ROLLBACK, ABORT, FAIL, IGNORE, REPLACE }
