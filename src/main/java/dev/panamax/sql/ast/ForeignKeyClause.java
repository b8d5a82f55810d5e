package dev.panamax.sql.ast;

import java.util.List;

/**
 * {@code REFERENCES table [(columns)] [ON DELETE|UPDATE action]... [MATCH name] [[NOT] DEFERRABLE [INITIALLY ..]]}
 * (foreignkeys.html). Repeated ON DELETE/UPDATE clauses keep the last, as SQLite does; null means not written.
 * {@code ON INSERT} is accepted and ignored, like SQLite.
 */
public record ForeignKeyClause(Name table, List<Name> columns, Action onDelete, Action onUpdate, Name match,
        Deferral deferral, int start, int end) implements Node {

    public enum Action { NO_ACTION, RESTRICT, SET_NULL, SET_DEFAULT, CASCADE }

    /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}; {@code initiallyDeferred} null when not written. */
    public record Deferral(boolean deferrable, Boolean initiallyDeferred) {
        /** Whether the constraint is checked at commit, following SQLite's {@code sqlite3DeferForeignKey}. */
        public boolean deferred() {
            return deferrable && Boolean.TRUE.equals(initiallyDeferred);
        }
    }
}
