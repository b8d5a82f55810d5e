package dev.panamax.jdbc;

import dev.panamax.api.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDBC layer costs on top of the api: a full scan of a 10,000-row in-memory table (id, name, v) read
 * through a JDBC ResultSet, the same scan through {@code dev.panamax.api.Statement}, and the same through the
 * sqlite-jdbc driver on real SQLite for scale; plus a prepared point lookup by rowid through JDBC.
 * One operation of a scan benchmark is the whole scan (10,000 rows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class JdbcReadBench {
    static final int ROWS = 10_000;
    static final String SCAN = "SELECT id, name, v FROM t";

    private Connection jdbc;
    private Database db;
    private dev.panamax.api.Connection api;
    private Connection sqlite;
    private PreparedStatement lookup;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup
    public void setUp() throws Exception {
        db = Database.open(":memory:");
        api = db.connect();
        jdbc = DriverManager.getConnection("jdbc:panamax:file:bench?mode=memory&cache=shared");
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        for (Connection c : new Connection[] {jdbc, sqlite}) {
            fill(c);
        }
        api.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, v REAL)");
        api.execute("BEGIN");
        try (dev.panamax.api.Statement ins = api.prepare("INSERT INTO t VALUES (?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                ins.reset();
                ins.bindLong(1, i).bindText(2, "name " + i).bindDouble(3, i * 0.5);
                ins.execute();
            }
        }
        api.execute("COMMIT");
        lookup = jdbc.prepareStatement("SELECT name FROM t WHERE id = ?");
    }

    private static void fill(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, v REAL)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                p.setInt(1, i);
                p.setString(2, "name " + i);
                p.setDouble(3, i * 0.5);
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    @TearDown
    public void tearDown() throws Exception {
        lookup.close();
        jdbc.close();
        sqlite.close();
        api.close();
        db.close();
    }

    private static double scan(Connection c) throws Exception {
        double acc = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SCAN)) {
            while (rs.next()) {
                acc += rs.getLong(1) + rs.getString(2).length() + rs.getDouble(3);
            }
        }
        return acc;
    }

    @Benchmark
    public double scanJdbc() throws Exception {
        return scan(jdbc);
    }

    @Benchmark
    public double scanSqliteJdbc() throws Exception {
        return scan(sqlite);
    }

    @Benchmark
    public double scanApi() {
        double acc = 0;
        try (dev.panamax.api.Statement s = api.prepare(SCAN)) {
            while (s.step()) {
                acc += s.getLong(0) + s.getText(1).length() + s.getDouble(2);
            }
        }
        return acc;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String pointLookupJdbc() throws Exception {
        lookup.setInt(1, 1 + random.nextInt(ROWS));
        try (ResultSet rs = lookup.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
