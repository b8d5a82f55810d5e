package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What running one statement gave: its rows, or an error with SQLite's (extended) result code and message. */
sealed interface Outcome {
    record Rows(List<List<Cell>> rows) implements Outcome {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(rows.size()).append(" row(s)");
            int shown = 0;
            for (List<Cell> r : rows) {
                if (shown++ == 20) {
                    sb.append("\n    ...");
                    break;
                }
                sb.append("\n    ").append(r);
            }
            return sb.toString();
        }
    }

    record Failure(int code, String message) implements Outcome {
        int primary() {
            return code & 0xff;
        }

        @Override
        public String toString() {
            return "error " + code + ": " + message;
        }
    }

    /**
     * Why two outcomes differ, or null when they agree. Errors agree when their primary codes match; rows agree as
     * sequences when {@code ordered}, otherwise as multisets.
     */
    static String difference(Outcome sqlite, Outcome panamax, boolean ordered) {
        if (sqlite instanceof Failure f) {
            if (panamax instanceof Failure g) {
                return f.primary() == g.primary() ? null : "different error codes";
            }
            return "SQLite failed, Panamax did not";
        }
        if (panamax instanceof Failure) {
            return "Panamax failed, SQLite did not";
        }
        List<List<Cell>> a = ((Rows) sqlite).rows();
        List<List<Cell>> b = ((Rows) panamax).rows();
        if (a.size() != b.size()) {
            return "row counts " + a.size() + " vs " + b.size();
        }
        if (ordered) {
            for (int k = 0; k < a.size(); k++) {
                if (!rowMatches(a.get(k), b.get(k))) {
                    return "row " + k + " differs: " + a.get(k) + " vs " + b.get(k);
                }
            }
            return null;
        }
        return multisetDifference(a, b);
    }

    /**
     * Row multisets compared with every value reduced to what equal values share: numbers by their numeric value,
     * text folded to lower case and stripped of trailing spaces. Used only for queries whose output may legitimately
     * show any one of several equal values (DISTINCT, GROUP BY keys, compound SELECT, min/max).
     */
    static String relaxedDifference(Outcome sqlite, Outcome panamax) {
        if (!(sqlite instanceof Rows a) || !(panamax instanceof Rows b)) {
            return "not rows";
        }
        return multisetDifference(relax(a.rows()), relax(b.rows()));
    }

    private static List<List<Cell>> relax(List<List<Cell>> rows) {
        List<List<Cell>> out = new ArrayList<>();
        for (List<Cell> r : rows) {
            List<Cell> row = new ArrayList<>();
            for (Cell c : r) {
                row.add(switch (c.type()) {
                    case INTEGER -> Cell.ofDouble(c.integer());
                    case TEXT -> Cell.ofText(c.text().toLowerCase(java.util.Locale.ROOT).stripTrailing());
                    default -> c;
                });
            }
            out.add(row);
        }
        return out;
    }

    private static boolean rowMatches(List<Cell> x, List<Cell> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int k = 0; k < x.size(); k++) {
            if (!x.get(k).matches(y.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static String multisetDifference(List<List<Cell>> a, List<List<Cell>> b) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<Cell> r : a) {
            counts.merge(key(r), 1, Integer::sum);
        }
        List<List<Cell>> extra = new ArrayList<>();
        for (List<Cell> r : b) {
            Integer c = counts.get(key(r));
            if (c == null || c == 0) {
                extra.add(r);
            } else {
                counts.put(key(r), c - 1);
            }
        }
        if (extra.isEmpty()) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (c > 0) {
                missing.add(k);
            }
        });
        return "rows differ (as multisets): Panamax has " + extra.subList(0, Math.min(5, extra.size()))
                + " that SQLite lacks; SQLite has " + missing.subList(0, Math.min(5, missing.size()));
    }

    private static String key(List<Cell> row) {
        StringBuilder sb = new StringBuilder();
        for (Cell c : row) {
            sb.append(c.key()).append('\u0001');
        }
        return sb.toString();
    }
}
