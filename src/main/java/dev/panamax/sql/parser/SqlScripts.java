package dev.panamax.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Statement boundaries without parsing: SQLite's {@code sqlite3_complete} (complete.c) and a script splitter built
 * on the same state machine, which knows that the semicolons inside {@code CREATE TRIGGER .. BEGIN .. END} do not
 * end the statement.
 *
 * <p>States: 0 INVALID (nothing but spaces yet), 1 START (after a complete statement), 2 NORMAL, 3 EXPLAIN,
 * 4 CREATE, 5 TRIGGER (inside a trigger), 6 SEMI (a ';' inside a trigger), 7 END (END after such a ';'). Tokens:
 * ';', space/comment, other, EXPLAIN, CREATE, TEMP/TEMPORARY, TRIGGER, END.
 */
public final class SqlScripts {
    private static final int SEMI = 0;
    private static final int WS = 1;
    private static final int OTHER = 2;
    private static final int EXPLAIN = 3;
    private static final int CREATE = 4;
    private static final int TEMP = 5;
    private static final int TRIGGER = 6;
    private static final int END = 7;

    private static final int[][] TRANS = {
        {1, 0, 2, 3, 4, 2, 2, 2},
        {1, 1, 2, 3, 4, 2, 2, 2},
        {1, 2, 2, 2, 2, 2, 2, 2},
        {1, 3, 3, 2, 4, 2, 2, 2},
        {1, 4, 2, 2, 2, 4, 5, 2},
        {6, 5, 5, 5, 5, 5, 5, 5},
        {6, 6, 5, 5, 5, 5, 5, 7},
        {1, 7, 5, 5, 5, 5, 5, 5},
    };

    /** A statement's text range; {@code end} is just past its semicolon, or the end of input. */
    public record Segment(int start, int end) {
        public String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private SqlScripts() {
    }

    /** {@code sqlite3_keyword_check}: true when {@code word}, in any case, is one of SQLite's keywords. */
    public static boolean isKeyword(String word) {
        return Keywords.lookup(word, 0, word.length()) != Tk.ID;
    }

    /** SQLite's keywords in upper case, as {@code sqlite3_keyword_name} lists them. */
    public static List<String> keywords() {
        List<String> words = new ArrayList<>();
        for (int t = Tk.FIRST_KEYWORD; t < Tk.COUNT; t++) {
            words.add(Tk.name(t));
        }
        words.add("TEMPORARY");
        return List.copyOf(words);
    }

    /** True when {@code sql} ends with a complete statement, as {@code sqlite3_complete} decides. */
    public static boolean complete(String sql) {
        int[] state = {0};
        return scan(sql, state, null) && state[0] == 1;
    }

    /**
     * Cuts a script into statements at the semicolons that end one; empty statements are dropped and a last
     * statement without semicolon is kept. Unterminated quotes or comments extend to the end of input.
     */
    public static List<Segment> split(String sql) {
        List<Segment> out = new ArrayList<>();
        scan(sql, new int[] {0}, out);
        return out;
    }

    /** Input ended inside a quote, bracket or block comment. */
    private static final int UNTERMINATED = -1;
    /** Input ended inside a line comment. */
    private static final int LINE_COMMENT_AT_END = -2;

    /** Runs the state machine; false when input ends inside a quote, bracket or block comment. */
    private static boolean scan(String sql, int[] state, List<Segment> out) {
        int n = sql.length();
        int i = 0;
        int segStart = -1;
        int[] next = new int[1];
        while (i < n) {
            int token = token(sql, i, next);
            if (token < 0) {
                finish(out, segStart, n);
                return token == LINE_COMMENT_AT_END && state[0] == 1;
            }
            state[0] = TRANS[state[0]][token];
            if (token != WS && token != SEMI && segStart < 0) {
                segStart = i;
            }
            int after = next[0];
            if (token == SEMI && state[0] == 1) {
                if (segStart >= 0) {
                    add(out, segStart, after);
                }
                segStart = -1;
            }
            i = after;
        }
        finish(out, segStart, n);
        return true;
    }

    /** complete.c's token at {@code i}: its class, with the offset after it stored in {@code next[0]}. */
    private static int token(String sql, int i, int[] next) {
        int n = sql.length();
        char c = sql.charAt(i);
        next[0] = i + 1;
        switch (c) {
            case ';' -> {
                return SEMI;
            }
            case ' ', '\r', '\t', '\n', '\f' -> {
                return WS;
            }
            case '/' -> {
                if (i + 1 < n && sql.charAt(i + 1) == '*') {
                    int close = sql.indexOf("*/", i + 2);
                    next[0] = close + 2;
                    return close < 0 ? UNTERMINATED : WS;
                }
                return OTHER;
            }
            case '-' -> {
                if (i + 1 < n && sql.charAt(i + 1) == '-') {
                    int nl = sql.indexOf('\n', i + 2);
                    next[0] = nl + 1;
                    return nl < 0 ? LINE_COMMENT_AT_END : WS;
                }
                return OTHER;
            }
            case '[', '"', '\'', '`' -> {
                int e = sql.indexOf(c == '[' ? ']' : c, i + 1);
                next[0] = e + 1;
                return e < 0 ? UNTERMINATED : OTHER;
            }
            default -> {
                if (!Lexer.isIdChar(c)) {
                    return OTHER;
                }
                int e = i + 1;
                while (e < n && Lexer.isIdChar(sql.charAt(e))) {
                    e++;
                }
                next[0] = e;
                return keyword(sql, i, e);
            }
        }
    }

    private static void finish(List<Segment> out, int segStart, int end) {
        if (segStart >= 0) {
            add(out, segStart, end);
        }
    }

    private static void add(List<Segment> out, int start, int end) {
        if (out != null) {
            out.add(new Segment(start, end));
        }
    }

    private static int keyword(String sql, int s, int e) {
        int len = e - s;
        return switch (Character.toLowerCase(sql.charAt(s))) {
            case 'c' -> len == 6 && sql.regionMatches(true, s, "create", 0, 6) ? CREATE : OTHER;
            case 't' -> (len == 7 && sql.regionMatches(true, s, "trigger", 0, 7)) ? TRIGGER
                    : (len == 4 && sql.regionMatches(true, s, "temp", 0, 4))
                            || (len == 9 && sql.regionMatches(true, s, "temporary", 0, 9)) ? TEMP : OTHER;
            case 'e' -> (len == 3 && sql.regionMatches(true, s, "end", 0, 3)) ? END
                    : (len == 7 && sql.regionMatches(true, s, "explain", 0, 7)) ? EXPLAIN : OTHER;
            default -> OTHER;
        };
    }
}
