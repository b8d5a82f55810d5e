package dev.panamax.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs sqllogictest scripts against an {@link SltEngine}, following SQLite's harness: conditions, sort modes,
 * hash thresholds, labels, and value counts.
 */
final class SltRunner {

    /** Outcome of a run: executed records, passes, skips and the first failures. */
    static final class Result {
        long executed;
        long passed;
        long skipped;
        final List<String> failures = new ArrayList<>();
        final int maxFailures;

        Result(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        long failed() {
            return executed - passed;
        }

        void fail(SltScript script, SltScript.Record r, String why) {
            if (failures.size() < maxFailures) {
                failures.add(script.path() + ":" + r.line() + ": " + why);
            }
        }

        void add(Result other) {
            executed += other.executed;
            passed += other.passed;
            skipped += other.skipped;
            for (String f : other.failures) {
                if (failures.size() < maxFailures) {
                    failures.add(f);
                }
            }
        }

        double passRate() {
            return executed == 0 ? 1.0 : (double) passed / executed;
        }

        @Override
        public String toString() {
            return String.format("%d executed, %d passed, %d failed, %d skipped: %.4f%% pass", executed, passed,
                    failed(), skipped, 100.0 * passRate());
        }
    }

    private SltRunner() {
    }

    /** Runs one script on a fresh engine from {@code engines}. */
    static Result run(SltScript script, Supplier<SltEngine> engines, int maxFailures) throws Exception {
        Result result = new Result(maxFailures);
        Map<String, String> labels = new HashMap<>();
        int hashThreshold = 8;
        try (SltEngine engine = engines.get()) {
            for (SltScript.Record r : script.records()) {
                boolean applies = r.appliesTo(engine.name());
                if (r instanceof SltScript.Halt) {
                    if (applies) {
                        break;
                    }
                    continue;
                }
                if (r instanceof SltScript.HashThreshold h) {
                    if (applies) {
                        hashThreshold = h.threshold();
                    }
                    continue;
                }
                if (!applies) {
                    result.skipped++;
                    if (r instanceof SltScript.Query q && q.label() != null) {
                        labels.putIfAbsent(q.label(), storedHash(q));
                    }
                    continue;
                }
                result.executed++;
                String failure = switch (r) {
                    case SltScript.Statement s -> runStatement(engine, s);
                    case SltScript.Query q -> runQuery(engine, q, hashThreshold, labels);
                    default -> throw new AssertionError(r);
                };
                if (failure == null) {
                    result.passed++;
                } else {
                    result.fail(script, r, failure);
                }
            }
        }
        return result;
    }

    private static String runStatement(SltEngine engine, SltScript.Statement s) {
        try {
            engine.execute(s.sql());
            return s.expectError() ? "statement should have failed: " + oneLine(s.sql()) : null;
        } catch (Exception e) {
            return s.expectError() ? null : "statement failed: " + oneLine(s.sql()) + " -> " + e.getMessage();
        } catch (StackOverflowError e) {
            return "stack overflow: " + oneLine(s.sql());
        }
    }

    private static String runQuery(SltEngine engine, SltScript.Query q, int hashThreshold, Map<String, String> labels) {
        List<String> values;
        try {
            values = engine.query(q.sql(), q.types());
        } catch (Exception e) {
            return "query failed: " + oneLine(q.sql()) + " -> " + e.getMessage();
        } catch (StackOverflowError e) {
            return "stack overflow: " + oneLine(q.sql());
        }
        int ncol = q.types().length();
        values = sorted(values, ncol, q.sortMode());
        String hash = md5(values);
        if (q.label() != null) {
            String prior = labels.putIfAbsent(q.label(), hash);
            if (prior != null && !prior.equals(hash)) {
                return "label " + q.label() + " hash differs: " + oneLine(q.sql());
            }
        }
        String expectedHash = q.expectedHash();
        if (values.size() != q.expectedCount()) {
            return "expected " + q.expectedCount() + " values, got " + values.size() + ": " + oneLine(q.sql())
                    + (values.size() <= 16 ? " " + values : "");
        }
        if (expectedHash != null) {
            return expectedHash.equals(hash) ? null : "hash mismatch: " + oneLine(q.sql());
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).equals(q.expected().get(i))) {
                return "value " + i + " is " + values.get(i) + ", expected " + q.expected().get(i) + ": "
                        + oneLine(q.sql());
            }
        }
        return null;
    }

    private static String storedHash(SltScript.Query q) {
        String h = q.expectedHash();
        return h != null ? h : md5(sorted(q.expected(), Math.max(1, q.types().length()), q.sortMode()));
    }

    static List<String> sorted(List<String> values, int ncol, String sortMode) {
        switch (sortMode) {
            case "rowsort" -> {
                if (ncol <= 0 || values.size() % ncol != 0) {
                    return values;
                }
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < values.size(); i += ncol) {
                    rows.add(values.subList(i, i + ncol));
                }
                rows.sort((a, b) -> {
                    for (int k = 0; k < ncol; k++) {
                        int c = compareBytes(a.get(k), b.get(k));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                });
                List<String> out = new ArrayList<>(values.size());
                rows.forEach(out::addAll);
                return out;
            }
            case "valuesort" -> {
                List<String> out = new ArrayList<>(values);
                out.sort(SltRunner::compareBytes);
                return out;
            }
            default -> {
                return values;
            }
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String oneLine(String sql) {
        String s = sql.replace('\n', ' ');
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
