package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dot commands that read the schema: {@code .schema}, {@code .fullschema}, {@code .tables},
 * {@code .indexes}, {@code .databases}. {@code .dump} and {@code .clone} are {@link Dump}'s.
 */
final class SchemaCommands {
    private static final String[] PREFIXES = {"TABLE", "INDEX", "UNIQUE INDEX", "VIEW", "TRIGGER", "VIRTUAL TABLE"};

    private final Shell shell;
    private final Dump dump;

    SchemaCommands(Shell shell) {
        this.shell = shell;
        this.dump = new Dump(shell);
    }

    int dump(List<String> args, LineSource in) {
        return dump.run(args);
    }

    int cloneDatabase(List<String> args, LineSource in) {
        if (args.size() != 2) {
            shell.stderr().print("Usage: .clone FILENAME\n");
            return 1;
        }
        dump.cloneInto(shell.resolve(args.get(1)));
        return 0;
    }

    /** The rows of a query, each column as a Java value; empty when the query fails. */
    static List<Object[]> rows(Session session, String sql, Object... binds) {
        List<Object[]> rows = new ArrayList<>();
        try (Cursor c = session.prepare(sql, 0)) {
            if (c == null) {
                return rows;
            }
            for (int i = 0; i < binds.length; i++) {
                c.bind(i + 1, binds[i]);
            }
            while (c.step()) {
                Object[] row = new Object[c.columnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = SqlRunner.value(c, i);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of {@code PRAGMA database_list} (seq, name, file); just main when the engine lists none. */
    static List<Object[]> databaseList(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : rows(session, "PRAGMA database_list")) {
            if (row.length > 2 && row[1] != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            rows.add(new Object[] {0L, "main", session.filename()});
        }
        return rows;
    }

    /** The schema names of the attached databases, main first. */
    static List<String> databases(Session session) {
        return databaseList(session).stream().map(r -> r[1].toString()).toList();
    }

    int schema(List<String> args, LineSource in) {
        Session session = shell.session();
        OutputSettings data = shell.settings.copy();
        data.showHeader = false;
        data.mode = Mode.SEMI;
        String name = null;
        boolean noSys = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (DotCommands.optionMatch(a, "indent")) {
                data.mode = Mode.PRETTY;
            } else if (DotCommands.optionMatch(a, "nosys")) {
                noSys = true;
            } else if (a.startsWith("-")) {
                shell.stderr().print("Unknown option: \"" + a + "\"\n");
                return 1;
            } else if (name == null) {
                name = a;
            } else {
                shell.stderr().print("Usage: .schema ?--indent? ?--nosys? ?LIKE-PATTERN?\n");
                return 1;
            }
        }
        if (name != null && isSchemaTable(name)) {
            printSchema(data.mode, "CREATE TABLE " + name + " (\n  type text,\n  name text,\n  tbl_name text,\n"
                    + "  rootpage integer,\n  sql text\n)");
        }
        try {
            for (Object[] row : rows(session, schemaQuery(session, name, noSys))) {
                String sql = (String) row[0];
                String schemaName = (String) row[1];
                printSchema(data.mode, addSchemaName(session, sql, "main".equalsIgnoreCase(schemaName) ? null
                        : schemaName, (String) row[2]));
            }
        } catch (DbException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            return 1;
        }
        return 0;
    }

    private void printSchema(Mode mode, String sql) {
        byte[] z = sql.getBytes(StandardCharsets.UTF_8);
        if (mode == Mode.PRETTY) {
            SchemaText.printPretty(shell.out(), z, shell.session()::complete);
        } else {
            SchemaText.printLine(shell.out(), z, ";\n", shell.session()::complete);
        }
    }

    private static boolean isSchemaTable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("sqlite_master") || n.equals("sqlite_schema") || n.equals("sqlite_temp_master")
                || n.equals("sqlite_temp_schema");
    }

    /** The union over all attached databases of their schema rows, filtered as {@code .schema} asks. */
    private static String schemaQuery(Session session, String name, boolean noSys) {
        StringBuilder sql = new StringBuilder("SELECT sql, sname, name FROM (");
        int snum = 0;
        for (String db : databases(session)) {
            if (snum > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT sql, type, tbl_name, name, rowid AS x, ").append(++snum).append(" AS snum, ")
                    .append(CText.quoteLiteral(db)).append(" AS sname FROM ").append(CText.quoteIdentifier(db))
                    .append(".sqlite_schema");
        }
        sql.append(") WHERE ");
        if (name != null) {
            boolean glob = name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
            sql.append(name.indexOf('.') >= 0 ? "lower(sname || '.' || tbl_name)" : "lower(tbl_name)")
                    .append(glob ? " GLOB " : " LIKE ").append(CText.quoteLiteral(name));
            if (!glob) {
                sql.append(" ESCAPE '\\' ");
            }
            sql.append(" AND ");
        }
        if (noSys) {
            sql.append("name NOT LIKE 'sqlite_%' AND ");
        }
        return sql.append("sql IS NOT NULL ORDER BY snum, x").toString();
    }

    /**
     * {@code shell_add_schema}: "CREATE TABLE t" becomes "CREATE TABLE aux.t" for an attached database; a view
     * gets a comment with its columns.
     */
    private String addSchemaName(Session session, String sql, String schema, String name) {
        if (sql == null || !sql.startsWith("CREATE ")) {
            return sql;
        }
        for (String prefix : PREFIXES) {
            int n = prefix.length();
            if (!sql.startsWith(prefix, 7) || sql.length() <= n + 7 || sql.charAt(n + 7) != ' ') {
                continue;
            }
            String z = null;
            if (schema != null) {
                String quoted = CText.needsQuote(schema, shell.engine) && !schema.equalsIgnoreCase("temp")
                        ? CText.quoteIdentifier(schema) : schema;
                z = sql.substring(0, n + 7) + " " + quoted + "." + sql.substring(n + 8);
            }
            String fake = prefix.charAt(0) == 'V' && name != null ? fakeSchema(session, schema, name) : null;
            if (fake != null) {
                z = (z == null ? sql : z) + "\n/* " + fake + " */";
            }
            if (z != null) {
                return z;
            }
        }
        return sql;
    }

    /** {@code shellFakeSchema}: {@code name(col,col)} of a view or virtual table, or null without columns. */
    private String fakeSchema(Session session, String schema, String name) {
        String pragma = schema == null ? "PRAGMA table_info=" : "PRAGMA " + CText.quoteIdentifier(schema)
                + ".table_info=";
        List<Object[]> columns = rows(session, pragma + CText.quoteLiteral(name));
        if (columns.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        if (schema != null) {
            s.append(schema.equalsIgnoreCase("temp") ? schema : CText.quoteIfNeeded(schema, shell.engine))
                    .append('.');
        }
        s.append(CText.quoteIfNeeded(name, shell.engine));
        String div = "(";
        for (Object[] col : columns) {
            s.append(div).append(CText.quoteIfNeeded(col[1] == null ? "" : col[1].toString(), shell.engine));
            div = ",";
        }
        return s.append(')').toString();
    }

    int fullSchema(List<String> args, LineSource in) {
        Mode mode = Mode.SEMI;
        if (args.size() == 2 && DotCommands.optionMatch(args.get(1), "indent")) {
            mode = Mode.PRETTY;
        } else if (args.size() != 1) {
            shell.stderr().print("Usage: .fullschema ?--indent?\n");
            return 1;
        }
        Session session = shell.session();
        StringBuilder sql = new StringBuilder("SELECT sql FROM (");
        List<String> dbs = databases(session);
        for (int i = 0; i < dbs.size(); i++) {
            sql.append(i > 0 ? " UNION ALL " : "").append("SELECT sql, type, name, rowid AS x FROM ")
                    .append(CText.quoteIdentifier(dbs.get(i))).append(".sqlite_schema");
        }
        sql.append(") WHERE type!='meta' AND sql NOTNULL AND name NOT LIKE 'sqlite_%' ORDER BY x");
        for (Object[] row : rows(session, sql.toString())) {
            printSchema(mode, (String) row[0]);
        }
        if (rows(session, "SELECT rowid FROM sqlite_schema WHERE name GLOB 'sqlite_stat[134]'").isEmpty()) {
            shell.out().print("/* No STAT tables available */\n");
            return 0;
        }
        shell.out().print("ANALYZE sqlite_schema;\n");
        OutputSettings insert = shell.settings.copy();
        insert.mode = Mode.INSERT;
        insert.showHeader = false;
        for (String stat : new String[] {"sqlite_stat1", "sqlite_stat4"}) {
            insert.destTable = stat;
            shell.runner().exec("SELECT * FROM " + stat, insert, false);
        }
        shell.out().print("ANALYZE sqlite_schema;\n");
        return 0;
    }

    int tables(List<String> args, LineSource in) {
        return listObjects(args, true);
    }

    int indexes(List<String> args, LineSource in) {
        if (args.size() > 2) {
            shell.stderr().print("Usage: .indexes ?LIKE-PATTERN?\n");
            return 1;
        }
        return listObjects(args, false);
    }

    /** {@code .tables}/{@code .indexes}: names in columns filling 80 characters, down then across. */
    private int listObjects(List<String> args, boolean tables) {
        Session session = shell.session();
        StringBuilder sql = new StringBuilder();
        for (String db : databases(session)) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append(db.equalsIgnoreCase("main") ? "SELECT name FROM "
                    : "SELECT " + CText.quoteLiteral(db) + "||'.'||name FROM ");
            sql.append(CText.quoteIdentifier(db)).append(".sqlite_schema ");
            sql.append(tables ? " WHERE type IN ('table','view')   AND name NOT LIKE 'sqlite_%'   AND name LIKE ?1"
                    : " WHERE type='index'   AND tbl_name LIKE ?1");
        }
        sql.append(" ORDER BY 1");
        List<String> names = new ArrayList<>();
        try {
            for (Object[] row : rows(session, sql.toString(), args.size() > 1 ? args.get(1) : "%")) {
                names.add(row[0] == null ? "" : row[0].toString());
            }
        } catch (DbException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            return 1;
        }
        printColumns(names);
        return 0;
    }

    private void printColumns(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        int maxlen = 0;
        for (String n : names) {
            maxlen = Math.max(maxlen, n.getBytes(StandardCharsets.UTF_8).length);
        }
        int perLine = Math.max(1, 80 / (maxlen + 2));
        int lines = (names.size() + perLine - 1) / perLine;
        ShellOut out = shell.out();
        for (int i = 0; i < lines; i++) {
            for (int j = i; j < names.size(); j += lines) {
                byte[] z = names.get(j).getBytes(StandardCharsets.UTF_8);
                out.print(j < lines ? "" : "  ").bytes(z).repeat(' ', maxlen - z.length);
            }
            out.print("\n");
        }
    }

    int databases(List<String> args, LineSource in) {
        Session session = shell.session();
        for (Object[] row : databaseList(session)) {
            String file = row[2] == null ? "" : row[2].toString();
            shell.out().print(row[1] + ": " + (file.isEmpty() ? "\"\"" : file) + " "
                    + (session.readOnly() ? "r/o" : "r/w") + "\n");
        }
        return 0;
    }
}
