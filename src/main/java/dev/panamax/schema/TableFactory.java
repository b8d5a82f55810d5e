package dev.panamax.schema;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.ColumnDef;
import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.ForeignKeyClause;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a CREATE TABLE statement into a {@link Table} with its implicit indexes, as SQLite's build.c does
 * (sqlite3StartTable, sqlite3AddColumn, sqlite3AddPrimaryKey, sqlite3CreateIndex for constraints,
 * sqlite3EndTable): rowid alias detection, autoindex naming {@code sqlite_autoindex_T_N}, and SQLite's error
 * messages. Root pages are left 0; whoever creates the B-trees fills them in.
 */
public final class TableFactory {
    private static final int MAX_COLUMNS = 2000;

    private final Stmt.CreateTable create;
    private final String tableName;
    private final List<Column> columns = new ArrayList<>();
    private final List<Expr> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private int rowidAlias = -1;
    private boolean autoincrement;
    private boolean hasPrimaryKey;
    private int[] pkColumns = new int[0];
    private ConflictAction pkConflict;
    /** Foreign keys, newest first (SQLite links each new FKey in front). */
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private TableFactory(Stmt.CreateTable create) {
        this.create = create;
        this.tableName = create.name().name().text();
    }

    /** Builds the table described by {@code create} (with columns, not AS SELECT); {@code sql} is its text. */
    public static Table build(Stmt.CreateTable create, String sql) {
        TableFactory f = new TableFactory(create);
        return f.run(sql);
    }

    private Table run(String sql) {
        for (ColumnDef def : create.columns()) {
            addColumn(def);
        }
        for (int k = 0; k < create.columns().size(); k++) {
            columnConstraints(k, create.columns().get(k));
        }
        for (TableConstraint c : create.constraints()) {
            tableConstraint(c);
        }
        if (create.withoutRowid()) {
            if (!hasPrimaryKey) {
                throw error("PRIMARY KEY missing on table " + tableName);
            }
            if (autoincrement) {
                throw error("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
            }
            primaryKeyNotNull();
        }
        return new Table(tableName, List.copyOf(columns), 0, rowidAlias, autoincrement, create.withoutRowid(),
                create.strict(), List.copyOf(checks), List.copyOf(indexes), pkColumns, pkConflict, null, List.of(),
                sql, List.copyOf(foreignKeys));
    }

    /** A WITHOUT ROWID table's PRIMARY KEY columns are NOT NULL (convertToWithoutRowidTable). */
    private void primaryKeyNotNull() {
        for (int c : pkColumns) {
            Column col = columns.get(c);
            if (!col.notNull()) {
                columns.set(c, new Column(col.name(), col.declType(), col.affinity(), true, null, col.defaultValue(),
                        col.collation(), col.primaryKey(), col.generated(), col.storedGenerated()));
            }
        }
    }

    private void addColumn(ColumnDef def) {
        String name = def.name().text();
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                throw error("duplicate column name: " + name);
            }
        }
        if (columns.size() >= MAX_COLUMNS) {
            throw error("too many columns on " + tableName);
        }
        String type = def.type() == null ? null : def.type().text();
        if (create.strict()) {
            checkStrictType(name, type);
        }
        char aff = create.strict() && "ANY".equalsIgnoreCase(type) ? Affinity.BLOB : Affinity.ofDeclaredType(type);
        boolean notNull = false;
        ConflictAction notNullConflict = null;
        Expr dflt = null;
        String coll = null;
        Expr generated = null;
        boolean stored = false;
        for (ColumnConstraint cc : def.constraints()) {
            switch (cc) {
                case ColumnConstraint.NotNull nn -> {
                    notNull = true;
                    notNullConflict = nn.onConflict();
                }
                case ColumnConstraint.Default d -> dflt = d.value();
                case ColumnConstraint.Collate c -> coll = checkCollation(c.collation().text());
                case ColumnConstraint.Generated g -> {
                    generated = g.expr();
                    stored = g.storage() != null && g.storage().is("STORED");
                }
                default -> {
                }
            }
        }
        columns.add(new Column(name, type, aff, notNull, notNullConflict, dflt, coll, false, generated, stored));
    }

    private void checkStrictType(String column, String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        if (!List.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY").contains(t)) {
            if (type == null) {
                throw error("missing datatype for " + tableName + "." + column);
            }
            throw error("unknown datatype for " + tableName + "." + column + ": \"" + type + "\"");
        }
    }

    private void columnConstraints(int k, ColumnDef def) {
        for (ColumnConstraint cc : def.constraints()) {
            switch (cc) {
                case ColumnConstraint.PrimaryKey pk -> primaryKey(List.of(k), List.of(false),
                        List.of(columnCollation(k)), pk.order() == OrderingTerm.SortOrder.DESC, pk.onConflict(),
                        pk.autoincrement());
                case ColumnConstraint.Unique u -> uniqueIndex(new int[] {k}, new boolean[1],
                        new String[] {columnCollation(k)}, u.onConflict(), 'u');
                case ColumnConstraint.Check c -> checks.add(c.expr());
                case ColumnConstraint.References r -> columnForeignKey(k, r.foreignKey());
                case ColumnConstraint.Deferrable d -> deferLatest(d.deferral());
                default -> {
                }
            }
        }
    }

    /** sqlite3CreateForeignKey for a column's REFERENCES: one child column, at most one parent column. */
    private void columnForeignKey(int column, ForeignKeyClause fk) {
        if (fk.columns() != null && fk.columns().size() > 1) {
            throw error("foreign key on " + columns.get(column).name()
                    + " should reference only one column of table " + fk.table().text());
        }
        addForeignKey(new int[] {column}, fk);
    }

    /** sqlite3CreateForeignKey for a table constraint FOREIGN KEY (columns) REFERENCES ... */
    private void tableForeignKey(TableConstraint.ForeignKey c) {
        ForeignKeyClause fk = c.references();
        if (fk.columns() != null && !fk.columns().isEmpty() && fk.columns().size() != c.columns().size()) {
            throw error("number of columns in foreign key does not match the number of columns in the referenced "
                    + "table");
        }
        int[] from = new int[c.columns().size()];
        for (int k = 0; k < from.length; k++) {
            String name = c.columns().get(k).text();
            from[k] = indexOf(name);
            if (from[k] < 0) {
                throw error("unknown column \"" + name + "\" in foreign key definition");
            }
        }
        addForeignKey(from, fk);
    }

    private void addForeignKey(int[] from, ForeignKeyClause fk) {
        List<String> to = new ArrayList<>();
        if (fk.columns() != null) {
            fk.columns().forEach(n -> to.add(n.text()));
        }
        foreignKeys.add(0, new ForeignKey(fk.table().text(), from, List.copyOf(to), action(fk.onDelete()),
                action(fk.onUpdate()), fk.deferral() != null && fk.deferral().deferred()));
    }

    private static ForeignKeyClause.Action action(ForeignKeyClause.Action a) {
        return a == null ? ForeignKeyClause.Action.NO_ACTION : a;
    }

    /** sqlite3DeferForeignKey: a DEFERRABLE clause on its own applies to the newest foreign key. */
    private void deferLatest(ForeignKeyClause.Deferral d) {
        if (!foreignKeys.isEmpty()) {
            foreignKeys.set(0, foreignKeys.get(0).withDeferred(d.deferred()));
        }
    }

    private void tableConstraint(TableConstraint c) {
        switch (c) {
            case TableConstraint.PrimaryKey pk -> {
                List<Integer> cols = new ArrayList<>();
                List<Boolean> desc = new ArrayList<>();
                List<String> colls = new ArrayList<>();
                for (OrderingTerm t : pk.columns()) {
                    int col = termColumn(t);
                    cols.add(col);
                    desc.add(t.order() == OrderingTerm.SortOrder.DESC);
                    colls.add(termCollation(t, col));
                }
                primaryKey(cols, desc, colls, false, pk.onConflict(), pk.autoincrement());
            }
            case TableConstraint.Unique u -> {
                int n = u.columns().size();
                int[] cols = new int[n];
                boolean[] desc = new boolean[n];
                String[] colls = new String[n];
                for (int k = 0; k < n; k++) {
                    OrderingTerm t = u.columns().get(k);
                    cols[k] = termColumn(t);
                    desc[k] = t.order() == OrderingTerm.SortOrder.DESC;
                    colls[k] = termCollation(t, cols[k]);
                }
                uniqueIndex(cols, desc, colls, u.onConflict(), 'u');
            }
            case TableConstraint.Check ck -> checks.add(ck.expr());
            case TableConstraint.ForeignKey fk -> tableForeignKey(fk);
        }
    }

    /** sqlite3AddPrimaryKey: a lone INTEGER column not declared DESC on the column becomes the rowid alias. */
    private void primaryKey(List<Integer> cols, List<Boolean> desc, List<String> collations, boolean columnDesc,
            ConflictAction onConflict, boolean autoinc) {
        if (hasPrimaryKey) {
            throw error("table \"" + tableName + "\" has more than one primary key");
        }
        hasPrimaryKey = true;
        pkConflict = onConflict;
        if (create.withoutRowid()) {
            cols = new ArrayList<>(cols);
            desc = new ArrayList<>(desc);
            collations = new ArrayList<>(collations);
            dropRepeatedKeyColumns(cols, desc, collations);
        }
        pkColumns = cols.stream().mapToInt(Integer::intValue).toArray();
        for (int c : pkColumns) {
            Column col = columns.get(c);
            columns.set(c, new Column(col.name(), col.declType(), col.affinity(), col.notNull(), col.notNullConflict(),
                    col.defaultValue(), col.collation(), true, col.generated(), col.storedGenerated()));
        }
        if (cols.size() == 1 && "INTEGER".equalsIgnoreCase(columns.get(cols.get(0)).declType()) && !columnDesc
                && !create.withoutRowid()) {
            rowidAlias = cols.get(0);
            autoincrement = autoinc;
            return;
        }
        if (autoinc) {
            throw error("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
        }
        int n = pkColumns.length;
        boolean[] d = new boolean[n];
        String[] colls = new String[n];
        for (int k = 0; k < n; k++) {
            d[k] = desc.get(k);
            colls[k] = collations.get(k);
        }
        uniqueIndex(pkColumns, d, colls, onConflict, 'p');
    }

    /**
     * A WITHOUT ROWID table's key holds a column once per collation (convertToWithoutRowidTable drops the repeats,
     * as its records cannot hold one column twice).
     */
    private static void dropRepeatedKeyColumns(List<Integer> cols, List<Boolean> desc, List<String> collations) {
        for (int j = cols.size() - 1; j > 0; j--) {
            for (int k = 0; k < j; k++) {
                if (cols.get(k).equals(cols.get(j)) && collations.get(k).equalsIgnoreCase(collations.get(j))) {
                    cols.remove(j);
                    desc.remove(j);
                    collations.remove(j);
                    break;
                }
            }
        }
    }

    private void uniqueIndex(int[] cols, boolean[] desc, String[] colls, ConflictAction onConflict, char origin) {
        String name = "sqlite_autoindex_" + tableName + "_" + (indexes.size() + 1);
        for (int k = 0; k < indexes.size(); k++) {
            Index old = indexes.get(k);
            if (java.util.Arrays.equals(old.columns(), cols) && java.util.Arrays.equals(old.collations(), colls)) {
                ConflictAction action = old.onError();
                if (action != onConflict) {
                    if (action != null && onConflict != null) {
                        throw error("conflicting ON CONFLICT clauses specified");
                    }
                    if (action == null) {
                        action = onConflict;
                    }
                }
                char o = origin == 'p' ? 'p' : old.origin();
                indexes.set(k, new Index(old.name(), old.table(), old.columns(), old.expressions(), old.descending(),
                        old.collations(), true, action, null, 0, o, null));
                return;
            }
        }
        List<Expr> exprs = new ArrayList<>();
        for (int k = 0; k < cols.length; k++) {
            exprs.add(null);
        }
        indexes.add(new Index(name, tableName, cols, exprs, desc, colls, true, onConflict, null, 0, origin, null));
    }

    private int termColumn(OrderingTerm t) {
        Expr e = t.expr();
        if (e instanceof Expr.Collate c) {
            e = c.operand();
        }
        if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            int k = indexOf(ref.column().text());
            if (k >= 0) {
                return k;
            }
            throw error("no such column: " + ref.column().text());
        }
        if (e instanceof Expr.StringLit s) {
            int k = indexOf(s.value());
            if (k >= 0) {
                return k;
            }
        }
        throw error("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
    }

    private String termCollation(OrderingTerm t, int column) {
        if (t.expr() instanceof Expr.Collate c) {
            return checkCollation(c.collation().text());
        }
        return columnCollation(column);
    }

    private String columnCollation(int k) {
        String c = columns.get(k).collation();
        return c == null ? "BINARY" : c;
    }

    private int indexOf(String name) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return -1;
    }

    private static String checkCollation(String name) {
        String builtin = builtinCollation(name);
        return builtin != null ? builtin : name;
    }

    /** The canonical upper-case name of a built-in collation, or null. */
    public static String builtinCollation(String name) {
        for (String b : List.of("BINARY", "NOCASE", "RTRIM")) {
            if (b.equalsIgnoreCase(name)) {
                return b;
            }
        }
        return null;
    }

    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }
}
