package dev.panamax.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Runs Turso's {@code .sqltest} corpus through a shell, as Turso's own runner does with its CLI backend: each
 * case gets a fresh database, the SQL of its setups and then of the case is fed to the shell's stdin in list
 * mode ({@code -q -m list}), and the output is compared with the expectation. A marker row
 * ({@code SELECT '__SETUP_END_MARKER_7f3a9b2c__';}) separates the setups' output from the case's.
 *
 * <p>A case counts as an error when the shell exits non-zero, writes "Error" or "error" to stderr, or writes
 * {@code "× "}, {@code "error:"} or {@code "Error:"} to stdout; its message is reduced to SQLite's text
 * ({@code Parse error near line 3: X} becomes {@code Parse error: X}, a runtime error loses its line and its
 * {@code (19)}). Rows are the lines of stdout split at {@code |}.
 *
 * <p>Skipped, and counted as such: cases for other backends ({@code @backend rust}), {@code @skip},
 * {@code @skip-if} conditions that hold ({@code sqlite} for the sqlite3 backend; {@code mvcc} never), and cases
 * whose database file is not in the corpus ({@code :default:} needs Turso's generated {@code database.db}).
 */
final class SqlTestRunner {
    static final String MARKER = "__SETUP_END_MARKER_7f3a9b2c__";
    static final String MARKER_SQL = "SELECT '" + MARKER + "';";

    /** What running a script in the shell gave. */
    record Output(String stdout, String stderr, int exitCode) {
    }

    /** A shell to run scripts in. */
    interface Backend {
        /** True for the {@code sqlite3} shell: {@code @skip-if sqlite} applies. */
        boolean isSqlite();

        /** Runs {@code script} as the shell's stdin against {@code database}. */
        Output run(String database, boolean readonly, String script) throws IOException;
    }

    /** The outcome of one case. */
    enum Status { PASS, FAIL, SKIP }

    record CaseResult(Path file, String name, Status status, String detail) {
    }

    /** Totals of a run. */
    static final class Summary {
        int passed;
        int failed;
        int skipped;
        int notRunnable;
        final Map<String, Integer> skipReasons = new TreeMap<>();
        final List<CaseResult> failures = new ArrayList<>();

        void add(CaseResult r) {
            switch (r.status()) {
                case PASS -> passed++;
                case FAIL -> {
                    failed++;
                    failures.add(r);
                }
                case SKIP -> {
                    skipped++;
                    skipReasons.merge(r.detail(), 1, Integer::sum);
                }
            }
        }

        double passRate() {
            return passed + failed == 0 ? 0 : (double) passed / (passed + failed);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d/%d passed (%.1f%%), %d skipped, %d snapshot/matrix cases"
                    + " not run", passed, passed + failed, 100 * passRate(), skipped, notRunnable);
        }
    }

    private final Backend backend;
    private final Path corpusRoot;

    /**
     * @param corpusRoot the directory database paths of the corpus are relative to (the one holding
     *     {@code database/})
     */
    SqlTestRunner(Backend backend, Path corpusRoot) {
        this.backend = backend;
        this.corpusRoot = corpusRoot;
    }

    /** Runs every {@code .sqltest} file under {@code dir}. */
    Summary runAll(Path dir) throws IOException {
        Summary summary = new Summary();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sqltest")).sorted().toList();
        }
        for (Path p : files) {
            SqlTestFile f;
            try {
                f = SqlTestFile.parse(p);
            } catch (SqlTestFile.FormatException e) {
                summary.add(new CaseResult(p, "(file)", Status.FAIL, "cannot parse: " + e.getMessage()));
                continue;
            }
            runFile(f, summary);
        }
        return summary;
    }

    void runFile(SqlTestFile f, Summary summary) {
        summary.notRunnable += f.notRunnable * Math.max(1, f.databases.size());
        for (SqlTestFile.Database db : f.databases) {
            for (SqlTestFile.Case c : f.cases) {
                summary.add(runCase(f, db, c));
            }
        }
    }

    CaseResult runCase(SqlTestFile f, SqlTestFile.Database db, SqlTestFile.Case c) {
        String skip = skipReason(f, db, c);
        if (skip != null) {
            return new CaseResult(f.path, c.name(), Status.SKIP, skip);
        }
        try {
            Actual actual = execute(f, db, c);
            SqlTestFile.Expectation e = c.backendExpects().getOrDefault("cli", c.expect());
            String mismatch = compare(actual, e);
            return new CaseResult(f.path, c.name(), mismatch == null ? Status.PASS : Status.FAIL, mismatch);
        } catch (IOException | RuntimeException e) {
            return new CaseResult(f.path, c.name(), Status.FAIL, "could not run: " + e);
        }
    }

    private String skipReason(SqlTestFile f, SqlTestFile.Database db, SqlTestFile.Case c) {
        if (c.backend() != null && !c.backend().equals("cli")) {
            return "for backend " + c.backend();
        }
        for (SqlTestFile.Skip s : f.fileSkips) {
            if (applies(s)) {
                return "@skip-file";
            }
        }
        for (SqlTestFile.Skip s : c.skips()) {
            if (applies(s)) {
                return s.condition() == null ? "@skip" : "@skip-if " + s.condition();
            }
        }
        if (db.location() == SqlTestFile.Location.DEFAULT || db.location() == SqlTestFile.Location
                .DEFAULT_NO_ROWID_ALIAS) {
            return "needs Turso's generated default database";
        }
        if (db.location() == SqlTestFile.Location.PATH && !Files.exists(corpusRoot.resolve(db.path()))) {
            return "database file missing from the corpus";
        }
        return null;
    }

    private boolean applies(SqlTestFile.Skip s) {
        return s.condition() == null || (s.condition().equals("sqlite") && backend.isSqlite());
    }

    /** The shell's result: rows, or an error message. */
    record Actual(List<String> lines, String error) {
    }

    private Actual execute(SqlTestFile f, SqlTestFile.Database db, SqlTestFile.Case c) throws IOException {
        StringBuilder script = new StringBuilder();
        boolean marked = !c.setups().isEmpty();
        for (String name : c.setups()) {
            String sql = f.setups.get(name);
            if (sql == null) {
                throw new IllegalStateException("no setup named " + name);
            }
            script.append(sql).append('\n');
        }
        if (marked) {
            script.append(MARKER_SQL).append('\n');
        }
        script.append(c.sql());
        Path temp = null;
        String database = ":memory:";
        try {
            if (db.location() == SqlTestFile.Location.TEMP) {
                temp = Files.createTempFile("sqltest", ".db");
                Files.delete(temp);
                database = temp.toString();
            } else if (db.location() == SqlTestFile.Location.PATH) {
                database = corpusRoot.resolve(db.path()).toString();
            }
            Output out = backend.run(database, db.readonly(), script.toString());
            return interpret(out, marked);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(Path.of(temp + "-journal"));
                Files.deleteIfExists(Path.of(temp + "-wal"));
            }
        }
    }

    static Actual interpret(Output out, boolean marked) {
        boolean stderrError = !out.stderr().isEmpty() && (out.stderr().contains("Error")
                || out.stderr().contains("error"));
        boolean stdoutError = out.stdout().contains("× ") || out.stdout().contains("error:")
                || out.stdout().contains("Error:");
        if (stderrError || stdoutError || out.exitCode() != 0) {
            String raw = stderrError ? out.stderr() : stdoutError ? out.stdout()
                    : !out.stderr().isBlank() ? out.stderr() : !out.stdout().isBlank() ? out.stdout()
                    : "command exited with status " + out.exitCode();
            return new Actual(List.of(), normalizeError(raw));
        }
        List<String> lines = new ArrayList<>(out.stdout().lines().toList());
        if (marked) {
            int m = lines.indexOf(MARKER);
            if (m >= 0) {
                lines.subList(0, m + 1).clear();
            }
        }
        return new Actual(lines, null);
    }

    /** The message the engine gave, without the shell's decoration. */
    static String normalizeError(String raw) {
        List<String> lines = raw.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith("Error: ")) {
                line = line.substring(7);
            }
            String parse = afterPrefix(line, "Parse error");
            if (parse != null) {
                return "Parse error: " + parse;
            }
            String runtime = afterPrefix(line, "Runtime error");
            if (runtime != null) {
                return runtime.replaceFirst(" \\(\\d+\\)$", "");
            }
            if (line.startsWith("× ")) {
                StringBuilder m = new StringBuilder(line.substring(2).strip());
                for (int j = i + 1; j < lines.size() && lines.get(j).stripLeading().startsWith("│ "); j++) {
                    m.append(' ').append(lines.get(j).stripLeading().substring(2).strip());
                }
                return m.toString();
            }
        }
        return raw.strip();
    }

    /** The message after {@code kind:} or {@code kind near line N:}, or null. */
    private static String afterPrefix(String line, String kind) {
        if (!line.startsWith(kind)) {
            return null;
        }
        String rest = line.substring(kind.length()).stripLeading();
        if (rest.startsWith("near line")) {
            rest = rest.substring(9).stripLeading().replaceFirst("^\\d+", "");
        }
        return rest.startsWith(":") ? rest.substring(1).stripLeading() : null;
    }

    /** Null when the result meets the expectation, else why not. */
    static String compare(Actual actual, SqlTestFile.Expectation e) {
        if (e.kind() == SqlTestFile.Kind.ERROR) {
            if (actual.error() == null) {
                return "expected an error, got rows " + actual.lines();
            }
            if (e.text().isEmpty() || actual.error().contains(e.text()) || regexFinds(e.text(), actual.error())) {
                return null;
            }
            return "error '" + actual.error() + "' does not match '" + e.text() + "'";
        }
        if (actual.error() != null) {
            return "unexpected error: " + actual.error();
        }
        return switch (e.kind()) {
            case PATTERN -> regexFinds(e.text(), String.join("\n", actual.lines())) ? null
                    : "output " + actual.lines() + " does not match /" + e.text() + "/";
            case UNORDERED -> {
                List<String> got = actual.lines().stream().map(String::strip).filter(l -> !l.isEmpty()).sorted()
                        .toList();
                List<String> want = e.lines().stream().sorted().toList();
                yield got.equals(want) ? null : "expected (any order) " + e.lines() + ", got " + actual.lines();
            }
            case RAW -> sameRows(actual.lines(), e.lines()) ? null
                    : "expected " + e.lines() + ", got " + actual.lines();
            default -> sameRows(actual.lines().stream().map(String::strip).toList(), e.lines()) ? null
                    : "expected " + e.lines() + ", got " + actual.lines();
        };
    }

    /** An empty block stands for no rows as well as for one empty (NULL) row. */
    private static boolean sameRows(List<String> got, List<String> want) {
        if (want.size() == 1 && want.getFirst().isEmpty()) {
            return got.isEmpty() || got.equals(want);
        }
        return got.equals(want);
    }

    private static boolean regexFinds(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
