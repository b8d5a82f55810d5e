package dev.panamax.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN QUERY PLAN rows drawn as the shell draws them ({@code eqp_append}/{@code eqp_render}):
 *
 * <pre>
 *   QUERY PLAN
 *   |--SCAN t1
 *   `--SEARCH t2 USING INDEX i2 (a=?)
 * </pre>
 */
final class QueryPlan {
    private static final int MAX_PREFIX = 100 - 7;

    private record Line(int id, int parent, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    void add(int id, int parent, String text) {
        lines.add(new Line(id, parent, text));
    }

    /** Prints the collected rows, if any, and forgets them. */
    void render(ShellOut out) {
        if (lines.isEmpty()) {
            return;
        }
        Line first = lines.getFirst();
        if (first.text.startsWith("-")) {
            if (lines.size() == 1) {
                lines.clear();
                return;
            }
            out.text(first.text.substring(Math.min(3, first.text.length()))).print("\n");
            lines.removeFirst();
        } else {
            out.print("QUERY PLAN\n");
        }
        level(out, 0, new StringBuilder());
        lines.clear();
    }

    private void level(ShellOut out, int parent, StringBuilder prefix) {
        List<Line> children = lines.stream().filter(l -> l.parent == parent).toList();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            out.text(prefix.toString()).print(last ? "`--" : "|--").text(children.get(i).text).print("\n");
            int n = prefix.length();
            if (n < MAX_PREFIX) {
                prefix.append(last ? "   " : "|  ");
                level(out, children.get(i).id, prefix);
                prefix.setLength(n);
            }
        }
    }
}
