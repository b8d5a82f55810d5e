package dev.panamax.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SQL fuzzing for robustness, Panamax (public api) beside SQLite (sqlite-jdbc): bad input of every kind must give a
 * {@link DbException} with one of SQLite's result codes, never a crash or a hang, and must lose nothing. Each
 * session comes from one seed: either a generated session ({@link FuzzGen}: schema, extreme rows, statements of
 * every kind) or a real script from the shared corpora mutated at token and statement level ({@link FuzzMutator}).
 * What is checked on every statement is {@link FuzzCheck}; what is compared with SQLite is in {@link FuzzSession}.
 *
 * <p>The default run replays {@value #DEFAULT_SESSIONS} sessions from a fixed base seed; the soak variant runs
 * {@value #SOAK_SESSIONS} from a fresh one. Session {@code i} uses seed {@code base + i};
 * {@code -Dpanamax.seed=N -Dpanamax.sessions=K} replays sessions N..N+K-1. A finding prints its seed and the
 * shortest statement sequence shrinking found that still shows it.
 */
class SqlFuzzTest {
    private static final long DEFAULT_SEED = 20_250_901L;
    private static final int DEFAULT_SESSIONS = 800;
    private static final int SOAK_SESSIONS = 5_000;
    private static final int GENERATED_STATEMENTS = 60;
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final int SHRINK_REPLAYS = 400;

    /**
     * Findings known and not fixed yet: a signature prefix, a pattern the shrunk script must contain (so that the
     * same symptom elsewhere still fails), and the reason. They are printed and counted, not failed; the list
     * should only shrink.
     */
    private static final List<Known> KNOWN_OPEN = List.of();

    /** A known finding: its signature prefix, a regular expression found in its shrunk script, and why. */
    private record Known(String signature, String scriptPattern, String why) {
    }

    @Test
    void seededSessions() {
        run(Long.getLong("panamax.seed", DEFAULT_SEED), Integer.getInteger("panamax.sessions", DEFAULT_SESSIONS));
    }

    @Test
    @Tag("soak")
    void soak() {
        run(Long.getLong("panamax.seed", System.nanoTime() & 0xffff_ffffL),
            Integer.getInteger("panamax.sessions", SOAK_SESSIONS));
    }

    private static void run(long base, int sessions) {
        System.out.println("SqlFuzzTest: base seed " + base + ", " + sessions + " sessions (replay with -Dpanamax.seed="
            + base + " -Dpanamax.sessions=" + sessions + ")");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuzz-timer");
            t.setDaemon(true);
            return t;
        });
        FuzzSession runner = new FuzzSession(TIMEOUT_MILLIS, timer);
        FuzzSession.Stats stats = new FuzzSession.Stats();
        List<FuzzSession.Finding> findings = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                long seed = base + i;
                for (FuzzSession.Finding f : runner.run(seed, script(seed), stats)) {
                    if (findings.stream().noneMatch(g -> g.signature().equals(f.signature()))) {
                        findings.add(f);
                    }
                }
            }
            report(runner, stats, findings);
        } finally {
            timer.shutdownNow();
        }
    }

    /** The script of session {@code seed}: generated, or a corpus script mutated. */
    static List<String> script(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FuzzGen gen = new FuzzGen(r.nextLong());
        int kind = r.nextInt(10);
        List<List<String>> sqltest = FuzzCorpus.sqltest();
        if (kind < 5 || sqltest.isEmpty()) {
            return gen.session(GENERATED_STATEMENTS);
        }
        List<List<String>> donors = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            donors.add(sqltest.get(r.nextInt(sqltest.size())));
        }
        List<String> base = kind < 8 ? sqltest.get(r.nextInt(sqltest.size())) : FuzzCorpus.sqllogictest(r);
        List<String> prefix = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            prefix.add(gen.createTable());
            prefix.add(gen.insert());
        }
        prefix.addAll(new FuzzMutator(r, gen).script(base, donors));
        return prefix;
    }

    private static void report(FuzzSession runner, FuzzSession.Stats stats, List<FuzzSession.Finding> findings) {
        System.out.println("SqlFuzzTest: " + stats.summary());
        stats.panamaxOnlyMessages.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
            .forEach(e -> System.out.println("  only Panamax failed x" + e.getValue() + ": " + e.getKey()));
        stats.rowExamples.forEach(e -> System.out.println("  rows differ: " + e));
        StringBuilder failures = new StringBuilder();
        int known = 0;
        for (FuzzSession.Finding f : findings) {
            List<String> shortest = runner.shrink(f, SHRINK_REPLAYS);
            String why = knownOpen(f.signature(), shortest);
            StringBuilder sb = new StringBuilder();
            sb.append(why == null ? "FINDING " : "known open (" + why + ") ").append(f.signature())
                .append("\n  seed ").append(f.seed()).append(" (-Dpanamax.seed=").append(f.seed())
                .append(" -Dpanamax.sessions=1); shortest script (").append(shortest.size()).append(" of ")
                .append(f.script().size()).append(" statements):\n");
            shortest.forEach(s -> sb.append("    ").append(s).append(";\n"));
            sb.append("  ").append(f.detail().replace("\n", "\n  ")).append('\n');
            System.out.println(sb);
            if (why == null) {
                failures.append(sb);
            } else {
                known++;
            }
        }
        System.out.println("SqlFuzzTest: " + findings.size() + " distinct findings, " + known + " known open");
        if (!failures.isEmpty()) {
            fail("SQL fuzzing found robustness bugs:\n" + failures);
        }
    }

    private static String knownOpen(String signature, List<String> script) {
        String text = String.join("\n", script);
        for (Known k : KNOWN_OPEN) {
            if (signature.startsWith(k.signature()) && Pattern.compile(k.scriptPattern()).matcher(text).find()) {
                return k.why();
            }
        }
        return null;
    }
}
