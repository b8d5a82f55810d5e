package dev.panamax.sql.resolve;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.Select;
import dev.panamax.value.Mem;
import dev.panamax.value.NumericText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves one expression against a {@link Scope} (SQLite's resolve.c: resolveExprStep and lookupName): column
 * names to FROM items, up through enclosing queries for correlated references, then to result-column aliases, then
 * a double-quoted name to a string; functions to their definitions with SQLite's arity and misuse errors; literals
 * to values.
 */
final class ExprResolver {
    private final Resolver resolver;

    ExprResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The affinity a CAST converts to: a type name's (sqlite3AffinityType), where no name at all is NUMERIC; only a
     * column declared without a type has BLOB affinity.
     */
    private static char castAffinity(String type) {
        return type == null || type.isEmpty() ? Affinity.NUMERIC : Affinity.ofDeclaredType(type);
    }

    Bound resolve(Expr e, Scope scope) {
        return switch (e) {
            case Expr.NumberLit n -> number(n.text(), false);
            case Expr.StringLit s -> new Bound.Literal(s.value());
            case Expr.BlobLit b -> blob(b.hex());
            case Expr.NullLit n -> Bound.Literal.NULL;
            case Expr.BoolLit b -> new Bound.Literal(b.value() ? 1L : 0L);
            case Expr.CurrentTime t -> function(timeFunctionName(t.kind()), List.of(), scope);
            case Expr.Param p -> {
                if (resolver.prohibitedIn != null) {
                    throw error("parameters prohibited in " + resolver.prohibitedIn);
                }
                yield new Bound.Param(p.index());
            }
            case Expr.ColumnRef c -> column(c, scope);
            case Expr.Unary u -> unary(u, scope);
            case Expr.Binary b -> binary(b, scope);
            case Expr.NullTest n -> new Bound.IsNull(scalar(n.operand(), scope), n.notNull());
            case Expr.Like l -> like(l, scope);
            case Expr.Between b -> new Bound.Between(scalar(b.operand(), scope), scalar(b.low(), scope),
                    scalar(b.high(), scope), b.not());
            case Expr.InList i -> inList(i, scope);
            case Expr.InSelect i -> inSelect(resolve(i.operand(), scope), i.select(), i.not(), scope);
            case Expr.InTable i -> inTable(i, scope);
            case Expr.Exists x -> {
                noSubqueries();
                yield new Bound.Exists(resolver.subquery(x.select(), scope));
            }
            case Expr.Subquery s -> scalarSubquery(s, scope);
            case Expr.Case c -> caseExpr(c, scope);
            case Expr.Cast c -> new Bound.Cast(scalar(c.operand(), scope), castAffinity(c.type().text()),
                    c.type().text());
            case Expr.Collate c -> new Bound.Collate(resolve(c.operand(), scope), collation(c.collation()));
            case Expr.FunctionCall f -> call(f, scope);
            case Expr.RowValue r -> vector(r, scope);
            case Expr.Raise r -> raise(r, scope);
        };
    }

    /** Resolves an expression that must be a single value, not a row value. */
    Bound scalar(Expr e, Scope scope) {
        Bound b = resolve(e, scope);
        if (b instanceof Bound.Vector) {
            throw error("row value misused");
        }
        return b;
    }

    static String timeFunctionName(Expr.TimeKind kind) {
        return switch (kind) {
            case TIME -> "current_time";
            case DATE -> "current_date";
            case TIMESTAMP -> "current_timestamp";
        };
    }

    /** An integer literal becomes INTEGER, or REAL when too large; hex must fit in 64 bits. */
    static Bound.Literal number(String text, boolean negate) {
        byte[] z = text.getBytes(StandardCharsets.US_ASCII);
        Mem m = new Mem();
        if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            int rc = NumericText.decOrHexToI64(z, 0, z.length, m);
            if (rc != 0 || negate && m.longValue() == Long.MIN_VALUE) {
                throw error("hex literal too big: " + (negate ? "-" : "") + text);
            }
            return new Bound.Literal(negate ? -m.longValue() : m.longValue());
        }
        boolean isInteger = true;
        for (int k = 0; k < text.length() && isInteger; k++) {
            char c = text.charAt(k);
            isInteger = c >= '0' && c <= '9';
        }
        if (isInteger) {
            int rc = NumericText.atoi64(z, 0, z.length, m);
            if (rc == NumericText.ATOI_OK) {
                return new Bound.Literal(negate ? -m.longValue() : m.longValue());
            }
            if (rc == NumericText.ATOI_2POW63 && negate) {
                return new Bound.Literal(Long.MIN_VALUE);
            }
        }
        NumericText.atof(z, 0, z.length, m);
        double d = m.doubleValue();
        return new Bound.Literal(negate ? -d : d);
    }

    private static Bound blob(String hex) {
        try {
            return new Bound.Literal(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw error("unrecognized token: \"x'" + hex + "'\"");
        }
    }

    private Bound unary(Expr.Unary u, Scope scope) {
        if (u.op() == Expr.UnaryOp.NEGATE && u.operand() instanceof Expr.NumberLit n) {
            return number(n.text(), true);
        }
        Bound operand = scalar(u.operand(), scope);
        Bound.UnaryOp op = switch (u.op()) {
            case NEGATE -> Bound.UnaryOp.NEGATE;
            case PLUS -> Bound.UnaryOp.PLUS;
            case BITNOT -> Bound.UnaryOp.BITNOT;
            case NOT -> Bound.UnaryOp.NOT;
        };
        return new Bound.Unary(op, operand);
    }

    private Bound binary(Expr.Binary b, Scope scope) {
        if (b.op() == Expr.BinaryOp.PTR || b.op() == Expr.BinaryOp.PTR2) {
            String name = b.op() == Expr.BinaryOp.PTR ? "->" : "->>";
            return function(name, List.of(scalar(b.left(), scope), scalar(b.right(), scope)), scope);
        }
        Bound.BinaryOp op = Bound.BinaryOp.valueOf(b.op().name());
        Bound left = resolve(b.left(), scope);
        Bound right = resolve(b.right(), scope);
        int lw = width(left);
        int rw = width(right);
        if (lw != rw || (lw > 1 && !op.isComparison())) {
            throw error(lw != rw && op.isComparison() ? "row value misused" : "row value misused");
        }
        return new Bound.Binary(op, left, right);
    }

    /** The number of values of an expression: the size of a row value, the columns of a subquery, else 1. */
    static int width(Bound b) {
        if (b instanceof Bound.Vector v) {
            return v.items().size();
        }
        if (b instanceof Bound.Subquery s) {
            return s.query().columnCount();
        }
        return 1;
    }

    private Bound like(Expr.Like l, Scope scope) {
        List<Bound> args = new ArrayList<>();
        args.add(scalar(l.pattern(), scope));
        args.add(scalar(l.left(), scope));
        if (l.escape() != null) {
            args.add(scalar(l.escape(), scope));
        }
        Bound call = function(l.op().name().toLowerCase(java.util.Locale.ROOT), args, scope);
        return l.not() ? new Bound.Unary(Bound.UnaryOp.NOT, call) : call;
    }

    private Bound inList(Expr.InList i, Scope scope) {
        if (i.values().isEmpty()) {
            // SQLite's parser replaces "x IN ()" by false ("NOT IN ()" by true) and drops x unresolved.
            return new Bound.Literal(i.not() ? 1L : 0L);
        }
        Bound operand = resolve(i.operand(), scope);
        int w = width(operand);
        List<Bound> values = new ArrayList<>();
        for (Expr v : i.values()) {
            Bound b = resolve(v, scope);
            if (width(b) != w) {
                throw error(w == 1 ? "row value misused" : "row value misused");
            }
            values.add(b);
        }
        if (w > 1) {
            return expandVectorIn(operand, values, i.not());
        }
        return new Bound.InList(operand, values, i.not());
    }

    /** {@code (a,b) IN ((1,2),(3,4))} is {@code (a,b)=(1,2) OR (a,b)=(3,4)}, as SQLite rewrites it. */
    private static Bound expandVectorIn(Bound operand, List<Bound> values, boolean not) {
        Bound any = null;
        for (Bound v : values) {
            Bound eq = new Bound.Binary(Bound.BinaryOp.EQ, operand, v);
            any = any == null ? eq : new Bound.Binary(Bound.BinaryOp.OR, any, eq);
        }
        if (any == null) {
            return new Bound.Literal(not ? 1L : 0L);
        }
        return not ? new Bound.Unary(Bound.UnaryOp.NOT, any) : any;
    }

    private void noSubqueries() {
        if (resolver.prohibitedIn != null) {
            throw error("subqueries prohibited in " + resolver.prohibitedIn);
        }
    }

    Bound inSelect(Bound operand, Select select, boolean not, Scope scope) {
        noSubqueries();
        Query q = resolver.subquery(select, scope);
        int w = width(operand);
        if (q.columnCount() != w) {
            if (w == 1) {
                throw error("sub-select returns " + q.columnCount() + " columns - expected " + w);
            }
            throw error("sub-select returns " + q.columnCount() + " columns - expected " + w);
        }
        return new Bound.InSelect(operand, q, not);
    }

    private Bound inTable(Expr.InTable i, Scope scope) {
        if (i.args() != null) {
            throw error("no such table: " + i.table().name().text());
        }
        Select.Table ref = new Select.Table(i.table(), null, null, false, null, i.start(), i.end());
        Select.Query core = new Select.Query(false, List.of(new Select.Star(i.start(), i.end())),
                new Select.From(ref, List.of(), i.start(), i.end()), null, List.of(), null, List.of(), i.start(),
                i.end());
        Select select = new Select(null, core, List.of(), List.of(), null, i.start(), i.end());
        return inSelect(resolve(i.operand(), scope), select, i.not(), scope);
    }

    private Bound scalarSubquery(Expr.Subquery s, Scope scope) {
        noSubqueries();
        return new Bound.Subquery(resolver.subquery(s.select(), scope));
    }

    private Bound caseExpr(Expr.Case c, Scope scope) {
        Bound operand = c.operand() == null ? null : scalar(c.operand(), scope);
        List<Bound> whens = new ArrayList<>();
        List<Bound> thens = new ArrayList<>();
        for (Expr.WhenThen wt : c.branches()) {
            whens.add(scalar(wt.when(), scope));
            thens.add(scalar(wt.then(), scope));
        }
        Bound otherwise = c.otherwise() == null ? null : scalar(c.otherwise(), scope);
        return new Bound.Case(operand, whens, thens, otherwise);
    }

    String collation(Name name) {
        String builtin = dev.panamax.schema.TableFactory.builtinCollation(name.text());
        if (builtin != null) {
            return builtin;
        }
        if (!resolver.functions.collationExists(name.text())) {
            throw error("no such collation sequence: " + name.text());
        }
        return name.text();
    }

    private Bound vector(Expr.RowValue r, Scope scope) {
        List<Bound> items = new ArrayList<>();
        for (Expr e : r.items()) {
            Bound b = resolve(e, scope);
            if (b instanceof Bound.Vector) {
                throw error("row value misused");
            }
            items.add(b);
        }
        return new Bound.Vector(items);
    }

    private Bound raise(Expr.Raise r, Scope scope) {
        if (!resolver.inTrigger) {
            throw error("RAISE() may only be used within a trigger-program");
        }
        Bound message = r.message() == null ? null : scalar(r.message(), scope);
        String action = r.action() == null ? "IGNORE" : r.action().name();
        return new Bound.Raise(action, message);
    }

    // ---- functions ----

    private Bound function(String name, List<Bound> args, Scope scope) {
        FunctionRef f = resolver.functions.find(name, args.size());
        if (f == null) {
            throw missingFunction(name);
        }
        return new Bound.Function(f, args);
    }

    private DbException missingFunction(String name) {
        if (resolver.functions.exists(name)) {
            return error("wrong number of arguments to function " + name + "()");
        }
        return error("no such function: " + name);
    }

    private Bound call(Expr.FunctionCall f, Scope scope) {
        String name = f.name().text();
        if (f.over() != null) {
            throw error("window functions are not supported yet: " + name + "()");
        }
        int argc = f.star() ? 0 : f.args().size();
        if (argc > 1000) {
            throw error("too many arguments on function " + name);
        }
        FunctionRef ref = resolver.functions.find(name, argc);
        if (ref == null) {
            throw missingFunction(name);
        }
        if (f.star() && !ref.aggregate()) {
            throw error("wrong number of arguments to function " + name + "()");
        }
        if (!ref.aggregate()) {
            if (f.filter() != null) {
                throw error("FILTER may not be used with non-aggregate " + name + "()");
            }
            if (f.distinct()) {
                throw error("DISTINCT aggregates must have exactly one argument");
            }
            if (!f.orderBy().isEmpty()) {
                throw error("ORDER BY may not be used with non-aggregate " + name + "()");
            }
            List<Bound> args = new ArrayList<>();
            for (Expr a : f.args()) {
                args.add(scalar(a, scope));
            }
            return new Bound.Function(ref, args);
        }
        return aggregate(f, ref, scope);
    }

    private Bound aggregate(Expr.FunctionCall f, FunctionRef ref, Scope scope) {
        if (!scope.allowAggregates) {
            if (scope.clause != null) {
                throw error("aggregate functions are not allowed in the " + scope.clause + " clause");
            }
            throw error(scope.sawAggregate ? "misuse of aggregate: " + ref.name() + "()"
                    : "misuse of aggregate function " + ref.name() + "()");
        }
        if (f.distinct() && f.args().size() != 1) {
            throw error("DISTINCT aggregates must have exactly one argument");
        }
        boolean saved = scope.allowAggregates;
        scope.allowAggregates = false;
        try {
            List<Bound> args = new ArrayList<>();
            for (Expr a : f.args()) {
                args.add(scalar(a, scope));
            }
            Bound filter = f.filter() == null ? null : scalar(f.filter(), scope);
            List<Bound.OrderTerm> order = new ArrayList<>();
            for (OrderingTerm t : f.orderBy()) {
                order.add(new Bound.OrderTerm(scalar(t.expr(), scope), t.order() == OrderingTerm.SortOrder.DESC,
                        t.nulls() == null ? null : t.nulls() == OrderingTerm.Nulls.FIRST, -1));
            }
            Scope owner = owner(scope, args, filter, order);
            Bound.Aggregate agg = new Bound.Aggregate(ref, args, f.distinct(), filter, order,
                    owner.aggregates.size());
            if (owner == scope || owner.allowAggregates) {
                owner.aggregates.add(agg);
                owner.sawAggregate = true;
            }
            return agg;
        } finally {
            scope.allowAggregates = saved;
        }
    }

    /**
     * The query an aggregate belongs to (resolve.c's walk over sqlite3ReferencesSrcList): the innermost one, from
     * {@code scope} outwards, whose FROM supplies a column the call reads; the call stays in {@code scope} when it
     * reads no column at all. An aggregate moved to an enclosing query that takes no aggregates where the subquery
     * stands is left in no list, so code generation reports "misuse of aggregate" as SQLite does.
     */
    private static Scope owner(Scope scope, List<Bound> args, Bound filter, List<Bound.OrderTerm> order) {
        List<Source> read = new ArrayList<>();
        Consumer<Bound> collect = x -> {
            if (x instanceof Bound.ColumnRef c) {
                read.add(c.source());
            }
        };
        for (Bound a : args) {
            Walker.forEachDeep(a, collect);
        }
        Walker.forEachDeep(filter, collect);
        for (Bound.OrderTerm t : order) {
            Walker.forEachDeep(t.expr(), collect);
        }
        for (Scope s = scope; s != null; s = s.outer) {
            boolean own = false;
            boolean elsewhere = false;
            for (Source src : read) {
                if (s.owns(src)) {
                    own = true;
                } else {
                    for (Scope o = scope; o != null; o = o.outer) {
                        elsewhere |= o != s && o.owns(src);
                    }
                }
            }
            if (own || !elsewhere) {
                return s;
            }
        }
        return scope;
    }

    // ---- names ----

    private Bound column(Expr.ColumnRef c, Scope scope) {
        String table = c.table() == null ? null : c.table().text();
        String col = c.column().text();
        Scope s = scope;
        while (s != null) {
            Bound found = lookupIn(s, table, col);
            if (found == null && table == null) {
                found = lookupAlias(s, col);
            }
            if (found != null) {
                if (s != scope) {
                    markOuter(scope, s);
                }
                return found;
            }
            s = s.outer;
        }
        if (table == null) {
            if (c.column().quote() == Name.Quote.DOUBLE) {
                return new Bound.Literal(col);
            }
            if (col.equalsIgnoreCase("true")) {
                return new Bound.Literal(1L);
            }
            if (col.equalsIgnoreCase("false")) {
                return new Bound.Literal(0L);
            }
        }
        throw error("no such column: " + (table == null ? col : table + "." + col));
    }

    /** Marks every scope from {@code inner} up to (not including) {@code owner} as referring outside itself. */
    private static void markOuter(Scope inner, Scope owner) {
        for (Scope s = inner; s != null && s != owner; s = s.outer) {
            s.refersOuter = true;
        }
    }

    private Bound lookupIn(Scope s, String table, String col) {
        Bound match = null;
        Source matchSource = null;
        boolean tableSeen = false;
        for (Source src : s.sources) {
            if (table != null && !src.name.equalsIgnoreCase(table)) {
                continue;
            }
            tableSeen = true;
            int k = src.columnIndex(col);
            if (k < 0) {
                continue;
            }
            if (match != null) {
                if (table == null && src.hidden.contains(k)) {
                    match = usingColumn(match, matchSource, src, k);
                    continue;
                }
                throw error("ambiguous column name: " + (table == null ? col : table + "." + col));
            }
            match = columnRef(src, k);
            matchSource = src;
        }
        if (match == null && tableSeen) {
            match = rowid(s, table, col);
        }
        return match;
    }

    /** An unqualified USING column: the left one, the right one for RIGHT JOIN, coalesce() for FULL JOIN. */
    private Bound usingColumn(Bound left, Source leftSource, Source right, int k) {
        return switch (right.join) {
            case RIGHT -> columnRef(right, k);
            case FULL -> new Bound.Function(resolver.functions.find("coalesce", 2), List.of(left, columnRef(right, k)));
            default -> left;
        };
    }

    private static Bound columnRef(Source src, int k) {
        if (src.table != null && src.table.rowidAlias() == k && src.subquery == null) {
            return new Bound.ColumnRef(src, -1);
        }
        return new Bound.ColumnRef(src, k);
    }

    private static Bound rowid(Scope s, String table, String col) {
        if (!isRowidName(col)) {
            return null;
        }
        Source found = null;
        for (Source src : s.sources) {
            if (table != null && !src.name.equalsIgnoreCase(table)) {
                continue;
            }
            boolean hasRowid = src.function != null || src.table != null && src.table.hasRowid() && src.subquery == null;
            if (!hasRowid) {
                continue;
            }
            if (found != null) {
                throw error("ambiguous column name: " + col);
            }
            found = src;
        }
        return found == null ? null : new Bound.ColumnRef(found, -1);
    }

    static boolean isRowidName(String col) {
        return col.equalsIgnoreCase("rowid") || col.equalsIgnoreCase("oid") || col.equalsIgnoreCase("_rowid_");
    }

    private Bound lookupAlias(Scope s, String col) {
        for (Scope.Alias a : s.aliases) {
            if (a.name().equalsIgnoreCase(col)) {
                if (!s.allowAggregates && containsAggregate(a.expr())) {
                    throw error("misuse of aliased aggregate " + col);
                }
                return a.expr();
            }
        }
        return null;
    }

    static boolean containsAggregate(Bound b) {
        return Walker.any(b, x -> x instanceof Bound.Aggregate);
    }

    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }
}
