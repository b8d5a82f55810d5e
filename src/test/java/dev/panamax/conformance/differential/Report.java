package dev.panamax.conformance.differential;

import java.util.List;

/** The text printed for a mismatch: the seed that replays it, the reduced schema, rows and failing statement. */
final class Report {
    private Report() {
    }

    static String of(Scenario sc, Runner.Mismatch m) {
        Scenario.Step failing = sc.steps.get(m.step());
        List<Scenario.Step> small = new Shrinker(Integer.getInteger("panamax.shrinkBudget", 3000))
                .shrink(sc.steps, m);
        Runner.Mismatch again = new Runner().run(small);
        StringBuilder sb = new StringBuilder();
        sb.append("MISMATCH in scenario seed ").append(sc.seed).append(" (replay: -Dpanamax.seed=").append(sc.seed)
                .append(" -Dpanamax.scenarios=1), statement ").append(m.step()).append(": ").append(m.reason())
                .append('\n');
        sb.append("-- reduced case (").append(small.size()).append(" statements):\n");
        for (Scenario.Step s : small) {
            sb.append(s.sql()).append(";\n");
        }
        if (again != null) {
            sb.append("-- ").append(again.reason()).append('\n');
            sb.append("-- sqlite : ").append(again.sqlite().toString().replace("\n", "\n--   ")).append('\n');
            sb.append("-- panamax: ").append(again.panamax().toString().replace("\n", "\n--   ")).append('\n');
        }
        sb.append("-- original ").append(failing.kind()).append(failing.ordered() ? " (ordered)" : "")
                .append(":\n").append(failing.sql()).append(";\n");
        sb.append("-- sqlite : ").append(m.sqlite().toString().replace("\n", "\n--   ")).append('\n');
        sb.append("-- panamax: ").append(m.panamax().toString().replace("\n", "\n--   ")).append('\n');
        return sb.toString();
    }
}
