package dev.panamax.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Turso's {@code .sqltest} corpus through Panamax's shell, {@code sqlite/} and {@code turso/} reported apart, and
 * the runner itself checked by running {@code sqlite/} through the real {@code sqlite3} shell. The floors only
 * go up as the engine grows; they prove the runner runs the cases, not that Panamax is done.
 */
class SqlTestCorpusTest {
    /** Cases of {@code sqlite/} that pass on Panamax at least (2,409 when this was written). */
    private static final int SQLITE_FLOOR = 2000;
    /** Cases of {@code turso/} that pass on Panamax at least (281 when this was written). */
    private static final int TURSO_FLOOR = 200;
    /**
     * The share of {@code sqlite/} that the reference shell must pass for the runner to be trusted (97.1% with
     * sqlite3 3.40.1; the rest are behaviours of newer SQLite versions).
     */
    private static final double SQLITE3_CEILING_FLOOR = 0.95;

    static Path corpus() {
        return Path.of(System.getProperty("panamax.shared", "../shared"), "sqltest");
    }

    @Test
    void panamaxPassRates() throws IOException {
        Path root = corpus();
        assumeTrue(Files.isDirectory(root), "no .sqltest corpus at " + root);
        SqlTestRunner runner = new SqlTestRunner(SqlTestBackends.panamax(), root);
        SqlTestRunner.Summary sqlite = runner.runAll(root.resolve("sqlite"));
        SqlTestRunner.Summary turso = runner.runAll(root.resolve("turso"));
        System.out.println("Panamax .sqltest sqlite/: " + sqlite);
        System.out.println("Panamax .sqltest turso/:  " + turso);
        assertTrue(sqlite.passed >= SQLITE_FLOOR, "sqlite/ " + sqlite);
        assertTrue(turso.passed >= TURSO_FLOOR, "turso/ " + turso);
    }

    @Test
    void sqlite3PassesItsOwnPart() throws IOException {
        Path root = corpus();
        assumeTrue(Files.isDirectory(root), "no .sqltest corpus at " + root);
        assumeTrue(SqlTestMain.hasSqlite3(), "sqlite3 is not on the PATH");
        SqlTestRunner.Summary sqlite = new SqlTestRunner(SqlTestBackends.sqlite3(), root).runAll(root
                .resolve("sqlite"));
        System.out.println("sqlite3 .sqltest sqlite/: " + sqlite);
        assertTrue(sqlite.passRate() >= SQLITE3_CEILING_FLOOR, "sqlite3 on sqlite/ " + sqlite);
    }
}
