package dev.panamax.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grammar-aware random SQL for robustness: a session is a schema (tables of every kind, indexes, views, triggers),
 * rows with extreme values, then a mix of queries and changes that reach the odd corners: CTEs joined to
 * themselves, correlated subqueries in every clause, aggregates and window functions where they may or may not be
 * allowed, compound selects, DDL mid-session (dropping what views and triggers use, ALTER TABLE), transactions and
 * savepoints, PRAGMAs, unbound parameters. Most statements are valid so that they reach the planner and the VM;
 * some are deliberately wrong (unknown names, wrong arity, misplaced aggregates). A model of the schema is kept
 * loosely: objects are forgotten when dropped, but their names stay around as ghosts to refer to.
 */
final class FuzzGen {
    private static final String[] TYPES = {"INTEGER", "INT", "TEXT", "REAL", "BLOB", "NUMERIC", "", "VARCHAR(10)",
        "BOOLEAN", "DATETIME", "FLOAT", "ANY"};
    private static final String[] LITERALS = {"0", "1", "-1", "2", "3", "10", "255", "-128", "65536", "2147483647",
        "-2147483648", "4294967296", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "0x7fffffffffffffff", "0xffffffffffffffff", "-0x8000000000000000", "1e308", "-1e308", "1e-320", "0.0",
        "-0.0", "1.5", "-2.5", "3.14159", "1e999", "-1e999", "0.1", "1e15", "123456789012345678", "''", "'abc'",
        "'ABC'", "'a'", "' 12 '", "'12abc'", "'1e5'", "'0x10'", "'NaN'", "'-inf'", "'9223372036854775808'",
        "'€ü日本'", "'a%b_c'", "'%'", "'   '", "x''", "x'00'", "x'00ff'", "x'414243'", "NULL", "NULL", "NULL", "TRUE",
        "FALSE", "'2024-02-29 12:34:56'", "'2000-01-01'", "'{\"a\":[1,2,{\"b\":null}]}'", "'[1,2,3]'", "char(0)",
        "zeroblob(4)", "'a' || char(0) || 'b'", "'x''y'", "'-0'", "'+5'", "'1.0'", "'.5'", "'5.'", "zeroblob(100000)", "printf('%.*c', 100000, 'x')",
        "zeroblob(1000000001)", "printf('%2000000000d', 1)", "substr('abc', -9223372036854775808, 9223372036854775807)",
        "replace(printf('%.*c', 1000, 'x'), 'x', printf('%.*c', 1000, 'y'))"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>", "=", "==", "!=", "<>",
        "<", "<=", ">", ">=", "AND", "OR", "IS", "IS NOT", "IS DISTINCT FROM", "IS NOT DISTINCT FROM", "LIKE",
        "NOT LIKE", "GLOB", "NOT GLOB", "->", "->>"};
    private static final String[] SCALAR1 = {"abs", "length", "lower", "upper", "typeof", "quote", "hex", "unhex",
        "trim", "ltrim", "rtrim", "unicode", "likely", "unlikely", "round", "sign", "ceil", "floor", "sqrt", "ln",
        "log", "log2", "exp", "json", "json_type", "json_valid", "json_quote", "json_array_length", "date", "time",
        "datetime", "julianday", "unixepoch", "octet_length", "char", "zeroblob", "soundex", "degrees", "trunc",
        "-"};
    private static final String[] SCALAR2 = {"ifnull", "nullif", "instr", "round", "substr", "coalesce", "max", "min",
        "printf", "format", "glob", "like", "pow", "mod", "atan2", "log", "json_extract", "strftime", "iif",
        "likelihood", "concat", "concat_ws", "json_array", "json_object", "trim", "ltrim", "rtrim", "->>"};
    private static final String[] SCALAR3 = {"substr", "replace", "iif", "coalesce", "max", "min", "printf", "like",
        "json_insert", "json_set", "json_replace", "concat_ws", "substring"};
    private static final String[] AGGREGATES = {"count", "sum", "total", "avg", "min", "max", "group_concat",
        "string_agg", "json_group_array", "count"};
    private static final String[] WINDOW_ONLY = {"row_number()", "rank()", "dense_rank()", "percent_rank()",
        "cume_dist()", "ntile(2)", "ntile(0)"};
    private static final String[] WINDOW_ARG = {"lag", "lead", "first_value", "last_value", "nth_value"};
    private static final String[] CASTS = {"INTEGER", "INT", "REAL", "TEXT", "BLOB", "NUMERIC", "", "FLOAT",
        "'weird type'", "VARCHAR(3)", "BOOLEAN"};
    private static final String[] PRAGMAS = {"integrity_check", "quick_check", "table_info(%t)",
        "table_xinfo(%t)", "index_list(%t)", "foreign_key_check", "foreign_key_list(%t)", "user_version",
        "user_version = 7", "schema_version", "page_count", "freelist_count", "foreign_keys = 1", "foreign_keys",
        "cache_size", "journal_mode", "encoding", "application_id = 5", "recursive_triggers = 1",
        "case_sensitive_like = 1", "case_sensitive_like = 0", "integrity_check(%t)", "index_info(%t)",
        "nosuch_pragma", "table_info(nosuch)", "optimize", "collation_list", "function_list",
        "database_list", "compile_options", "data_version", "page_size", "auto_vacuum", "reverse_unordered_selects"};

    final SplittableRandom r;
    private final List<Source> tables = new ArrayList<>();
    private final List<String> ghosts = new ArrayList<>(List.of("nosuch", "sqlite_schema", "sqlite_master",
        "sqlite_sequence", "main.sqlite_schema", "temp.sqlite_master"));
    private final List<String> indexes = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    private final List<String> savepoints = new ArrayList<>();
    private int names;

    /** A row source: a table, view or CTE, and the column names it shows. */
    record Source(String name, List<String> cols, boolean view, boolean withoutRowid) {
    }

    /** A generated SELECT and the names of its result columns (null where no name is known). */
    record Sel(String sql, List<String> cols) {
    }

    /** A FROM clause: its text and the qualified and unqualified column references it makes visible. */
    private record From(String sql, List<String> refs) {
    }

    FuzzGen(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** A whole session: a few tables with rows and objects on them, then {@code n} statements of every kind. */
    List<String> session(int n) {
        List<String> out = new ArrayList<>();
        int t = 1 + r.nextInt(3);
        for (int k = 0; k < t; k++) {
            out.add(createTable());
            for (int i = r.nextInt(4); i >= 0; i--) {
                out.add(insert());
            }
        }
        while (out.size() < n) {
            out.add(statement());
        }
        return out;
    }

    String statement() {
        int w = r.nextInt(100);
        if (w < 38) {
            return maybeExplain(select(2, List.of()).sql);
        } else if (w < 52) {
            return insert();
        } else if (w < 59) {
            return update();
        } else if (w < 64) {
            return delete();
        } else if (w < 70) {
            return createIndex();
        } else if (w < 75) {
            return createView();
        } else if (w < 78) {
            return createTrigger();
        } else if (w < 81) {
            return tables.size() < 6 ? createTable() : drop();
        } else if (w < 84) {
            return drop();
        } else if (w < 87) {
            return alter();
        } else if (w < 94) {
            return transaction();
        } else {
            return pragma();
        }
    }

    private String maybeExplain(String sql) {
        int w = r.nextInt(40);
        return w == 0 ? "EXPLAIN " + sql : w == 1 ? "EXPLAIN QUERY PLAN " + sql : sql;
    }

    private String fresh(String prefix) {
        return prefix + (names++);
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    private String tableName() {
        List<Source> real = realTables();
        if (real.isEmpty() || chance(4)) {
            return pick(ghosts);
        }
        return pick(real).name;
    }

    private List<Source> realTables() {
        List<Source> real = new ArrayList<>();
        for (Source s : tables) {
            if (!s.view) {
                real.add(s);
            }
        }
        return real;
    }

    // ---- DDL ----

    String createTable() {
        String name = fresh("t");
        int n = 1 + r.nextInt(chance(5) ? 12 : 5);
        List<String> cols = new ArrayList<>();
        StringBuilder sb = new StringBuilder("CREATE ");
        if (chance(5)) {
            sb.append("TEMP ");
        }
        sb.append("TABLE ").append(chance(5) ? "IF NOT EXISTS " : "").append(name).append('(');
        boolean withoutRowid = chance(15);
        boolean strict = chance(10);
        int pk = withoutRowid || chance(50) ? r.nextInt(n) : -1;
        for (int k = 0; k < n; k++) {
            String col = chance(3) ? "\"c " + k + "\"" : "c" + k;
            cols.add(col);
            if (k > 0) {
                sb.append(", ");
            }
            String type = strict ? pick(new String[] {"INTEGER", "INT", "TEXT", "REAL", "BLOB", "ANY"}) : pick(TYPES);
            sb.append(col).append(' ').append(type);
            if (k == pk) {
                sb.append(" PRIMARY KEY");
                sb.append(chance(20) ? " DESC" : "");
                if (type.equals("INTEGER") && !withoutRowid && chance(20)) {
                    sb.append(" AUTOINCREMENT");
                }
            }
            columnConstraints(sb, cols, k);
        }
        if (chance(10) && n > 1) {
            sb.append(", UNIQUE(").append(cols.get(0)).append(", ").append(cols.get(n - 1)).append(')');
        }
        if (chance(10)) {
            sb.append(", CHECK(").append(expr(1, cols, false)).append(')');
        }
        if (chance(8) && !tables.isEmpty()) {
            Source parent = pick(tables);
            sb.append(", FOREIGN KEY(").append(cols.get(0)).append(") REFERENCES ").append(parent.name)
                .append(chance(50) ? "(" + parent.cols.get(0) + ")" : "")
                .append(chance(30) ? " ON DELETE CASCADE" : chance(30) ? " ON UPDATE SET NULL" : "");
        }
        sb.append(')');
        if (withoutRowid) {
            sb.append(" WITHOUT ROWID");
        }
        if (strict) {
            sb.append(withoutRowid ? ", STRICT" : " STRICT");
        }
        tables.add(new Source(name, cols, false, withoutRowid));
        return sb.toString();
    }

    private void columnConstraints(StringBuilder sb, List<String> cols, int k) {
        if (chance(15)) {
            sb.append(" NOT NULL");
            if (chance(30)) {
                sb.append(" ON CONFLICT ").append(pick(new String[] {"IGNORE", "REPLACE", "FAIL", "ABORT"}));
            }
        }
        if (chance(10)) {
            sb.append(" UNIQUE");
        }
        if (chance(15)) {
            sb.append(" DEFAULT ").append(chance(70) ? literal() : "(" + expr(1, List.of(), false) + ")");
        }
        if (chance(8)) {
            sb.append(" CHECK(").append(expr(1, cols.subList(0, k + 1), false)).append(')');
        }
        if (chance(10)) {
            sb.append(" COLLATE ").append(pick(new String[] {"NOCASE", "RTRIM", "BINARY", "nosuch"}));
        }
        if (chance(4) && k > 0) {
            sb.append(" GENERATED ALWAYS AS (").append(expr(1, cols.subList(0, k), false)).append(')')
                .append(chance(50) ? " STORED" : " VIRTUAL");
        }
    }

    String createIndex() {
        String name = fresh("i");
        List<Source> real = realTables();
        if (real.isEmpty()) {
            return "CREATE INDEX " + name + " ON nosuch(x)";
        }
        Source t = pick(real);
        StringBuilder sb = new StringBuilder("CREATE ");
        sb.append(chance(25) ? "UNIQUE " : "").append("INDEX ").append(chance(5) ? "IF NOT EXISTS " : "")
            .append(name).append(" ON ").append(t.name).append('(');
        int n = 1 + r.nextInt(Math.min(3, t.cols.size()));
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : "").append(chance(20) ? expr(1, t.cols, false) : pick(t.cols));
            sb.append(chance(10) ? " COLLATE NOCASE" : "").append(chance(15) ? " DESC" : "");
        }
        sb.append(')');
        if (chance(20)) {
            sb.append(" WHERE ").append(expr(1, t.cols, false));
        }
        indexes.add(name);
        return sb.toString();
    }

    String createView() {
        String name = fresh("v");
        Sel s = select(2, List.of());
        boolean named = chance(30);
        List<String> cols = new ArrayList<>();
        StringBuilder sb = new StringBuilder("CREATE ");
        sb.append(chance(5) ? "TEMP " : "").append("VIEW ").append(name);
        if (named) {
            sb.append('(');
            for (int k = 0; k < s.cols.size(); k++) {
                cols.add("w" + k);
                sb.append(k > 0 ? ", " : "").append("w").append(k);
            }
            sb.append(')');
        } else {
            for (String c : s.cols) {
                if (c != null) {
                    cols.add(c);
                }
            }
        }
        sb.append(" AS ").append(s.sql);
        if (!cols.isEmpty()) {
            tables.add(new Source(name, cols, true, false));
        }
        return sb.toString();
    }

    String createTrigger() {
        String name = fresh("tr");
        List<Source> real = realTables();
        if (real.isEmpty() || tables.isEmpty()) {
            return "CREATE TRIGGER " + name + " AFTER INSERT ON nosuch BEGIN SELECT 1; END";
        }
        Source t = chance(85) ? pick(real) : pick(tables);
        String event = pick(new String[] {"INSERT", "DELETE", "UPDATE", "UPDATE OF " + pick(t.cols)});
        String time = t.view ? "INSTEAD OF" : pick(new String[] {"BEFORE", "AFTER", ""});
        List<String> scope = new ArrayList<>();
        for (String c : t.cols) {
            scope.add(event.equals("DELETE") ? "old." + c : "new." + c);
        }
        StringBuilder sb = new StringBuilder("CREATE TRIGGER ").append(name).append(' ').append(time).append(' ')
            .append(event).append(" ON ").append(t.name);
        if (chance(30)) {
            sb.append(" FOR EACH ROW");
        }
        if (chance(30)) {
            sb.append(" WHEN ").append(expr(1, scope, false));
        }
        sb.append(" BEGIN ");
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            int w = r.nextInt(5);
            sb.append(switch (w) {
                case 0 -> "SELECT RAISE(" + pick(new String[] {"IGNORE", "ABORT, 'no'", "FAIL, 'f'", "ROLLBACK, 'r'"})
                    + ") WHERE " + expr(1, scope, false);
                case 1 -> update();
                case 2 -> delete();
                default -> insert();
            }).append("; ");
        }
        sb.append("END");
        triggers.add(name);
        return sb.toString();
    }

    String drop() {
        int w = r.nextInt(10);
        if (w < 4 && !tables.isEmpty()) {
            Source s = pick(tables);
            tables.remove(s);
            ghosts.add(s.name);
            return "DROP " + (s.view ? "VIEW " : "TABLE ") + (chance(30) ? "IF EXISTS " : "") + s.name;
        } else if (w < 7 && !indexes.isEmpty()) {
            return "DROP INDEX " + indexes.remove(r.nextInt(indexes.size()));
        } else if (w < 9 && !triggers.isEmpty()) {
            return "DROP TRIGGER " + triggers.remove(r.nextInt(triggers.size()));
        }
        return "DROP TABLE " + (chance(50) ? "IF EXISTS " : "") + pick(ghosts);
    }

    String alter() {
        List<Source> real = realTables();
        if (real.isEmpty()) {
            return "ALTER TABLE nosuch ADD COLUMN x";
        }
        Source t = pick(real);
        int w = r.nextInt(4);
        switch (w) {
            case 0 -> {
                String col = fresh("a");
                t.cols.add(col);
                return "ALTER TABLE " + t.name + " ADD COLUMN " + col + " " + pick(TYPES)
                    + (chance(30) ? " DEFAULT " + literal() : "") + (chance(10) ? " NOT NULL" : "");
            }
            case 1 -> {
                String to = fresh("t");
                tables.remove(t);
                tables.add(new Source(to, t.cols, false, t.withoutRowid));
                ghosts.add(t.name);
                return "ALTER TABLE " + t.name + " RENAME TO " + to;
            }
            case 2 -> {
                String from = pick(t.cols);
                String to = fresh("r");
                t.cols.set(t.cols.indexOf(from), to);
                return "ALTER TABLE " + t.name + " RENAME COLUMN " + from + " TO " + to;
            }
            default -> {
                String col = pick(t.cols);
                if (t.cols.size() > 1) {
                    t.cols.remove(col);
                }
                return "ALTER TABLE " + t.name + " DROP COLUMN " + col;
            }
        }
    }

    private String transaction() {
        int w = r.nextInt(9);
        switch (w) {
            case 0 -> {
                return "BEGIN" + pick(new String[] {"", " DEFERRED", " IMMEDIATE", " EXCLUSIVE", " TRANSACTION"});
            }
            case 1 -> {
                return pick(new String[] {"COMMIT", "END", "COMMIT TRANSACTION"});
            }
            case 2 -> {
                savepoints.clear();
                return "ROLLBACK";
            }
            case 3, 4 -> {
                String sp = fresh("s");
                savepoints.add(sp);
                return "SAVEPOINT " + sp;
            }
            case 5 -> {
                return savepoints.isEmpty() ? "RELEASE nosuch" : "RELEASE " + savepoints.remove(savepoints.size() - 1);
            }
            case 6 -> {
                return savepoints.isEmpty() ? "ROLLBACK TO nosuch" : "ROLLBACK TO " + pick(savepoints);
            }
            case 7 -> {
                return pick(new String[] {"VACUUM", "ANALYZE", "REINDEX", "REINDEX " + tableName(), "ANALYZE "
                    + tableName()});
            }
            default -> {
                return "BEGIN; " + insert() + "; " + (chance(50) ? "COMMIT" : "ROLLBACK");
            }
        }
    }

    private String pragma() {
        String p = pick(PRAGMAS);
        return "PRAGMA " + p.replace("%t", tableName());
    }

    // ---- DML ----

    String insert() {
        if (tables.isEmpty()) {
            return "INSERT INTO nosuch VALUES(1)";
        }
        Source t = pick(tables);
        StringBuilder sb = new StringBuilder();
        sb.append(chance(10) ? "REPLACE" : "INSERT" + pick(new String[] {"", "", "", " OR IGNORE", " OR REPLACE",
            " OR ABORT", " OR FAIL", " OR ROLLBACK"}));
        sb.append(" INTO ").append(t.name);
        List<String> cols = t.cols;
        if (chance(40)) {
            cols = new ArrayList<>();
            for (String c : t.cols) {
                if (chance(70)) {
                    cols.add(c);
                }
            }
            if (cols.isEmpty()) {
                cols.add(t.cols.get(0));
            }
            sb.append('(').append(String.join(", ", cols)).append(')');
        }
        int w = r.nextInt(10);
        if (w == 0) {
            sb.append(" DEFAULT VALUES");
        } else if (w < 3) {
            sb.append(' ').append(selectOfWidth(cols.size() + (chance(5) ? 1 : 0)));
        } else {
            sb.append(" VALUES");
            for (int row = 1 + r.nextInt(chance(10) ? 20 : 3); row > 0; row--) {
                sb.append(row == 0 ? "" : "").append('(');
                for (int k = 0; k < cols.size(); k++) {
                    sb.append(k > 0 ? ", " : "").append(chance(75) ? literal() : expr(1, List.of(), false));
                }
                sb.append(')').append(row > 1 ? ", " : "");
            }
        }
        if (chance(10)) {
            sb.append(" ON CONFLICT DO ").append(chance(50) ? "NOTHING" : "UPDATE SET " + pick(t.cols) + " = "
                + expr(1, t.cols, false));
        }
        if (chance(5)) {
            sb.append(" RETURNING *");
        }
        return sb.toString();
    }

    private String selectOfWidth(int n) {
        StringBuilder sb = new StringBuilder("SELECT ");
        From f = from(1, List.of());
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : "").append(expr(1, f.refs, false));
        }
        sb.append(f.sql);
        if (chance(40)) {
            sb.append(" WHERE ").append(expr(2, f.refs, false));
        }
        if (chance(30)) {
            sb.append(" LIMIT ").append(r.nextInt(10));
        }
        return sb.toString();
    }

    String update() {
        if (tables.isEmpty()) {
            return "UPDATE nosuch SET x = 1";
        }
        Source t = pick(tables);
        StringBuilder sb = new StringBuilder("UPDATE ");
        sb.append(pick(new String[] {"", "", "OR IGNORE ", "OR REPLACE ", "OR FAIL "})).append(t.name).append(" SET ");
        int n = 1 + r.nextInt(Math.min(3, t.cols.size()));
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : "").append(pick(t.cols)).append(" = ").append(expr(2, t.cols, false));
        }
        if (chance(70)) {
            sb.append(" WHERE ").append(expr(2, t.cols, false));
        }
        if (chance(4)) {
            sb.append(" RETURNING ").append(pick(t.cols));
        }
        return sb.toString();
    }

    String delete() {
        if (tables.isEmpty()) {
            return "DELETE FROM nosuch";
        }
        Source t = pick(tables);
        String sql = "DELETE FROM " + t.name;
        if (chance(85)) {
            sql += " WHERE " + expr(2, t.cols, false);
        }
        return sql;
    }

    // ---- SELECT ----

    Sel select(int depth, List<String> outer) {
        StringBuilder sb = new StringBuilder();
        List<String> ctes = new ArrayList<>();
        if (depth > 0 && chance(20)) {
            sb.append(with(depth, ctes));
        }
        Sel core = selectCore(depth, outer, ctes);
        sb.append(core.sql);
        List<String> cols = core.cols;
        if (chance(12)) {
            Sel other = selectCore(depth - 1, outer, ctes);
            String op = pick(new String[] {" UNION ", " UNION ALL ", " INTERSECT ", " EXCEPT "});
            if (other.cols.size() == cols.size() || chance(10)) {
                sb.append(op).append(other.sql);
            }
        }
        if (chance(35)) {
            sb.append(" ORDER BY ");
            int n = 1 + r.nextInt(2);
            for (int k = 0; k < n; k++) {
                sb.append(k > 0 ? ", " : "");
                if (chance(40)) {
                    sb.append(1 + r.nextInt(cols.size() + (chance(5) ? 1 : 0)));
                } else {
                    String c = pick(cols);
                    sb.append(c == null ? expr(1, List.of(), false) : c);
                }
                sb.append(pick(new String[] {"", "", " DESC", " ASC", " NULLS FIRST", " DESC NULLS LAST",
                    " COLLATE NOCASE"}));
            }
        }
        if (chance(25)) {
            sb.append(" LIMIT ").append(chance(80) ? String.valueOf(r.nextInt(12) - 1) : expr(1, List.of(), false));
            if (chance(30)) {
                sb.append(" OFFSET ").append(chance(80) ? String.valueOf(r.nextInt(5)) : expr(1, List.of(), false));
            }
        }
        tables.removeIf(t -> ctes.contains(t.name));
        return new Sel(sb.toString(), cols);
    }

    private String with(int depth, List<String> ctes) {
        StringBuilder sb = new StringBuilder("WITH ");
        boolean recursive = chance(25);
        if (recursive) {
            sb.append("RECURSIVE ");
            String name = fresh("r");
            sb.append(name).append("(n) AS (SELECT ").append(literal()).append(" UNION")
                .append(chance(50) ? " ALL" : "").append(" SELECT n + 1 FROM ").append(name).append(" WHERE n < ")
                .append(r.nextInt(20)).append(" LIMIT 50)");
            tables.add(new Source(name, new ArrayList<>(List.of("n")), true, false));
            ctes.add(name);
        }
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            if (recursive || k > 0) {
                sb.append(", ");
            }
            String name = fresh("w");
            Sel body = select(depth - 1, List.of());
            List<String> cols = new ArrayList<>();
            sb.append(name).append('(');
            for (int c = 0; c < body.cols.size(); c++) {
                cols.add("x" + c);
                sb.append(c > 0 ? ", " : "").append("x").append(c);
            }
            sb.append(") AS ").append(chance(10) ? "MATERIALIZED " : chance(10) ? "NOT MATERIALIZED " : "")
                .append('(').append(body.sql).append(") ");
            tables.add(new Source(name, cols, true, false));
            ctes.add(name);
        }
        return sb.toString();
    }

    private Sel selectCore(int depth, List<String> outer, List<String> ctes) {
        if (chance(5)) {
            int w = 1 + r.nextInt(3);
            StringBuilder sb = new StringBuilder("VALUES");
            for (int row = 1 + r.nextInt(3); row > 0; row--) {
                sb.append('(');
                for (int k = 0; k < w; k++) {
                    sb.append(k > 0 ? ", " : "").append(literal());
                }
                sb.append(')').append(row > 1 ? ", " : "");
            }
            List<String> cols = new ArrayList<>();
            for (int k = 0; k < w; k++) {
                cols.add(null);
            }
            return new Sel(sb.toString(), cols);
        }
        From f = from(depth, ctes);
        List<String> scope = new ArrayList<>(f.refs);
        scope.addAll(outer);
        boolean grouped = chance(25);
        boolean windowed = !grouped && chance(12);
        StringBuilder sb = new StringBuilder("SELECT ");
        sb.append(chance(10) ? "DISTINCT " : "");
        List<String> cols = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        if (chance(12) && !f.refs.isEmpty()) {
            sb.append("*");
            for (String ref : f.refs) {
                if (!ref.contains(".")) {
                    cols.add(ref);
                }
            }
            if (cols.isEmpty()) {
                cols.add(null);
            }
        } else {
            for (int k = 0; k < n; k++) {
                String e = grouped && chance(60) ? aggregate(depth, scope) : windowed && chance(50)
                    ? window(scope) : expr(Math.min(depth + 1, 3), scope, depth > 0);
                sb.append(k > 0 ? ", " : "").append(e);
                if (chance(90)) {
                    sb.append(" AS c").append(k);
                    cols.add("c" + k);
                } else {
                    cols.add(null);
                }
            }
        }
        sb.append(f.sql);
        if (chance(50)) {
            sb.append(" WHERE ").append(expr(2, scope, depth > 0));
        }
        if (grouped) {
            sb.append(" GROUP BY ").append(chance(30) ? "1" : expr(1, scope, false));
            if (chance(40)) {
                sb.append(" HAVING ").append(chance(60) ? aggregate(depth, scope) + " > 0" : expr(1, scope, false));
            }
        }
        if (windowed && chance(20)) {
            sb.append(" WINDOW win AS (ORDER BY ").append(expr(0, scope, false)).append(')');
        }
        return new Sel(sb.toString(), cols);
    }

    private From from(int depth, List<String> ctes) {
        if (tables.isEmpty() || chance(8)) {
            return new From("", List.of());
        }
        StringBuilder sb = new StringBuilder(" FROM ");
        List<String> refs = new ArrayList<>();
        int n = 1 + (chance(40) ? r.nextInt(3) : 0);
        for (int k = 0; k < n; k++) {
            String alias = fresh("a");
            List<String> cols;
            String item;
            if (depth > 0 && chance(12)) {
                Sel sub = select(depth - 1, List.of());
                item = "(" + sub.sql + ")";
                cols = new ArrayList<>();
                for (String c : sub.cols) {
                    if (c != null) {
                        cols.add(c);
                    }
                }
            } else {
                Source s = !ctes.isEmpty() && chance(50) ? byName(pick(ctes)) : pick(tables);
                item = s == null ? pick(ghosts) : s.name;
                cols = s == null ? List.of() : s.cols;
            }
            if (k > 0) {
                String join = pick(new String[] {", ", " JOIN ", " LEFT JOIN ", " CROSS JOIN ", " INNER JOIN ",
                    " RIGHT JOIN ", " FULL JOIN ", " NATURAL JOIN ", " LEFT OUTER JOIN "});
                sb.append(join);
            }
            sb.append(item).append(" AS ").append(alias);
            for (String c : cols) {
                refs.add(alias + "." + c);
            }
            if (k > 0 && !sb.toString().endsWith("NATURAL JOIN " + item + " AS " + alias) && chance(70)) {
                sb.append(" ON ").append(expr(1, refs, false));
            }
            for (String c : cols) {
                refs.add(c);
            }
        }
        return new From(sb.toString(), refs);
    }

    private Source byName(String name) {
        for (Source s : tables) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }

    private String aggregate(int depth, List<String> scope) {
        String f = pick(AGGREGATES);
        if (f.equals("count") && chance(30)) {
            return "count(*)";
        }
        String arg = expr(0, scope, false);
        String distinct = chance(10) ? "DISTINCT " : "";
        String extra = f.equals("group_concat") || f.equals("string_agg") ? ", " + pick(new String[] {"','",
            "''", "NULL", "x'00'"}) : "";
        if (f.equals("string_agg") && extra.isEmpty()) {
            extra = ", ','";
        }
        String filter = chance(8) ? " FILTER (WHERE " + expr(1, scope, false) + ")" : "";
        String order = chance(5) ? " ORDER BY " + expr(0, scope, false) : "";
        return f + "(" + distinct + arg + extra + order + ")" + filter;
    }

    private String window(List<String> scope) {
        String f;
        if (chance(40)) {
            f = pick(WINDOW_ONLY);
        } else if (chance(50)) {
            f = pick(WINDOW_ARG) + "(" + expr(0, scope, false) + (chance(30) ? ", " + r.nextInt(3) : "") + ")";
        } else {
            f = aggregate(0, scope);
        }
        if (chance(15)) {
            return f + " OVER win";
        }
        StringBuilder sb = new StringBuilder(f).append(" OVER (");
        if (chance(50)) {
            sb.append("PARTITION BY ").append(expr(0, scope, false)).append(' ');
        }
        if (chance(70)) {
            sb.append("ORDER BY ").append(expr(0, scope, false)).append(' ');
        }
        if (chance(30)) {
            sb.append(pick(new String[] {"ROWS", "RANGE", "GROUPS"})).append(" BETWEEN ")
                .append(pick(new String[] {"UNBOUNDED PRECEDING", "1 PRECEDING", "CURRENT ROW"})).append(" AND ")
                .append(pick(new String[] {"UNBOUNDED FOLLOWING", "2 FOLLOWING", "CURRENT ROW"}));
            sb.append(chance(20) ? " EXCLUDE " + pick(new String[] {"TIES", "GROUP", "CURRENT ROW", "NO OTHERS"}) : "");
        }
        return sb.append(')').toString();
    }

    // ---- expressions ----

    String literal() {
        return pick(LITERALS);
    }

    /** An expression over {@code scope}; {@code subqueries} allows nested SELECTs (correlated to the scope). */
    String expr(int depth, List<String> scope, boolean subqueries) {
        if (depth <= 0 || chance(25)) {
            return leaf(scope);
        }
        int w = r.nextInt(100);
        if (w < 30) {
            return "(" + expr(depth - 1, scope, subqueries) + " " + pick(BINARY) + " "
                + expr(depth - 1, scope, subqueries) + ")";
        } else if (w < 38) {
            return pick(new String[] {"NOT ", "-", "+", "~"}) + "(" + expr(depth - 1, scope, subqueries) + ")";
        } else if (w < 52) {
            return function(depth, scope, subqueries);
        } else if (w < 58) {
            return "CAST(" + expr(depth - 1, scope, subqueries) + " AS " + pick(CASTS) + ")";
        } else if (w < 64) {
            StringBuilder sb = new StringBuilder("CASE");
            boolean simple = chance(40);
            if (simple) {
                sb.append(' ').append(expr(depth - 1, scope, subqueries));
            }
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                sb.append(" WHEN ").append(expr(depth - 1, scope, subqueries)).append(" THEN ")
                    .append(expr(depth - 1, scope, subqueries));
            }
            if (chance(60)) {
                sb.append(" ELSE ").append(expr(depth - 1, scope, subqueries));
            }
            return sb.append(" END").toString();
        } else if (w < 69) {
            return "(" + expr(depth - 1, scope, subqueries) + (chance(20) ? " NOT" : "") + " BETWEEN "
                + expr(depth - 1, scope, subqueries) + " AND " + expr(depth - 1, scope, subqueries) + ")";
        } else if (w < 75) {
            StringBuilder sb = new StringBuilder("(").append(expr(depth - 1, scope, subqueries))
                .append(chance(20) ? " NOT IN (" : " IN (");
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                sb.append(k > 0 ? ", " : "").append(expr(0, scope, false));
            }
            return sb.append("))").toString();
        } else if (w < 79) {
            return "(" + expr(depth - 1, scope, subqueries) + pick(new String[] {" ISNULL", " NOTNULL",
                " IS NULL", " IS NOT NULL", " COLLATE NOCASE", " COLLATE RTRIM", " COLLATE BINARY"}) + ")";
        } else if (w < 82) {
            return "(" + expr(depth - 1, scope, subqueries) + " LIKE " + expr(0, scope, false) + " ESCAPE "
                + pick(new String[] {"'\\'", "'%'", "'ab'", "''", "NULL"}) + ")";
        } else if (subqueries && w < 94) {
            return subquery(depth, scope);
        }
        return leaf(scope);
    }

    private String subquery(int depth, List<String> scope) {
        int w = r.nextInt(5);
        Sel s = select(depth - 1, scope);
        return switch (w) {
            case 0 -> (chance(30) ? "NOT " : "") + "EXISTS (" + s.sql + ")";
            case 1 -> "(" + expr(0, scope, false) + (chance(20) ? " NOT IN (" : " IN (") + s.sql + "))";
            default -> "(" + s.sql + ")";
        };
    }

    private String function(int depth, List<String> scope, boolean subqueries) {
        int arity = r.nextInt(10);
        if (arity < 4) {
            String f = pick(SCALAR1);
            String a = expr(depth - 1, scope, subqueries);
            return f.equals("-") ? "-(" + a + ")" : f + "(" + a + ")";
        } else if (arity < 7) {
            String f = pick(SCALAR2);
            String a = expr(depth - 1, scope, subqueries);
            String b = expr(depth - 1, scope, subqueries);
            return f.equals("->>") ? "(" + a + " ->> " + b + ")" : f + "(" + a + ", " + b + ")";
        } else if (arity < 9) {
            return pick(SCALAR3) + "(" + expr(depth - 1, scope, subqueries) + ", " + expr(depth - 1, scope, subqueries)
                + ", " + expr(depth - 1, scope, subqueries) + ")";
        }
        return pick(new String[] {"printf('%d %s %.3f %x %c %q %Q %w %5.2e %-5s|%05d', ",
            "format('%*d', ", "printf('%.*f', ", "printf('%lld %llu %!.20g %,d', "}) + expr(depth - 1, scope, false)
            + ", " + expr(depth - 1, scope, false) + ")";
    }

    private String leaf(List<String> scope) {
        int w = r.nextInt(100);
        if (!scope.isEmpty() && w < 55) {
            return pick(scope);
        } else if (w < 58) {
            return pick(new String[] {"?", "?1", "?3", ":p", "@q", "$r", "?999"});
        } else if (w < 60) {
            return pick(new String[] {"nosuch", "a99.c0", "rowid", "_rowid_", "oid", "t0.rowid"});
        }
        return literal();
    }
}
