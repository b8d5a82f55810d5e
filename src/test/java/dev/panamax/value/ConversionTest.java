package dev.panamax.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Affinity from type names, affinity applied on insert, CAST, and text to number, against SQLite. */
class ConversionTest {
    private static final String[] TYPE_PIECES = {"INT", "int", "BIG", "CHAR", "VAR", "CLOB", "TEXT", "BLOB", "REAL",
        "FLOA", "FLOAT", "DOUB", "DOUBLE", "STR", "ING", "X", "POINT", "NUM", "ERIC", "DATE", "BOOL", "Y", "TE", "B"};

    @Test
    void typeNameAffinityMatchesSqlite() {
        RandomValues values = new RandomValues("typeNameAffinity");
        SplittableRandom rnd = values.random();
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 600; k++) {
                StringBuilder sb = new StringBuilder();
                int n = rnd.nextInt(1, 4);
                for (int j = 0; j < n; j++) {
                    if (j > 0 && rnd.nextInt(3) == 0) {
                        sb.append(' ');
                    }
                    sb.append(TYPE_PIECES[rnd.nextInt(TYPE_PIECES.length)]);
                }
                if (rnd.nextInt(4) == 0) {
                    sb.append("(").append(rnd.nextInt(100)).append(")");
                }
                String type = sb.toString();
                Affinity aff = Affinity.ofTypeName(type);
                for (String probe : new String[] {"1.5", "1"}) {
                    d.check("CAST(?1 AS " + type + ")", new Mem[] {RandomValues.of(probe)}, (args, out) -> {
                        out.copyFrom(args[0]);
                        out.cast(aff);
                    });
                }
            }
            d.assertNoFailures();
        }
        assertEquals(Affinity.BLOB, Affinity.ofColumnType(""));
        assertEquals(Affinity.BLOB, Affinity.ofColumnType(null));
        assertEquals(Affinity.NUMERIC, Affinity.ofTypeName("STRING"));
        assertEquals(Affinity.INTEGER, Affinity.ofTypeName("FLOATING POINT"));
    }

    @Test
    void castMatchesSqlite() {
        RandomValues values = new RandomValues("cast");
        String[] targets = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC"};
        Affinity[] affs = {Affinity.INTEGER, Affinity.REAL, Affinity.TEXT, Affinity.BLOB, Affinity.NUMERIC};
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 1500; k++) {
                Mem v = values.any();
                int t = values.random().nextInt(targets.length);
                Affinity aff = affs[t];
                d.check("CAST(?1 AS " + targets[t] + ")", new Mem[] {v}, (args, out) -> {
                    out.copyFrom(args[0]);
                    out.cast(aff);
                });
            }
            d.assertNoFailures();
        }
    }

    @Test
    void textToRealMatchesSqlite() {
        RandomValues values = new RandomValues("textToReal");
        SplittableRandom rnd = values.random();
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 3000; k++) {
                StringBuilder sb = new StringBuilder();
                if (rnd.nextInt(4) == 0) {
                    sb.append('-');
                }
                int digits = rnd.nextInt(1, 26);
                for (int j = 0; j < digits; j++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
                if (rnd.nextBoolean()) {
                    sb.insert(rnd.nextInt(sb.length() + 1), '.');
                }
                if (rnd.nextInt(3) == 0) {
                    sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-340, 330));
                }
                Mem text = RandomValues.of(sb.toString());
                d.check("CAST(?1 AS REAL)", new Mem[] {text}, (args, out) -> out.setDouble(args[0].realValue()));
                d.check("CAST(?1 AS NUMERIC)", new Mem[] {text}, (args, out) -> {
                    out.copyFrom(args[0]);
                    out.numerify();
                });
            }
            for (int k = 0; k < 1500; k++) {
                Mem v = values.numericText();
                d.check("CAST(?1 AS REAL)", new Mem[] {v}, (args, out) -> out.setDouble(args[0].realValue()));
                d.check("CAST(?1 AS INTEGER)", new Mem[] {v}, (args, out) -> out.setLong(args[0].intValue()));
            }
            d.assertNoFailures();
        }
    }

    @Test
    void columnAffinityOnInsertMatchesSqlite() throws Exception {
        RandomValues values = new RandomValues("columnAffinity");
        String[] types = {"INTEGER", "TEXT", "REAL", "NUMERIC", "", "BLOB", "VARCHAR(5)", "DOUBLE", "BOOLEAN"};
        try (Differential d = new Differential(values.seed);
                Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
            for (int k = 0; k < types.length; k++) {
                ddl.append(k > 0 ? ", " : "").append("c").append(k).append(' ').append(types[k]);
            }
            try (Statement st = c.createStatement()) {
                st.execute(ddl.append(")").toString());
            }
            String cols = "c0,c1,c2,c3,c4,c5,c6,c7,c8";
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES(?,?,?,?,?,?,?,?,?)");
                    PreparedStatement sel = c.prepareStatement(selectAll(types.length));
                    Statement del = c.createStatement()) {
                for (int k = 0; k < 800; k++) {
                    Mem v = values.any();
                    for (int j = 0; j < types.length; j++) {
                        bind(ins, j + 1, v);
                    }
                    ins.executeUpdate();
                    try (ResultSet rs = sel.executeQuery()) {
                        rs.next();
                        for (int j = 0; j < types.length; j++) {
                            Mem ours = RandomValues.copy(v);
                            Affinity aff = Affinity.ofColumnType(types[j]);
                            ours.applyAffinity(aff);
                            if (aff == Affinity.REAL) {
                                ours.realAffinity();
                            }
                            Mem theirs = read(rs, 1 + 2 * j);
                            String type = types[j];
                            d.expect(SqliteOracle.same(ours, theirs), () -> "column " + type + " "
                                    + SqliteOracle.describe(v) + ": sqlite " + SqliteOracle.describe(theirs)
                                    + ", panamax " + SqliteOracle.describe(ours));
                        }
                    }
                    del.execute("DELETE FROM t");
                }
            }
            assertEquals(cols.split(",").length, types.length);
            d.assertNoFailures();
        }
    }

    private static String selectAll(int n) {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : "").append("typeof(c").append(k).append("), CASE WHEN typeof(c").append(k)
                    .append(") IN ('text','blob') THEN hex(c").append(k).append(") ELSE c").append(k).append(" END");
        }
        return sb.append(" FROM t").toString();
    }

    static void bind(PreparedStatement ps, int k, Mem m) throws java.sql.SQLException {
        switch (m.type()) {
            case Mem.NULL -> ps.setNull(k, java.sql.Types.NULL);
            case Mem.INTEGER -> ps.setLong(k, m.longValue());
            case Mem.REAL -> ps.setDouble(k, m.doubleValue());
            case Mem.TEXT -> ps.setString(k, m.textValue());
            default -> ps.setBytes(k, m.copyBytes());
        }
    }

    static Mem read(ResultSet rs, int col) throws java.sql.SQLException {
        Mem m = new Mem();
        switch (rs.getString(col)) {
            case "null" -> m.setNull();
            case "integer" -> m.setLong(rs.getLong(col + 1));
            case "real" -> m.setDouble(rs.getDouble(col + 1));
            case "text" -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(col + 1));
                m.setText(b, 0, b.length);
            }
            default -> {
                byte[] b = HexFormat.of().parseHex(rs.getString(col + 1));
                m.setBlob(b, 0, b.length);
            }
        }
        return m;
    }
}
