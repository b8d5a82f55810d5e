package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's state and its input loop: {@code process_input} and {@code runOneSqlLine} of the 3.40
 * {@code sqlite3} shell. Lines are gathered until they form a complete statement (or a lone {@code go} or
 * {@code /}), dot commands run when they start a line, and errors are reported as {@code sqlite3} reports them:
 * "Parse error near line N: ..." or "Runtime error near line N: ..." on stderr, without the line number for a
 * person at a terminal.
 *
 * <p>The database opens on first use, so that a mistyped file name does not create an empty database.
 */
final class Shell {
    static final String MAIN_PROMPT = "panamax> ";
    static final String CONTINUE_PROMPT = "   ...> ";
    private static final int MAX_INPUT_NESTING = 25;

    final OutputSettings settings = new OutputSettings();
    /** {@code .parameter} bindings, by parameter name. */
    final Map<String, Object> parameters = new TreeMap<>();
    final Engine engine;
    private final ShellOut stdout;
    private final ShellOut stderr;
    private final SqlRunner runner = new SqlRunner(this);
    private final DotCommands dotCommands = new DotCommands(this);
    private ShellOut out;
    /** {@code .once}: 2 right after it, 1 once a command has used the redirected output. */
    int outCount;
    private Session session;
    String filename;
    boolean readOnly;
    /** True when stdin is a person at a terminal (or {@code -interactive} says so): {@code .import} shows progress. */
    boolean stdinInteractive;
    boolean bail;
    boolean echo;
    boolean countChanges;
    boolean timer;
    boolean autoExplain = true;
    /** {@code .eqp}: 0 off, 1 on, 2 trigger, 3 full. */
    int autoEqp;
    String mainPrompt = MAIN_PROMPT;
    String continuePrompt = CONTINUE_PROMPT;
    /** The directory relative file names are resolved against; {@code .cd} changes it. */
    Path cwd = Path.of("").toAbsolutePath();
    private int lineno;
    private int inputNesting;
    private volatile boolean interrupted;

    Shell(Engine engine, ShellOut stdout, ShellOut stderr, String filename, boolean readOnly) {
        this.engine = engine;
        this.stdout = stdout;
        this.stderr = stderr;
        this.out = stdout;
        this.filename = filename;
        this.readOnly = readOnly;
    }

    ShellOut out() {
        return out;
    }

    ShellOut stdout() {
        return stdout;
    }

    ShellOut stderr() {
        return stderr;
    }

    SqlRunner runner() {
        return runner;
    }

    /** The dot commands, for completion. */
    List<String> dotCommandNames() {
        return dotCommands.names();
    }

    /** A file name as the shell's commands see it: relative to {@link #cwd}. */
    Path resolve(String name) {
        return cwd.resolve(name);
    }

    /** The open database, opening it now if needed ({@code open_db}); exits the shell when that fails. */
    Session session() {
        if (session == null) {
            try {
                session = engine.open(filename, readOnly);
            } catch (DbException e) {
                stderr.print("Error: unable to open database \"" + filename + "\": " + e.getMessage() + "\n");
                throw new ShellExit(1);
            }
        }
        return session;
    }

    /** The open database or null, without opening it. */
    Session openSession() {
        return session;
    }

    /** Closes the database ({@code .open} then opens another on first use). */
    void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Replaces the database with an already open one ({@code .open}). */
    void setSession(Session s, String name, boolean ro) {
        closeSession();
        session = s;
        filename = name;
        readOnly = ro;
    }

    /** Sends output to {@code target} ({@code .output}); the previous file, if any, is closed. */
    void redirect(ShellOut target) {
        if (out != stdout && out != stderr) {
            out.close();
        } else {
            out.flush();
        }
        out = target;
    }

    /** Output back to stdout ({@code output_reset}). */
    void resetOutput() {
        redirect(stdout);
    }

    /** Ctrl-C: stop the running statement. */
    void interrupt() {
        interrupted = true;
        Session s = session;
        if (s != null) {
            s.interrupt();
        }
    }

    /**
     * Reads and runs lines until the end of input, {@code .quit}, or (with {@code .bail on}) an error in
     * non-interactive input. Returns true when any error occurred.
     */
    boolean processInput(LineSource in) {
        if (inputNesting == MAX_INPUT_NESTING) {
            stderr.print("Input nesting limit (" + MAX_INPUT_NESTING + ") reached at line " + lineno
                    + ". Check recursion.\n");
            return true;
        }
        inputNesting++;
        int savedLineno = lineno;
        lineno = 0;
        try {
            return readLoop(in);
        } finally {
            inputNesting--;
            lineno = savedLineno;
        }
    }

    private boolean readLoop(LineSource in) {
        StringBuilder sql = new StringBuilder();
        int errors = 0;
        int startLine = 0;
        QuickScan qss = new QuickScan();
        while (errors == 0 || !bail || in.interactive()) {
            out.flush();
            stderr.flush();
            String line = in.readLine(!sql.isEmpty());
            if (line == null) {
                if (in.interactive()) {
                    stdout.print("\n");
                }
                break;
            }
            if (interrupted) {
                interrupted = false;
                if (!in.interactive()) {
                    break;
                }
            }
            lineno++;
            if (qss.inPlain() && isCommandTerminator(line) && lineIsComplete(sql)) {
                line = ";";
            }
            qss.scan(line);
            if (qss.plainWhite() && sql.isEmpty()) {
                echoLine(line);
                qss.reset();
                continue;
            }
            if (sql.isEmpty() && !line.isEmpty() && (line.charAt(0) == '.' || line.charAt(0) == '#')) {
                echoLine(line);
                if (line.charAt(0) == '.') {
                    int rc = dotCommands.run(line, in);
                    if (rc == 2) {
                        break;
                    } else if (rc != 0) {
                        errors++;
                    }
                }
                qss.reset();
                continue;
            }
            if (sql.isEmpty()) {
                int i = SqlRunner.skipSpace(line, 0);
                sql.append(line, i, line.length());
                startLine = lineno;
            } else {
                sql.append('\n').append(line);
            }
            if (qss.semiTerminated() && session().complete(sql.toString())) {
                errors += runSqlLine(sql.toString(), in, startLine);
                sql.setLength(0);
                afterStatement();
                qss.reset();
            } else if (qss.plainWhite()) {
                echoLine(sql.toString());
                sql.setLength(0);
                qss.reset();
            }
        }
        if (!sql.isEmpty()) {
            errors += runSqlLine(sql.toString(), in, startLine);
        }
        return errors > 0;
    }

    private void echoLine(String line) {
        if (echo) {
            stdout.print(line).print("\n");
        }
    }

    /** After each SQL buffer: a {@code .once} redirection ends. */
    private void afterStatement() {
        if (outCount > 0) {
            resetOutput();
            outCount = 0;
        }
    }

    /** {@code line_is_command_terminator}: a line that is only {@code go} or {@code /}, as in SQL Server or Oracle. */
    private static boolean isCommandTerminator(String line) {
        int i = SqlRunner.skipSpace(line, 0);
        if (i < line.length() && line.charAt(i) == '/') {
            i++;
        } else if (i + 1 < line.length() && Character.toLowerCase(line.charAt(i)) == 'g'
                && Character.toLowerCase(line.charAt(i + 1)) == 'o') {
            i += 2;
        } else {
            return false;
        }
        QuickScan rest = new QuickScan();
        rest.scan(line.substring(i));
        return rest.isStart();
    }

    private boolean lineIsComplete(StringBuilder sql) {
        return sql.isEmpty() || session().complete(sql + ";");
    }

    /** {@code runOneSqlLine}: runs a complete buffer and reports its error; returns the number of errors. */
    int runSqlLine(String sql, LineSource in, int startLine) {
        CpuClock clock = timer ? new CpuClock() : null;
        SqlRunner.Failure failure;
        try {
            failure = runner.exec(sql);
        } finally {
            if (clock != null) {
                stdout.print(clock.report());
            }
        }
        if (failure != null) {
            String type = switch (failure.phase()) {
                case "in prepare" -> "Parse error";
                case "stepping" -> "Runtime error";
                default -> "Error";
            };
            String prefix = in.interactive() ? type + ":" : type + " near line " + startLine + ":";
            out.flush();
            stderr.print(prefix + " " + failure.message() + "\n");
            return 1;
        }
        if (countChanges) {
            Session s = session();
            out.print("changes: " + s.changes() + "   total_changes: " + s.totalChanges() + "\n");
        }
        return 0;
    }

    /** Runs SQL given on the command line or with {@code -cmd}; reports errors as "Error: ...". */
    SqlRunner.Failure runCommandLineSql(String sql) {
        SqlRunner.Failure failure = runner.exec(sql);
        if (failure != null) {
            out.flush();
            stderr.print("Error: " + failure.text() + "\n");
        }
        return failure;
    }

    /** Runs a dot command given on the command line; 0 ok, 1 error, 2 exit. */
    int runCommandLineDot(String line) {
        return dotCommands.run(line, new StreamLineSource(InputStream.nullInputStream()));
    }

    /** {@code .timer on}: wall-clock and CPU time of one SQL buffer, printed as the reference shell does. */
    private static final class CpuClock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = cpu();
        private final long user = user();

        String report() {
            double real = (System.nanoTime() - wall) / 1e9;
            double userSeconds = (user() - user) / 1e9;
            double sysSeconds = Math.max(0, (cpu() - cpu) / 1e9 - userSeconds);
            return String.format(Locale.ROOT, "Run Time: real %.3f user %f sys %f\n", real, userSeconds, sysSeconds);
        }

        private static long cpu() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        }

        private static long user() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadUserTime() : 0;
        }
    }

    /** Closes the database and output files at exit. */
    void close() {
        if (out != stdout) {
            resetOutput();
        }
        closeSession();
        stdout.flush();
        stderr.flush();
    }

    /** Thrown to leave the shell with an exit code, like the reference shell's {@code exit()}. */
    static final class ShellExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        ShellExit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
