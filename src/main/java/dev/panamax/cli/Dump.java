package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dump} and {@code .clone}: the database as SQL text that rebuilds it, in the reference shell's form so
 * that either shell loads the other's dump.
 *
 * <pre>
 *   PRAGMA foreign_keys=OFF;
 *   BEGIN TRANSACTION;
 *   CREATE TABLE t(a,b);                   tables in rowid order, sqlite_sequence last
 *   INSERT INTO t VALUES(1,'x');           each table's rows, insert mode
 *   CREATE INDEX i ON t(b);                then indexes, triggers and views
 *   COMMIT;                                or "ROLLBACK; -- due to errors"
 * </pre>
 */
final class Dump {
    private static final String[] ROWID_NAMES = {"rowid", "_rowid_", "oid"};

    private final Shell shell;
    private boolean preserveRowids;
    private boolean newlines;
    private boolean dataOnly;
    private boolean noSys;
    private boolean writableSchema;
    private int errors;

    Dump(Shell shell) {
        this.shell = shell;
    }

    int run(List<String> args) {
        preserveRowids = false;
        newlines = false;
        dataOnly = false;
        noSys = false;
        StringBuilder like = new StringBuilder();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                switch (a.startsWith("--") ? a.substring(2) : a.substring(1)) {
                    case "preserve-rowids" -> preserveRowids = true;
                    case "newlines" -> newlines = true;
                    case "data-only" -> dataOnly = true;
                    case "nosys" -> noSys = true;
                    default -> {
                        shell.stderr().print("Unknown option \"" + a + "\" on \".dump\"\n");
                        return 1;
                    }
                }
            } else {
                String p = CText.quoteLiteral(a);
                like.append(like.isEmpty() ? "" : " OR ").append("name LIKE ").append(p)
                        .append(" ESCAPE '\\' OR EXISTS (  SELECT 1 FROM sqlite_schema WHERE     name LIKE ")
                        .append(p).append(" ESCAPE '\\' AND    sql LIKE 'CREATE VIRTUAL TABLE%' AND    ")
                        .append("substr(o.name, 1, length(name)+1) == (name||'_'))");
            }
        }
        dump(like.isEmpty() ? "true" : like.toString());
        return 0;
    }

    private void dump(String like) {
        Session session = shell.session();
        ShellOut out = shell.out();
        if (!dataOnly) {
            out.print("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        }
        writableSchema = false;
        errors = 0;
        quietly(session, "SAVEPOINT dump");
        for (Object[] row : SchemaCommands.rows(session, "SELECT name, type, sql FROM sqlite_schema AS o WHERE ("
                + like + ") AND type=='table'  AND sql NOT NULL ORDER BY tbl_name='sqlite_sequence', rowid")) {
            table((String) row[0], (String) row[1], (String) row[2]);
        }
        if (!dataOnly) {
            for (Object[] row : SchemaCommands.rows(session, "SELECT sql FROM sqlite_schema AS o WHERE (" + like
                    + ") AND sql NOT NULL  AND type IN ('index','trigger','view')")) {
                String sql = (String) row[0];
                out.print(sql).print(sql.contains("--") ? "\n;\n" : ";\n");
            }
        }
        if (writableSchema) {
            out.print("PRAGMA writable_schema=OFF;\n");
        }
        quietly(session, "RELEASE dump");
        if (!dataOnly) {
            out.print(errors > 0 ? "ROLLBACK; -- due to errors\n" : "COMMIT;\n");
        }
    }

    /** {@code dump_callback}: a table's CREATE statement and its rows. */
    private void table(String name, String type, String sql) {
        ShellOut out = shell.out();
        if (name.equals("sqlite_sequence") && !noSys) {
            if (!dataOnly) {
                out.print("DELETE FROM sqlite_sequence;\n");
            }
        } else if (name.matches("sqlite_stat.") && !noSys) {
            if (!dataOnly) {
                out.print("ANALYZE sqlite_schema;\n");
            }
        } else if (name.startsWith("sqlite_")) {
            return;
        } else if (!dataOnly && sql.startsWith("CREATE VIRTUAL TABLE")) {
            if (!writableSchema) {
                out.print("PRAGMA writable_schema=ON;\n");
                writableSchema = true;
            }
            out.print("INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table',"
                    + CText.quoteLiteral(name) + "," + CText.quoteLiteral(name) + ",0," + CText.quoteLiteral(sql)
                    + ");\n");
            return;
        } else if (!dataOnly) {
            SchemaText.printLine(out, sql.getBytes(StandardCharsets.UTF_8), ";\n", shell.session()::complete);
        }
        if (type.equals("table")) {
            rows(name);
        }
    }

    /** The INSERT statements of a table's rows. */
    private void rows(String table) {
        Session session = shell.session();
        List<String> columns = columns(session, table);
        if (columns == null) {
            errors++;
            return;
        }
        Engine engine = shell.engine;
        StringBuilder target = new StringBuilder(CText.quoteIfNeeded(table, engine));
        StringBuilder select = new StringBuilder("SELECT ");
        if (columns.getFirst() != null) {
            target.append('(').append(columns.getFirst());
            select.append(columns.getFirst()).append(',');
            for (String c : columns.subList(1, columns.size())) {
                target.append(',').append(CText.quoteIfNeeded(c, engine));
            }
            target.append(')');
        }
        for (int i = 1; i < columns.size(); i++) {
            select.append(i > 1 ? "," : "").append(CText.quoteIfNeeded(columns.get(i), engine));
        }
        select.append(" FROM ").append(CText.quoteIfNeeded(table, engine));
        OutputSettings insert = shell.settings.copy();
        insert.mode = Mode.INSERT;
        insert.showHeader = false;
        insert.destTable = target.toString();
        if (shell.runner().exec(select.toString(), insert, newlines) != null) {
            errors++;
        }
    }

    /**
     * {@code tableColumnList}: the table's columns after a first entry that names the rowid when it must be
     * kept ({@code --preserve-rowids} on a table whose rowid is not an INTEGER PRIMARY KEY: an INTEGER PRIMARY
     * KEY DESC or WITHOUT ROWID key has a "pk" index), else null. Null altogether when the table has no
     * columns.
     */
    private List<String> columns(Session session, String table) {
        List<String> columns = new ArrayList<>();
        columns.add(null);
        int primaryKeys = 0;
        boolean integerKey = false;
        for (Object[] col : SchemaCommands.rows(session, "PRAGMA table_info=" + CText.quoteLiteral(table))) {
            columns.add(col[1] == null ? "" : col[1].toString());
            if (col[5] instanceof Long pk && pk != 0) {
                primaryKeys++;
                integerKey = primaryKeys == 1 && "INTEGER".equalsIgnoreCase(String.valueOf(col[2]));
            }
        }
        if (columns.size() == 1) {
            return null;
        }
        boolean keepRowid = preserveRowids;
        if (keepRowid && integerKey) {
            keepRowid = SchemaCommands.rows(session, "PRAGMA index_list=" + CText.quoteLiteral(table)).stream()
                    .anyMatch(index -> index.length > 3 && "pk".equals(index[3]));
        }
        if (keepRowid) {
            columns.set(0, rowidName(session, table, columns));
        }
        return columns;
    }

    /** A name that reaches the rowid: rowid, _rowid_ or oid, the first that is not a column; null if none. */
    private static String rowidName(Session session, String table, List<String> columns) {
        for (String candidate : ROWID_NAMES) {
            if (columns.stream().skip(1).anyMatch(candidate::equalsIgnoreCase)) {
                continue;
            }
            try (Cursor c = session.prepare("SELECT " + candidate + " FROM " + CText.quoteIdentifier(table), 0)) {
                return c == null ? null : candidate;
            } catch (DbException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Runs a statement whose failure does not matter: without the SAVEPOINT the dump only loses its snapshot,
     * and the reference shell ignores these errors too.
     */
    private static void quietly(Session session, String sql) {
        try (Cursor c = session.prepare(sql, 0)) {
            if (c != null) {
                c.step();
            }
        } catch (DbException ignored) {
            return;
        }
    }

    /** {@code .clone}: creates NEWDB and copies every table's schema and rows into it, then the other objects. */
    void cloneInto(Path file) {
        ShellOut out = shell.stdout();
        if (Files.exists(file)) {
            shell.stderr().print("File \"" + file + "\" already exists.\n");
            return;
        }
        Session source = shell.session();
        Session target;
        try {
            target = shell.engine.open(file.toString(), false);
        } catch (DbException e) {
            shell.stderr().print("Cannot create output database: " + e.getMessage() + "\n");
            return;
        }
        try (target) {
            quietly(target, "BEGIN EXCLUSIVE;");
            for (boolean tables : new boolean[] {true, false}) {
                for (Object[] row : SchemaCommands.rows(source, "SELECT name, sql FROM sqlite_schema WHERE type"
                        + (tables ? "='table'" : "!='table'"))) {
                    if (row[0] == null || row[1] == null) {
                        continue;
                    }
                    out.print(row[0] + "... ");
                    out.flush();
                    copyObject(source, target, (String) row[0], (String) row[1], tables);
                    out.print("done\n");
                }
            }
            quietly(target, "COMMIT;");
        }
    }

    private void copyObject(Session source, Session target, String name, String sql, boolean table) {
        try (Cursor create = target.prepare(sql, 0)) {
            if (create != null) {
                create.step();
            }
        } catch (DbException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\nSQL: [" + sql + "]\n");
        }
        if (!table) {
            return;
        }
        try (Cursor from = source.prepare("SELECT * FROM " + CText.quoteIdentifier(name), 0)) {
            int n = from.columnCount();
            try (Cursor to = target.prepare("INSERT OR IGNORE INTO " + CText.quoteIdentifier(name)
                    + " VALUES(?" + ",?".repeat(Math.max(0, n - 1)) + ");", 0)) {
                while (from.step()) {
                    for (int i = 0; i < n; i++) {
                        to.bind(i + 1, SqlRunner.value(from, i));
                    }
                    try {
                        to.step();
                    } catch (DbException e) {
                        shell.stderr().print("Error " + e.code().code() + ": " + e.getMessage() + "\n");
                    }
                    to.reset();
                }
            }
        } catch (DbException e) {
            shell.stderr().print("Error " + e.code().code() + ": " + e.getMessage() + " on [SELECT * FROM \""
                    + name + "\"]\n");
        }
    }
}
