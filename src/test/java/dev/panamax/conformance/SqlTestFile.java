package dev.panamax.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Turso {@code .sqltest} file, parsed: its databases, named setups, file-level skips and requirements, and
 * its test cases. {@code snapshot} and {@code matrix} cases belong to Turso's Rust backend; they are parsed and
 * counted, not run.
 *
 * <p>The grammar (Turso's {@code testing/sqltest/docs/dsl-spec.md}): {@code @database :memory:|:temp:|:default:|
 * :default-no-rowidalias:|PATH [readonly]}, {@code setup NAME { sql }}, {@code @skip-file "why"},
 * {@code @skip-file-if mvcc|sqlite "why"}, {@code @requires-file CAP "why"}, then cases with decorators
 * ({@code @setup NAME}, {@code @skip "why"}, {@code @skip-if COND "why"}, {@code @backend NAME},
 * {@code @requires CAP "why"}, {@code @cross-check-integrity}) followed by {@code test NAME { sql }} and one or
 * more {@code expect [error|pattern|unordered|raw] [@backend] { rows }} blocks. A block runs to its matching
 * brace; {@code \{}, {@code \}} and {@code \\} stand for the characters; the newline after the opening brace and the
 * one before the closing brace are not part of it.
 */
final class SqlTestFile {
    /** Where a case's database comes from. */
    enum Location { MEMORY, TEMP, DEFAULT, DEFAULT_NO_ROWID_ALIAS, PATH }

    record Database(Location location, String path, boolean readonly) {
    }

    /** A skip: {@code condition} null (always), "mvcc" or "sqlite". */
    record Skip(String condition, String reason) {
    }

    enum Kind { EXACT, RAW, ERROR, PATTERN, UNORDERED }

    /** An expectation: for EXACT/RAW/UNORDERED the expected lines, for ERROR/PATTERN one text (or none). */
    record Expectation(Kind kind, List<String> lines, String text) {
    }

    record Case(String name, String sql, List<String> setups, List<Skip> skips, String backend,
            List<String> requires, Expectation expect, Map<String, Expectation> backendExpects, int line) {
    }

    final Path path;
    final List<Database> databases = new ArrayList<>();
    final Map<String, String> setups = new LinkedHashMap<>();
    final List<Skip> fileSkips = new ArrayList<>();
    final List<String> fileRequires = new ArrayList<>();
    final List<Case> cases = new ArrayList<>();
    /** Snapshot and matrix cases, which only Turso's Rust backend runs. */
    int notRunnable;

    private SqlTestFile(Path path) {
        this.path = path;
    }

    static SqlTestFile parse(Path path) throws IOException {
        SqlTestFile f = new SqlTestFile(path);
        new Parser(Files.readString(path), f).parse();
        return f;
    }

    static SqlTestFile parse(Path path, String text) {
        SqlTestFile f = new SqlTestFile(path);
        new Parser(text, f).parse();
        return f;
    }

    /** A malformed file. */
    static final class FormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    /** A hand-written scanner and parser over the file's text. */
    private static final class Parser {
        private final String s;
        private final SqlTestFile f;
        private int pos;
        private final Map<Kind, String> modifiers = new EnumMap<>(Kind.class);

        Parser(String s, SqlTestFile f) {
            this.s = s;
            this.f = f;
            modifiers.put(Kind.ERROR, "error");
            modifiers.put(Kind.PATTERN, "pattern");
            modifiers.put(Kind.UNORDERED, "unordered");
            modifiers.put(Kind.RAW, "raw");
        }

        void parse() {
            List<String> setupRefs = new ArrayList<>();
            List<Skip> skips = new ArrayList<>();
            List<String> requires = new ArrayList<>();
            String backend = null;
            boolean decorated = false;
            while (true) {
                skipSpaceAndComments();
                if (pos >= s.length()) {
                    break;
                }
                int line = line();
                String word = word();
                switch (word) {
                    case "@database" -> f.databases.add(database());
                    case "@skip-file" -> f.fileSkips.add(new Skip(null, string()));
                    case "@skip-file-if" -> f.fileSkips.add(new Skip(word(), string()));
                    case "@requires-file" -> {
                        f.fileRequires.add(word());
                        string();
                    }
                    case "@verify-materialized-views" -> {
                    }
                    case "setup" -> {
                        String name = word();
                        f.setups.put(name, block().strip());
                    }
                    case "@setup" -> {
                        setupRefs.add(word());
                        decorated = true;
                    }
                    case "@skip" -> {
                        skips.add(new Skip(null, string()));
                        decorated = true;
                    }
                    case "@skip-if" -> {
                        skips.add(new Skip(word(), string()));
                        decorated = true;
                    }
                    case "@requires" -> {
                        requires.add(word());
                        string();
                        decorated = true;
                    }
                    case "@backend" -> {
                        backend = word();
                        decorated = true;
                    }
                    case "@cross-check-integrity" -> decorated = true;
                    case "@var" -> {
                        word();
                        block();
                        decorated = true;
                    }
                    case "test" -> {
                        f.cases.add(testCase(line, setupRefs, skips, backend, requires));
                        setupRefs = new ArrayList<>();
                        skips = new ArrayList<>();
                        requires = new ArrayList<>();
                        backend = null;
                        decorated = false;
                    }
                    case "snapshot", "snapshot-eqp", "matrix" -> {
                        word();
                        block();
                        f.notRunnable++;
                        setupRefs = new ArrayList<>();
                        skips = new ArrayList<>();
                        requires = new ArrayList<>();
                        backend = null;
                        decorated = false;
                    }
                    default -> throw new FormatException(f.path + ":" + line + ": unexpected '" + word + "'");
                }
            }
            if (decorated) {
                throw new FormatException(f.path + ": decorators without a case at the end");
            }
        }

        private Case testCase(int line, List<String> setupRefs, List<Skip> skips, String backend,
                List<String> requires) {
            String name = word();
            String sql = block().strip();
            Expectation def = null;
            Map<String, Expectation> overrides = new LinkedHashMap<>();
            while (true) {
                skipSpaceAndComments();
                int save = pos;
                if (pos >= s.length() || !word().equals("expect")) {
                    pos = save;
                    break;
                }
                skipBlanks();
                String qualifier = null;
                if (peek() == '@') {
                    qualifier = word().substring(1);
                }
                Expectation e = expectation();
                if (qualifier == null) {
                    def = e;
                } else {
                    overrides.put(qualifier, e);
                }
            }
            if (def == null) {
                throw new FormatException(f.path + ":" + line + ": test " + name + " has no default expect block");
            }
            return new Case(name, sql, setupRefs, skips, backend, requires, def, overrides, line);
        }

        private Expectation expectation() {
            skipBlanks();
            Kind kind = Kind.EXACT;
            if (peek() != '{') {
                String mod = word();
                kind = modifiers.entrySet().stream().filter(e -> e.getValue().equals(mod)).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> new FormatException(f.path + ": bad expect modifier " + mod));
            }
            String content = block();
            return switch (kind) {
                case ERROR, PATTERN -> new Expectation(kind, List.of(), content.strip());
                case UNORDERED -> new Expectation(kind, content.strip().lines().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList(), null);
                case RAW -> new Expectation(kind, List.of(content.split("\n", -1)), null);
                case EXACT -> new Expectation(kind, List.of(content.split("\n", -1)).stream().map(String::strip)
                        .toList(), null);
            };
        }

        private Database database() {
            String spec = word();
            return switch (spec) {
                case ":memory:" -> new Database(Location.MEMORY, null, false);
                case ":temp:" -> new Database(Location.TEMP, null, false);
                case ":default:" -> new Database(Location.DEFAULT, null, true);
                case ":default-no-rowidalias:" -> new Database(Location.DEFAULT_NO_ROWID_ALIAS, null, true);
                default -> {
                    skipBlanks();
                    int save = pos;
                    boolean readonly = pos < s.length() && peek() != '\n' && word().equals("readonly");
                    if (!readonly) {
                        pos = save;
                    }
                    yield new Database(Location.PATH, spec, readonly);
                }
            };
        }

        /** A block's content: from after {@code {} to its matching {@code }}, escapes resolved. */
        private String block() {
            skipBlanksAndNewlines();
            if (pos >= s.length() || s.charAt(pos) != '{') {
                throw new FormatException(f.path + ":" + line() + ": expected a block");
            }
            pos++;
            StringBuilder out = new StringBuilder();
            int depth = 1;
            boolean first = true;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (first) {
                    first = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\\' && pos < s.length() && "{}\\".indexOf(s.charAt(pos)) >= 0) {
                    out.append(s.charAt(pos++));
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) == '\n') {
                        out.setLength(out.length() - 1);
                    }
                    return expandMacros(out.toString());
                }
                out.append(c);
            }
            throw new FormatException(f.path + ": unterminated block");
        }

        /**
         * The block macros: {@code {{repeat:N:text}}} repeats text N times, {@code {{expr_depth_limit}}} is the
         * expression depth limit (SQLite's 1000); N may be that name plus or minus a number. Text that is not a
         * macro stays as it is.
         */
        private static String expandMacros(String content) {
            StringBuilder out = new StringBuilder();
            int from = 0;
            int open;
            while ((open = content.indexOf("{{", from)) >= 0) {
                int close = content.indexOf("}}", open + 2);
                if (close < 0) {
                    break;
                }
                String body = content.substring(open + 2, close).strip();
                String expansion = macro(body);
                if (expansion == null) {
                    out.append(content, from, open + 2);
                    from = open + 2;
                    continue;
                }
                out.append(content, from, open).append(expansion);
                from = close + 2;
            }
            return out.append(content.substring(from)).toString();
        }

        private static String macro(String body) {
            if (body.startsWith("repeat:")) {
                int colon = body.indexOf(':', 7);
                Integer n = colon < 0 ? null : count(body.substring(7, colon));
                return n == null ? null : body.substring(colon + 1).repeat(n);
            }
            Integer n = count(body);
            return n == null ? null : n.toString();
        }

        private static final int EXPR_DEPTH_LIMIT = 1000;

        private static Integer count(String expr) {
            String e = expr.replaceAll("\\s", "");
            try {
                if (e.equals("expr_depth_limit")) {
                    return EXPR_DEPTH_LIMIT;
                }
                if (e.startsWith("expr_depth_limit+")) {
                    return EXPR_DEPTH_LIMIT + Integer.parseInt(e.substring(17));
                }
                if (e.startsWith("expr_depth_limit-")) {
                    return EXPR_DEPTH_LIMIT - Integer.parseInt(e.substring(17));
                }
                return Integer.parseInt(e);
            } catch (NumberFormatException ex) {
                return null;
            }
        }

        private String string() {
            skipBlanks();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw new FormatException(f.path + ":" + line() + ": expected a string");
            }
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != '"') {
                if (s.charAt(pos) == '\\' && pos + 1 < s.length()) {
                    pos++;
                }
                out.append(s.charAt(pos++));
            }
            pos++;
            return out.toString();
        }

        private String word() {
            skipBlanks();
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '{') {
                pos++;
            }
            if (start == pos) {
                throw new FormatException(f.path + ":" + line() + ": expected a word");
            }
            return s.substring(start, pos);
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipBlanks() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private void skipBlanksAndNewlines() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void skipSpaceAndComments() {
            while (true) {
                skipBlanksAndNewlines();
                if (pos < s.length() && s.charAt(pos) == '#') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        private int line() {
            int n = 1;
            for (int i = 0; i < pos && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }
}
