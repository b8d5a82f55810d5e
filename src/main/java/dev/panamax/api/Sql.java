package dev.panamax.api;

import dev.panamax.sql.parser.SqlScripts;
import java.util.List;

/**
 * Facts about SQL text that need no database: SQLite's {@code sqlite3_complete} and
 * {@code sqlite3_keyword_check}/{@code sqlite3_keyword_name}. A shell uses them to know when a typed statement is
 * finished and which identifiers must be quoted in the SQL it writes.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * True when {@code sql} ends with a complete statement: a semicolon outside any quote or comment, and not
     * inside a CREATE TRIGGER body.
     */
    public static boolean complete(String sql) {
        return SqlScripts.complete(sql);
    }

    /** True when {@code word}, in any case, is one of SQLite's keywords. */
    public static boolean isKeyword(String word) {
        return SqlScripts.isKeyword(word);
    }

    /** SQLite's keywords in upper case. */
    public static List<String> keywords() {
        return SqlScripts.keywords();
    }
}
