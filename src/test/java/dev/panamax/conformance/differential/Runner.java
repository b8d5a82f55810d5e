package dev.panamax.conformance.differential;

import java.util.List;
import java.util.Locale;

/** Runs a scenario's statements on fresh Panamax and SQLite databases and stops at the first disagreement. */
final class Runner {
    /** Where and how the engines disagreed. */
    record Mismatch(int step, String reason, Outcome sqlite, Outcome panamax) {
        /** The kind of disagreement, kept while shrinking (so a smaller case shows the same bug). */
        String category() {
            int cut = reason.length();
            for (int k = 0; k < reason.length(); k++) {
                char c = reason.charAt(k);
                if (c == ':' || Character.isDigit(c)) {
                    cut = k;
                    break;
                }
            }
            return reason.substring(0, cut).trim();
        }
    }

    /** Counts for the closing summary. */
    static final class Stats {
        int queries;
        int dml;
        int checks;
        int setup;
        int bothFailed;
        int relaxedMatches;
        int messageDifferences;
        int orderDependentOverflows;
        String firstMessageDifference;

        void add(Stats o) {
            queries += o.queries;
            dml += o.dml;
            checks += o.checks;
            setup += o.setup;
            bothFailed += o.bothFailed;
            relaxedMatches += o.relaxedMatches;
            messageDifferences += o.messageDifferences;
            orderDependentOverflows += o.orderDependentOverflows;
            if (firstMessageDifference == null) {
                firstMessageDifference = o.firstMessageDifference;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d queries, %d DML statements, %d table/counter checks, %d setup "
                    + "statements; %d failed on both engines with the same code (%d with a different message), %d "
                    + "matched only modulo equal-value representatives, %d overflowed in sum() on one engine only "
                    + "(row order)", queries, dml, checks, setup, bothFailed, messageDifferences, relaxedMatches,
                    orderDependentOverflows);
        }
    }

    final Stats stats = new Stats();

    /** The first mismatch, or null when every statement agrees. */
    Mismatch run(List<Scenario.Step> steps) {
        try (Side sqlite = new SqliteSide(); Side panamax = new PanamaxSide()) {
            for (int k = 0; k < steps.size(); k++) {
                Scenario.Step s = steps.get(k);
                String sql = s.sql();
                Outcome a = sqlite.run(sql);
                Outcome b = panamax.run(sql);
                count(s, a, b);
                String diff = Outcome.difference(a, b, s.ordered());
                if (diff != null && s.relaxed() && Outcome.relaxedDifference(a, b) == null) {
                    stats.relaxedMatches++;
                    diff = null;
                }
                if (diff != null && s.kind() == Scenario.Kind.QUERY && overflowOnOneSide(a, b)) {
                    stats.orderDependentOverflows++;
                    diff = null;
                }
                if (diff != null) {
                    return new Mismatch(k, diff, a, b);
                }
            }
        }
        return null;
    }

    /**
     * sum() fails with "integer overflow" only if a running total leaves the 64-bit range, which depends on the order
     * the plan feeds it rows: two correct plans may disagree. Such a query is counted, not failed.
     */
    private static boolean overflowOnOneSide(Outcome a, Outcome b) {
        return (a instanceof Outcome.Failure f && f.message().equals("integer overflow") && b instanceof Outcome.Rows)
                || (b instanceof Outcome.Failure g && g.message().equals("integer overflow")
                        && a instanceof Outcome.Rows);
    }

    private void count(Scenario.Step s, Outcome a, Outcome b) {
        switch (s.kind()) {
            case QUERY -> stats.queries++;
            case DML -> stats.dml++;
            case CHECK -> stats.checks++;
            case SETUP -> stats.setup++;
        }
        if (a instanceof Outcome.Failure f && b instanceof Outcome.Failure g) {
            stats.bothFailed++;
            if (!f.message().equals(g.message())) {
                stats.messageDifferences++;
                if (stats.firstMessageDifference == null) {
                    stats.firstMessageDifference = s.sql() + "\n  sqlite: " + f + "\n  panamax: " + g;
                }
            }
        }
    }
}
