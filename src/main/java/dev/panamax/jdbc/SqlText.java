package dev.panamax.jdbc;

import java.util.Locale;
import java.util.Set;

/** What the driver needs to know of an SQL text before the engine runs it: its first keyword. */
final class SqlText {
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "PRAGMA", "VACUUM", "ATTACH", "DETACH");

    private SqlText() {
    }

    /** The first keyword of {@code sql}, upper case, after spaces and comments; "" when there is none. */
    static String firstKeyword(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /** True for statements that begin or end transactions themselves, or must run outside one. */
    static boolean controlsTransaction(String sql) {
        return TRANSACTION_CONTROL.contains(firstKeyword(sql));
    }

    /** True for INSERT and REPLACE (the statements whose rowid getGeneratedKeys reports). */
    static boolean isInsert(String sql) {
        String k = firstKeyword(sql);
        if (k.equals("INSERT") || k.equals("REPLACE")) {
            return true;
        }
        if (k.equals("WITH")) {
            String upper = sql.toUpperCase(Locale.ROOT);
            return upper.contains("INSERT") || upper.contains("REPLACE");
        }
        return false;
    }

    static int skipSpaceAndComments(String sql, int i) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }
}
