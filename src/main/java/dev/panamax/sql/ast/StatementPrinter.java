package dev.panamax.sql.ast;

import dev.panamax.sql.ast.Select.ResultColumn;
import java.util.List;

/** Statement-level printing for {@link SqlPrinter}, which keeps the expression and SELECT layer. */
final class StatementPrinter {
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
