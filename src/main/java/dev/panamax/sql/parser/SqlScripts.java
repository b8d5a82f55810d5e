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

    /** Runs the state machine; false when input ends inside a quote, bracket or block comment. */
    private static boolean scan(String sql, int[] state, List<Segment> out) {
        int n = sql.length();
        int i = 0;
        int segStart = -1;
        while (i < n) {
            char c = sql.charAt(i);
            int token;
            int next;
            switch (c) {
                case ';' -> {
                    token = SEMI;
                    next = i + 1;
                }
                case ' ', '\r', '\t', '\n', '\f' -> {
                    token = WS;
                    next = i + 1;
                }
                case '/' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '*') {
                        int close = sql.indexOf("*/", i + 2);
                        if (close < 0) {
                            finish(out, segStart, n);
                            return false;
                        }
                        token = WS;
                        next = close + 2;
                    } else {
                        token = OTHER;
                        next = i + 1;
                    }
                }
                case '-' -> {
                    if (i + 1 < n && sql.charAt(i + 1) == '-') {
                        int nl = sql.indexOf('\n', i + 2);
                        if (nl < 0) {
                            finish(out, segStart, n);
                            return state[0] == 1;
                        }
                        token = WS;
                        next = nl + 1;
                    } else {
                        token = OTHER;
                        next = i + 1;
                    }
                }
                case '[', '"', '\'', '`' -> {
                    char close = c == '[' ? ']' : c;
                    int e = sql.indexOf(close, i + 1);
                    if (e < 0) {
                        finish(out, segStart, n);
                        return false;
                    }
                    token = OTHER;
                    next = e + 1;
                }
                default -> {
                    if (Lexer.isIdChar(c)) {
                        int e = i + 1;
                        while (e < n && Lexer.isIdChar(sql.charAt(e))) {
                            e++;
                        }
                        token = keyword(sql, i, e);
                        next = e;
                    } else {
                        token = OTHER;
                        next = i + 1;
                    }
                }
            }
            int before = state[0];
            state[0] = TRANS[before][token];
            if (token != WS && token != SEMI && segStart < 0) {
                segStart = i;
            }
            if (token == SEMI && state[0] == 1) {
                if (segStart >= 0) {
                    add(out, segStart, next);
                }
                segStart = -1;
            }
            i = next;
        }
        finish(out, segStart, n);
        return true;
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
