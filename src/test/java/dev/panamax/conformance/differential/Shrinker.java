package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing scenario small: drops the statements after the failing one, then every earlier statement the
 * failure does not need (in halving blocks, then one by one), then simplifies the failing statement itself
 * (expressions replaced by a sub-expression or a literal, optional clauses dropped) while the same kind of mismatch
 * remains. Bounded by a number of replays.
 */
final class Shrinker {
    private static final String[] LITERALS = {"NULL", "1", "0", "'a'"};

    private final int budget;
    private int replays;

    Shrinker(int budget) {
        this.budget = budget;
    }

    /** The reduced steps; the last one is the failing statement. */
    List<Scenario.Step> shrink(List<Scenario.Step> steps, Runner.Mismatch first) {
        String category = first.category();
        List<Scenario.Step> cur = new ArrayList<>(steps.subList(0, first.step() + 1));
        cur = dropSteps(cur, category);
        return simplifyLast(cur, category);
    }

    private boolean fails(List<Scenario.Step> steps, String category) {
        if (replays++ >= budget) {
            return false;
        }
        Runner.Mismatch m = new Runner().run(steps);
        return m != null && m.step() == steps.size() - 1 && m.category().equals(category);
    }

    private List<Scenario.Step> dropSteps(List<Scenario.Step> steps, String category) {
        List<Scenario.Step> cur = steps;
        for (int block = Math.max(1, (cur.size() - 1) / 2); block >= 1; block /= 2) {
            int start = 0;
            while (start < cur.size() - 1) {
                int end = Math.min(start + block, cur.size() - 1);
                List<Scenario.Step> trial = new ArrayList<>(cur.subList(0, start));
                trial.addAll(cur.subList(end, cur.size()));
                if (fails(trial, category)) {
                    cur = trial;
                } else {
                    start = end;
                }
            }
        }
        return cur;
    }

    private List<Scenario.Step> simplifyLast(List<Scenario.Step> steps, String category) {
        List<Scenario.Step> cur = steps;
        boolean progress = true;
        while (progress && replays < budget) {
            progress = false;
            Scenario.Step last = cur.get(cur.size() - 1);
            for (Node candidate : candidates(last.node())) {
                List<Scenario.Step> trial = new ArrayList<>(cur.subList(0, cur.size() - 1));
                trial.add(new Scenario.Step(last.kind(), candidate, last.ordered(), last.relaxed()));
                if (fails(trial, category)) {
                    cur = trial;
                    progress = true;
                    break;
                }
            }
        }
        return cur;
    }

    /** Smaller variants of a statement, biggest reductions first. */
    private static List<Node> candidates(Node root) {
        List<Node> nodes = new ArrayList<>();
        root.forEach(nodes::add);
        nodes.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.kind == Node.Kind.OPTIONAL) {
                out.add(root.replace(n, Node.EMPTY));
            } else if (n.kind == Node.Kind.EXPR) {
                for (Node d : n.exprDescendants()) {
                    out.add(root.replace(n, d));
                }
                for (String lit : LITERALS) {
                    if (!n.sql().equals(lit)) {
                        out.add(root.replace(n, Node.expr(lit)));
                    }
                }
            }
        }
        return out;
    }
}
