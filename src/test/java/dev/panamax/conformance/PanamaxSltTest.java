package dev.panamax.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs Panamax over the whole sqllogictest corpus and requires at least 99.5% of the records that apply to SQLite
 * to pass. {@code -Dslt.filter=text} restricts the run to script paths containing the text (and drops the
 * threshold for such partial runs when {@code -Dslt.strict=false}).
 */
class PanamaxSltTest {

    @Test
    void corpusPassRate() throws Exception {
        Path dir = SqliteOracleSltTest.corpus();
        assumeTrue(Files.isDirectory(dir), "sqllogictest corpus not found at " + dir);
        SltRunner.Result total = run(dir, System.getProperty("slt.filter", ""));
        System.out.println("Panamax sqllogictest: " + total);
        total.failures.forEach(System.out::println);
        assertTrue(total.passRate() >= 0.995, "pass rate " + total);
    }

    static SltRunner.Result run(Path dir, String filter) throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".test")).filter(p -> p.toString().contains(filter))
                    .sorted().toList();
        }
        SltRunner.Result total = new SltRunner.Result(Integer.getInteger("slt.maxFailures", 40));
        for (Path p : scripts) {
            long t0 = System.nanoTime();
            SltRunner.Result r = SltRunner.run(SltScript.parse(p), PanamaxSltEngine::new, total.maxFailures);
            total.add(r);
            if (Boolean.getBoolean("slt.verbose")) {
                System.out.printf("%s: %s (%d ms)%n", dir.relativize(p), r, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        return total;
    }

    /** Command line: {@code SltMain [filter]} prints the pass rate of the matching scripts and each script's. */
    public static void main(String[] args) throws Exception {
        System.setProperty("slt.verbose", "true");
        SltRunner.Result r = run(SqliteOracleSltTest.corpus(), args.length > 0 ? args[0] : "");
        System.out.println("Panamax sqllogictest: " + r);
        r.failures.forEach(System.out::println);
    }
}
