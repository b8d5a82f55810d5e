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

    private SqlPrinter w(String s) {
        out.append(s);
        return this;
    }

    private <T> void list(List<T> items, Consumer<T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(items.get(i));
        }
    }

    private void name(Name n) {
        String t = n.text();
        switch (n.quote()) {
            case NONE -> out.append(t);
            case DOUBLE -> out.append('"').append(t.replace("\"", "\"\"")).append('"');
            case SINGLE -> out.append('\'').append(t.replace("'", "''")).append('\'');
            case BACKTICK -> out.append('`').append(t.replace("`", "``")).append('`');
            case BRACKET -> out.append('[').append(t).append(']');
        }
    }

    private void qualified(QualifiedName q) {
        if (q.schema() != null) {
            name(q.schema());
            out.append('.');
        }
        name(q.name());
    }

    private void names(List<Name> names) {
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

    private void expr(Expr e) {
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
            case Expr.Between b -> {
                operand(b.operand());
                w(b.not() ? " NOT BETWEEN " : " BETWEEN ");
                operand(b.low());
                w(" AND ");
                operand(b.high());
            }
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
            case Expr.Raise r -> {
                w("RAISE(").w(r.action().name());
                if (r.message() != null) {
                    w(", ");
                    expr(r.message());
                }
                w(")");
            }
        }
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

    private void ordering(List<OrderingTerm> terms) {
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

    private void select(Select s) {
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

    private void orderLimit(List<OrderingTerm> orderBy, Select.Limit limit) {
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

    private void with(Select.With with) {
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

    private void resultColumns(List<ResultColumn> columns) {
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

    private void from(Select.From f) {
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

    private void stmt(Stmt s) {
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

    /** Statement-level printing, split out to keep this class to the expression and SELECT layer. */
    private static final class StatementPrinter {
        private StatementPrinter() {
        }

        static void insert(SqlPrinter p, Stmt.Insert i) {
            if (i.with() != null) {
                p.with(i.with());
            }
            if (i.replaceKeyword()) {
                p.w("REPLACE INTO ");
            } else {
                p.w(i.orAction() == null ? "INSERT INTO " : "INSERT OR " + i.orAction().name() + " INTO ");
            }
            p.qualified(i.table());
            if (i.alias() != null) {
                p.w(" AS ");
                p.name(i.alias());
            }
            if (!i.columns().isEmpty()) {
                p.w(" ");
                p.names(i.columns());
            }
            if (i.select() == null) {
                p.w(" DEFAULT VALUES");
            } else {
                p.w(" ");
                p.select(i.select());
                if (!i.upserts().isEmpty() && i.select().compounds().isEmpty()
                        && i.select().first() instanceof Select.Query q && q.from() != null
                        && q.where() == null && q.groupBy().isEmpty() && q.windows().isEmpty()
                        && i.select().orderBy().isEmpty() && i.select().limit() == null) {
                    p.w(" WHERE true");
                }
            }
            for (Stmt.Upsert u : i.upserts()) {
                upsert(p, u);
            }
            returning(p, i.returning());
        }

        private static void upsert(SqlPrinter p, Stmt.Upsert u) {
            p.w(" ON CONFLICT");
            if (!u.target().isEmpty()) {
                p.w(" (");
                p.ordering(u.target());
                p.w(")");
                if (u.targetWhere() != null) {
                    p.w(" WHERE ");
                    p.expr(u.targetWhere());
                }
            }
            if (u.doNothing()) {
                p.w(" DO NOTHING");
                return;
            }
            p.w(" DO UPDATE SET ");
            setList(p, u.set());
            if (u.where() != null) {
                p.w(" WHERE ");
                p.expr(u.where());
            }
        }

        private static void setList(SqlPrinter p, List<Stmt.SetClause> set) {
            p.list(set, c -> {
                if (c.rowValue()) {
                    p.names(c.columns());
                } else {
                    p.name(c.columns().getFirst());
                }
                p.w(" = ");
                p.expr(c.value());
            });
        }

        private static void returning(SqlPrinter p, List<ResultColumn> returning) {
            if (!returning.isEmpty()) {
                p.w(" RETURNING ");
                p.resultColumns(returning);
            }
        }

        private static void target(SqlPrinter p, Name alias, Name indexedBy, boolean notIndexed) {
            if (alias != null) {
                p.w(" AS ");
                p.name(alias);
            }
            if (indexedBy != null) {
                p.w(" INDEXED BY ");
                p.name(indexedBy);
            } else if (notIndexed) {
                p.w(" NOT INDEXED");
            }
        }

        static void update(SqlPrinter p, Stmt.Update u) {
            if (u.with() != null) {
                p.with(u.with());
            }
            p.w(u.orAction() == null ? "UPDATE " : "UPDATE OR " + u.orAction().name() + " ");
            p.qualified(u.table());
            target(p, u.alias(), u.indexedBy(), u.notIndexed());
            p.w(" SET ");
            setList(p, u.set());
            if (u.from() != null) {
                p.w(" FROM ");
                p.from(u.from());
            }
            if (u.where() != null) {
                p.w(" WHERE ");
                p.expr(u.where());
            }
            returning(p, u.returning());
            p.orderLimit(u.orderBy(), u.limit());
        }

        static void delete(SqlPrinter p, Stmt.Delete d) {
            if (d.with() != null) {
                p.with(d.with());
            }
            p.w("DELETE FROM ");
            p.qualified(d.table());
            target(p, d.alias(), d.indexedBy(), d.notIndexed());
            if (d.where() != null) {
                p.w(" WHERE ");
                p.expr(d.where());
            }
            returning(p, d.returning());
            p.orderLimit(d.orderBy(), d.limit());
        }

        static void createTable(SqlPrinter p, Stmt.CreateTable c) {
            p.w(c.temp() ? "CREATE TEMP TABLE " : "CREATE TABLE ");
            if (c.ifNotExists()) {
                p.w("IF NOT EXISTS ");
            }
            p.qualified(c.name());
            if (c.asSelect() != null) {
                p.w(" AS ");
                p.select(c.asSelect());
                return;
            }
            p.w(" (");
            p.list(c.columns(), col -> columnDef(p, col));
            for (TableConstraint t : c.constraints()) {
                p.w(", ");
                tableConstraint(p, t);
            }
            p.w(")");
            if (c.withoutRowid() && c.strict()) {
                p.w(" WITHOUT ROWID, STRICT");
            } else if (c.withoutRowid()) {
                p.w(" WITHOUT ROWID");
            } else if (c.strict()) {
                p.w(" STRICT");
            }
        }

        static void columnDef(SqlPrinter p, ColumnDef col) {
            p.name(col.name());
            if (col.type() != null) {
                p.w(" ").w(col.type().text());
            }
            for (ColumnConstraint c : col.constraints()) {
                p.w(" ");
                columnConstraint(p, c);
            }
        }

        private static void constraintName(SqlPrinter p, Name name) {
            if (name != null) {
                p.w("CONSTRAINT ");
                p.name(name);
                p.w(" ");
            }
        }

        private static void onConflict(SqlPrinter p, ConflictAction a) {
            if (a != null) {
                p.w(" ON CONFLICT ").w(a.name());
            }
        }

        private static void columnConstraint(SqlPrinter p, ColumnConstraint c) {
            if (c instanceof ColumnConstraint.NameOnly n) {
                p.w("CONSTRAINT ");
                p.name(n.name());
                return;
            }
            constraintName(p, c.name());
            switch (c) {
                case ColumnConstraint.PrimaryKey k -> {
                    p.w("PRIMARY KEY");
                    if (k.order() != null) {
                        p.w(" ").w(k.order().name());
                    }
                    onConflict(p, k.onConflict());
                    if (k.autoincrement()) {
                        p.w(" AUTOINCREMENT");
                    }
                }
                case ColumnConstraint.NotNull n -> {
                    p.w("NOT NULL");
                    onConflict(p, n.onConflict());
                }
                case ColumnConstraint.Null n -> {
                    p.w("NULL");
                    onConflict(p, n.onConflict());
                }
                case ColumnConstraint.Unique u -> {
                    p.w("UNIQUE");
                    onConflict(p, u.onConflict());
                }
                case ColumnConstraint.Check k -> {
                    p.w("CHECK (");
                    p.expr(k.expr());
                    p.w(")");
                }
                case ColumnConstraint.Default d when d.value() instanceof Expr.BoolLit b ->
                    p.w(b.value() ? "DEFAULT TRUE" : "DEFAULT FALSE");
                case ColumnConstraint.Default d -> {
                    p.w("DEFAULT (");
                    p.expr(d.value());
                    p.w(")");
                }
                case ColumnConstraint.Collate k -> {
                    p.w("COLLATE ");
                    p.name(k.collation());
                }
                case ColumnConstraint.References r -> foreignKey(p, r.foreignKey());
                case ColumnConstraint.Deferrable d -> deferral(p, d.deferral());
                case ColumnConstraint.Generated g -> {
                    p.w("AS (");
                    p.expr(g.expr());
                    p.w(")");
                    if (g.storage() != null) {
                        p.w(" ");
                        p.name(g.storage());
                    }
                }
                case ColumnConstraint.NameOnly n -> throw new AssertionError(n);
            }
        }

        private static void deferral(SqlPrinter p, ForeignKeyClause.Deferral d) {
            p.w(d.deferrable() ? "DEFERRABLE" : "NOT DEFERRABLE");
            if (d.initiallyDeferred() != null) {
                p.w(d.initiallyDeferred() ? " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
            }
        }

        private static void foreignKey(SqlPrinter p, ForeignKeyClause fk) {
            p.w("REFERENCES ");
            p.name(fk.table());
            if (!fk.columns().isEmpty()) {
                p.names(fk.columns());
            }
            if (fk.onDelete() != null) {
                p.w(" ON DELETE ").w(fk.onDelete().name().replace('_', ' '));
            }
            if (fk.onUpdate() != null) {
                p.w(" ON UPDATE ").w(fk.onUpdate().name().replace('_', ' '));
            }
            if (fk.match() != null) {
                p.w(" MATCH ");
                p.name(fk.match());
            }
            if (fk.deferral() != null) {
                p.w(" ");
                deferral(p, fk.deferral());
            }
        }

        private static void tableConstraint(SqlPrinter p, TableConstraint t) {
            constraintName(p, t.name());
            switch (t) {
                case TableConstraint.PrimaryKey k -> {
                    p.w("PRIMARY KEY (");
                    p.ordering(k.columns());
                    p.w(k.autoincrement() ? " AUTOINCREMENT)" : ")");
                    onConflict(p, k.onConflict());
                }
                case TableConstraint.Unique u -> {
                    p.w("UNIQUE (");
                    p.ordering(u.columns());
                    p.w(")");
                    onConflict(p, u.onConflict());
                }
                case TableConstraint.Check c -> {
                    p.w("CHECK (");
                    p.expr(c.expr());
                    p.w(")");
                    onConflict(p, c.onConflict());
                }
                case TableConstraint.ForeignKey f -> {
                    p.w("FOREIGN KEY ");
                    p.names(f.columns());
                    p.w(" ");
                    foreignKey(p, f.references());
                }
            }
        }

        static void createIndex(SqlPrinter p, Stmt.CreateIndex c) {
            p.w(c.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
            if (c.ifNotExists()) {
                p.w("IF NOT EXISTS ");
            }
            p.qualified(c.name());
            p.w(" ON ");
            p.name(c.table());
            if (c.using() != null) {
                p.w(" USING ");
                p.name(c.using());
            }
            p.w(" (");
            p.ordering(c.columns());
            p.w(")");
            if (!c.parameters().isEmpty()) {
                p.w(" WITH (");
                p.list(c.parameters(), x -> {
                    p.name(x.key());
                    p.w(" = ");
                    p.expr(x.value());
                });
                p.w(")");
            }
            if (c.where() != null) {
                p.w(" WHERE ");
                p.expr(c.where());
            }
        }

        static void createView(SqlPrinter p, Stmt.CreateView c) {
            p.w(c.temp() ? "CREATE TEMP VIEW " : "CREATE VIEW ");
            if (c.ifNotExists()) {
                p.w("IF NOT EXISTS ");
            }
            p.qualified(c.name());
            if (!c.columns().isEmpty()) {
                p.names(c.columns());
            }
            p.w(" AS ");
            p.select(c.select());
        }

        static void createTrigger(SqlPrinter p, Stmt.CreateTrigger c) {
            p.w(c.temp() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
            if (c.ifNotExists()) {
                p.w("IF NOT EXISTS ");
            }
            p.qualified(c.name());
            if (c.time() != null) {
                p.w(c.time() == Stmt.TriggerTime.INSTEAD_OF ? " INSTEAD OF" : " " + c.time().name());
            }
            p.w(" ").w(c.event().name());
            if (!c.updateOf().isEmpty()) {
                p.w(" OF ");
                p.list(c.updateOf(), p::name);
            }
            p.w(" ON ");
            p.qualified(c.table());
            if (c.forEachRow()) {
                p.w(" FOR EACH ROW");
            }
            if (c.when() != null) {
                p.w(" WHEN ");
                p.expr(c.when());
            }
            p.w(" BEGIN ");
            for (Stmt step : c.body()) {
                p.stmt(step);
                p.w("; ");
            }
            p.w("END");
        }

        static void createVirtualTable(SqlPrinter p, Stmt.CreateVirtualTable c) {
            p.w("CREATE VIRTUAL TABLE ");
            if (c.ifNotExists()) {
                p.w("IF NOT EXISTS ");
            }
            p.qualified(c.name());
            p.w(" USING ");
            p.name(c.module());
            if (c.hasArgumentList()) {
                p.w("(").w(String.join(", ", c.arguments())).w(")");
            }
        }

        static void drop(SqlPrinter p, Stmt.Drop d) {
            p.w("DROP ").w(d.type().name()).w(d.ifExists() ? " IF EXISTS " : " ");
            p.qualified(d.name());
        }

        static void alter(SqlPrinter p, Stmt.AlterTable a) {
            p.w("ALTER TABLE ");
            p.qualified(a.table());
            switch (a.action()) {
                case Stmt.RenameTable r -> {
                    p.w(" RENAME TO ");
                    p.name(r.newName());
                }
                case Stmt.RenameColumn r -> {
                    p.w(" RENAME COLUMN ");
                    p.name(r.oldName());
                    p.w(" TO ");
                    p.name(r.newName());
                }
                case Stmt.AddColumn c -> {
                    p.w(" ADD COLUMN ");
                    columnDef(p, c.column());
                }
                case Stmt.DropColumn d -> {
                    p.w(" DROP COLUMN ");
                    p.name(d.column());
                }
                case Stmt.DropConstraint d -> {
                    p.w(" DROP CONSTRAINT ");
                    p.name(d.constraint());
                }
                case Stmt.DropNotNull d -> {
                    p.w(" ALTER COLUMN ");
                    p.name(d.column());
                    p.w(" DROP NOT NULL");
                }
                case Stmt.SetNotNull n -> {
                    p.w(" ALTER COLUMN ");
                    p.name(n.column());
                    p.w(" SET NOT NULL");
                    onConflict(p, n.onConflict());
                }
                case Stmt.AddCheck c -> {
                    p.w(" ADD ");
                    constraintName(p, c.name());
                    p.w("CHECK (");
                    p.expr(c.expr());
                    p.w(")");
                    onConflict(p, c.onConflict());
                }
            }
        }

        static void attach(SqlPrinter p, Stmt.Attach a) {
            p.w("ATTACH DATABASE ");
            p.expr(a.file());
            p.w(" AS ");
            p.expr(a.schema());
            if (a.key() != null) {
                p.w(" KEY ");
                p.expr(a.key());
            }
        }

        static void target(SqlPrinter p, String verb, QualifiedName target) {
            p.w(verb);
            if (target != null) {
                p.w(" ");
                p.qualified(target);
            }
        }

        static void vacuum(SqlPrinter p, Stmt.Vacuum v) {
            p.w("VACUUM");
            if (v.schema() != null) {
                p.w(" ");
                p.name(v.schema());
            }
            if (v.into() != null) {
                p.w(" INTO ");
                p.expr(v.into());
            }
        }

        static void pragma(SqlPrinter p, Stmt.Pragma pr) {
            p.w("PRAGMA ");
            p.qualified(pr.name());
            if (pr.value() != null) {
                String v = pr.value();
                boolean plain = isPlainValue(v);
                String text = plain ? v : "'" + v.replace("'", "''") + "'";
                p.w(pr.callForm() ? "(" + text + ")" : " = " + text);
            }
        }

        private static boolean isPlainValue(String v) {
            if (v.isEmpty()) {
                return false;
            }
            int i = v.charAt(0) == '-' ? 1 : 0;
            if (i < v.length() && Character.isDigit(v.charAt(i))) {
                for (int k = i; k < v.length(); k++) {
                    char c = v.charAt(k);
                    if (!(Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-')) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
