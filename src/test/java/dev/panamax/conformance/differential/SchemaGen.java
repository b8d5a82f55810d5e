package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random tables: declared types of every affinity (none, INTEGER, INT, TEXT, REAL, NUMERIC, BLOB and odd ones such
 * as VARCHAR(10) or FLOATING POINT), INTEGER PRIMARY KEY, composite keys, WITHOUT ROWID, NOT NULL, UNIQUE, CHECK,
 * DEFAULT, COLLATE NOCASE/RTRIM, and single- and multi-column (UNIQUE, DESC, collated) indexes.
 */
final class SchemaGen {
    private static final String[] TYPES = {"", "INTEGER", "INT", "TEXT", "REAL", "NUMERIC", "BLOB", "VARCHAR(10)",
        "FLOATING POINT", "DOUBLE", "BIGINT", "STRING", "CHARACTER(3)", "BOOLEAN", "DECIMAL(10,5)", "ANY"};
    private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "\"x y\"", "\"order\""};

    private final RandomGenerator r;
    final List<Model.Table> tables = new ArrayList<>();
    final List<Node> ddl = new ArrayList<>();

    SchemaGen(RandomGenerator r) {
        this.r = r;
    }

    void generate() {
        int n = 2 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            table("t" + k);
        }
    }

    private void table(String name) {
        int ncols = 2 + r.nextInt(4);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < ncols) {
            names.add(NAMES[r.nextInt(r.nextInt(8) < 6 ? 5 : NAMES.length)]);
        }
        List<Model.Column> cols = new ArrayList<>();
        List<String> defs = new ArrayList<>();
        String rowidAlias = null;
        boolean withoutRowid = false;
        int keyMode = r.nextInt(10);
        List<String> colNames = new ArrayList<>(names);
        for (int k = 0; k < colNames.size(); k++) {
            String cn = colNames.get(k);
            boolean ipk = k == 0 && keyMode < 4;
            String type = ipk ? "INTEGER" : TYPES[r.nextInt(TYPES.length)];
            StringBuilder def = new StringBuilder(cn);
            if (!type.isEmpty()) {
                def.append(' ').append(type);
            }
            if (ipk) {
                // After the largest rowid SQLite picks new rowids at random: keep the table below it.
                def.append(" PRIMARY KEY CHECK (").append(cn).append(" < 9223372036854775807)");
                rowidAlias = cn;
            }
            boolean notNull = !ipk && r.nextInt(8) == 0;
            boolean unique = !ipk && r.nextInt(8) == 0;
            String coll = r.nextInt(5) == 0 ? (r.nextBoolean() ? "NOCASE" : "RTRIM") : null;
            if (notNull) {
                def.append(" NOT NULL");
                if (r.nextBoolean()) {
                    def.append(" DEFAULT ").append(Literals.small(r));
                }
            }
            if (unique) {
                def.append(" UNIQUE");
            }
            if (coll != null) {
                def.append(" COLLATE ").append(coll);
            }
            if (r.nextInt(12) == 0) {
                def.append(" CHECK (").append(cn).append(" IS NULL OR ").append(cn).append(" <> ")
                        .append(Literals.small(r)).append(')');
            }
            cols.add(new Model.Column(cn, type, coll, notNull, unique));
            defs.add(def.toString());
        }
        if (keyMode >= 4 && keyMode < 6 && cols.size() >= 2) {
            withoutRowid = keyMode == 5;
            defs.add("PRIMARY KEY (" + cols.get(0).name() + ", " + cols.get(1).name() + ")");
        }
        if (r.nextInt(10) == 0) {
            defs.add("CONSTRAINT ck_" + name + " CHECK (" + cols.get(cols.size() - 1).name() + " <> 'zz')");
        }
        String sql = "CREATE TABLE " + name + " (" + String.join(", ", defs) + ")" + (withoutRowid ? " WITHOUT ROWID" : "");
        ddl.add(Node.fixed(sql));
        Model.Table t = new Model.Table(name, List.copyOf(cols), rowidAlias, withoutRowid);
        tables.add(t);
        int nidx = r.nextInt(3);
        for (int k = 0; k < nidx; k++) {
            index(t, name + "_i" + k);
        }
    }

    private void index(Model.Table t, String name) {
        int n = 1 + r.nextInt(Math.min(3, t.columns().size()));
        Set<String> parts = new LinkedHashSet<>();
        while (parts.size() < n) {
            Model.Column c = Literals.pick(r, t.columns());
            String p = c.name();
            if (r.nextInt(6) == 0) {
                p += r.nextBoolean() ? " COLLATE NOCASE" : " COLLATE BINARY";
            }
            if (r.nextInt(4) == 0) {
                p += " DESC";
            }
            parts.add(p);
        }
        boolean unique = r.nextInt(5) == 0;
        ddl.add(Node.fixed("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + name + " ON " + t.name() + " ("
                + String.join(", ", parts) + ")"));
    }

    /** INSERT statements for the initial rows, one row each (so the shrinker can drop rows). */
    List<Node> data() {
        List<Node> out = new ArrayList<>();
        for (Model.Table t : tables) {
            int rows = r.nextInt(16);
            for (int k = 0; k < rows; k++) {
                List<String> vals = new ArrayList<>();
                for (Model.Column c : t.columns()) {
                    vals.add(Literals.forColumn(r, c, c.name().equals(t.rowidAlias())));
                }
                String verb = r.nextInt(4) == 0 ? "INSERT" : "INSERT OR IGNORE";
                out.add(Node.fixed(verb + " INTO " + t.name() + " VALUES (" + String.join(", ", vals) + ")"));
            }
        }
        return out;
    }
}
