package dev.panamax.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SQLite's float formatting against the real SQLite over many doubles: printf('%.3f'), '%!.17g', '%.20e', '%g',
 * '%!.15g', '%e', '%.0f', '%f', and REAL to text (CAST). Every magnitude, subnormals, exact halves, integers near
 * 2^53 and 2^63, negatives, zeros and infinities. Seed from -Dpanamax.seed, count from -Dpanamax.printfValues.
 */
class PrintfSweepTest {
    private static final String[] FORMATS = {"%.3f", "%!.17g", "%.20e", "%g", "%!.15g", "%e", "%.0f", "%f", "%.15g",
        "%!.3f", "%.1e", "%G", "%.10g", "%!.0f", "%#.3g", "%.17g", "%.2f", "%,.2f", "%!.20e", "%.25f", "%.6g",
        "%.0g", "%.1g", "%.2g", "%!.1f", "%#.3f", "%#f", "%#.0f", "%+#.2f"};

    static long seed() {
        String s = System.getProperty("panamax.seed");
        long seed = s != null ? Long.parseLong(s) : System.nanoTime();
        System.out.println("seed " + seed + " (replay with -Dpanamax.seed=" + seed + ")");
        return seed;
    }

    static double randomDouble(SplittableRandom rnd) {
        switch (rnd.nextInt(12)) {
            case 0: return Double.longBitsToDouble(rnd.nextLong());
            case 1: return rnd.nextDouble() * Math.pow(10, rnd.nextInt(-30, 30));
            case 2: return (rnd.nextInt(2_000_001) - 1_000_000) / 1000.0 + (rnd.nextBoolean() ? 0.0005 : 0);
            case 3: return (rnd.nextLong(1L << 54) - (1L << 53)) * 1.0;
            case 4: return (double) (rnd.nextLong() >> rnd.nextInt(64));
            case 5: return Double.longBitsToDouble(rnd.nextLong(1L << 52)) * (rnd.nextBoolean() ? 1 : -1);
            case 6: return (rnd.nextInt(2_000_001) - 1_000_000) / 8.0 / Math.pow(10, rnd.nextInt(8));
            case 7: return Math.scalb(1.0, rnd.nextInt(-1074, 1024)) * (rnd.nextBoolean() ? 1 : -1);
            case 8: return ((1L << 53) + rnd.nextInt(-50, 50)) * (rnd.nextBoolean() ? 1.0 : 1024.0);
            case 9: return Math.nextUp(Math.pow(10, rnd.nextInt(-20, 25))) * (rnd.nextBoolean() ? 1 : -1);
            case 10: return rnd.nextInt(100000) / 100.0 + 0.005;
            default: {
                double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, 0.1, 0.5,
                    1e20, 1e15, 1e16, 1e17, 9.2233720368547758e18, -9.2233720368547758e18, Double.MIN_VALUE,
                    Double.MAX_VALUE, 4.9e-324, 2.2250738585072014e-308, 1.0005, 624.4905, 0.15, 2.5, 0.125};
                return special[rnd.nextInt(special.length)];
            }
        }
    }

    @Test
    void floatFormatsMatchSqlite() throws Exception {
        long seed = seed();
        int count = Integer.getInteger("panamax.printfValues", 120_000);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            double d;
            do {
                d = randomDouble(rnd);
            } while (Double.isNaN(d));
            values[k] = d;
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, x REAL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES(?, ?)")) {
                for (int k = 0; k < count; k++) {
                    ins.setInt(1, k);
                    ins.setDouble(2, values[k]);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            StringBuilder sql = new StringBuilder("SELECT k, CAST(x AS TEXT)");
            for (String f : FORMATS) {
                sql.append(", printf('").append(f).append("', x)");
            }
            sql.append(" FROM t ORDER BY k");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
                Mem m = new Mem();
                while (rs.next()) {
                    int k = rs.getInt(1);
                    checked++;
                    m.setDouble(values[k]);
                    String cast = m.stringValue();
                    if (!cast.equals(rs.getString(2)) && failures.size() < 30) {
                        failures.add("CAST " + values[k] + ": sqlite " + rs.getString(2) + " panamax " + cast);
                    }
                    for (int f = 0; f < FORMATS.length; f++) {
                        String ours = Printf.format(FORMATS[f], m);
                        String theirs = rs.getString(3 + f);
                        if (!theirs.equals(ours) && failures.size() < 30) {
                            failures.add(FORMATS[f] + " " + values[k] + " (" + Long.toHexString(Double.doubleToRawLongBits(values[k]))
                                    + "): sqlite " + theirs + " panamax " + ours);
                        }
                    }
                }
            }
        }
        assertEquals(count, checked);
        assertEquals(List.of(), failures, "seed " + seed);
        System.out.println(count + " doubles x " + (FORMATS.length + 1) + " formats match SQLite");
    }
}
