package dev.panamax.schema;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Schema} from the rows of {@code sqlite_schema} (prepare.c sqlite3InitOne and
 * sqlite3InitCallback): tables and views first, then the indexes (constraint indexes take their root pages from the
 * rows SQLite writes for them with a NULL sql), then triggers. A row that does not parse makes the schema
 * malformed, as in SQLite.
 */
public final class SchemaLoader {
    /** One row of sqlite_schema. */
    public record Row(String type, String name, String tableName, int rootPage, String sql) {
    }

    private SchemaLoader() {
    }

    public static Schema load(List<Row> rows, int cookie) {
        Schema schema = Schema.empty().withCookie(cookie);
        List<Row> indexes = new ArrayList<>();
        List<Row> triggers = new ArrayList<>();
        for (Row r : rows) {
            switch (r.type() == null ? "" : r.type()) {
                case "table", "view" -> schema = addTableOrView(schema, r, rows);
                case "index" -> indexes.add(r);
                case "trigger" -> triggers.add(r);
                default -> {
                }
            }
        }
        for (Row r : indexes) {
            if (r.sql() != null) {
                schema = addIndex(schema, r);
            }
        }
        for (Row r : triggers) {
            Stmt s = parse(r);
            if (s instanceof Stmt.CreateTrigger t) {
                schema = schema.withTrigger(new Trigger(r.name(), t.table().name().text(), t, r.sql()));
            }
        }
        return schema;
    }

    /** Parses one schema statement; a parse failure is a malformed schema. */
    public static Stmt parse(Row r) {
        try {
            return Parser.parseSchema(r.sql()).statement();
        } catch (DbException e) {
            throw malformed(r.name(), e.getMessage());
        }
    }

    private static Schema addTableOrView(Schema schema, Row r, List<Row> all) {
        if (r.sql() == null) {
            return schema;
        }
        Stmt s = parse(r);
        if (s instanceof Stmt.CreateView v) {
            return schema.withTable(view(v, r.sql()));
        }
        if (s instanceof Stmt.CreateTable ct) {
            Table t = TableFactory.build(ct, r.sql()).withRootPage(r.rootPage());
            List<Index> withRoots = new ArrayList<>();
            for (Index i : t.indexes()) {
                withRoots.add(t.isTableTree(i) ? i : i.withRootPage(rootOf(all, i.name())));
            }
            return schema.withTable(t.withIndexes(withRoots));
        }
        if (s instanceof Stmt.CreateVirtualTable) {
            return schema;
        }
        throw malformed(r.name(), "invalid rootpage");
    }

    /** The Table object of a view. */
    public static Table view(Stmt.CreateView v, String sql) {
        return new Table(v.name().name().text(), List.of(), 0, -1, false, false, false, List.of(), List.of(),
                new int[0], null, v.select(), v.columns(), sql);
    }

    private static int rootOf(List<Row> rows, String indexName) {
        for (Row r : rows) {
            if ("index".equals(r.type()) && indexName.equalsIgnoreCase(r.name())) {
                return r.rootPage();
            }
        }
        return 0;
    }

    private static Schema addIndex(Schema schema, Row r) {
        Stmt s = parse(r);
        if (!(s instanceof Stmt.CreateIndex ci)) {
            throw malformed(r.name(), "invalid index");
        }
        Table t = schema.table(ci.table().text());
        if (t == null) {
            throw malformed(r.name(), "no such table: main." + ci.table().text());
        }
        return schema.withIndex(IndexFactory.build(ci, t, r.sql(), r.rootPage()));
    }

    private static DbException malformed(String object, String why) {
        return new DbException(ResultCode.CORRUPT, "malformed database schema (" + object + ") - " + why);
    }
}
