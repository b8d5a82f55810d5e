package dev.panamax.sql.parser;

/**
 * SQLite's tokenizer (tokenize.c, {@code sqlite3GetToken}) over a Java string: splits the whole input into tokens
 * once, skipping spaces and comments, and stores them in parallel int arrays (no object per token, no regex).
 *
 * <p>What it reproduces: keywords by SQLite's list with TEMPORARY as TEMP; numbers with hex, exponents and {@code _}
 * digit separators (QNUMBER), a number running into identifier characters being one illegal token; blobs
 * {@code x'..'} of an even number of hex digits; the variable forms {@code ?NNN :a @a #a $a} with Tcl-style
 * {@code $a::b(c)} suffixes; the three identifier quotes; and the context rules that make WINDOW, OVER and FILTER
 * keywords only where a window clause can follow ({@code analyzeWindowKeyword} and friends). A NUL character ends the input, as it ends a C string. Offsets are {@code char} offsets.
 *
 * <p>Illegal tokens are kept as {@link Tk#ILLEGAL}: SQLite reports them only when the parser reaches them, so a
 * syntax error earlier in the statement wins.
 */
final class Lexer {
    private final String sql;
    private final int length;
    int count;
    int[] type;
    int[] start;
    int[] end;

    private Lexer(String sql) {
        this.sql = sql;
        int nul = sql.indexOf('\0');
        this.length = nul < 0 ? sql.length() : nul;
        int capacity = Math.max(16, length / 3);
        type = new int[capacity];
        start = new int[capacity];
        end = new int[capacity];
    }

    /** Tokenizes {@code sql}; the last token is always {@link Tk#EOF} at the end of the input. */
    static Lexer tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        lexer.run();
        lexer.resolveWindowKeywords();
        return lexer;
    }

    /** The input length the tokenizer saw (up to the first NUL). */
    int inputLength() {
        return length;
    }

    private void run() {
        int i = 0;
        while (i < length) {
            int s = i;
            i = scan(i);
            int t = scannedType;
            if (t == SPACE) {
                continue;
            }
            if (t == COMMENT) {
                continue;
            }
            add(t, s, i);
        }
        add(Tk.EOF, length, length);
    }

    private void add(int t, int s, int e) {
        if (count == type.length) {
            int n = count * 2;
            type = java.util.Arrays.copyOf(type, n);
            start = java.util.Arrays.copyOf(start, n);
            end = java.util.Arrays.copyOf(end, n);
        }
        type[count] = t;
        start[count] = s;
        end[count] = e;
        count++;
    }

    private static final int SPACE = -1;
    private static final int COMMENT = -2;
    private int scannedType;

    private char at(int i) {
        return i < length ? sql.charAt(i) : '\0';
    }

    /** Scans one token at {@code i}, sets {@link #scannedType} and returns the offset after it. */
    private int scan(int i) {
        char c = sql.charAt(i);
        switch (c) {
            case ' ', '\t', '\n', '\f', '\r', '\uFEFF' -> {
                int j = i + 1;
                while (j < length && isSpace(sql.charAt(j))) {
                    j++;
                }
                return token(SPACE, j);
            }
            case '-' -> {
                char n = at(i + 1);
                if (n == '-') {
                    int j = i + 2;
                    while (j < length && sql.charAt(j) != '\n') {
                        j++;
                    }
                    return token(COMMENT, j);
                }
                if (n == '>') {
                    return token(Tk.PTR, at(i + 2) == '>' ? i + 3 : i + 2);
                }
                return token(Tk.MINUS, i + 1);
            }
            case '(' -> { return token(Tk.LP, i + 1); }
            case ')' -> { return token(Tk.RP, i + 1); }
            case ';' -> { return token(Tk.SEMI, i + 1); }
            case '+' -> { return token(Tk.PLUS, i + 1); }
            case '*' -> { return token(Tk.STAR, i + 1); }
            case '%' -> { return token(Tk.REM, i + 1); }
            case ',' -> { return token(Tk.COMMA, i + 1); }
            case '&' -> { return token(Tk.BITAND, i + 1); }
            case '~' -> { return token(Tk.BITNOT, i + 1); }
            case '/', '=', '<', '>', '!', '|' -> { return operator(i, c); }
            case '\'', '"', '`' -> { return quoted(i, c); }
            case '[' -> {
                int j = i + 1;
                while (j < length && sql.charAt(j) != ']') {
                    j++;
                }
                return j < length ? token(Tk.ID, j + 1) : token(Tk.ILLEGAL, j);
            }
            case '.' -> { return isDigit(at(i + 1)) ? number(i) : token(Tk.DOT, i + 1); }
            case '?' -> {
                int j = i + 1;
                while (isDigit(at(j))) {
                    j++;
                }
                return token(Tk.VARIABLE, j);
            }
            case '$', '@', '#', ':' -> { return variable(i); }
            case 'x', 'X' -> {
                if (at(i + 1) == '\'') {
                    return blob(i);
                }
                return identifier(i + 1);
            }
            default -> {
                if (isDigit(c)) {
                    return number(i);
                }
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    return word(i);
                }
                if (c == '_' || c >= 0x80) {
                    return identifier(i + 1);
                }
                return token(Tk.ILLEGAL, i + 1);
            }
        }
    }

    /** The operators that may take two characters. */
    private int operator(int i, char c) {
        char n = at(i + 1);
        return switch (c) {
            case '/' -> slash(i);
            case '=' -> token(Tk.EQ, n == '=' ? i + 2 : i + 1);
            case '<' -> n == '=' ? token(Tk.LE, i + 2) : n == '>' ? token(Tk.NE, i + 2)
                    : n == '<' ? token(Tk.LSHIFT, i + 2) : token(Tk.LT, i + 1);
            case '>' -> n == '=' ? token(Tk.GE, i + 2) : n == '>' ? token(Tk.RSHIFT, i + 2) : token(Tk.GT, i + 1);
            case '!' -> n == '=' ? token(Tk.NE, i + 2) : token(Tk.ILLEGAL, i + 1);
            default -> n == '|' ? token(Tk.CONCAT, i + 2) : token(Tk.BITOR, i + 1);
        };
    }

    private int token(int t, int next) {
        scannedType = t;
        return next;
    }

    private int slash(int i) {
        if (at(i + 1) != '*' || i + 2 >= length) {
            return token(Tk.SLASH, i + 1);
        }
        int j = i + 3;
        char c = sql.charAt(i + 2);
        while (j < length && !(c == '*' && sql.charAt(j) == '/')) {
            c = sql.charAt(j);
            j++;
        }
        return token(COMMENT, j < length ? j + 1 : j);
    }

    private int quoted(int i, char delim) {
        int j = i + 1;
        while (j < length) {
            char c = sql.charAt(j);
            if (c == delim) {
                if (at(j + 1) == delim) {
                    j += 2;
                    continue;
                }
                return token(delim == '\'' ? Tk.STRING : Tk.ID, j + 1);
            }
            j++;
        }
        return token(Tk.ILLEGAL, j);
    }

    private int blob(int i) {
        int j = i + 2;
        while (isHexDigit(at(j))) {
            j++;
        }
        if (at(j) != '\'' || (j % 2 != i % 2)) {
            while (j < length && sql.charAt(j) != '\'') {
                j++;
            }
            return token(Tk.ILLEGAL, j < length ? j + 1 : j);
        }
        return token(Tk.BLOB, j + 1);
    }

    private int number(int i) {
        int t = Tk.INTEGER;
        int j;
        if (sql.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && isHexDigit(at(i + 2))) {
            j = i + 3;
            while (isHexDigit(at(j)) || at(j) == '_') {
                if (at(j) == '_') {
                    t = Tk.QNUMBER;
                }
                j++;
            }
        } else {
            j = i;
            for (; isDigit(at(j)) || at(j) == '_'; j++) {
                if (at(j) == '_') {
                    t = Tk.QNUMBER;
                }
            }
            if (at(j) == '.') {
                if (t == Tk.INTEGER) {
                    t = Tk.FLOAT;
                }
                for (j++; isDigit(at(j)) || at(j) == '_'; j++) {
                    if (at(j) == '_') {
                        t = Tk.QNUMBER;
                    }
                }
            }
            char e = at(j);
            if ((e == 'e' || e == 'E') && (isDigit(at(j + 1))
                    || ((at(j + 1) == '+' || at(j + 1) == '-') && isDigit(at(j + 2))))) {
                if (t == Tk.INTEGER) {
                    t = Tk.FLOAT;
                }
                for (j += 2; isDigit(at(j)) || at(j) == '_'; j++) {
                    if (at(j) == '_') {
                        t = Tk.QNUMBER;
                    }
                }
            }
        }
        while (isIdChar(at(j))) {
            t = Tk.ILLEGAL;
            j++;
        }
        return token(t, j);
    }

    private int variable(int i) {
        int n = 0;
        int j = i + 1;
        int t = Tk.VARIABLE;
        while (j < length) {
            char c = sql.charAt(j);
            if (isIdChar(c)) {
                n++;
            } else if (c == '(' && n > 0) {
                do {
                    j++;
                } while (j < length && !isSpace(sql.charAt(j)) && sql.charAt(j) != ')');
                if (j < length && sql.charAt(j) == ')') {
                    j++;
                } else {
                    t = Tk.ILLEGAL;
                }
                break;
            } else if (c == ':' && at(j + 1) == ':') {
                j++;
            } else {
                break;
            }
            j++;
        }
        return token(n == 0 ? Tk.ILLEGAL : t, j);
    }

    private int word(int i) {
        int j = i + 1;
        while (j < length && isKeywordChar(sql.charAt(j))) {
            j++;
        }
        if (j < length && isIdChar(sql.charAt(j))) {
            return identifier(j + 1);
        }
        return token(Keywords.lookup(sql, i, j), j);
    }

    private int identifier(int j) {
        while (j < length && isIdChar(sql.charAt(j))) {
            j++;
        }
        return token(Tk.ID, j);
    }

    /**
     * WINDOW is a keyword when an identifier and AS follow; OVER when it follows ')' and '(' or an identifier
     * follows; FILTER when it follows ')' and '(' follows. Otherwise they are identifiers.
     */
    private void resolveWindowKeywords() {
        for (int k = 0; k < count; k++) {
            int t = type[k];
            if (t == Tk.WINDOW) {
                boolean keyword = nextLooksLike(k + 1, Tk.ID) && nextLooksLike(k + 2, Tk.AS);
                type[k] = keyword ? Tk.WINDOW : Tk.ID;
            } else if (t == Tk.OVER) {
                boolean keyword = k > 0 && type[k - 1] == Tk.RP
                        && (nextLooksLike(k + 1, Tk.LP) || nextLooksLike(k + 1, Tk.ID));
                type[k] = keyword ? Tk.OVER : Tk.ID;
            } else if (t == Tk.FILTER) {
                boolean keyword = k > 0 && type[k - 1] == Tk.RP && nextLooksLike(k + 1, Tk.LP);
                type[k] = keyword ? Tk.FILTER : Tk.ID;
            }
        }
    }

    /** Token {@code k} as tokenize.c's {@code getToken} classifies it equals {@code want}. */
    private boolean nextLooksLike(int k, int want) {
        if (k >= count) {
            return false;
        }
        int t = type[k];
        if (want == Tk.ID) {
            return t == Tk.ID || t == Tk.STRING || Tk.isJoinKeyword(t) || t == Tk.WINDOW || t == Tk.OVER
                    || Tk.FALLBACK_ID[t];
        }
        return t == want;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b || c == '\uFEFF';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** SQLite's IdChar: ASCII letters, digits, '_' and '$', and every non-ASCII character. */
    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    private static boolean isKeywordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
