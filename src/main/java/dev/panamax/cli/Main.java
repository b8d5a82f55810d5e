package dev.panamax.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The {@code panamax} command: parses the command line, opens the shell on the database, runs the SQL arguments
 * or reads stdin (with line editing on a terminal), and exits with {@code sqlite3}'s status: 0, 1 when reading
 * stdin hit an error, or SQLite's result code for a failed SQL argument.
 */
public final class Main {
    private Main() {
    }

    /** Held so that the levels set on them stay in force ({@code java.util.logging} keeps loggers weakly). */
    private static final Logger ENGINE_LOG = Logger.getLogger("dev.panamax");
    private static final Logger TERMINAL_LOG = Logger.getLogger("org.jline");

    /**
     * The stack of the thread the shell runs on: the parser and the code generator recurse once per level of a
     * nested expression, and SQLite allows a thousand levels, more than a default 1 MiB main thread holds.
     */
    private static final long STACK_BYTES = 64L << 20;

    public static void main(String[] args) throws InterruptedException {
        boolean terminal = System.console() != null && System.console().isTerminal();
        int[] rc = {1};
        Thread shell = new Thread(null, () -> rc[0] = run(args, new PanamaxEngine(), System.in,
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), terminal),
                "panamax", STACK_BYTES);
        shell.start();
        shell.join();
        System.exit(rc[0]);
    }

    /**
     * Runs the shell in this JVM over the given streams, as the {@code panamax} command runs with piped input, and
     * returns its exit status. For embedding the shell and for driving it from tests without a process per run.
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        return run(args, new PanamaxEngine(), stdin, stdout, stderr, false);
    }

    /**
     * Runs the shell as the command line asks and returns its exit status.
     *
     * @param terminal true when stdin and stdout are a terminal: prompts, line editing and history
     */
    static int run(String[] args, Engine engine, InputStream stdin, OutputStream stdout, OutputStream stderr,
            boolean terminal) {
        ShellOut out = new ShellOut(stdout, "stdout", false);
        ShellOut err = new ShellOut(stderr, "stderr", false).autoFlush();
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.print("panamax: " + e.getMessage() + "\nUse -help for a list of options.\n");
            return 1;
        }
        if (options.help) {
            out.print(Options.USAGE).flush();
            return 0;
        }
        if (options.version) {
            out.print("Panamax " + engine.version() + "\n").flush();
            return 0;
        }
        configureLogging(options.tracingOutput, err);
        if (options.ioBackend != null) {
            System.setProperty("panamax.io", ioBackend(options.ioBackend));
        }
        boolean interactive = options.interactive != null ? options.interactive : terminal;
        String filename = options.database == null ? ":memory:" : options.database;
        Shell shell = new Shell(engine, out, err, filename, options.readOnly);
        shell.stdinInteractive = interactive;
        try {
            return runShell(shell, options, stdin, interactive && terminal);
        } catch (Shell.ShellExit e) {
            return e.code;
        } catch (UncheckedIOException e) {
            return 1;
        } finally {
            closeAtExit(shell);
        }
    }

    /** Closes the shell; an output that broke (a closed pipe) has nobody left to tell. */
    private static void closeAtExit(Shell shell) {
        try {
            shell.close();
        } catch (UncheckedIOException e) {
            return;
        }
    }

    private static int runShell(Shell shell, Options options, InputStream stdin, boolean lineEditing) {
        apply(shell, options);
        if (options.database != null && Files.exists(Path.of(options.database))) {
            shell.session();
        }
        if (options.outputFile != null && shell.runCommandLineDot(".output " + quoteArg(options.outputFile)) != 0) {
            return 1;
        }
        if (options.initFile != null && shell.runCommandLineDot(".read " + quoteArg(options.initFile)) != 0
                && shell.bail) {
            return 1;
        }
        for (String cmd : options.initCommands) {
            int rc = runArgument(shell, cmd);
            if (rc != 0 && shell.bail) {
                return rc == 2 ? 0 : rc;
            }
        }
        if (!options.commands.isEmpty()) {
            for (String cmd : options.commands) {
                int rc = runArgument(shell, cmd);
                if (rc != 0) {
                    return rc == 2 ? 0 : rc;
                }
            }
            return 0;
        }
        if (lineEditing) {
            try (JLineSource in = new JLineSource(shell)) {
                in.banner(options.database == null, options.quiet);
                return shell.processInput(in) ? 1 : 0;
            }
        }
        return shell.processInput(new StreamLineSource(stdin)) ? 1 : 0;
    }

    /** A dot command or SQL from the command line: 0, SQLite's result code, or 2 for {@code .quit}. */
    private static int runArgument(Shell shell, String cmd) {
        if (cmd.startsWith(".")) {
            return shell.runCommandLineDot(cmd);
        }
        SqlRunner.Failure failure = shell.runCommandLineSql(cmd);
        return failure == null ? 0 : Math.max(failure.code(), 1);
    }

    /** A file name as one dot-command argument. */
    private static String quoteArg(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The output mode and other settings of the command line, as the {@code sqlite3} options set them. */
    private static void apply(Shell shell, Options o) {
        OutputSettings s = shell.settings;
        if (o.mode != null) {
            switch (o.mode) {
                case "list" -> s.mode = Mode.LIST;
                case "html" -> s.mode = Mode.HTML;
                case "line" -> s.mode = Mode.LINE;
                case "column" -> s.mode = Mode.COLUMN;
                case "json" -> s.mode = Mode.JSON;
                case "markdown" -> s.mode = Mode.MARKDOWN;
                case "table" -> s.mode = Mode.TABLE;
                case "box", "pretty" -> s.mode = Mode.BOX;
                case "quote" -> {
                    s.mode = Mode.QUOTE;
                    s.colSeparator = OutputSettings.SEP_COMMA;
                    s.rowSeparator = OutputSettings.SEP_ROW;
                }
                case "csv" -> {
                    s.mode = Mode.CSV;
                    s.colSeparator = OutputSettings.SEP_COMMA;
                }
                case "ascii" -> {
                    s.mode = Mode.ASCII;
                    s.colSeparator = OutputSettings.SEP_UNIT;
                    s.rowSeparator = OutputSettings.SEP_RECORD;
                }
                case "tabs" -> {
                    s.mode = Mode.LIST;
                    s.colSeparator = OutputSettings.SEP_TAB;
                    s.rowSeparator = OutputSettings.SEP_ROW;
                }
                default -> shell.runCommandLineDot(".mode " + o.mode);
            }
        }
        if (o.header != null) {
            s.showHeader = o.header;
            s.headerSet = true;
        }
        if (o.separator != null) {
            s.colSeparator = SettingCommands.clip(o.separator);
        }
        if (o.newline != null) {
            s.rowSeparator = SettingCommands.clip(o.newline);
        }
        if (o.nullValue != null) {
            s.nullValue = SettingCommands.clip(o.nullValue);
        }
        shell.echo = o.echo;
        shell.bail = o.bail;
    }

    /**
     * The engine logs its choices (the I/O backend, a scalar fallback) at INFO; a shell user should not see them
     * on the terminal. They go to the {@code -t FILE} of Turso's shell when given, else only warnings and worse
     * are shown. JLine's notes about terminal providers it could not use are kept off the terminal too.
     */
    private static void configureLogging(String tracingOutput, ShellOut err) {
        TERMINAL_LOG.setLevel(Level.SEVERE);
        ENGINE_LOG.setUseParentHandlers(tracingOutput == null);
        ENGINE_LOG.setLevel(tracingOutput == null ? Level.WARNING : Level.ALL);
        if (tracingOutput != null) {
            try {
                FileHandler handler = new FileHandler(tracingOutput, true);
                handler.setFormatter(new SimpleFormatter());
                handler.setLevel(Level.ALL);
                ENGINE_LOG.addHandler(handler);
            } catch (IOException e) {
                err.print("panamax: cannot write the trace to \"" + tracingOutput + "\": " + e.getMessage() + "\n");
            }
        }
    }

    /** Turso's {@code --vfs} names mapped to Panamax's I/O backends. */
    private static String ioBackend(String vfs) {
        return switch (vfs) {
            case "syscall", "unix" -> "mmap";
            case "io_uring" -> "uring";
            default -> vfs;
        };
    }
}
