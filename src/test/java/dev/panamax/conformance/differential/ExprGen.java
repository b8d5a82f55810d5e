package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random expressions over a {@link Scope}: columns and literals combined by arithmetic, comparison, logic, CASE,
 * CAST, COLLATE, LIKE/GLOB, BETWEEN, IN lists, scalar functions, aggregates (where allowed) and subqueries
 * (scalar, IN, EXISTS, correlated). Every operator is parenthesized, so precedence never depends on the printer.
 */
final class ExprGen {
    private static final String[] ARITH = {"+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>"};
    private static final String[] CMP = {"=", "==", "<>", "!=", "<", "<=", ">", ">=", "IS", "IS NOT"};
    private static final String[] CASTS = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC", "INT", "VARCHAR(5)", "FLOAT"};
    private static final String[] LIKE_PATTERNS = {"'a%'", "'%b%'", "'_'", "'A_C'", "'%'", "'1%'", "'%.%'",
        "'%é%'", "'ab%'", "'%a'", "'_%'", "''"};
    private static final String[] GLOB_PATTERNS = {"'a*'", "'*b*'", "'?'", "'[a-c]*'", "'*'", "'1*'", "'[^a]*'",
        "'A?C'", "'*[0-9]'"};
    private static final String[] PRINTF = {"'%d'", "'%s'", "'%.2f'", "'%5s|'", "'%x'", "'%q'", "'%-4d|'", "'%e'",
        "'%g'", "'%c'"};

    private final RandomGenerator r;
    private final QueryGen queries;
    /** Set when the expression uses something whose value depends on row order among equal values (min/max). */
    boolean orderSensitive;

    ExprGen(RandomGenerator r, QueryGen queries) {
        this.r = r;
        this.queries = queries;
    }

    Node expr(Scope s, int depth) {
        if (depth <= 0 || r.nextInt(10) < 3) {
            return leaf(s);
        }
        int k = r.nextInt(s.aggregate() ? 110 : 100);
        if (k >= 100) {
            return aggregate(s, depth - 1);
        }
        if (k < 25) {
            return Node.expr("(", expr(s, depth - 1), " ", Literals.pick(r, ARITH), " ", expr(s, depth - 1), ")");
        }
        if (k < 32) {
            String op = Literals.pick(r, new String[] {"-", "+", "~", "NOT "});
            return Node.expr("(", op, expr(s, depth - 1), ")");
        }
        if (k < 50) {
            return cond(s, depth);
        }
        if (k < 72) {
            return function(s, depth - 1);
        }
        if (k < 80) {
            return caseExpr(s, depth - 1);
        }
        if (k < 86) {
            return Node.expr("CAST(", expr(s, depth - 1), " AS ", Literals.pick(r, CASTS), ")");
        }
        if (k < 90) {
            return Node.expr("(", expr(s, depth - 1), " COLLATE ", Literals.pick(r, new String[] {"NOCASE", "RTRIM",
                "BINARY"}), ")");
        }
        return queries.scalarSubquery(s, depth - 1);
    }

    Node leaf(Scope s) {
        int k = r.nextInt(100);
        if (s.aggregate()) {
            if (k < 45 && !s.groupTerms().isEmpty()) {
                return Literals.pick(r, s.groupTerms());
            }
            if (k < 85) {
                return aggregate(s, 1);
            }
            return Node.expr(Literals.any(r));
        }
        if (k < 70) {
            Model.Ref ref = column(s);
            if (ref != null) {
                return Node.expr(ref.sql());
            }
        }
        return Node.expr(Literals.any(r));
    }

    /** A column of this level, or sometimes of an enclosing level (a correlated reference). */
    Model.Ref column(Scope s) {
        Scope at = s;
        while (at.outer() != null && (at.refs().isEmpty() || r.nextInt(6) == 0)) {
            at = at.outer();
        }
        return at.refs().isEmpty() ? null : Literals.pick(r, at.refs());
    }

    Node cond(Scope s, int depth) {
        int d = depth - 1;
        int k = r.nextInt(100);
        if (k < 30 || d <= 0) {
            return Node.expr("(", expr(s, d), " ", Literals.pick(r, CMP), " ", expr(s, d), ")");
        }
        if (k < 40) {
            return Node.expr("(", cond(s, d), r.nextBoolean() ? " AND " : " OR ", cond(s, d), ")");
        }
        if (k < 46) {
            return Node.expr("(", expr(s, d), Literals.pick(r, new String[] {" IS NULL", " NOTNULL", " IS NOT NULL",
                " ISNULL"}), ")");
        }
        if (k < 54) {
            return Node.expr("(", expr(s, d), r.nextBoolean() ? " BETWEEN " : " NOT BETWEEN ", expr(s, d), " AND ",
                    expr(s, d), ")");
        }
        if (k < 64) {
            List<Object> items = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                items.add(r.nextInt(3) == 0 ? expr(s, d - 1) : Node.expr(Literals.any(r)));
            }
            return Node.expr("(", expr(s, d), r.nextBoolean() ? " IN (" : " NOT IN (", Node.join(", ", items), "))");
        }
        if (k < 72) {
            boolean like = r.nextBoolean();
            String pat = like ? Literals.pick(r, LIKE_PATTERNS) : Literals.pick(r, GLOB_PATTERNS);
            Object rhs = r.nextInt(4) == 0 ? expr(s, d) : pat;
            String op = (r.nextInt(4) == 0 ? " NOT " : " ") + (like ? "LIKE " : "GLOB ");
            return Node.expr("(", expr(s, d), op, rhs, ")");
        }
        if (k < 76) {
            return Node.expr("(NOT ", cond(s, d), ")");
        }
        if (k < 88) {
            return queries.inSubquery(s, d);
        }
        return queries.exists(s, d);
    }

    private Node caseExpr(Scope s, int d) {
        List<Object> parts = new ArrayList<>();
        boolean simple = r.nextBoolean();
        parts.add("CASE");
        if (simple) {
            parts.add(" ");
            parts.add(expr(s, d));
        }
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            parts.add(" WHEN ");
            parts.add(simple ? expr(s, d) : cond(s, d));
            parts.add(" THEN ");
            parts.add(expr(s, d));
        }
        if (r.nextBoolean()) {
            parts.add(" ELSE ");
            parts.add(expr(s, d));
        }
        parts.add(" END");
        return Node.expr(parts.toArray());
    }

    private Node function(Scope s, int d) {
        int k = r.nextInt(27);
        return switch (k) {
            case 0 -> call("abs", expr(s, d));
            case 1 -> call("length", expr(s, d));
            case 2 -> call(r.nextBoolean() ? "lower" : "upper", expr(s, d));
            case 3 -> r.nextBoolean() ? call("substr", expr(s, d), small(s, d))
                    : call("substr", expr(s, d), small(s, d), small(s, d));
            case 4 -> call(Literals.pick(r, new String[] {"trim", "ltrim", "rtrim"}), expr(s, d));
            case 5 -> call("replace", expr(s, d), expr(s, d), expr(s, d));
            case 6 -> call("instr", expr(s, d), expr(s, d));
            case 7 -> call("coalesce", expr(s, d), expr(s, d), expr(s, d));
            case 8 -> call("ifnull", expr(s, d), expr(s, d));
            case 9 -> call("nullif", expr(s, d), expr(s, d));
            case 10 -> call("typeof", expr(s, d));
            case 11 -> call("hex", expr(s, d));
            case 12 -> call("quote", expr(s, d));
            case 13 -> r.nextBoolean() ? call("round", expr(s, d)) : call("round", expr(s, d), small(s, d));
            case 14 -> call(r.nextBoolean() ? "min" : "max", expr(s, d), expr(s, d));
            case 15 -> call("iif", cond(s, d), expr(s, d), expr(s, d));
            case 16 -> call("unicode", expr(s, d));
            case 17 -> call("char", Node.expr(Literals.pick(r, new String[] {"65", "97", "233", "8364", "48"})));
            case 18 -> call("printf", Node.expr(Literals.pick(r, PRINTF)), expr(s, d));
            case 19 -> call("sign", expr(s, d));
            case 20 -> call("trim", expr(s, d), expr(s, d));
            case 21 -> call("concat", expr(s, d), expr(s, d));
            case 22 -> call("concat_ws", Node.expr(Literals.pick(r, new String[] {"','", "'-'", "NULL"})),
                    expr(s, d), expr(s, d));
            case 23 -> call("octet_length", expr(s, d));
            case 24 -> call(r.nextBoolean() ? "likely" : "unlikely", expr(s, d));
            case 25 -> call("zeroblob", Node.expr(Literals.pick(r, new String[] {"0", "1", "3"})));
            default -> call("ifnull", call("nullif", expr(s, d), expr(s, d)), expr(s, d));
        };
    }

    private Node small(Scope s, int d) {
        return r.nextInt(3) == 0 ? expr(s, d) : Node.expr(Literals.pick(r, new String[] {"0", "1", "2", "-1", "3",
            "-2", "10"}));
    }

    static Node call(String name, Node... args) {
        List<Object> parts = new ArrayList<>();
        parts.add(name + "(");
        for (int k = 0; k < args.length; k++) {
            if (k > 0) {
                parts.add(", ");
            }
            parts.add(args[k]);
        }
        parts.add(")");
        return Node.expr(parts.toArray());
    }

    /**
     * An aggregate call over the row scope of {@code s}, sometimes DISTINCT, sometimes with a FILTER. Its arguments
     * read only this level's columns: an aggregate of outer columns only belongs to the outer query, which would
     * then show bare columns, whose row SQLite leaves to the plan.
     */
    Node aggregate(Scope s, int depth) {
        Scope rows = Scope.rows(s.refs(), null);
        int d = Math.max(0, Math.min(depth, 2));
        int k = r.nextInt(9);
        Node call = switch (k) {
            case 0 -> Node.expr("count(*)");
            case 1 -> Node.expr("count(", distinct(), expr(rows, d), ")");
            case 2 -> Node.expr("sum(", distinct(), expr(rows, d), ")");
            case 3 -> Node.expr("total(", distinct(), expr(rows, d), ")");
            case 4 -> Node.expr("avg(", distinct(), expr(rows, d), ")");
            case 5, 6 -> {
                orderSensitive = true;
                yield Node.expr(k == 5 ? "min(" : "max(", expr(rows, d), ")");
            }
            case 7 -> Node.expr("count(", expr(rows, d), ")");
            default -> Node.expr("sum(", expr(rows, d), ")");
        };
        if (r.nextInt(6) == 0) {
            return Node.expr(call, " FILTER (WHERE ", cond(rows, 1), ")");
        }
        return call;
    }

    private String distinct() {
        return r.nextInt(5) == 0 ? "DISTINCT " : "";
    }
}
