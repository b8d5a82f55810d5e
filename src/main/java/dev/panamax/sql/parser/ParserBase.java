package dev.panamax.sql.parser;

import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Name.Quote;
import dev.panamax.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token cursor, error reporting, names and parameter numbering shared by the grammar-area parsers.
 *
 * <p>Errors follow SQLite's timing. A token the tokenizer could not read is reported when the parser moves onto it.
 * A check that parse.y makes while reducing a rule ("ORDER BY clause should come after UNION not before") is
 * raised when the parser has seen the token after the construct: if that token is itself a syntax error, the
 * syntax error wins, as the later message wins in SQLite; otherwise the check's message is thrown once that token
 * is consumed or the statement ends.
 */
abstract class ParserBase {
    /** SQLite's SQLITE_MAX_VARIABLE_NUMBER in the build the project tests against. */
    static final int MAX_VARIABLE_NUMBER = 250000;
    /** SQLite's SQLITE_MAX_EXPR_DEPTH. */
    static final int MAX_EXPR_DEPTH = 1000;
    /**
     * Size of SQLite's parser stack (SQLITE_LIMIT_PARSER_DEPTH) in the units {@link #enter(int)} counts: roughly the
     * grammar symbols each open construct keeps on Lemon's stack (1 for '(', 3 for a function call, 5 for a CASE
     * or a subquery, ...), measured against sqlite-jdbc.
     */
    static final int MAX_NESTING = 2498;

    final String sql;
    final Lexer lexer;
    final int[] type;
    final int[] tokenStart;
    final int[] tokenEnd;
    int pos;
    /** Accept COLLATE/ASC/DESC in column-name lists, as SQLite does while reading an old schema. */
    final boolean legacySchema;

    private String pendingMessage;
    private int pendingAt = -1;

    int nesting;
    private int nextParameter;
    private Map<String, Integer> namedParameters;
    List<String> parameterNames = new ArrayList<>();

    ParserBase(String sql, Lexer lexer, boolean legacySchema) {
        this.sql = sql;
        this.lexer = lexer;
        this.type = lexer.type;
        this.tokenStart = lexer.start;
        this.tokenEnd = lexer.end;
        this.legacySchema = legacySchema;
    }

    // ---- cursor ----

    final int t() {
        return type[pos];
    }

    final int peek(int k) {
        int i = pos + k;
        return i < lexer.count ? type[i] : Tk.EOF;
    }

    final boolean at(int tk) {
        return type[pos] == tk;
    }

    /** Start offset of the current token. */
    final int here() {
        return tokenStart[pos];
    }

    /** End offset of the token just consumed. */
    final int prevEnd() {
        return pos > 0 ? tokenEnd[pos - 1] : 0;
    }

    final void advance() {
        if (pendingAt == pos) {
            throw pending();
        }
        if (type[pos] == Tk.EOF) {
            throw syntaxError();
        }
        pos++;
        if (type[pos] == Tk.ILLEGAL) {
            throw unrecognized(pos);
        }
    }

    /** Checks the token a statement starts at, which {@link #advance()} did not move onto. */
    final void checkFirstToken() {
        if (type[pos] == Tk.ILLEGAL) {
            throw unrecognized(pos);
        }
    }

    final boolean accept(int tk) {
        if (type[pos] == tk) {
            advance();
            return true;
        }
        return false;
    }

    final void expect(int tk) {
        if (type[pos] != tk) {
            throw syntaxError();
        }
        advance();
    }

    final String tokenText(int i) {
        return sql.substring(tokenStart[i], tokenEnd[i]);
    }

    // ---- errors ----

    final ParseException syntaxError() {
        return syntaxErrorAt(pos);
    }

    private ParseException syntaxErrorAt(int i) {
        if (type[i] == Tk.EOF) {
            return new ParseException("incomplete input", tokenStart[i]);
        }
        return new ParseException("near \"" + tokenText(i) + "\": syntax error", tokenStart[i]);
    }

    final ParseException unrecognized(int i) {
        return new ParseException("unrecognized token: \"" + tokenText(i) + "\"", tokenStart[i]);
    }

    final ParseException error(String message) {
        return new ParseException(message, tokenStart[pos]);
    }

    /**
     * A check of parse.y that fails on a rule just completed; raised once the lookahead token is accepted (see the
     * class comment). SQLite's parser reduces a rule only when the next token arrives, even one that ends in a
     * token, so a syntax error on that next token still wins. The first token with a failure ends the statement,
     * as in SQLite; among failures found at one token the last message wins, as SQLite's later message
     * overwrites the earlier one.
     */
    final void deferError(String message) {
        if (pendingMessage == null || pendingAt == pos) {
            pendingMessage = message;
            pendingAt = pos;
        }
    }

    private ParseException pending() {
        return new ParseException(pendingMessage, tokenStart[pendingAt]);
    }

    /** Ends a statement: raises a check that failed at its last lookahead. */
    final void flushDeferred() {
        if (pendingMessage != null) {
            throw pending();
        }
    }

    /** Opens a construct that holds {@code weight} entries of SQLite's parser stack until {@link #leave(int)}. */
    final void enter(int weight) {
        nesting += weight;
        need(0);
    }

    final void leave(int weight) {
        nesting -= weight;
    }

    /** Fails as SQLite's parser does when {@code extra} more stack entries would not fit. */
    final void need(int extra) {
        if (nesting + extra > MAX_NESTING) {
            throw error("Recursion limit");
        }
    }

    // ---- names ----

    /** parse.y's {@code nm}: an identifier, a keyword that falls back to one, a join keyword or a string. */
    final Name nm() {
        if (!Tk.isNm(t())) {
            throw syntaxError();
        }
        return takeName();
    }

    /** parse.y's {@code ids}: an identifier or a string (no INDEXED, no join keyword). */
    final Name ids() {
        if (!Tk.isIds(t())) {
            throw syntaxError();
        }
        return takeName();
    }

    final Name takeName() {
        int i = pos;
        Name name = name(i);
        advance();
        return name;
    }

    final Name name(int i) {
        int s = tokenStart[i];
        int e = tokenEnd[i];
        char c = sql.charAt(s);
        return switch (c) {
            case '"' -> new Name(dequote(s, e, '"'), Quote.DOUBLE, s, e);
            case '\'' -> new Name(dequote(s, e, '\''), Quote.SINGLE, s, e);
            case '`' -> new Name(dequote(s, e, '`'), Quote.BACKTICK, s, e);
            case '[' -> new Name(sql.substring(s + 1, e - 1), Quote.BRACKET, s, e);
            default -> new Name(sql.substring(s, e), Quote.NONE, s, e);
        };
    }

    /** The text between quotes, with each doubled quote made single. */
    final String dequote(int s, int e, char q) {
        int from = s + 1;
        int to = e - 1;
        int doubled = sql.indexOf(q, from);
        if (doubled < 0 || doubled >= to) {
            return sql.substring(from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = sql.charAt(i);
            b.append(c);
            if (c == q) {
                i++;
            }
        }
        return b.toString();
    }

    /** {@code nm [DOT nm]}: parse.y's {@code fullname}, also {@code nm dbnm}. */
    final QualifiedName fullName() {
        Name first = nm();
        if (accept(Tk.DOT)) {
            Name second = nm();
            return new QualifiedName(first, second, first.start(), second.end());
        }
        return new QualifiedName(null, first, first.start(), first.end());
    }

    /** {@code ( nm, ... )}: parse.y's {@code idlist} inside parentheses. */
    final List<Name> parenIdList() {
        expect(Tk.LP);
        List<Name> names = new ArrayList<>();
        do {
            names.add(nm());
        } while (accept(Tk.COMMA));
        expect(Tk.RP);
        return names;
    }

    /** parse.y's {@code eidlist_opt}: a parenthesised {@link #eidList()}, or an empty list. */
    final List<Name> eidListOpt() {
        if (!at(Tk.LP)) {
            return List.of();
        }
        advance();
        List<Name> names = eidList();
        expect(Tk.RP);
        return names;
    }

    /**
     * parse.y's {@code eidlist}: names that may carry COLLATE and ASC/DESC, which SQLite refuses except when reading
     * an old schema ("syntax error after column name").
     */
    final List<Name> eidList() {
        List<Name> names = new ArrayList<>();
        do {
            Name n = nm();
            boolean collate = false;
            if (accept(Tk.COLLATE)) {
                ids();
                collate = true;
            }
            String message = "syntax error after column name \"" + n.text(sql) + "\"";
            if (at(Tk.ASC) || at(Tk.DESC)) {
                advance();
                collate = true;
            }
            if (collate && !legacySchema) {
                deferError(message);
            }
            names.add(n);
        } while (accept(Tk.COMMA));
        return names;
    }

    // ---- parameters ----

    /** A VARIABLE token as an expression, numbered like sqlite3ExprAssignVarNumber. */
    final Expr.Param parameter() {
        int i = pos;
        String tok = tokenText(i);
        advance();
        if (tok.length() >= 2 && tok.charAt(0) == '#' && Lexer.isDigit(tok.charAt(1))) {
            deferError("near \"" + tok + "\": syntax error");
            return new Expr.Param(tok, 0, tokenStart[i], tokenEnd[i]);
        }
        int index;
        if (tok.length() == 1) {
            index = ++nextParameter;
            if (index > MAX_VARIABLE_NUMBER) {
                deferError("too many SQL variables");
            }
            parameterNames.add(null);
        } else if (tok.charAt(0) == '?') {
            index = numberedParameter(tok);
        } else {
            index = namedParameter(tok);
        }
        return new Expr.Param(tok, index, tokenStart[i], tokenEnd[i]);
    }

    private int numberedParameter(String tok) {
        long n = 0;
        for (int k = 1; k < tok.length() && n <= MAX_VARIABLE_NUMBER; k++) {
            n = n * 10 + (tok.charAt(k) - '0');
        }
        if (n < 1 || n > MAX_VARIABLE_NUMBER) {
            deferError("variable number must be between ?1 and ?" + MAX_VARIABLE_NUMBER);
            return 0;
        }
        int index = (int) n;
        if (index > nextParameter) {
            nextParameter = index;
        }
        while (parameterNames.size() < index) {
            parameterNames.add(null);
        }
        if (parameterNames.get(index - 1) == null) {
            parameterNames.set(index - 1, tok);
        }
        return index;
    }

    private int namedParameter(String tok) {
        if (namedParameters == null) {
            namedParameters = new HashMap<>();
        }
        Integer known = namedParameters.get(tok);
        if (known != null) {
            return known;
        }
        int index = ++nextParameter;
        if (index > MAX_VARIABLE_NUMBER) {
            deferError("too many SQL variables");
        }
        namedParameters.put(tok, index);
        parameterNames.add(tok);
        return index;
    }

    final void resetParameters() {
        nextParameter = 0;
        namedParameters = null;
    }

    final int parameterCount() {
        return nextParameter;
    }

    /**
     * Fails a schema expression that used a parameter (more than {@code before} counted): it would be evaluated later by statements that bind
     * nothing for it (SQLite's resolver refuses them with NC_IsCheck, NC_IdxExpr, NC_PartIdx, NC_GenCol).
     */
    final void noParameters(String where, int before) {
        if (nextParameter > before) {
            deferError("parameters prohibited in " + where);
        }
    }
}
