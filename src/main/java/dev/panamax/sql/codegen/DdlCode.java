package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.Index;
import dev.panamax.schema.IndexFactory;
import dev.panamax.schema.Schema;
import dev.panamax.schema.SchemaTable;
import dev.panamax.schema.Table;
import dev.panamax.schema.TableFactory;
import dev.panamax.schema.Trigger;
import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.ColumnDef;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.ColumnInfo;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CREATE and DROP of tables, indexes, views and triggers (SQLite's build.c, view.c, trigger.c). */
final class DdlCode {
    private DdlCode() {
    }

    private static void checkSchemaName(QualifiedName name) {
        if (name.schema() != null && !name.schema().is("main") && !name.schema().is("temp")) {
            throw error("unknown database " + name.schema().text());
        }
    }

    private static void checkReserved(String name) {
        if (name.regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw error("object name reserved for internal use: " + name);
        }
    }

    /** Errors when {@code name} is taken by a table, view or index; true when IF NOT EXISTS makes it a no-op. */
    private static boolean nameTaken(Parse p, String name, boolean ifNotExists, boolean isIndex) {
        Table t = p.schema.table(name);
        if (t != null) {
            if (ifNotExists && !isIndex) {
                return true;
            }
            if (isIndex) {
                throw error("there is already a table named " + name);
            }
            throw error((t.isView() ? "view " : "table ") + name + " already exists");
        }
        Index i = p.schema.index(name);
        if (i != null) {
            if (ifNotExists && isIndex) {
                return true;
            }
            throw error(isIndex ? "index " + name + " already exists" : "there is already an index named " + name);
        }
        return false;
    }

    static void createTable(Parse p, Stmt.CreateTable c) {
        checkSchemaName(c.name());
        String name = c.name().name().text();
        checkReserved(name);
        if (nameTaken(p, name, c.ifNotExists(), false)) {
            return;
        }
        if (c.asSelect() != null) {
            createTableAs(p, c, name);
            return;
        }
        String sql = "CREATE TABLE " + p.sql.substring(c.name().name().start(), c.end());
        Table t = TableFactory.build(c, sql);
        validateColumns(p, c, t);
        Source self = p.resolver.target(t, null);
        for (dev.panamax.sql.ast.Expr check : t.checks()) {
            p.resolver.checkConstraint(check, self);
        }
        GeneratedColumns.validate(p, t, self);
        SchemaWriter w = new SchemaWriter(p);
        int root = p.allocReg();
        p.op(Opcode.CreateBtree, 0, root, t.withoutRowid() ? 2 : 1);
        List<Index> own = new ArrayList<>();
        for (Index i : t.indexes()) {
            if (!t.isTableTree(i)) {
                own.add(i);
            }
        }
        List<Integer> indexRoots = new ArrayList<>();
        for (int k = 0; k < own.size(); k++) {
            int r = p.allocReg();
            p.op(Opcode.CreateBtree, 0, r, 2);
            indexRoots.add(r);
        }
        w.insert("table", name, name, root, sql);
        for (int k = 0; k < own.size(); k++) {
            w.insert("index", own.get(k).name(), name, indexRoots.get(k), null);
        }
        if (t.autoincrement() && p.schema.table("sqlite_sequence") == null) {
            int seqRoot = p.allocReg();
            p.op(Opcode.CreateBtree, 0, seqRoot, 1);
            w.insert("table", "sqlite_sequence", "sqlite_sequence", seqRoot,
                    "CREATE TABLE sqlite_sequence(name,seq)");
        }
        w.finish();
    }

    /** DEFAULT must be constant; COLLATE must name a known collation (sqlite3AddDefaultValue, AddCollateType). */
    private static void validateColumns(Parse p, Stmt.CreateTable c, Table t) {
        for (ColumnDef def : c.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.Default d && !isConstantDefault(d.value())) {
                    throw error("default value of column [" + def.name().text() + "] is not constant");
                }
                if (cc instanceof ColumnConstraint.Collate col && !p.collationExists(col.collation().text())) {
                    throw error("no such collation sequence: " + col.collation().text());
                }
            }
        }
    }

    private static boolean isConstantDefault(Expr e) {
        return switch (e) {
            case Expr.ColumnRef r -> r.column().quote() == dev.panamax.sql.ast.Name.Quote.DOUBLE
                    && r.table() == null;
            case Expr.Subquery s -> false;
            case Expr.Exists s -> false;
            case Expr.InSelect s -> false;
            case Expr.Param x -> false;
            case Expr.Unary u -> isConstantDefault(u.operand());
            case Expr.Binary b -> isConstantDefault(b.left()) && isConstantDefault(b.right());
            case Expr.FunctionCall f -> f.args().stream().allMatch(DdlCode::isConstantDefault);
            case Expr.Cast x -> isConstantDefault(x.operand());
            case Expr.Collate x -> isConstantDefault(x.operand());
            case Expr.Case x -> (x.operand() == null || isConstantDefault(x.operand()))
                    && x.branches().stream().allMatch(b -> isConstantDefault(b.when()) && isConstantDefault(b.then()))
                    && (x.otherwise() == null || isConstantDefault(x.otherwise()));
            default -> true;
        };
    }

    private static void createTableAs(Parse p, Stmt.CreateTable c, String name) {
        Query q = p.resolver.query(c.asSelect());
        p.noteCursors();
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quoteIfNeeded(name)).append('(');
        List<String> used = new ArrayList<>();
        for (int k = 0; k < q.columnCount(); k++) {
            ColumnInfo col = q.columns.get(k);
            String colName = uniqueName(subqueryName(q, k), used);
            sql.append(k == 0 ? "\n  " : ",\n  ").append(quoteIfNeeded(colName));
            String type = typeOfAffinity(col.affinity());
            if (!type.isEmpty()) {
                sql.append(' ').append(type);
            }
        }
        sql.append("\n)");
        SchemaWriter w = new SchemaWriter(p);
        int root = p.allocReg();
        p.op(Opcode.CreateBtree, 0, root, 1);
        w.insert("table", name, name, root, sql.toString());
        int cur = p.allocCursor();
        p.op(Opcode.OpenWrite, cur, root, 0, new P4.ColumnCount(q.columnCount()), OpFlags.P2ISREG);
        SelectCode.code(p, q, new Dest.Table(cur));
        w.finish();
    }

    private static String subqueryName(Query q, int k) {
        if (q.alias(k) != null) {
            return q.alias(k);
        }
        return q.columns.get(k).name();
    }

    private static String uniqueName(String name, List<String> used) {
        String candidate = name;
        int n = 0;
        while (containsIgnoreCase(used, candidate)) {
            candidate = name + ":" + (++n);
        }
        used.add(candidate);
        return candidate;
    }

    private static boolean containsIgnoreCase(List<String> list, String s) {
        for (String x : list) {
            if (x.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    private static String typeOfAffinity(char aff) {
        return switch (aff) {
            case Affinity.TEXT -> "TEXT";
            case Affinity.NUMERIC -> "NUM";
            case Affinity.INTEGER -> "INT";
            case Affinity.REAL -> "REAL";
            default -> "";
        };
    }

    /** Quotes an identifier the way SQLite's identPut does when it is not a plain word. */
    static String quoteIfNeeded(String id) {
        boolean plain = !id.isEmpty() && !Character.isDigit(id.charAt(0));
        for (int k = 0; k < id.length() && plain; k++) {
            char ch = id.charAt(k);
            plain = Character.isLetterOrDigit(ch) || ch == '_' || ch > 0x7f;
        }
        if (plain && !dev.panamax.sql.parser.SqlScripts.isKeyword(id)) {
            return id;
        }
        return "\"" + id.replace("\"", "\"\"") + "\"";
    }

    static void createIndex(Parse p, Stmt.CreateIndex c) {
        checkSchemaName(c.name());
        String name = c.name().name().text();
        Table t = p.schema.table(c.table().text());
        if (t == null) {
            throw error("no such table: main." + c.table().text());
        }
        checkReserved(name);
        if (nameTaken(p, name, c.ifNotExists(), true)) {
            return;
        }
        if (t.isView()) {
            throw error("views may not be indexed");
        }
        if (t.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
            throw error("table " + t.name() + " may not be indexed");
        }
        String sql = "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX "
                + p.sql.substring(c.name().name().start(), c.end());
        Index idx = IndexFactory.build(c, t, sql, 0);
        Source src = p.resolver.target(t, null);
        List<Bound> keys = new ArrayList<>();
        for (int k = 0; k < idx.keyCount(); k++) {
            OrderingTerm term = c.columns().get(k);
            keys.add(idx.columns()[k] == Index.EXPRESSION ? p.resolver.expression(term.expr(), List.of(src))
                    : new Bound.ColumnRef(src, idx.columns()[k]));
            checkIndexCollation(p, idx.collations()[k]);
        }
        Bound where = c.where() == null ? null : p.resolver.expression(c.where(), List.of(src));
        p.noteCursors();
        SchemaWriter w = new SchemaWriter(p);
        int root = p.allocReg();
        p.op(Opcode.CreateBtree, 0, root, 2);
        w.insert("index", name, t.name(), root, sql);
        fillIndex(p, t, idx, src, keys, where, root);
        w.finish();
    }

    /** REINDEX [collation | table | index]: every matching index is emptied and filled again. */
    static void reindex(Parse p, Stmt.Reindex r) {
        List<Index> targets = new ArrayList<>();
        if (r.target() == null) {
            for (Table t : p.schema.tables()) {
                targets.addAll(t.indexes());
            }
        } else {
            String name = r.target().name().text();
            Table t = p.schema.table(name);
            Index i = p.schema.index(name);
            if (r.target().schema() == null && p.collationExists(name)) {
                for (Table x : p.schema.tables()) {
                    for (Index idx : x.indexes()) {
                        for (String c : idx.collations()) {
                            if (c.equalsIgnoreCase(name)) {
                                targets.add(idx);
                                break;
                            }
                        }
                    }
                }
            } else if (t != null && !t.isView()) {
                targets.addAll(t.indexes());
            } else if (i != null) {
                targets.add(i);
            } else {
                throw error("unable to identify the object to be reindexed");
            }
        }
        p.writes = true;
        p.needsTransaction = true;
        targets.removeIf(i -> p.schema.table(i.table()).isTableTree(i));
        for (Index idx : targets) {
            Table t = p.schema.table(idx.table());
            Source src = p.resolver.target(t, null);
            List<Bound> keys = new ArrayList<>();
            for (int k = 0; k < idx.keyCount(); k++) {
                int col = idx.columns()[k];
                keys.add(col == Index.EXPRESSION ? p.resolver.expression(idx.expressions().get(k), List.of(src))
                        : new Bound.ColumnRef(src, col == t.rowidAlias() ? -1 : col));
            }
            Bound where = idx.where() == null ? null : p.resolver.expression(idx.where(), List.of(src));
            p.noteCursors();
            p.op(Opcode.Clear, idx.rootPage(), 0, 0);
            int root = p.allocReg();
            p.op(Opcode.Integer, idx.rootPage(), root);
            fillIndex(p, t, idx, src, keys, where, root);
        }
    }

    private static void checkIndexCollation(Parse p, String coll) {
        if (!p.collationExists(coll)) {
            throw error("no such collation sequence: " + coll);
        }
    }

    /** Inserts an entry for every row of the table into the new index, checking UNIQUE. */
    private static void fillIndex(Parse p, Table t, Index idx, Source src, List<Bound> keys, Bound where,
            int rootReg) {
        int tc = src.cursor;
        int ic = p.allocCursor();
        TableTree.open(p, Opcode.OpenRead, tc, t);
        p.op(Opcode.OpenWrite, ic, rootReg, 0, TableTree.indexKeyInfo(p, t, idx), OpFlags.P2ISREG);
        p.readers.put(src, (pp, col, target) -> WhereCode.readFromTable(pp, tc, t, col, target));
        int n = idx.keyCount();
        List<Bound> entry = new ArrayList<>(keys);
        for (int col : t.entrySuffix(idx)) {
            entry.add(new Bound.ColumnRef(src, col));
        }
        int width = entry.size();
        int sorter = p.allocCursor();
        p.op(Opcode.SorterOpen, sorter, width, 0, TableTree.indexKeyInfo(p, t, idx));
        int done = p.label();
        p.op(Opcode.Rewind, tc, done);
        int top = p.v.currentAddr();
        int next = p.label();
        if (where != null) {
            p.expr.ifFalse(where, next, true);
        }
        int base = p.allocRegs(width);
        for (int k = 0; k < width; k++) {
            p.expr.code(entry.get(k), base + k);
        }
        int rec = p.allocReg();
        p.op(Opcode.MakeRecord, base, width, rec, RowWriter.indexAffinity(entry));
        p.op(Opcode.SorterInsert, sorter, rec);
        p.resolve(next);
        p.op(Opcode.Next, tc, top);
        p.resolve(done);
        int end = p.label();
        int pseudo = p.allocCursor();
        int sorted = p.allocReg();
        p.op(Opcode.OpenPseudo, pseudo, sorted, width);
        p.op(Opcode.SorterSort, sorter, end);
        int loop = p.v.currentAddr();
        p.op(Opcode.SorterData, sorter, sorted, pseudo);
        if (idx.unique()) {
            int key = p.allocRegs(n);
            for (int k = 0; k < n; k++) {
                p.op(Opcode.Column, pseudo, k, key + k);
            }
            int ok = p.label();
            p.op(Opcode.NoConflict, ic, ok, key, n);
            p.op(Opcode.Halt, ResultCode.CONSTRAINT_UNIQUE.code(), 2, 0, uniqueMessage(t, idx),
                    idx.hasExpressions() ? 0 : OpFlags.CONSTRAINT_UNIQUE);
            p.resolve(ok);
        }
        p.op(Opcode.IdxInsert, ic, sorted, 0, width);
        p.op(Opcode.SorterNext, sorter, loop);
        p.resolve(end);
    }

    /** The UNIQUE failure detail: "t.a, t.b", or "index 'i'" for an expression index. */
    static String uniqueMessage(Table t, Index idx) {
        if (idx.hasExpressions()) {
            return "UNIQUE constraint failed: index '" + idx.name() + "'";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < idx.keyCount(); k++) {
            int col = idx.columns()[k];
            sb.append(k == 0 ? "" : ", ").append(t.name()).append('.')
                    .append(col < 0 ? t.column(t.rowidAlias() < 0 ? 0 : t.rowidAlias()).name() : t.column(col).name());
        }
        return sb.toString();
    }

    static void createView(Parse p, Stmt.CreateView c) {
        checkSchemaName(c.name());
        String name = c.name().name().text();
        checkReserved(name);
        if (nameTaken(p, name, c.ifNotExists(), false)) {
            return;
        }
        String sql = "CREATE VIEW " + p.sql.substring(c.name().name().start(), c.end());
        SchemaWriter w = new SchemaWriter(p);
        w.insert("view", name, name, 0, sql);
        w.finish();
    }

    static void createTrigger(Parse p, Stmt.CreateTrigger c) {
        checkSchemaName(c.name());
        String name = c.name().name().text();
        checkReserved(name);
        if (p.schema.trigger(name) != null) {
            if (c.ifNotExists()) {
                return;
            }
            throw error("trigger " + name + " already exists");
        }
        Table t = p.schema.table(c.table().name().text());
        if (t == null) {
            throw error("no such table: main." + c.table().name().text());
        }
        if (t.isView() && c.time() != Stmt.TriggerTime.INSTEAD_OF) {
            throw error("cannot create " + (c.time() == Stmt.TriggerTime.AFTER ? "AFTER" : "BEFORE")
                    + " trigger on view: " + t.name());
        }
        if (!t.isView() && c.time() == Stmt.TriggerTime.INSTEAD_OF) {
            throw error("cannot create INSTEAD OF trigger on table: " + t.name());
        }
        String sql = "CREATE TRIGGER " + p.sql.substring(c.name().name().start(), c.end());
        SchemaWriter w = new SchemaWriter(p);
        w.insert("trigger", name, t.name(), 0, sql);
        w.finish();
    }

    static void drop(Parse p, Stmt.Drop d) {
        checkSchemaName(d.name());
        String name = d.name().name().text();
        switch (d.type()) {
            case TABLE, VIEW -> dropTable(p, d, name);
            case INDEX -> dropIndex(p, d, name);
            case TRIGGER -> {
                Trigger t = p.schema.trigger(name);
                if (t == null) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw error("no such trigger: " + name);
                }
                SchemaWriter w = new SchemaWriter(p);
                w.deleteWhere(SchemaTable.NAME, t.name(), "trigger");
                w.finish();
            }
        }
    }

    private static void dropTable(Parse p, Stmt.Drop d, String name) {
        boolean wantView = d.type() == Stmt.ObjectType.VIEW;
        Table t = p.schema.table(name);
        if (t == null) {
            if (d.ifExists()) {
                return;
            }
            throw error("no such " + (wantView ? "view" : "table") + ": " + name);
        }
        if (t.name().equalsIgnoreCase(Schema.SCHEMA_TABLE) || name.equalsIgnoreCase(Schema.LEGACY_SCHEMA_TABLE)) {
            throw error("table " + name + " may not be dropped");
        }
        if (t.isView() && !wantView) {
            throw error("use DROP VIEW to delete view " + name);
        }
        if (!t.isView() && wantView) {
            throw error("use DROP TABLE to delete table " + name);
        }
        if (t.name().regionMatches(true, 0, "sqlite_", 0, 7) && !t.name().equalsIgnoreCase("sqlite_sequence")
                && !t.name().toLowerCase(Locale.ROOT).startsWith("sqlite_stat")) {
            throw error("table " + name + " may not be dropped");
        }
        FkCode.dropTable(p, t);
        SchemaWriter w = new SchemaWriter(p);
        if (t.autoincrement() && p.schema.table("sqlite_sequence") != null) {
            deleteSequenceRow(p, t.name());
        }
        w.deleteWhere(SchemaTable.TBL_NAME, t.name());
        if (!t.isView()) {
            List<Integer> roots = new ArrayList<>();
            roots.add(t.rootPage());
            for (Index i : t.indexes()) {
                if (!t.isTableTree(i)) {
                    roots.add(i.rootPage());
                }
            }
            roots.sort((a, b) -> Integer.compare(b, a));
            for (int root : roots) {
                p.op(Opcode.Destroy, root, p.allocReg(), 0);
            }
        }
        w.finish();
    }

    private static void deleteSequenceRow(Parse p, String table) {
        Table seq = p.schema.table("sqlite_sequence");
        int c = p.allocCursor();
        p.op(Opcode.OpenWrite, c, seq.rootPage(), 0, new P4.ColumnCount(2));
        int key = p.allocReg();
        int r = p.allocReg();
        p.op(Opcode.String8, 0, key, 0, P4.Text.of(table));
        int done = p.label();
        p.op(Opcode.Rewind, c, done);
        int top = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.Column, c, 0, r);
        p.op(Opcode.Ne, key, next, r, null, 0x10);
        p.op(Opcode.Delete, c);
        p.resolve(next);
        p.op(Opcode.Next, c, top);
        p.resolve(done);
    }

    private static void dropIndex(Parse p, Stmt.Drop d, String name) {
        Index i = p.schema.index(name);
        if (i == null) {
            if (d.ifExists()) {
                return;
            }
            throw error("no such index: " + name);
        }
        if (i.isAutoIndex()) {
            throw error("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        }
        SchemaWriter w = new SchemaWriter(p);
        w.deleteWhere(SchemaTable.NAME, i.name(), "index");
        p.op(Opcode.Destroy, i.rootPage(), p.allocReg(), 0);
        w.finish();
    }

    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }
}
