package dev.panamax.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Differential testing against SQLite (sqlite-jdbc): seeded random schemas, rows, queries and DML run through
 * Panamax's API and through SQLite; rows (as multisets unless the query fixes a total order), each value's type and
 * error codes must agree.
 *
 * <p>The default run covers {@value #SCENARIOS} scenarios of {@value #QUERIES} queries from a fixed base seed.
 * {@code -Dpanamax.seed=N} starts from another base seed (a failure prints the seed that replays it), {@code
 * -Dpanamax.scenarios=K} changes the count. The soak variant runs many more scenarios from a seed taken from the
 * clock.
 */
class GeneratedSqlDifferentialTest {
    static final int SCENARIOS = 110;
    static final int QUERIES = 50;
    private static final long DEFAULT_SEED = 20261124L;

    @Test
    void panamaxAgreesWithSqlite() {
        long base = Long.getLong("panamax.seed", DEFAULT_SEED);
        int scenarios = Integer.getInteger("panamax.scenarios", SCENARIOS);
        Runner.Stats stats = run(base, scenarios, QUERIES);
        if (scenarios == SCENARIOS) {
            assertTrue(stats.queries >= 5000, "a default run compares at least 5,000 queries: " + stats.queries);
        }
    }

    @Test
    @Tag("soak")
    void soak() {
        long base = Long.getLong("panamax.seed", System.nanoTime() & 0xffffffffL);
        run(base, Integer.getInteger("panamax.scenarios", 2000), QUERIES);
    }

    static Runner.Stats run(long base, int scenarios, int queries) {
        System.out.println("differential: base seed " + base + ", " + scenarios + " scenarios (replay with "
                + "-Dpanamax.seed=" + base + ")");
        Runner.Stats total = new Runner.Stats();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < scenarios; i++) {
            long seed = base + i;
            Scenario sc = Scenario.generate(seed, queries);
            Runner runner = new Runner();
            Runner.Mismatch m = runner.run(sc.steps);
            total.add(runner.stats);
            if (m != null) {
                String report = Report.of(sc, m);
                System.out.println(report);
                failures.add(report);
                if (failures.size() >= 5) {
                    break;
                }
            }
        }
        System.out.println("differential: " + total);
        if (total.firstMessageDifference != null) {
            System.out.println("differential: first error-message difference: " + total.firstMessageDifference);
        }
        assertEquals(List.of(), failures, failures.size() + " mismatching scenario(s)");
        return total;
    }
}
