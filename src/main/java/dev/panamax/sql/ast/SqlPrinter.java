package dev.panamax.sql.ast;

import dev.panamax.sql.ast.Select.ResultColumn;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints a syntax tree back to SQL that parses to the same tree (source offsets aside). Every operand of an
 * operator is parenthesised, so the text is unambiguous without a precedence table; names keep the quotes they
 * were written with. For views, triggers, the shell's {@code .schema} and debugging; stored schema text is never
 * regenerated from here (SQLite keeps the original text).
 */
public final class SqlPrinter {
    private final StringBuilder out = new StringBuilder();

    private SqlPrinter() {
    }

    public static String print(Stmt stmt) {
        SqlPrinter p = new SqlPrinter();
        p.stmt(stmt);
        return p.out.toString();
    }

    public static String print(Expr expr) {
        SqlPrinter p = new SqlPrinter();
        p.expr(expr);
        return p.out.toString();
    }

    SqlPrinter w(String s) {
        out.append(s);
        return this;
    }

    <T> void list(List<T> items, Consumer<T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(items.get(i));
        }
    }

    void name(Name n) {
        String t = n.text();
        switch (n.quote()) {
            case NONE -> out.append(t);
            case DOUBLE -> out.append('"').append(t.replace("\"", "\"\"")).append('"');
            case SINGLE -> out.append('\'').append(t.replace("'", "''")).append('\'');
            case BACKTICK -> out.append('`').append(t.replace("`", "``")).append('`');
            case BRACKET -> out.append('[').append(t).append(']');
        }
    }

    void qualified(QualifiedName q) {
        if (q.schema() != null) {
            name(q.schema());
            out.append('.');
        }
        name(q.name());
    }

    void names(List<Name> names) {
        out.append('(');
        list(names, this::name);
        out.append(')');
    }

    // ---- expressions ----

    private void operand(Expr e) {
        out.append('(');
        expr(e);
        out.append(')');
    }

    void expr(Expr e) {
        switch (e) {
            case Expr.NumberLit n -> w(n.text());
            case Expr.StringLit s -> string(s.value());
            case Expr.BlobLit b -> w("x'").w(b.hex()).w("'");
            case Expr.NullLit n -> w("NULL");
            case Expr.BoolLit b -> w(b.value() ? "TRUE" : "FALSE");
            case Expr.CurrentTime c -> w("CURRENT_" + c.kind().name());
            case Expr.Param p -> w(p.token());
            case Expr.ColumnRef c -> columnRef(c);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> {
                operand(b.left());
                w(" ").w(binaryOp(b.op())).w(" ");
                operand(b.right());
            }
            case Expr.NullTest n -> {
                operand(n.operand());
                w(n.notNull() ? " NOT NULL" : " ISNULL");
            }
            case Expr.Like l -> like(l);
            case Expr.Between b -> between(b);
            case Expr.InList in -> {
                operand(in.operand());
                w(in.not() ? " NOT IN (" : " IN (");
                list(in.values(), this::expr);
                w(")");
            }
            case Expr.InSelect in -> {
                operand(in.operand());
                w(in.not() ? " NOT IN (" : " IN (");
                select(in.select());
                w(")");
            }
            case Expr.InTable in -> inTable(in);
            case Expr.Exists x -> {
                w("EXISTS (");
                select(x.select());
                w(")");
            }
            case Expr.Subquery q -> {
                w("(");
                select(q.select());
                w(")");
            }
            case Expr.Case c -> caseExpr(c);
            case Expr.Cast c -> {
                w("CAST(");
                expr(c.operand());
                w(" AS ").w(c.type().text()).w(")");
            }
            case Expr.Collate c -> {
                operand(c.operand());
                w(" COLLATE ");
                name(c.collation());
            }
            case Expr.FunctionCall f -> function(f);
            case Expr.RowValue r -> {
                w("(");
                list(r.items(), this::expr);
                w(")");
            }
            case Expr.Raise r -> raise(r);
        }
    }

    private void between(Expr.Between b) {
        operand(b.operand());
        w(b.not() ? " NOT BETWEEN " : " BETWEEN ");
        operand(b.low());
        w(" AND ");
        operand(b.high());
    }

    private void raise(Expr.Raise r) {
        w("RAISE(").w(r.action().name());
        if (r.message() != null) {
            w(", ");
            expr(r.message());
        }
        w(")");
    }

    private void string(String s) {
        out.append('\'').append(s.replace("'", "''")).append('\'');
    }

    private void columnRef(Expr.ColumnRef c) {
        if (c.schema() != null) {
            name(c.schema());
            w(".");
        }
        if (c.table() != null) {
            name(c.table());
            w(".");
        }
        name(c.column());
    }

    private void unary(Expr.Unary u) {
        w(switch (u.op()) {
            case NEGATE -> "-";
            case PLUS -> "+";
            case BITNOT -> "~";
            case NOT -> "NOT ";
        });
        operand(u.operand());
    }

    private static String binaryOp(Expr.BinaryOp op) {
        return switch (op) {
            case OR -> "OR";
            case AND -> "AND";
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case IS -> "IS";
            case IS_NOT -> "IS NOT";
            case BITAND -> "&";
            case BITOR -> "|";
            case LSHIFT -> "<<";
            case RSHIFT -> ">>";
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case MOD -> "%";
            case CONCAT -> "||";
            case PTR -> "->";
            case PTR2 -> "->>";
        };
    }

    private void like(Expr.Like l) {
        operand(l.left());
        w(l.not() ? " NOT " : " ").w(l.op().name()).w(" ");
        operand(l.pattern());
        if (l.escape() != null) {
            w(" ESCAPE ");
            operand(l.escape());
        }
    }

    private void inTable(Expr.InTable in) {
        operand(in.operand());
        w(in.not() ? " NOT IN " : " IN ");
        qualified(in.table());
        if (in.args() != null) {
            w("(");
            list(in.args(), this::expr);
            w(")");
        }
    }

    private void caseExpr(Expr.Case c) {
        w("CASE");
        if (c.operand() != null) {
            w(" ");
            expr(c.operand());
        }
        for (Expr.WhenThen b : c.branches()) {
            w(" WHEN ");
            expr(b.when());
            w(" THEN ");
            expr(b.then());
        }
        if (c.otherwise() != null) {
            w(" ELSE ");
            expr(c.otherwise());
        }
        w(" END");
    }

    private void function(Expr.FunctionCall f) {
        name(f.name());
        w("(");
        if (f.star()) {
            w("*");
        } else {
            if (f.distinct()) {
                w("DISTINCT ");
            }
            list(f.args(), this::expr);
            if (!f.orderBy().isEmpty()) {
                w(" ORDER BY ");
                ordering(f.orderBy());
            }
        }
        w(")");
        if (f.filter() != null) {
            w(" FILTER (WHERE ");
            expr(f.filter());
            w(")");
        }
        if (f.over() != null) {
            w(" OVER ");
            if (f.over().windowName() != null) {
                name(f.over().windowName());
            } else {
                w("(");
                window(f.over().window());
                w(")");
            }
        }
    }

    void ordering(List<OrderingTerm> terms) {
        list(terms, t -> {
            expr(t.expr());
            if (t.order() != null) {
                w(" ").w(t.order().name());
            }
            if (t.nulls() != null) {
                w(" NULLS ").w(t.nulls().name());
            }
        });
    }

    private void window(WindowDef d) {
        String sep = "";
        if (d.baseName() != null) {
            name(d.baseName());
            sep = " ";
        }
        if (!d.partitionBy().isEmpty()) {
            w(sep).w("PARTITION BY ");
            list(d.partitionBy(), this::expr);
            sep = " ";
        }
        if (!d.orderBy().isEmpty()) {
            w(sep).w("ORDER BY ");
            ordering(d.orderBy());
            sep = " ";
        }
        if (d.frame() != null) {
            w(sep);
            frame(d.frame());
        }
    }

    private void frame(WindowDef.Frame f) {
        w(f.unit().name()).w(" ");
        if (f.endBound() != null) {
            w("BETWEEN ");
            bound(f.startBound());
            w(" AND ");
            bound(f.endBound());
        } else {
            bound(f.startBound());
        }
        if (f.exclude() != null) {
            w(" EXCLUDE ").w(switch (f.exclude()) {
                case NO_OTHERS -> "NO OTHERS";
                case CURRENT_ROW -> "CURRENT ROW";
                case GROUP -> "GROUP";
                case TIES -> "TIES";
            });
        }
    }

    private void bound(WindowDef.Bound b) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> w("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> w("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> w("CURRENT ROW");
            case PRECEDING -> {
                expr(b.offset());
                w(" PRECEDING");
            }
            case FOLLOWING -> {
                expr(b.offset());
                w(" FOLLOWING");
            }
        }
    }

    // ---- SELECT ----

    void select(Select s) {
        if (s.with() != null) {
            with(s.with());
        }
        core(s.first());
        for (Select.CompoundTerm c : s.compounds()) {
            w(switch (c.op()) {
                case UNION -> " UNION ";
                case UNION_ALL -> " UNION ALL ";
                case INTERSECT -> " INTERSECT ";
                case EXCEPT -> " EXCEPT ";
            });
            core(c.core());
        }
        orderLimit(s.orderBy(), s.limit());
    }

    void orderLimit(List<OrderingTerm> orderBy, Select.Limit limit) {
        if (!orderBy.isEmpty()) {
            w(" ORDER BY ");
            ordering(orderBy);
        }
        if (limit != null) {
            w(" LIMIT ");
            expr(limit.limit());
            if (limit.offset() != null) {
                w(" OFFSET ");
                expr(limit.offset());
            }
        }
    }

    void with(Select.With with) {
        w(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        list(with.ctes(), c -> {
            name(c.name());
            if (!c.columns().isEmpty()) {
                names(c.columns());
            }
            w(switch (c.materialized()) {
                case ANY -> " AS (";
                case YES -> " AS MATERIALIZED (";
                case NO -> " AS NOT MATERIALIZED (";
            });
            select(c.select());
            w(")");
        });
        w(" ");
    }

    private void core(Select.Core core) {
        switch (core) {
            case Select.Values v -> {
                w("VALUES ");
                list(v.rows(), row -> {
                    w("(");
                    list(row, this::expr);
                    w(")");
                });
            }
            case Select.Query q -> query(q);
        }
    }

    private void query(Select.Query q) {
        w(q.distinct() ? "SELECT DISTINCT " : "SELECT ");
        resultColumns(q.columns());
        if (q.from() != null) {
            w(" FROM ");
            from(q.from());
        }
        if (q.where() != null) {
            w(" WHERE ");
            expr(q.where());
        }
        if (!q.groupBy().isEmpty()) {
            w(" GROUP BY ");
            list(q.groupBy(), this::expr);
        }
        if (q.having() != null) {
            w(" HAVING ");
            expr(q.having());
        }
        if (!q.windows().isEmpty()) {
            w(" WINDOW ");
            list(q.windows(), n -> {
                name(n.name());
                w(" AS (");
                window(n.window());
                w(")");
            });
        }
    }

    void resultColumns(List<ResultColumn> columns) {
        list(columns, c -> {
            switch (c) {
                case Select.Star s -> w("*");
                case Select.TableStar t -> {
                    name(t.table());
                    w(".*");
                }
                case Select.ExprColumn e -> {
                    expr(e.expr());
                    if (e.alias() != null) {
                        w(" AS ");
                        name(e.alias());
                    }
                }
            }
        });
    }

    void from(Select.From f) {
        tableRef(f.first());
        for (Select.Join j : f.joins()) {
            if (j.kind() == Select.JoinKind.COMMA) {
                w(", ");
            } else {
                w(" ");
                if (j.natural()) {
                    w("NATURAL ");
                }
                w(switch (j.kind()) {
                    case INNER -> "INNER ";
                    case CROSS -> "CROSS ";
                    case LEFT -> "LEFT ";
                    case RIGHT -> "RIGHT ";
                    case FULL -> "FULL ";
                    default -> "";
                });
                w("JOIN ");
            }
            tableRef(j.table());
            if (j.on() != null) {
                w(" ON ");
                expr(j.on());
            } else if (j.using() != null) {
                w(" USING ");
                names(j.using());
            }
        }
    }

    private void tableRef(Select.TableRef ref) {
        switch (ref) {
            case Select.Table t -> {
                qualified(t.name());
                if (t.args() != null) {
                    w("(");
                    list(t.args(), this::expr);
                    w(")");
                }
            }
            case Select.SubqueryRef s -> {
                w("(");
                select(s.select());
                w(")");
            }
            case Select.Nested n -> {
                w("(");
                from(n.from());
                w(")");
            }
        }
        if (ref.alias() != null) {
            w(" AS ");
            name(ref.alias());
        }
        if (ref instanceof Select.Table t) {
            if (t.indexedBy() != null) {
                w(" INDEXED BY ");
                name(t.indexedBy());
            } else if (t.notIndexed()) {
                w(" NOT INDEXED");
            }
        }
    }

    // ---- statements ----

    void stmt(Stmt s) {
        switch (s) {
            case Select sel -> select(sel);
            case Stmt.Insert i -> StatementPrinter.insert(this, i);
            case Stmt.Update u -> StatementPrinter.update(this, u);
            case Stmt.Delete d -> StatementPrinter.delete(this, d);
            case Stmt.CreateTable c -> StatementPrinter.createTable(this, c);
            case Stmt.CreateIndex c -> StatementPrinter.createIndex(this, c);
            case Stmt.CreateView c -> StatementPrinter.createView(this, c);
            case Stmt.CreateTrigger c -> StatementPrinter.createTrigger(this, c);
            case Stmt.CreateVirtualTable c -> StatementPrinter.createVirtualTable(this, c);
            case Stmt.Drop d -> StatementPrinter.drop(this, d);
            case Stmt.AlterTable a -> StatementPrinter.alter(this, a);
            case Stmt.Begin b -> w(b.mode() == null ? "BEGIN" : "BEGIN " + b.mode().name());
            case Stmt.Commit c -> w("COMMIT");
            case Stmt.Rollback r -> {
                w("ROLLBACK");
                if (r.savepoint() != null) {
                    w(" TO SAVEPOINT ");
                    name(r.savepoint());
                }
            }
            case Stmt.Savepoint sp -> {
                w("SAVEPOINT ");
                name(sp.name());
            }
            case Stmt.Release r -> {
                w("RELEASE SAVEPOINT ");
                name(r.name());
            }
            case Stmt.Attach a -> StatementPrinter.attach(this, a);
            case Stmt.Detach d -> {
                w("DETACH DATABASE ");
                expr(d.schema());
            }
            case Stmt.Analyze a -> StatementPrinter.target(this, "ANALYZE", a.target());
            case Stmt.Reindex r -> StatementPrinter.target(this, "REINDEX", r.target());
            case Stmt.Vacuum v -> StatementPrinter.vacuum(this, v);
            case Stmt.Pragma p -> StatementPrinter.pragma(this, p);
            case Stmt.Explain e -> {
                w(e.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
                stmt(e.statement());
            }
        }
    }
}
