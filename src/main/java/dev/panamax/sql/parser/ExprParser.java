package dev.panamax.sql.parser;

import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Expr.BinaryOp;
import dev.panamax.sql.ast.Expr.LikeOp;
import dev.panamax.sql.ast.Expr.UnaryOp;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.TypeName;
import dev.panamax.sql.ast.WindowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions by precedence climbing over parse.y's precedence table (lowest first): OR; AND; prefix NOT; IS,
 * MATCH, LIKE/GLOB/REGEXP, BETWEEN, IN, ISNULL/NOTNULL/NOT NULL, =, ==, !=, &lt;&gt;; &lt; &lt;= &gt; &gt;=;
 * ESCAPE; &amp; | &lt;&lt; &gt;&gt;; + -; * / %; || -&gt; -&gt;&gt;; COLLATE; prefix ~ + -.
 *
 * <p>Two places follow the LALR automaton rather than the table: the low operand of BETWEEN runs until an AND at its
 * own level, and a prefix NOT takes the whole comparison after it. Expression height is tracked as SQLite's
 * {@code sqlite3ExprCheckHeight} does for operator nodes ("Expression tree is too large").
 */
abstract class ExprParser extends ParserBase {
    private static final int PREC_OR = 1;
    private static final int PREC_AND = 2;
    private static final int PREC_NOT = 3;
    private static final int PREC_EQ = 4;
    private static final int PREC_CMP = 5;
    private static final int PREC_BIT = 7;
    private static final int PREC_ADD = 8;
    private static final int PREC_MUL = 9;
    private static final int PREC_CONCAT = 10;
    private static final int PREC_COLLATE = 11;

    /** Height of the expression returned last (SQLite's Expr.nHeight). */
    int lastHeight;
    /** Largest expression height met in the SELECT being parsed (SQLite's heightOfSelect). */
    int selectHeight;

    ExprParser(String sql, Lexer lexer, boolean legacySchema) {
        super(sql, lexer, legacySchema);
    }

    /** A SELECT statement (with optional WITH), parsed by the SELECT grammar. */
    abstract Select select();

    /** {@code ( window )}: a window specification with its parentheses. */
    abstract WindowDef parenthesizedWindow();

    abstract List<OrderingTerm> sortList();

    /** parse.y's {@code expr}. */
    final Expr expr() {
        Expr e = binary(0, false);
        if (lastHeight > selectHeight) {
            selectHeight = lastHeight;
        }
        return e;
    }

    /** parse.y's {@code nexprlist}. */
    final List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        int h = 0;
        do {
            list.add(expr());
            h = Math.max(h, lastHeight);
        } while (accept(Tk.COMMA));
        lastHeight = h;
        return list;
    }

    private static int precedence(int tk) {
        return switch (tk) {
            case Tk.OR -> PREC_OR;
            case Tk.AND -> PREC_AND;
            case Tk.IS, Tk.MATCH, Tk.LIKE, Tk.GLOB, Tk.REGEXP, Tk.BETWEEN, Tk.IN, Tk.ISNULL, Tk.NOTNULL, Tk.NE,
                 Tk.EQ, Tk.NOT -> PREC_EQ;
            case Tk.GT, Tk.LE, Tk.LT, Tk.GE -> PREC_CMP;
            case Tk.BITAND, Tk.BITOR, Tk.LSHIFT, Tk.RSHIFT -> PREC_BIT;
            case Tk.PLUS, Tk.MINUS -> PREC_ADD;
            case Tk.STAR, Tk.SLASH, Tk.REM -> PREC_MUL;
            case Tk.CONCAT, Tk.PTR -> PREC_CONCAT;
            case Tk.COLLATE -> PREC_COLLATE;
            default -> -1;
        };
    }

    /** Operators of at least {@code minPrec}; with {@code stopAtAnd}, an AND at this level ends the operand. */
    private Expr binary(int minPrec, boolean stopAtAnd) {
        Expr left = unary();
        int h = lastHeight;
        while (true) {
            int tk = t();
            int prec = precedence(tk);
            if (prec < minPrec || prec < 0 || (stopAtAnd && tk == Tk.AND)) {
                break;
            }
            left = infix(left, tk, prec, h);
            h = lastHeight;
        }
        lastHeight = h;
        return left;
    }

    private Expr infix(Expr left, int tk, int prec, int leftHeight) {
        int s = left.start();
        switch (tk) {
            case Tk.COLLATE -> {
                advance();
                Name c = ids();
                lastHeight = leftHeight;
                return new Expr.Collate(left, c, s, c.end());
            }
            case Tk.ISNULL, Tk.NOTNULL -> {
                advance();
                return checked(new Expr.NullTest(left, tk == Tk.NOTNULL, s, prevEnd()), leftHeight + 1);
            }
            case Tk.IS -> {
                return isOperator(left, leftHeight);
            }
            case Tk.NOT -> {
                advance();
                return negatable(left, true, leftHeight);
            }
            case Tk.LIKE, Tk.GLOB, Tk.REGEXP, Tk.MATCH, Tk.BETWEEN, Tk.IN -> {
                return negatable(left, false, leftHeight);
            }
            default -> {
                advance();
                BinaryOp op = binaryOp(tk, left);
                enter(2);
                Expr right = binary(prec + 1, false);
                leave(2);
                return checked(new Expr.Binary(op, left, right, s, right.end()),
                        Math.max(leftHeight, lastHeight) + 1);
            }
        }
    }

    private BinaryOp binaryOp(int tk, Expr left) {
        return switch (tk) {
            case Tk.OR -> BinaryOp.OR;
            case Tk.AND -> BinaryOp.AND;
            case Tk.EQ -> BinaryOp.EQ;
            case Tk.NE -> BinaryOp.NE;
            case Tk.LT -> BinaryOp.LT;
            case Tk.LE -> BinaryOp.LE;
            case Tk.GT -> BinaryOp.GT;
            case Tk.GE -> BinaryOp.GE;
            case Tk.BITAND -> BinaryOp.BITAND;
            case Tk.BITOR -> BinaryOp.BITOR;
            case Tk.LSHIFT -> BinaryOp.LSHIFT;
            case Tk.RSHIFT -> BinaryOp.RSHIFT;
            case Tk.PLUS -> BinaryOp.ADD;
            case Tk.MINUS -> BinaryOp.SUB;
            case Tk.STAR -> BinaryOp.MUL;
            case Tk.SLASH -> BinaryOp.DIV;
            case Tk.REM -> BinaryOp.MOD;
            case Tk.CONCAT -> BinaryOp.CONCAT;
            case Tk.PTR -> tokenEnd[pos - 1] - tokenStart[pos - 1] == 3 ? BinaryOp.PTR2 : BinaryOp.PTR;
            default -> throw new AssertionError("not a binary operator: " + Tk.name(tk) + " after " + left);
        };
    }

    /** {@code IS [NOT] [DISTINCT FROM] expr}; a NULL right side makes it a null test, as parse.y does. */
    private Expr isOperator(Expr left, int leftHeight) {
        advance();
        boolean not = false;
        if (at(Tk.NOT)) {
            advance();
            not = true;
            if (accept(Tk.DISTINCT)) {
                expect(Tk.FROM);
                not = false;
            }
        } else if (accept(Tk.DISTINCT)) {
            expect(Tk.FROM);
            not = true;
        }
        Expr right = binary(PREC_EQ + 1, false);
        int h = Math.max(leftHeight, lastHeight) + 1;
        if (right instanceof Expr.NullLit) {
            return checked(new Expr.NullTest(left, not, left.start(), right.end()), h);
        }
        return checked(new Expr.Binary(not ? BinaryOp.IS_NOT : BinaryOp.IS, left, right, left.start(), right.end()),
                h);
    }

    /** The operators that may follow NOT: NULL, LIKE/GLOB/REGEXP/MATCH, BETWEEN, IN. */
    private Expr negatable(Expr left, boolean not, int leftHeight) {
        int s = left.start();
        int tk = t();
        if (tk != Tk.NULL || !not) {
            if (tk != Tk.BETWEEN && tk != Tk.IN && tk != Tk.LIKE && tk != Tk.GLOB && tk != Tk.REGEXP
                    && tk != Tk.MATCH) {
                throw syntaxError();
            }
        }
        advance();
        switch (tk) {
            case Tk.NULL -> {
                return checked(new Expr.NullTest(left, true, s, prevEnd()), leftHeight + 1);
            }
            case Tk.BETWEEN -> {
                Expr low = binary(0, true);
                int h = lastHeight;
                expect(Tk.AND);
                Expr high = binary(PREC_EQ + 1, false);
                h = Math.max(leftHeight, Math.max(h, lastHeight)) + 1;
                return checked(new Expr.Between(left, not, low, high, s, high.end()), h);
            }
            case Tk.IN -> {
                return in(left, not, leftHeight);
            }
            case Tk.LIKE, Tk.GLOB, Tk.REGEXP, Tk.MATCH -> {
                LikeOp op = switch (tk) {
                    case Tk.LIKE -> LikeOp.LIKE;
                    case Tk.GLOB -> LikeOp.GLOB;
                    case Tk.REGEXP -> LikeOp.REGEXP;
                    default -> LikeOp.MATCH;
                };
                Expr pattern = binary(PREC_EQ + 1, false);
                int h = Math.max(leftHeight, lastHeight);
                Expr escape = null;
                if (accept(Tk.ESCAPE)) {
                    escape = binary(PREC_EQ + 1, false);
                    h = Math.max(h, lastHeight);
                }
                int e = escape != null ? escape.end() : pattern.end();
                return checked(new Expr.Like(op, not, left, pattern, escape, s, e), h + 1);
            }
            default -> throw new AssertionError(Tk.name(tk));
        }
    }

    private Expr in(Expr left, boolean not, int leftHeight) {
        int s = left.start();
        if (at(Tk.LP)) {
            enter(3);
            advance();
            if (startsSelect()) {
                int saved = selectHeight;
                selectHeight = 0;
                Select sel = select();
                int h = selectHeight;
                selectHeight = saved;
                expect(Tk.RP);
                leave(3);
                return checked(new Expr.InSelect(left, not, sel, s, prevEnd()), Math.max(leftHeight, h) + 1);
            }
            List<Expr> values = at(Tk.RP) ? List.of() : exprList();
            int h = values.isEmpty() ? 0 : lastHeight;
            expect(Tk.RP);
            leave(3);
            return checked(new Expr.InList(left, not, values, s, prevEnd()), Math.max(leftHeight, h) + 1);
        }
        QualifiedName table = fullName();
        List<Expr> args = null;
        if (at(Tk.LP)) {
            advance();
            args = at(Tk.RP) ? List.of() : exprList();
            expect(Tk.RP);
        }
        return checked(new Expr.InTable(left, not, table, args, s, prevEnd()), leftHeight + 1);
    }

    final boolean startsSelect() {
        int tk = t();
        return tk == Tk.SELECT || tk == Tk.VALUES || tk == Tk.WITH;
    }

    private Expr checked(Expr e, int height) {
        if (height > MAX_EXPR_DEPTH) {
            deferError("Expression tree is too large (maximum depth " + MAX_EXPR_DEPTH + ")");
        }
        lastHeight = height;
        return e;
    }

    /** Prefix operators, then a primary expression. */
    private Expr unary() {
        int tk = t();
        int s = here();
        if (tk == Tk.NOT || tk == Tk.MINUS || tk == Tk.PLUS || tk == Tk.BITNOT) {
            enter(1);
            advance();
            Expr operand = tk == Tk.NOT ? binary(PREC_EQ, false) : unary();
            leave(1);
            UnaryOp op = switch (tk) {
                case Tk.NOT -> UnaryOp.NOT;
                case Tk.MINUS -> UnaryOp.NEGATE;
                case Tk.PLUS -> UnaryOp.PLUS;
                default -> UnaryOp.BITNOT;
            };
            return checked(new Expr.Unary(op, operand, s, operand.end()), lastHeight + 1);
        }
        return primary();
    }

    /** One literal token (number, blob, NULL, CURRENT_*), as parse.y's {@code term}. */
    final Expr literal() {
        return primary();
    }

    private Expr primary() {
        int tk = t();
        int s = here();
        switch (tk) {
            case Tk.INTEGER, Tk.FLOAT -> {
                advance();
                lastHeight = 1;
                return new Expr.NumberLit(sql.substring(s, prevEnd()), tk == Tk.INTEGER, s, prevEnd());
            }
            case Tk.QNUMBER -> {
                return qnumber();
            }
            case Tk.STRING -> {
                if (peek(1) == Tk.DOT) {
                    return columnRef();
                }
                int e = tokenEnd[pos];
                advance();
                lastHeight = 1;
                return new Expr.StringLit(dequote(s, e, '\''), s, e);
            }
            case Tk.BLOB -> {
                int e = tokenEnd[pos];
                advance();
                lastHeight = 1;
                return new Expr.BlobLit(sql.substring(s + 2, e - 1), s, e);
            }
            case Tk.NULL -> {
                advance();
                lastHeight = 1;
                return new Expr.NullLit(s, prevEnd());
            }
            case Tk.CURRENT_TIME, Tk.CURRENT_DATE, Tk.CURRENT_TIMESTAMP -> {
                advance();
                lastHeight = 1;
                Expr.TimeKind kind = tk == Tk.CURRENT_TIME ? Expr.TimeKind.TIME
                        : tk == Tk.CURRENT_DATE ? Expr.TimeKind.DATE : Expr.TimeKind.TIMESTAMP;
                return new Expr.CurrentTime(kind, s, prevEnd());
            }
            case Tk.VARIABLE -> {
                lastHeight = 1;
                return parameter();
            }
            case Tk.LP -> {
                return parenthesized();
            }
            case Tk.CAST -> {
                return cast();
            }
            case Tk.CASE -> {
                return caseExpr();
            }
            case Tk.EXISTS -> {
                advance();
                expect(Tk.LP);
                enter(2);
                Expr.Subquery sub = subqueryBody(s);
                leave(2);
                return checked(new Expr.Exists(sub.select(), s, sub.end()), lastHeight);
            }
            case Tk.RAISE -> {
                return raise();
            }
            default -> {
                if (Tk.isIdj(tk)) {
                    return peek(1) == Tk.LP ? functionCall() : columnRef();
                }
                throw syntaxError();
            }
        }
    }

    /** A number with digit separators: SQLite's sqlite3DequoteNumber, including its error text. */
    private Expr qnumber() {
        int s = here();
        int e = tokenEnd[pos];
        String raw = sql.substring(s, e);
        char[] out = raw.toCharArray();
        boolean hex = raw.length() > 1 && raw.charAt(0) == '0' && (raw.charAt(1) == 'x' || raw.charAt(1) == 'X');
        boolean integer = true;
        String bad = null;
        int w = 0;
        for (int r = 0; r < raw.length(); r++) {
            char c = raw.charAt(r);
            if (c != '_') {
                out[w++] = c;
                if (c == 'e' || c == 'E' || c == '.') {
                    integer = false;
                }
                continue;
            }
            char before = r > 0 ? raw.charAt(r - 1) : '\0';
            char after = r + 1 < raw.length() ? raw.charAt(r + 1) : '\0';
            boolean ok = hex ? Lexer.isHexDigit(before) && Lexer.isHexDigit(after)
                    : Lexer.isDigit(before) && Lexer.isDigit(after);
            if (!ok) {
                bad = "unrecognized token: \"" + new String(out, 0, w) + raw.substring(w) + "\"";
            }
        }
        advance();
        if (bad != null) {
            deferError(bad);
        }
        lastHeight = 1;
        return new Expr.NumberLit(new String(out, 0, w), hex || integer, s, e);
    }

    /** {@code ( expr )}, {@code ( select )} or a row value {@code ( expr, expr, ... )}. */
    private Expr parenthesized() {
        int s = here();
        enter(1);
        advance();
        if (startsSelect()) {
            Expr.Subquery sub = subqueryBody(s);
            leave(1);
            return checked(sub, lastHeight);
        }
        Expr first = expr();
        if (at(Tk.COMMA)) {
            List<Expr> items = new ArrayList<>();
            items.add(first);
            int h = lastHeight;
            enter(2);
            while (accept(Tk.COMMA)) {
                items.add(expr());
                h = Math.max(h, lastHeight);
            }
            leave(2);
            expect(Tk.RP);
            leave(1);
            lastHeight = h + 1;
            return new Expr.RowValue(items, s, prevEnd());
        }
        need(1);
        expect(Tk.RP);
        leave(1);
        return first;
    }

    /** The rest of {@code ( select )} after the '('; height is 1 + the SELECT's tallest expression. */
    final Expr.Subquery subqueryBody(int s) {
        int saved = selectHeight;
        selectHeight = 0;
        Select sel = select();
        int h = selectHeight + 1;
        selectHeight = saved;
        expect(Tk.RP);
        lastHeight = h;
        return new Expr.Subquery(sel, s, prevEnd());
    }

    private Expr cast() {
        int s = here();
        advance();
        expect(Tk.LP);
        enter(2);
        Expr operand = expr();
        int h = lastHeight;
        need(3);
        leave(2);
        expect(Tk.AS);
        TypeName type = typeToken();
        if (type == null) {
            type = new TypeName("", here(), here());
        }
        expect(Tk.RP);
        lastHeight = h + 1;
        return new Expr.Cast(operand, type, s, prevEnd());
    }

    /**
     * parse.y's {@code typetoken}: names (identifiers and strings), optionally followed by {@code (n)} or
     * {@code (n, m)} with signed numbers. Null when no name starts here.
     */
    final TypeName typeToken() {
        if (!Tk.isIds(t())) {
            return null;
        }
        int s = here();
        while (Tk.isIds(t())) {
            advance();
        }
        if (at(Tk.LP)) {
            advance();
            signedNumber();
            if (accept(Tk.COMMA)) {
                signedNumber();
            }
            expect(Tk.RP);
        }
        return new TypeName(sql.substring(s, prevEnd()), s, prevEnd());
    }

    /** parse.y's {@code signed}: [+|-] INTEGER|FLOAT. */
    final String signedNumber() {
        int s = here();
        if (at(Tk.PLUS) || at(Tk.MINUS)) {
            advance();
        }
        if (!at(Tk.INTEGER) && !at(Tk.FLOAT)) {
            throw syntaxError();
        }
        advance();
        return sql.substring(s, prevEnd());
    }

    private Expr caseExpr() {
        int s = here();
        enter(5);
        advance();
        Expr operand = null;
        int h = 0;
        if (!at(Tk.WHEN)) {
            operand = expr();
            h = lastHeight;
        }
        List<Expr.WhenThen> branches = new ArrayList<>();
        do {
            expect(Tk.WHEN);
            Expr when = expr();
            h = Math.max(h, lastHeight);
            expect(Tk.THEN);
            Expr then = expr();
            h = Math.max(h, lastHeight);
            branches.add(new Expr.WhenThen(when, then));
        } while (at(Tk.WHEN));
        Expr otherwise = null;
        if (accept(Tk.ELSE)) {
            otherwise = expr();
            h = Math.max(h, lastHeight);
        }
        expect(Tk.END);
        leave(5);
        return checked(new Expr.Case(operand, branches, otherwise, s, prevEnd()), h + 1);
    }

    private Expr raise() {
        int s = here();
        advance();
        expect(Tk.LP);
        ConflictAction action;
        Expr message = null;
        if (accept(Tk.IGNORE)) {
            action = ConflictAction.IGNORE;
        } else {
            action = switch (t()) {
                case Tk.ROLLBACK -> ConflictAction.ROLLBACK;
                case Tk.ABORT -> ConflictAction.ABORT;
                case Tk.FAIL -> ConflictAction.FAIL;
                default -> throw syntaxError();
            };
            advance();
            expect(Tk.COMMA);
            message = expr();
        }
        expect(Tk.RP);
        return checked(new Expr.Raise(action, message, s, prevEnd()), message == null ? 1 : lastHeight + 1);
    }

    /** {@code idj}, {@code nm.nm} or {@code nm.nm.nm}. */
    private Expr columnRef() {
        Name a = nm();
        lastHeight = 1;
        if (!at(Tk.DOT)) {
            return new Expr.ColumnRef(null, null, a, a.start(), a.end());
        }
        advance();
        Name b = nm();
        if (!at(Tk.DOT)) {
            return new Expr.ColumnRef(null, a, b, a.start(), b.end());
        }
        advance();
        Name c = nm();
        return new Expr.ColumnRef(a, b, c, a.start(), c.end());
    }

    private Expr functionCall() {
        Name name = takeName();
        int s = name.start();
        enter(3);
        advance();
        boolean distinct = false;
        boolean star = false;
        List<Expr> args = List.of();
        List<OrderingTerm> orderBy = List.of();
        int h = 0;
        if (at(Tk.STAR)) {
            advance();
            star = true;
        } else {
            if (at(Tk.DISTINCT) || at(Tk.ALL)) {
                distinct = at(Tk.DISTINCT);
                advance();
            }
            if (!at(Tk.RP) && !at(Tk.ORDER)) {
                args = exprList();
                h = lastHeight;
            }
            if (at(Tk.ORDER)) {
                advance();
                expect(Tk.BY);
                orderBy = sortList();
            }
        }
        expect(Tk.RP);
        leave(3);
        Expr filter = null;
        if (at(Tk.FILTER)) {
            advance();
            expect(Tk.LP);
            expect(Tk.WHERE);
            filter = expr();
            expect(Tk.RP);
        }
        Expr.Over over = at(Tk.OVER) ? over() : null;
        return checked(new Expr.FunctionCall(name, distinct, star, args, orderBy, filter, over, s, prevEnd()), h + 1);
    }

    private Expr.Over over() {
        int s = here();
        advance();
        if (at(Tk.LP)) {
            WindowDef def = parenthesizedWindow();
            return new Expr.Over(null, def, s, prevEnd());
        }
        Name n = nm();
        return new Expr.Over(n, null, s, n.end());
    }
}
