package dev.panamax.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the schema the way a SQLite tool does, through SQL on a JDBC connection: {@code sqlite_schema} (and
 * {@code sqlite_temp_schema}) for tables, views and indexes, and the PRAGMAs {@code table_xinfo},
 * {@code index_list}, {@code index_xinfo} and {@code foreign_key_list} for their parts (pragma.html). Working over
 * plain JDBC keeps it usable on any SQLite-compatible connection, which is how its answers are checked against
 * SQLite itself.
 */
final class SchemaReader {
    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");
    private static final Pattern WITHOUT_ROWID = Pattern.compile("(?i)\\)\\s*WITHOUT\\s+ROWID\\s*(,|$)");

    private final Connection conn;

    SchemaReader(Connection conn) {
        this.conn = conn;
    }

    /** A table or view; {@code temp} for one of the connection's temporary schema. */
    record Table(String name, String type, String sql, boolean temp) {
        boolean isView() {
            return type.equals("view");
        }

        boolean isSystem() {
            return name.regionMatches(true, 0, "sqlite_", 0, 7);
        }

        boolean hasAutoincrement() {
            return sql != null && AUTOINCREMENT.matcher(sql).find();
        }

        boolean isWithoutRowid() {
            return sql != null && WITHOUT_ROWID.matcher(sql.strip()).find();
        }
    }

    /** A row of PRAGMA table_xinfo; {@code hidden} is 0 normal, 1 hidden, 2 generated virtual, 3 generated stored. */
    record Column(int cid, String name, String declType, boolean notNull, String defaultValue, int pk, int hidden) {
        boolean isGenerated() {
            return hidden == 2 || hidden == 3;
        }
    }

    /** A row of PRAGMA index_list, with the index's SQL ({@code null} for automatic indexes). */
    record Index(String name, boolean unique, String origin, boolean partial, String sql) {
    }

    /** A row of PRAGMA index_xinfo: {@code cid} -1 is the rowid, -2 an expression; {@code key} false for aux. */
    record IndexColumn(int seqno, int cid, String name, boolean desc, String collation, boolean key) {
    }

    /** A row of PRAGMA foreign_key_list; {@code to} is null when the parent's primary key is meant. */
    record ForeignKey(int id, int seq, String table, String from, String to, String onUpdate, String onDelete) {
    }

    /** Tables and views of the main and temp schemas, plus the schema tables themselves. */
    List<Table> tables() throws SQLException {
        List<Table> out = new ArrayList<>();
        out.add(new Table("sqlite_schema", "table", null, false));
        read("SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table','view')", rs -> out.add(
                new Table(rs.getString(1), rs.getString(2), rs.getString(3), false)));
        List<Table> temp = new ArrayList<>();
        try {
            read("SELECT name, type, sql FROM sqlite_temp_schema WHERE type IN ('table','view')", rs -> temp.add(
                    new Table(rs.getString(1), rs.getString(2), rs.getString(3), true)));
        } catch (SQLException noTempSchema) {
            temp.clear();
        }
        if (!temp.isEmpty()) {
            out.add(new Table("sqlite_temp_schema", "table", null, true));
        }
        out.addAll(temp);
        return out;
    }

    /** The table or view named {@code name} (case-insensitively), or null. */
    Table table(String name) throws SQLException {
        for (Table t : tables()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** The columns of {@code t}; from table_info (no hidden or generated columns) where table_xinfo is missing. */
    List<Column> columns(Table t) throws SQLException {
        List<Column> out = new ArrayList<>();
        String arg = "(" + literal(t.name()) + ")";
        boolean x = read("PRAGMA " + schema(t) + "table_xinfo" + arg, rs -> out.add(new Column(
                rs.getInt("cid"), rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0,
                rs.getString("dflt_value"), rs.getInt("pk"), rs.getInt("hidden"))));
        if (!x) {
            read("PRAGMA " + schema(t) + "table_info" + arg, rs -> out.add(new Column(rs.getInt("cid"),
                    rs.getString("name"), rs.getString("type"), rs.getInt("notnull") != 0,
                    rs.getString("dflt_value"), rs.getInt("pk"), 0)));
        }
        return out;
    }

    List<Index> indexes(Table t) throws SQLException {
        List<Index> out = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        read("PRAGMA " + schema(t) + "index_list(" + literal(t.name()) + ")", rs -> rows.add(new String[] {
            rs.getString("name"), rs.getString("unique"), rs.getString("origin"), rs.getString("partial")}));
        for (String[] r : rows) {
            String[] sql = {null};
            read("SELECT sql FROM " + schemaTable(t) + " WHERE type = 'index' AND name = " + literal(r[0]),
                    rs -> sql[0] = rs.getString(1));
            out.add(new Index(r[0], "1".equals(r[1]), r[2], "1".equals(r[3]), sql[0]));
        }
        return out;
    }

    /** The columns of {@code index}; from index_info (key columns, ascending) where index_xinfo is missing. */
    List<IndexColumn> indexColumns(Table t, Index index) throws SQLException {
        List<IndexColumn> out = new ArrayList<>();
        String arg = "(" + literal(index.name()) + ")";
        boolean x = read("PRAGMA " + schema(t) + "index_xinfo" + arg, rs -> out.add(new IndexColumn(
                rs.getInt("seqno"), rs.getInt("cid"), rs.getString("name"), rs.getInt("desc") != 0,
                rs.getString("coll"), rs.getInt("key") != 0)));
        if (!x) {
            read("PRAGMA " + schema(t) + "index_info" + arg, rs -> out.add(new IndexColumn(rs.getInt("seqno"),
                    rs.getInt("cid"), rs.getString("name"), false, null, true)));
        }
        return out;
    }

    /** The foreign keys of {@code t}; none where the engine lacks foreign_key_list. */
    List<ForeignKey> foreignKeys(Table t) throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        read("PRAGMA " + schema(t) + "foreign_key_list(" + literal(t.name()) + ")", rs -> out.add(new ForeignKey(
                rs.getInt("id"), rs.getInt("seq"), rs.getString("table"), rs.getString("from"),
                rs.getString("to"), rs.getString("on_update"), rs.getString("on_delete"))));
        return out;
    }

    /** The primary key columns of {@code t} in key order (empty when it has none). */
    List<Column> primaryKey(Table t) throws SQLException {
        List<Column> pk = new ArrayList<>(columns(t).stream().filter(c -> c.pk() > 0).toList());
        pk.sort((a, b) -> Integer.compare(a.pk(), b.pk()));
        return pk;
    }

    /** True when {@code c} is the rowid alias of {@code t}: its only primary key column, declared INTEGER. */
    static boolean isRowidAlias(Table t, Column c, List<Column> all) {
        if (c.pk() != 1 || t.isView() || t.isWithoutRowid() || c.declType() == null
                || !c.declType().strip().equalsIgnoreCase("INTEGER")) {
            return false;
        }
        return all.stream().filter(x -> x.pk() > 0).count() == 1;
    }

    private static String schema(Table t) {
        return t.temp() ? "temp." : "";
    }

    private static String schemaTable(Table t) {
        return t.temp() ? "sqlite_temp_schema" : "sqlite_schema";
    }

    /** {@code s} as an SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Runs {@code sql} and hands each row to {@code each}; false when the statement has no result columns (a PRAGMA
     * the engine does not know does nothing, as in SQLite).
     */
    private boolean read(String sql, RowAction each) throws SQLException {
        try (Statement st = conn.createStatement()) {
            if (!st.execute(sql)) {
                return false;
            }
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
            return true;
        }
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** JDBC's metadata name patterns: {@code %} any run, {@code _} one character, {@code \} escapes; null is all. */
    static boolean matches(String pattern, String name) {
        if (pattern == null || pattern.equals("%")) {
            return true;
        }
        return name != null && like(pattern.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean like(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = s.length(); k >= si; k--) {
                    if (like(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
                if (s.charAt(si) != c) {
                    return false;
                }
            } else if (c != '_' && s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
