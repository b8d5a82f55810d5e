package dev.panamax.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving SQL tokenizer for mutation: quoted strings and identifiers, blobs, numbers, words and operators stay
 * whole; whitespace and comments are dropped. It never fails: unterminated quotes run to the end of the text.
 */
final class FuzzTokens {
    private static final String[] OPERATORS = {"->>", "->", "<=", ">=", "<>", "!=", "==", "||", "<<", ">>"};

    private FuzzTokens() {
    }

    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                continue;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            } else if (c == '\'' || c == '"' || c == '`') {
                end = quoted(sql, i, c);
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                end = close < 0 ? n : close + 1;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                end = quoted(sql, i + 1, '\'');
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80
                    || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                end = word(sql, i);
            } else {
                end = operator(sql, i);
            }
            out.add(sql.substring(i, end));
            i = end;
        }
        return out;
    }

    private static int quoted(String sql, int i, char q) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == q) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return sql.length();
    }

    private static int word(String sql, int i) {
        int j = i;
        boolean number = Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.';
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80 || (number && c == '.')) {
                j++;
            } else if (number && (c == '+' || c == '-') && (sql.charAt(j - 1) == 'e' || sql.charAt(j - 1) == 'E')) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static int operator(String sql, int i) {
        for (String op : OPERATORS) {
            if (sql.startsWith(op, i)) {
                return i + op.length();
            }
        }
        return i + 1;
    }

    /** Joins tokens with single spaces (always valid SQL spacing for these tokens). */
    static String join(List<String> tokens) {
        return String.join(" ", tokens);
    }

    static boolean isIdentifier(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        return c == '"' || c == '`' || c == '[' || ((Character.isLetter(c) || c == '_') && !isKeyword(t));
    }

    static boolean isLiteral(String t) {
        char c = t.charAt(0);
        return c == '\'' || Character.isDigit(c) || (t.length() > 1 && (c == 'x' || c == 'X') && t.charAt(1) == '\'')
                || t.equalsIgnoreCase("NULL");
    }

    static boolean isKeyword(String t) {
        return dev.panamax.sql.parser.SqlScripts.isKeyword(t);
    }
}
