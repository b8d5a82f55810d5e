package dev.panamax.vdbe;

/**
 * A statement a running program runs inside itself (operand P4 of FkAction): the ON DELETE / ON UPDATE actions of
 * foreign keys, which SQLite runs as trigger sub-programs. It runs within the outer statement's transaction and
 * statement savepoint, its rows changed count in total_changes() only, and its immediate foreign key violations
 * count against the outer statement.
 */
public interface SubStatement {
    /** The program to run, compiled against the connection's current schema. */
    Program program(Session session);
}
