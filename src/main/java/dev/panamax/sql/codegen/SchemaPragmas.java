package dev.panamax.sql.codegen;

import dev.panamax.schema.Affinity;
import dev.panamax.schema.Column;
import dev.panamax.schema.ForeignKey;
import dev.panamax.schema.Index;
import dev.panamax.schema.Schema;
import dev.panamax.schema.SchemaLoader;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.ColumnDef;
import dev.panamax.sql.ast.ForeignKeyClause;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.parser.Parser;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Query;
import dev.panamax.sql.resolve.SelectCore;
import dev.panamax.sql.resolve.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema-introspection pragmas (pragma.c: table_info, table_xinfo, table_list, index_list, index_info,
 * index_xinfo, foreign_key_list): rows in SQLite's order, which for tables is the order of SQLite's hash table and
 * for indexes the order of its per-table index list.
 */
final class SchemaPragmas {
    /** The name SQLite keeps the schema table under (PRAGMA table_list shows the preferred name). */
    static final String LEGACY_SCHEMA = "sqlite_master";

    private SchemaPragmas() {
    }

    /** PRAGMA table_info / table_xinfo: one row per column; table_info leaves generated columns out. */
    static void tableInfo(PragmaRun r, boolean extended) {
        Table t = r.table(r.value);
        if (t == null) {
            return;
        }
        if (t.isView()) {
            List<String[]> cols = viewColumns(r, t);
            for (int k = 0; k < cols.size(); k++) {
                r.row(extended ? new Object[] {k, cols.get(k)[0], cols.get(k)[1], 0, null, 0, 0}
                        : new Object[] {k, cols.get(k)[0], cols.get(k)[1], 0, null, 0});
            }
            return;
        }
        String[] defaults = defaultTexts(t);
        int hiddenSoFar = 0;
        for (int k = 0; k < t.columnCount(); k++) {
            Column c = t.column(k);
            int hidden = !c.isGenerated() ? 0 : c.storedGenerated() ? 3 : 2;
            if (hidden != 0 && !extended) {
                hiddenSoFar++;
                continue;
            }
            Object[] row = {k - hiddenSoFar, c.name(), declaredType(c.declType()), c.notNull(),
                    hidden >= 2 ? null : defaults[k], pkPosition(t, k), hidden};
            r.row(extended ? row : java.util.Arrays.copyOf(row, 6));
        }
    }

    /**
     * A declared type as SQLite reports it: one of the standard names (INT, INTEGER, REAL, TEXT, BLOB, ANY) in upper
     * case, whatever case it was written in; any other type as written; "" for none.
     */
    static String declaredType(String type) {
        if (type == null) {
            return "";
        }
        for (String std : List.of("ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT")) {
            if (std.equalsIgnoreCase(type)) {
                return std;
            }
        }
        return type;
    }

    /** The column's place in the PRIMARY KEY (1-based), 0 when it is not part of it. */
    static int pkPosition(Table t, int column) {
        if (!t.column(column).primaryKey()) {
            return 0;
        }
        if (t.rowidAlias() >= 0) {
            return 1;
        }
        for (int j = 0; j < t.pkColumns().length; j++) {
            if (t.pkColumns()[j] == column) {
                return j + 1;
            }
        }
        return 1;
    }

    /** The DEFAULT text of each column as SQLite keeps it (the literal, or the inside of the parentheses). */
    static String[] defaultTexts(Table t) {
        String[] out = new String[t.columnCount()];
        if (t.sql() == null) {
            return out;
        }
        Stmt s = SchemaLoader.parse(new SchemaLoader.Row("table", t.name(), t.name(), t.rootPage(), t.sql()));
        if (!(s instanceof Stmt.CreateTable ct)) {
            return out;
        }
        for (ColumnDef def : ct.columns()) {
            int k = t.columnIndex(def.name().text());
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.Default d && k >= 0) {
                    out[k] = d.text();
                }
            }
        }
        return out;
    }

    /**
     * The columns of a view as {name, type}: the names its SELECT gives them and the declared type SQLite derives
     * (sqlite3SubqueryColumnTypes): the source column's declared type when its affinity agrees, else the standard
     * name of the expression's affinity ("NUM" for NUMERIC), else none.
     */
    static List<String[]> viewColumns(PragmaRun r, Table view) {
        Parse p = new Parse(r.session);
        Query q = p.resolver.query(Parser.parse("SELECT * FROM " + quoteIdentifier(view.name())).statement()
                instanceof dev.panamax.sql.ast.Select s ? s : null);
        Source src = ((SelectCore) q.first()).from.get(0);
        Query body = src.subquery;
        List<String[]> out = new ArrayList<>();
        for (int k = 0; k < src.columns.size(); k++) {
            Bound e = body.first() instanceof SelectCore sc ? sc.results.get(k) : null;
            char aff = e == null ? Affinity.NONE : Affinities.of(e);
            String decl = body.columns.get(k).declType();
            out.add(new String[] {src.columns.get(k).name(), viewColumnType(aff, decl)});
        }
        return out;
    }

    /** A view's column count, 0 when its SELECT does not resolve (SQLite leaves nCol at 0 then). */
    private static int viewColumnCount(PragmaRun r, Table view) {
        try {
            return viewColumns(r, view).size();
        } catch (dev.panamax.api.DbException e) {
            return 0;
        }
    }

    private static String viewColumnType(char aff, String declared) {
        if (declared != null && Affinity.ofDeclaredType(declared) == aff) {
            return declaredType(declared);
        }
        return switch (aff) {
            case Affinity.NUMERIC -> "NUM";
            case Affinity.BLOB -> "BLOB";
            case Affinity.INTEGER -> "INT";
            case Affinity.REAL -> "REAL";
            case Affinity.TEXT -> "TEXT";
            default -> "";
        };
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PRAGMA table_list: every table and view of main (in SQLite's hash order), then temp's schema table. */
    static void tableList(PragmaRun r) {
        if (!r.isTemp()) {
            for (Table t : tablesInHashOrder(r.schema())) {
                String stored = t.name().equals(Schema.SCHEMA_TABLE) ? LEGACY_SCHEMA : t.name();
                if (r.value != null && !r.value.equalsIgnoreCase(stored)) {
                    continue;
                }
                int ncol = t.isView() ? viewColumnCount(r, t) : t.columnCount();
                r.row("main", t.name(), t.isView() ? "view" : "table", ncol, t.withoutRowid(), t.strict());
            }
        }
        boolean mainOnly = r.schemaName != null && !r.isTemp();
        if (!mainOnly && (r.value == null || r.value.equalsIgnoreCase("sqlite_temp_master"))) {
            r.row("temp", "sqlite_temp_schema", "table", 5, 0, 0);
        }
    }

    /** The tables and views in the order SQLite's schema hash table lists them. */
    static List<Table> tablesInHashOrder(Schema schema) {
        List<Table> inserted = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Table t : schema.tables()) {
            boolean master = t.name().equals(Schema.SCHEMA_TABLE);
            inserted.add(master ? 0 : inserted.size(), t);
            keys.add(master ? 0 : keys.size(), master ? LEGACY_SCHEMA : t.name());
        }
        return HashOrder.order(inserted, keys);
    }

    /**
     * A table's indexes in SQLite's list order: each new index goes to the front, except that indexes with ON
     * CONFLICT REPLACE stay behind all the others (sqlite3CreateIndex).
     */
    static List<Index> indexesInSqliteOrder(Table t) {
        List<Index> out = new ArrayList<>();
        for (Index i : t.indexes()) {
            boolean replace = i.onError() == dev.panamax.sql.ast.ConflictAction.REPLACE;
            if (!replace || out.isEmpty() || isReplace(out.get(0))) {
                out.add(0, i);
            } else {
                int k = 0;
                while (k + 1 < out.size() && !isReplace(out.get(k + 1))) {
                    k++;
                }
                out.add(k + 1, i);
            }
        }
        return out;
    }

    private static boolean isReplace(Index i) {
        return i.onError() == dev.panamax.sql.ast.ConflictAction.REPLACE;
    }

    /** PRAGMA index_list. */
    static void indexList(PragmaRun r) {
        Table t = r.table(r.value);
        if (t == null || t.isView()) {
            return;
        }
        int seq = 0;
        for (Index i : indexesInSqliteOrder(t)) {
            String origin = i.origin() == 'p' ? "pk" : String.valueOf(i.origin());
            r.row(seq++, i.name(), i.unique(), origin, i.isPartial());
        }
    }

    /** PRAGMA index_info / index_xinfo; a WITHOUT ROWID table's name stands for its primary key index. */
    static void indexInfo(PragmaRun r, boolean extended) {
        if (r.value == null || r.isTemp()) {
            return;
        }
        Index idx = r.schema().index(r.value);
        Table t;
        if (idx == null) {
            t = r.schema().table(r.value);
            if (t == null || !t.withoutRowid()) {
                return;
            }
            idx = t.primaryKeyIndex();
        } else {
            t = r.schema().table(idx.table());
        }
        if (idx == null || t == null) {
            return;
        }
        List<IndexColumn> cols = indexColumns(t, idx);
        for (int k = 0; k < cols.size(); k++) {
            IndexColumn c = cols.get(k);
            if (!extended && !c.key()) {
                break;
            }
            String name = c.cid() < 0 ? null : t.column(c.cid()).name();
            r.row(extended ? new Object[] {k, c.cid(), name, c.desc(), c.collation(), c.key()}
                    : new Object[] {k, c.cid(), name});
        }
    }

    /** One column of an index record: table column (-1 rowid, -2 expression), direction, collation, key or not. */
    record IndexColumn(int cid, boolean desc, String collation, boolean key) {
    }

    /**
     * Every column of an index record in order (SQLite's Index.aiColumn over nColumn): the key columns, then the
     * rowid, or for a WITHOUT ROWID table the primary key columns not already in the key (for the primary key index
     * itself, the table's other stored columns).
     */
    static List<IndexColumn> indexColumns(Table t, Index idx) {
        List<IndexColumn> out = new ArrayList<>();
        for (int k = 0; k < idx.keyCount(); k++) {
            int c = idx.columns()[k];
            if (c == Index.ROWID && t.rowidAlias() >= 0) {
                c = t.rowidAlias();
            }
            out.add(new IndexColumn(c, idx.descending()[k], idx.collations()[k], true));
        }
        if (!t.withoutRowid()) {
            out.add(new IndexColumn(-1, false, "BINARY", false));
            return out;
        }
        Index pk = t.primaryKeyIndex();
        if (pk == idx) {
            for (int c = 0; c < t.columnCount(); c++) {
                Column col = t.column(c);
                if (!contains(idx.columns(), c) && !(col.isGenerated() && !col.storedGenerated())) {
                    out.add(new IndexColumn(c, false, "BINARY", false));
                }
            }
            return out;
        }
        for (int j = 0; pk != null && j < pk.keyCount(); j++) {
            int c = pk.columns()[j];
            if (!isDuplicate(idx, pk, j)) {
                out.add(new IndexColumn(c, pk.descending()[j], pk.collations()[j], false));
            }
        }
        return out;
    }

    /** isDupColumn: primary key column j is already a key column of idx with the same collation. */
    private static boolean isDuplicate(Index idx, Index pk, int j) {
        for (int k = 0; k < idx.keyCount(); k++) {
            if (idx.columns()[k] == pk.columns()[j] && idx.collations()[k].equalsIgnoreCase(pk.collations()[j])) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** PRAGMA foreign_key_list: one row per column of each foreign key, newest key first. */
    static void foreignKeyList(PragmaRun r) {
        Table t = r.table(r.value);
        if (t == null || t.isView()) {
            return;
        }
        int id = 0;
        for (ForeignKey fk : t.foreignKeys()) {
            for (int j = 0; j < fk.columnCount(); j++) {
                String to = fk.refersToPrimaryKey() ? null : fk.toColumns().get(j);
                r.row(id, j, fk.parentTable(), t.column(fk.fromColumns()[j]).name(), to, actionName(fk.onUpdate()),
                        actionName(fk.onDelete()), "NONE");
            }
            id++;
        }
    }

    static String actionName(ForeignKeyClause.Action a) {
        return switch (a) {
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
            case NO_ACTION -> "NO ACTION";
        };
    }
}
