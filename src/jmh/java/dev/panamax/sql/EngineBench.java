package dev.panamax.sql;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The SQL engine beside SQLite (sqlite-jdbc) on the same 1,000,000-row in-memory table
 * {@code t(id INTEGER PRIMARY KEY, grp INTEGER, val INTEGER, name TEXT)} with an index on {@code val}:
 * a prepared point SELECT by INTEGER PRIMARY KEY, a full scan with a filter and SUM, an indexed range query
 * (about 1,000 rows), and a GROUP BY over all rows (100 groups). Run with {@code -prof gc} for allocation;
 * the scan's allocation per row is its {@code gc.alloc.rate.norm} divided by 1,000,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class EngineBench {
    static final int ROWS = 1_000_000;
    static final String POINT = "SELECT name, val FROM t WHERE id = ?";
    static final String SCAN = "SELECT sum(val) FROM t WHERE grp = 7";
    static final String RANGE = "SELECT sum(grp) FROM t WHERE val BETWEEN ? AND ?";
    static final String GROUP = "SELECT grp, count(*), sum(val) FROM t GROUP BY grp";

    private Database db;
    private Connection pan;
    private Statement panPoint;
    private Statement panScan;
    private Statement panRange;
    private Statement panGroup;
    private java.sql.Connection lite;
    private PreparedStatement litePoint;
    private PreparedStatement liteScan;
    private PreparedStatement liteRange;
    private PreparedStatement liteGroup;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup
    public void setUp() throws Exception {
        db = Database.open(":memory:");
        pan = db.connect();
        pan.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, grp INTEGER, val INTEGER, name TEXT)");
        pan.execute("BEGIN");
        try (Statement ins = pan.prepare("INSERT INTO t VALUES(?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                ins.bindLong(1, i).bindLong(2, i % 100).bindLong(3, (i * 7919L) % ROWS).bindText(4, "name-" + i);
                ins.execute();
                ins.reset();
            }
        }
        pan.execute("COMMIT; CREATE INDEX tv ON t(val)");
        panPoint = pan.prepare(POINT);
        panScan = pan.prepare(SCAN);
        panRange = pan.prepare(RANGE);
        panGroup = pan.prepare(GROUP);

        lite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (java.sql.Statement st = lite.createStatement()) {
            st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, grp INTEGER, val INTEGER, name TEXT)");
        }
        lite.setAutoCommit(false);
        try (PreparedStatement ins = lite.prepareStatement("INSERT INTO t VALUES(?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                ins.setLong(1, i);
                ins.setLong(2, i % 100);
                ins.setLong(3, (i * 7919L) % ROWS);
                ins.setString(4, "name-" + i);
                ins.executeUpdate();
            }
        }
        lite.commit();
        lite.setAutoCommit(true);
        try (java.sql.Statement st = lite.createStatement()) {
            st.execute("CREATE INDEX tv ON t(val)");
        }
        litePoint = lite.prepareStatement(POINT);
        liteScan = lite.prepareStatement(SCAN);
        liteRange = lite.prepareStatement(RANGE);
        liteGroup = lite.prepareStatement(GROUP);
    }

    @TearDown
    public void tearDown() throws Exception {
        pan.close();
        db.close();
        lite.close();
    }

    @Benchmark
    public long panamaxPointSelect() {
        Statement s = panPoint;
        s.reset();
        s.bindLong(1, 1 + random.nextInt(ROWS));
        s.step();
        return s.getLong(1);
    }

    @Benchmark
    public long sqlitePointSelect() throws Exception {
        litePoint.setLong(1, 1 + random.nextInt(ROWS));
        try (ResultSet rs = litePoint.executeQuery()) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long panamaxScanFilterSum() {
        panScan.reset();
        panScan.step();
        return panScan.getLong(0);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long sqliteScanFilterSum() throws Exception {
        try (ResultSet rs = liteScan.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Benchmark
    public long panamaxIndexedRange() {
        int lo = random.nextInt(ROWS - 1000);
        Statement s = panRange;
        s.reset();
        s.bindLong(1, lo).bindLong(2, lo + 999);
        s.step();
        return s.getLong(0);
    }

    @Benchmark
    public long sqliteIndexedRange() throws Exception {
        int lo = random.nextInt(ROWS - 1000);
        liteRange.setLong(1, lo);
        liteRange.setLong(2, lo + 999);
        try (ResultSet rs = liteRange.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long panamaxGroupBy() {
        Statement s = panGroup;
        s.reset();
        long n = 0;
        while (s.step()) {
            n += s.getLong(1);
        }
        return n;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long sqliteGroupBy() throws Exception {
        long n = 0;
        try (ResultSet rs = liteGroup.executeQuery()) {
            while (rs.next()) {
                n += rs.getLong(2);
            }
        }
        return n;
    }
}
