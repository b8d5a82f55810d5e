package dev.panamax.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Command line for the {@code .sqltest} corpus: {@code SqlTestMain [panamax|sqlite3] [DIR] [-v]} prints the pass
 * rate of {@code sqlite/} and {@code turso/} (or of DIR), with {@code -v} every failure and why.
 */
public final class SqlTestMain {
    private SqlTestMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean sqlite3 = args.length > 0 && args[0].equals("sqlite3");
        boolean verbose = java.util.Arrays.asList(args).contains("-v");
        Path root = SqlTestCorpusTest.corpus().toAbsolutePath().normalize();
        SqlTestRunner runner = new SqlTestRunner(sqlite3 ? SqlTestBackends.sqlite3() : SqlTestBackends.panamax(),
                root);
        String dir = args.length > 1 && !args[1].equals("-v") ? args[1] : null;
        for (String part : dir != null ? new String[] {dir} : new String[] {"sqlite", "turso"}) {
            SqlTestRunner.Summary s = runner.runAll(root.resolve(part));
            System.out.println((sqlite3 ? "sqlite3" : "Panamax") + " .sqltest " + part + "/: " + s);
            if (verbose) {
                for (Map.Entry<String, Integer> e : s.skipReasons.entrySet()) {
                    System.out.println("  skipped " + e.getValue() + ": " + e.getKey());
                }
                for (SqlTestRunner.CaseResult r : s.failures) {
                    System.out.println("  FAIL " + root.relativize(r.file()) + " " + r.name() + ": " + r.detail());
                }
            }
        }
        System.exit(0);
    }

    /** True when a {@code sqlite3} shell can be started. */
    static boolean hasSqlite3() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
