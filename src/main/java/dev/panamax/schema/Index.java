package dev.panamax.schema;

import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import java.util.List;

/**
 * An index (SQLite's Index). Key term {@code k} is table column {@code columns[k]}, or the rowid when it is
 * {@link #ROWID}, or {@code expressions.get(k)} when it is {@link #EXPRESSION}; every index entry ends with the
 * rowid after the key terms. {@code collations[k]} is the collation name (never null: BINARY by default).
 *
 * @param origin  'c' for CREATE INDEX, 'u' for a UNIQUE constraint, 'p' for a PRIMARY KEY constraint
 * @param onError the conflict action of a UNIQUE index; null when not written (ABORT) or not unique
 * @param where   the WHERE of a partial index, or null
 */
public record Index(String name, String table, int[] columns, List<Expr> expressions, boolean[] descending,
        String[] collations, boolean unique, ConflictAction onError, Expr where, int rootPage, char origin,
        String sql) {
    public static final int ROWID = -1;
    public static final int EXPRESSION = -2;

    /** The number of key terms (without the trailing rowid). */
    public int keyCount() {
        return columns.length;
    }

    public boolean isAutoIndex() {
        return origin != 'c';
    }

    public boolean isPartial() {
        return where != null;
    }

    public boolean hasExpressions() {
        for (int c : columns) {
            if (c == EXPRESSION) {
                return true;
            }
        }
        return false;
    }

    public Index withRootPage(int page) {
        return new Index(name, table, columns, expressions, descending, collations, unique, onError, where, page,
                origin, sql);
    }

    public Index withTable(String newTable, String newSql) {
        return new Index(name, newTable, columns, expressions, descending, collations, unique, onError, where,
                rootPage, origin, newSql);
    }
}
