package dev.panamax.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random schemas, data and SELECT statements for differential testing against SQLite: tables with assorted
 * declared types (and none), INTEGER PRIMARY KEY, COLLATE NOCASE, single and multi-column and UNIQUE indexes; rows
 * mixing NULL, integers, reals, numeric-looking text and blobs; queries with every join kind, subqueries,
 * aggregates with GROUP BY/HAVING, DISTINCT, compound SELECT, ORDER BY with LIMIT/OFFSET, CASE, CAST, LIKE/GLOB,
 * BETWEEN and IN.
 */
final class QueryGenerator {
    private static final String[] TYPES = {"INTEGER", "INT", "TEXT", "REAL", "NUMERIC", "BLOB", "", "VARCHAR(8)",
        "DOUBLE", "TEXT COLLATE NOCASE", "INTEGER NOT NULL DEFAULT 0", "TEXT COLLATE RTRIM"};
    private static final String[] TEXTS = {"'a'", "'A'", "'b'", "'abc'", "'ABC'", "'1'", "'2'", "' 3'", "'1.5'",
        "''", "'a '", "'10'", "'-4'", "'x1'", "'1e2'"};
    private static final String[] REALS = {"0.5", "1.0", "-2.25", "3.0", "1e10", "2.5", "-0.0", "100.125", "7.0"};
    private static final String[] FUNCS1 = {"abs", "length", "upper", "lower", "typeof", "hex", "quote", "trim",
        "sign", "round", "unicode"};

    private final Random rnd;
    final List<Table> tables = new ArrayList<>();

    record Table(String name, List<String> columns, List<String> types, boolean ipk) {
    }

    QueryGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private <T> T pick(List<T> a) {
        return a.get(rnd.nextInt(a.size()));
    }

    /** CREATE TABLE, CREATE INDEX and INSERT statements. */
    List<String> schema() {
        List<String> out = new ArrayList<>();
        int n = 2 + rnd.nextInt(2);
        for (int t = 0; t < n; t++) {
            String name = "t" + t;
            int cols = 2 + rnd.nextInt(3);
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            boolean ipk = chance(0.35);
            StringBuilder sb = new StringBuilder("CREATE TABLE " + name + "(");
            for (int c = 0; c < cols; c++) {
                String type = c == 0 && ipk ? "INTEGER PRIMARY KEY" : pick(TYPES);
                names.add("c" + c);
                types.add(type);
                sb.append(c == 0 ? "" : ", ").append("c").append(c).append(type.isEmpty() ? "" : " " + type);
            }
            if (!ipk && chance(0.15)) {
                sb.append(", UNIQUE(c1)");
            }
            sb.append(")");
            out.add(sb.toString());
            tables.add(new Table(name, names, types, ipk));
            for (int i = 0; i < rnd.nextInt(3); i++) {
                out.add(index(name, i, names));
            }
            int rows = rnd.nextInt(13);
            for (int r = 0; r < rows; r++) {
                StringBuilder ins = new StringBuilder("INSERT OR IGNORE INTO " + name + " VALUES(");
                for (int c = 0; c < cols; c++) {
                    ins.append(c == 0 ? "" : ", ").append(c == 0 && ipk ? (chance(0.2) ? "NULL"
                            : Integer.toString(rnd.nextInt(20) - 3)) : literal());
                }
                out.add(ins.append(")").toString());
            }
        }
        return out;
    }

    private String index(String table, int i, List<String> cols) {
        StringBuilder sb = new StringBuilder("CREATE ").append(chance(0.25) ? "UNIQUE " : "").append("INDEX ")
                .append(table).append("i").append(i).append(" ON ").append(table).append("(");
        int k = 1 + rnd.nextInt(Math.min(2, cols.size()));
        List<String> used = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String c = pick(cols);
            if (used.contains(c)) {
                continue;
            }
            used.add(c);
            sb.append(j == 0 ? "" : ", ").append(c);
            if (chance(0.15)) {
                sb.append(" COLLATE NOCASE");
            }
            if (chance(0.2)) {
                sb.append(" DESC");
            }
        }
        if (used.isEmpty()) {
            sb.append(cols.get(0));
        }
        return sb.append(")").toString();
    }

    String literal() {
        double d = rnd.nextDouble();
        if (d < 0.15) {
            return "NULL";
        }
        if (d < 0.5) {
            return Integer.toString(rnd.nextInt(14) - 3);
        }
        if (d < 0.65) {
            return pick(REALS);
        }
        if (d < 0.95) {
            return pick(TEXTS);
        }
        return chance(0.5) ? "x'00'" : "x'41'";
    }

    /** One query and whether its ORDER BY makes the row order deterministic. */
    record Query(String sql, boolean ordered) {
    }

    private record From(String sql, List<String> columns) {
    }

    Query query() {
        if (chance(0.12)) {
            return compound();
        }
        return simple(true, 0);
    }

    private Query compound() {
        int width = 1 + rnd.nextInt(2);
        String a = core(width, 1);
        String b = core(width, 1);
        String op = pick(new String[] {"UNION", "UNION ALL", "EXCEPT", "INTERSECT"});
        String sql = a + " " + op + " " + b;
        boolean ordered = false;
        if (chance(0.5)) {
            StringBuilder ob = new StringBuilder(" ORDER BY ");
            for (int k = 1; k <= width; k++) {
                ob.append(k == 1 ? "" : ", ").append(k).append(chance(0.3) ? " DESC" : "");
            }
            sql += ob;
        }
        return new Query(sql, ordered);
    }

    private String core(int width, int depth) {
        From f = from(depth);
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int k = 0; k < width; k++) {
            sb.append(k == 0 ? "" : ", ").append(expr(f.columns(), 2, depth));
        }
        sb.append(" FROM ").append(f.sql());
        if (chance(0.6)) {
            sb.append(" WHERE ").append(predicate(f.columns(), 2, depth));
        }
        return sb.toString();
    }

    private Query simple(boolean top, int depth) {
        From f = from(depth);
        List<String> cols = f.columns();
        boolean agg = chance(0.3);
        List<String> results = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (agg && chance(0.7)) {
            int g = 1 + rnd.nextInt(2);
            for (int k = 0; k < g; k++) {
                group.add(chance(0.8) ? pick(cols) : expr(cols, 1, depth));
            }
            results.addAll(group);
        }
        int width = 1 + rnd.nextInt(3);
        for (int k = 0; k < width; k++) {
            results.add(agg ? (chance(0.7) ? aggregate(cols, depth) : group.isEmpty() ? aggregate(cols, depth)
                    : pick(group)) : expr(cols, 3, depth));
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        if (chance(0.15)) {
            sb.append("DISTINCT ");
        }
        sb.append(String.join(", ", results)).append(" FROM ").append(f.sql());
        if (chance(0.6)) {
            sb.append(" WHERE ").append(predicate(cols, 3, depth));
        }
        if (!group.isEmpty()) {
            sb.append(" GROUP BY ").append(String.join(", ", group));
            if (chance(0.3)) {
                sb.append(" HAVING ").append(havingPredicate(cols, depth));
            }
        }
        boolean ordered = false;
        if (top && chance(0.6)) {
            StringBuilder ob = new StringBuilder(" ORDER BY ");
            for (int k = 0; k < results.size(); k++) {
                String dir = chance(0.3) ? " DESC" : "";
                String nulls = chance(0.1) ? (chance(0.5) ? " NULLS FIRST" : " NULLS LAST") : "";
                ob.append(k == 0 ? "" : ", ").append(k + 1).append(dir).append(nulls)
                        .append(", quote(").append(results.get(k)).append(")").append(dir);
            }
            sb.append(ob);
            ordered = true;
            if (chance(0.5)) {
                sb.append(" LIMIT ").append(rnd.nextInt(6));
                if (chance(0.4)) {
                    sb.append(" OFFSET ").append(rnd.nextInt(4));
                }
            }
        }
        return new Query(sb.toString(), ordered);
    }

    private From from(int depth) {
        List<String> cols = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(depth > 0 ? 2 : 3);
        List<String> used = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Table t = pick(tables);
            String alias = "a" + depth + k;
            List<String> tcols = new ArrayList<>();
            String item;
            if (depth == 0 && chance(0.1)) {
                item = "(SELECT * FROM " + t.name() + " WHERE " + predicate(qualify(t, "z"), 1, depth + 1)
                        .replace("z.", "") + ") AS " + alias;
            } else {
                item = t.name() + " AS " + alias;
            }
            for (String c : t.columns()) {
                tcols.add(alias + "." + c);
            }
            if (k == 0) {
                sb.append(item);
            } else {
                double d = rnd.nextDouble();
                if (d < 0.2) {
                    sb.append(", ").append(item);
                } else if (d < 0.3) {
                    sb.append(" CROSS JOIN ").append(item);
                } else if (d < 0.4 && common(used, t) != null) {
                    sb.append(chance(0.5) ? " LEFT" : "").append(" JOIN ").append(item).append(" USING(")
                            .append(common(used, t)).append(")");
                } else if (d < 0.45) {
                    sb.append(" NATURAL ").append(chance(0.5) ? "LEFT " : "").append("JOIN ").append(item);
                } else {
                    String kind = pick(new String[] {"JOIN", "LEFT JOIN", "LEFT JOIN", "INNER JOIN", "RIGHT JOIN",
                        "FULL JOIN"});
                    List<String> both = new ArrayList<>(cols);
                    both.addAll(tcols);
                    sb.append(" ").append(kind).append(" ").append(item).append(" ON ")
                            .append(pick(tcols)).append(" = ").append(pick(cols));
                    if (chance(0.3)) {
                        sb.append(" AND ").append(predicate(both, 1, depth));
                    }
                }
            }
            cols.addAll(tcols);
            used.add(t.name());
        }
        return new From(sb.toString(), cols);
    }

    private String common(List<String> used, Table t) {
        return t.columns().get(0);
    }

    private static List<String> qualify(Table t, String alias) {
        List<String> out = new ArrayList<>();
        for (String c : t.columns()) {
            out.add(alias + "." + c);
        }
        return out;
    }

    String expr(List<String> cols, int depth, int qdepth) {
        double d = rnd.nextDouble();
        if (depth <= 0 || d < 0.35) {
            return chance(0.75) ? pick(cols) : literal();
        }
        if (d < 0.5) {
            String op = pick(new String[] {"+", "-", "*", "/", "%", "||", "&", "|"});
            return "(" + expr(cols, depth - 1, qdepth) + " " + op + " " + expr(cols, depth - 1, qdepth) + ")";
        }
        if (d < 0.6) {
            return pick(FUNCS1) + "(" + expr(cols, depth - 1, qdepth) + ")";
        }
        if (d < 0.68) {
            String f = pick(new String[] {"coalesce", "ifnull", "nullif", "max", "min", "instr"});
            return f + "(" + expr(cols, depth - 1, qdepth) + ", " + expr(cols, depth - 1, qdepth) + ")";
        }
        if (d < 0.74) {
            return "substr(" + expr(cols, depth - 1, qdepth) + ", " + (rnd.nextInt(4) - 1) + ", " + rnd.nextInt(3)
                    + ")";
        }
        if (d < 0.82) {
            return "CASE WHEN " + predicate(cols, depth - 1, qdepth) + " THEN " + expr(cols, depth - 1, qdepth)
                    + (chance(0.6) ? " ELSE " + expr(cols, depth - 1, qdepth) : "") + " END";
        }
        if (d < 0.88) {
            return "CAST(" + expr(cols, depth - 1, qdepth) + " AS "
                    + pick(new String[] {"INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB"}) + ")";
        }
        if (d < 0.93 && qdepth < 1) {
            Table t = pick(tables);
            List<String> inner = qualify(t, "s" + qdepth);
            List<String> all = new ArrayList<>(inner);
            all.addAll(cols);
            String agg = pick(new String[] {"max", "min", "count", "sum"});
            return "(SELECT " + agg + "(" + pick(inner) + ") FROM " + t.name() + " AS s" + qdepth + " WHERE "
                    + predicate(all, 1, qdepth + 1) + ")";
        }
        if (d < 0.96) {
            return "(" + predicate(cols, depth - 1, qdepth) + ")";
        }
        return "-" + expr(cols, depth - 1, qdepth);
    }

    String predicate(List<String> cols, int depth, int qdepth) {
        double d = rnd.nextDouble();
        if (depth > 0 && d < 0.2) {
            return "(" + predicate(cols, depth - 1, qdepth) + (chance(0.5) ? " AND " : " OR ")
                    + predicate(cols, depth - 1, qdepth) + ")";
        }
        if (depth > 0 && d < 0.25) {
            return "NOT " + predicate(cols, depth - 1, qdepth);
        }
        if (d < 0.55) {
            String op = pick(new String[] {"=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT", "=="});
            return expr(cols, depth - 1, qdepth) + " " + op + " " + expr(cols, depth - 1, qdepth);
        }
        if (d < 0.62) {
            return expr(cols, depth - 1, qdepth) + (chance(0.5) ? " IS NULL" : " IS NOT NULL");
        }
        if (d < 0.7) {
            return expr(cols, depth - 1, qdepth) + (chance(0.2) ? " NOT" : "") + " BETWEEN " + literal() + " AND "
                    + literal();
        }
        if (d < 0.78) {
            StringBuilder sb = new StringBuilder(expr(cols, depth - 1, qdepth)).append(chance(0.2) ? " NOT" : "")
                    .append(" IN (");
            int n = rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                sb.append(k == 0 ? "" : ", ").append(literal());
            }
            return sb.append(")").toString();
        }
        if (d < 0.84) {
            String pat = pick(new String[] {"'a%'", "'%b%'", "'A_C'", "'1%'", "'%'", "'_'"});
            return expr(cols, 0, qdepth) + (chance(0.2) ? " NOT" : "") + (chance(0.7) ? " LIKE " : " GLOB ")
                    + (chance(0.5) ? pat : pat.replace('%', '*').replace('_', '?'));
        }
        if (d < 0.92 && qdepth < 1) {
            Table t = pick(tables);
            List<String> inner = qualify(t, "q" + qdepth);
            List<String> all = new ArrayList<>(inner);
            all.addAll(cols);
            String where = chance(0.7) ? " WHERE " + predicate(all, 1, qdepth + 1) : "";
            if (chance(0.5)) {
                return (chance(0.3) ? "NOT " : "") + "EXISTS (SELECT 1 FROM " + t.name() + " AS q" + qdepth + where
                        + ")";
            }
            return expr(cols, 0, qdepth) + (chance(0.3) ? " NOT" : "") + " IN (SELECT " + pick(inner) + " FROM "
                    + t.name() + " AS q" + qdepth + where + ")";
        }
        return expr(cols, depth, qdepth);
    }

    private String aggregate(List<String> cols, int depth) {
        String x = chance(0.8) ? pick(cols) : expr(cols, 1, depth);
        String f = pick(new String[] {"count", "sum", "min", "max", "avg", "total", "count", "group_concat",
            "string_agg"});
        if (f.equals("count") && chance(0.4)) {
            return "count(*)";
        }
        if (f.equals("group_concat") || f.equals("string_agg")) {
            String sep = f.equals("string_agg") || chance(0.5) ? ", '" + pick(new String[] {"-", "", ";"}) + "'" : "";
            return f + "(" + (chance(0.2) ? "DISTINCT " + x + sep + " ORDER BY " + x
                    : x + sep + " ORDER BY quote(" + x + "), " + pick(cols)) + ")";
        }
        String distinct = chance(0.15) && !f.equals("group_concat") ? "DISTINCT " : "";
        String call = f + "(" + distinct + x + ")";
        if (chance(0.1)) {
            call += " FILTER (WHERE " + predicate(cols, 1, depth) + ")";
        }
        return call;
    }

    private String havingPredicate(List<String> cols, int depth) {
        return aggregate(cols, depth) + " " + pick(new String[] {">", "<", "=", "<>"}) + " " + literal();
    }
}
