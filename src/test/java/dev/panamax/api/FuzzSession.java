package dev.panamax.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one script on a {@link FuzzPair}: every statement passes {@link FuzzCheck} on Panamax, then is compared with
 * SQLite where a comparison is robust. Findings (failed checks, and what SQLite rejects as a syntax error but
 * Panamax runs) are kept with the script prefix that led to them; differences that only show a feature Panamax does
 * not have yet are counted in {@link Stats}, never failed.
 */
final class FuzzSession {
    /** Statement texts that use features whose results are not expected to match SQLite yet. */
    private static final String[] UNFINISHED = {"RECURSIVE", "OVER", "RETURNING", "JSON", "->", "DATE", "TIME",
        "JULIANDAY", "UNIXEPOCH", "STRFTIME", "WINDOW", "PRAGMA", "EXPLAIN", "PRINTF", "FORMAT"};

    /** One failed check: its signature (one per bug), the statements that led to it, and what was seen. */
    record Finding(long seed, String signature, List<String> script, String detail) {
    }

    /** Counters over all sessions, and a few examples per kind of difference. */
    static final class Stats {
        long sessions;
        long statements;
        long panamaxErrors;
        long sameRows;
        long rowsDiffer;
        long rowsDifferUnfinished;
        long onlyPanamaxFailed;
        long onlySqliteFailed;
        long bothFailed;
        long sqliteTimeouts;
        final Map<String, Integer> panamaxOnlyMessages = new TreeMap<>();
        final List<String> rowExamples = new ArrayList<>();

        void panamaxOnly(String message) {
            panamaxOnlyMessages.merge(FuzzCheck.shape(message), 1, Integer::sum);
        }

        String summary() {
            return String.format(Locale.ROOT, "%d sessions, %d statements: Panamax errors %d; same rows %d, rows "
                + "differ %d (+%d in unfinished features); only Panamax failed %d, only SQLite failed %d, both "
                + "failed %d; SQLite timeouts %d", sessions, statements, panamaxErrors, sameRows, rowsDiffer,
                rowsDifferUnfinished, onlyPanamaxFailed, onlySqliteFailed, bothFailed, sqliteTimeouts);
        }
    }

    private final long timeoutMillis;
    private final ScheduledExecutorService timer;

    FuzzSession(long timeoutMillis, ScheduledExecutorService timer) {
        this.timeoutMillis = timeoutMillis;
        this.timer = timer;
    }

    /** Runs {@code script} side by side; returns the findings (at most one per signature). */
    List<Finding> run(long seed, List<String> script, Stats stats) {
        script = new ArrayList<>(script);
        script.add(FuzzCheck.INTEGRITY_CHECK);
        List<Finding> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean guard = true;
        stats.sessions++;
        try (FuzzPair p = new FuzzPair(timeoutMillis, timer, true)) {
            for (int i = 0; i < script.size() && !p.abandoned(); i++) {
                String sql = script.get(i);
                guard &= !FuzzCheck.keepsPartialChanges(sql);
                stats.statements++;
                FuzzCheck.Result c = FuzzCheck.run(p, sql, guard);
                FuzzOutcome q = p.sqlite(sql);
                String signature = c.signature();
                String detail = c.detail();
                if (signature == null) {
                    signature = compare(sql, c.outcome(), q, stats);
                    detail = signature == null ? null : "Panamax: " + c.outcome() + "\nSQLite:  " + q;
                }
                if (signature != null && seen.stream().noneMatch(signature::equals)) {
                    seen.add(signature);
                    found.add(new Finding(seed, signature, new ArrayList<>(script.subList(0, i + 1)), detail));
                }
            }
        }
        return found;
    }

    private static String compare(String sql, FuzzOutcome px, FuzzOutcome lite, Stats stats) {
        if (px.kind() == FuzzOutcome.Kind.ERROR) {
            stats.panamaxErrors++;
        }
        if (lite.kind() == FuzzOutcome.Kind.TIMEOUT) {
            stats.sqliteTimeouts++;
            return null;
        }
        if (px.kind() == FuzzOutcome.Kind.TIMEOUT) {
            return "TIMEOUT (SQLite answered " + (lite.ok() ? "rows" : "an error") + ")";
        }
        if (px.ok() && lite.ok()) {
            if (px.sortedRows().equals(lite.sortedRows())) {
                stats.sameRows++;
            } else if (unfinished(sql)) {
                stats.rowsDifferUnfinished++;
            } else {
                stats.rowsDiffer++;
                if (stats.rowExamples.size() < 12) {
                    stats.rowExamples.add(sql + "\n    Panamax: " + px + "\n    SQLite:  " + lite);
                }
            }
        } else if (lite.ok()) {
            stats.onlyPanamaxFailed++;
            stats.panamaxOnly(px.message());
        } else if (px.ok()) {
            stats.onlySqliteFailed++;
            if (syntaxError(lite) && FuzzCorpus.statements(sql).size() == 1 && !tursoSyntax(sql)) {
                return "accepts what SQLite rejects as a syntax error: " + FuzzCheck.shape(lite.message());
            }
        } else {
            stats.bothFailed++;
        }
        return null;
    }

    private static boolean syntaxError(FuzzOutcome lite) {
        String m = lite.message();
        return lite.code() == ResultCode.ERROR.code() && m != null
            && (m.contains("syntax error") || m.contains("incomplete input") || m.contains("unrecognized token"));
    }

    /** Turso's additions to the grammar (index methods, concurrent transactions), which SQLite cannot parse. */
    private static boolean tursoSyntax(String sql) {
        String u = sql.toUpperCase(Locale.ROOT);
        return u.startsWith("CREATE") && u.contains(" INDEX ") && u.contains(" USING ") || u.contains("CONCURRENT");
    }

    private static boolean unfinished(String sql) {
        String u = sql.toUpperCase(Locale.ROOT);
        for (String f : UNFINISHED) {
            if (u.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** The signature the last statement of {@code script} gives when replayed on a fresh Panamax alone. */
    String replay(List<String> script) {
        boolean guard = true;
        try (FuzzPair p = new FuzzPair(timeoutMillis, timer, false)) {
            for (int i = 0; i < script.size() - 1; i++) {
                guard &= !FuzzCheck.keepsPartialChanges(script.get(i));
                p.panamax(script.get(i));
                if (p.abandoned()) {
                    return "HANG";
                }
            }
            String last = script.getLast();
            return FuzzCheck.run(p, last, guard && !FuzzCheck.keepsPartialChanges(last)).signature();
        }
    }

    /**
     * A shorter script that still ends in the same finding: damage found by an integrity check is looked for by a
     * plain one at the end, chunks of earlier statements are dropped (halving the chunk size), then tokens of the
     * last statement, within {@code budget} replays. Findings that need
     * SQLite to be seen are returned as found, their last statement alone.
     */
    List<String> shrink(Finding f, int budget) {
        if (f.signature().startsWith("accepts") || f.signature().startsWith("TIMEOUT")) {
            return List.of(f.script().getLast());
        }
        if (f.signature().equals("HANG")) {
            budget = Math.min(budget, 6);
        }
        List<String> cur = f.script();
        int[] left = {budget};
        if (f.signature().startsWith("integrity: ")) {
            List<String> cand = new ArrayList<>(cur.subList(0, cur.size() - 1));
            cand.add(FuzzCheck.INTEGRITY_CHECK);
            cur = same(cand, f.signature(), left) ? cand : cur;
        }
        for (int chunk = Math.max(1, (cur.size() - 1) / 2); chunk >= 1 && left[0] > 0; chunk /= 2) {
            for (int i = cur.size() - 1 - chunk; i >= 0 && left[0] > 0; i -= chunk) {
                List<String> cand = new ArrayList<>(cur.subList(0, i));
                cand.addAll(cur.subList(i + chunk, cur.size()));
                if (same(cand, f.signature(), left)) {
                    cur = cand;
                }
            }
        }
        return cur.getLast().equals(FuzzCheck.INTEGRITY_CHECK) ? cur : shrinkLast(cur, f.signature(), left);
    }

    private List<String> shrinkLast(List<String> script, String signature, int[] left) {
        List<String> tokens = FuzzTokens.split(script.getLast());
        for (int width = Math.max(1, tokens.size() / 4); width >= 1 && left[0] > 0; width /= 2) {
            for (int i = tokens.size() - width; i >= 0 && left[0] > 0; i--) {
                List<String> t = new ArrayList<>(tokens.subList(0, i));
                t.addAll(tokens.subList(Math.min(tokens.size(), i + width), tokens.size()));
                List<String> cand = new ArrayList<>(script.subList(0, script.size() - 1));
                cand.add(FuzzTokens.join(t));
                if (!t.isEmpty() && same(cand, signature, left)) {
                    tokens = t;
                    i = Math.min(i, tokens.size() - width + 1);
                }
            }
        }
        List<String> out = new ArrayList<>(script.subList(0, script.size() - 1));
        out.add(FuzzTokens.join(tokens));
        return out;
    }

    private boolean same(List<String> cand, String signature, int[] left) {
        left[0]--;
        return !cand.isEmpty() && signature.equals(replay(cand));
    }
}
