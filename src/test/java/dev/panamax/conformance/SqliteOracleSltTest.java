package dev.panamax.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

/**
 * Checks the sqllogictest runner itself: real SQLite (sqlite-jdbc) must pass every record the corpus expects
 * SQLite to pass, except the two printf records the corpus README names as version-dependent.
 */
class SqliteOracleSltTest {

    static Path corpus() {
        Path shared = Path.of(System.getProperty("panamax.shared", "../shared"));
        return shared.resolve("sqllogictest/test");
    }

    static SltEngine sqliteEngine(Connection printf) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            return new JdbcSltEngine("sqlite", c, (conn, sql) -> ((SQLiteConnection) conn).getDatabase().exec(sql, true),
                    d -> sqlitePrintf(printf, d));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sqlitePrintf(Connection c, double d) {
        try (PreparedStatement ps = c.prepareStatement("SELECT printf('%.3f', ?)")) {
            ps.setDouble(1, d);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sqlitePassesSelectAndEvidenceScripts() throws Exception {
        runOracle(p -> p.getFileName().toString().startsWith("select") || p.toString().contains("evidence"));
    }

    @Test
    @Tag("soak")
    void sqlitePassesWholeCorpus() throws Exception {
        runOracle(p -> true);
    }

    private static void runOracle(Predicate<Path> which) throws Exception {
        Path dir = corpus();
        assumeTrue(Files.isDirectory(dir), "sqllogictest corpus not found at " + dir);
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".test")).filter(which).sorted().toList();
        }
        SltRunner.Result total = new SltRunner.Result(20);
        try (Connection printf = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (Path p : scripts) {
                total.add(SltRunner.run(SltScript.parse(p), () -> sqliteEngine(printf), 20));
            }
        }
        System.out.println("sqlite-jdbc on " + scripts.size() + " scripts: " + total);
        total.failures.forEach(System.out::println);
        assertEquals(List.of(), total.failures.stream().filter(f -> !f.contains("slt_lang_aggfunc.test")).toList());
    }
}
