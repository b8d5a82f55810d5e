package dev.panamax.conformance.differential;

/**
 * A developer's tool: {@code DiffMain BASE_SEED SCENARIOS [MAX_FAILURES]} runs scenarios like the test does but
 * goes on past failures, printing each reduced mismatch and the closing figures.
 */
public final class DiffMain {
    private DiffMain() {
    }

    public static void main(String[] args) {
        long base = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Runner.Stats total = new Runner.Stats();
        int failures = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count && failures < max; i++) {
            Scenario sc = Scenario.generate(base + i, GeneratedSqlDifferentialTest.QUERIES);
            Runner runner = new Runner();
            Runner.Mismatch m = runner.run(sc.steps);
            total.add(runner.stats);
            if (m != null) {
                failures++;
                System.out.println(Report.of(sc, m));
            }
        }
        System.out.printf("%d failing scenario(s); %s; %.1f s%n", failures, total, (System.nanoTime() - start) / 1e9);
        if (total.firstMessageDifference != null) {
            System.out.println("first error-message difference: " + total.firstMessageDifference);
        }
    }
}
