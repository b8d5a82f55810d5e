package dev.panamax.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code panamax [OPTIONS] [DATABASE] [SQL...]}.
 *
 * <p>Two families of options are understood. Turso's {@code tursodb} flags ({@code -m/--output-mode},
 * {@code -o/--output}, {@code -q/--quiet}, {@code -e/--echo}, {@code -v/--vfs}, {@code --readonly}, and the
 * {@code --experimental-*} switches, which Panamax accepts and ignores because it has those features on) let
 * Turso's {@code .sqltest} runner drive the shell; the {@code sqlite3} options ({@code -csv}, {@code -header},
 * {@code -cmd}, {@code -bail}, {@code -batch}...) let scripts written for {@code sqlite3} run unchanged. A word
 * not starting with {@code -} is the database, and any further ones are SQL or dot commands run in order instead
 * of reading stdin.
 */
final class Options {
    /** Thrown for a bad command line; the message is what to print. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    String database;
    final List<String> commands = new ArrayList<>();
    /** {@code -cmd} commands, run before anything else. */
    final List<String> initCommands = new ArrayList<>();
    boolean quiet;
    boolean readOnly;
    boolean echo;
    boolean bail;
    boolean help;
    boolean version;
    /** Null: decided by whether stdin is a terminal. */
    Boolean interactive;
    String mode;
    String outputFile;
    Boolean header;
    String separator;
    String newline;
    String nullValue;
    String ioBackend;
    /** Turso's {@code -t}: where the engine's log goes. */
    String tracingOutput;
    String initFile;

    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                if (o.database == null) {
                    o.database = a;
                } else {
                    o.commands.add(a);
                }
                continue;
            }
            i = o.option(args, i);
        }
        return o;
    }

    /** Handles the option at {@code args[i]}; returns the index of its last word. */
    private int option(String[] args, int i) throws UsageException {
        String a = args[i];
        if (a.startsWith("--experimental-") || a.equals("--mvcc") || a.equals("--unsafe-testing")) {
            return i;
        }
        switch (a) {
            case "-m", "--output-mode" -> mode = value(args, ++i);
            case "-o", "--output" -> outputFile = value(args, ++i);
            case "-q", "--quiet" -> quiet = true;
            case "-e", "--echo", "-echo" -> echo = true;
            case "-v", "--vfs", "-vfs" -> ioBackend = value(args, ++i);
            case "-t", "--tracing-output" -> tracingOutput = value(args, ++i);
            case "-h", "--help", "-help" -> help = true;
            case "-V", "--version", "-version" -> version = true;
            default -> {
                return sqliteOption(args, i);
            }
        }
        return i;
    }

    /** The single-dash options of the {@code sqlite3} shell, also with two dashes. */
    private int sqliteOption(String[] args, int i) throws UsageException {
        String z = args[i].startsWith("--") ? args[i].substring(1) : args[i];
        switch (z) {
            case "-readonly" -> readOnly = true;
            case "-bail" -> bail = true;
            case "-batch" -> interactive = false;
            case "-interactive" -> interactive = true;
            case "-header" -> header = true;
            case "-noheader" -> header = false;
            case "-cmd" -> initCommands.add(value(args, ++i));
            case "-init" -> initFile = value(args, ++i);
            case "-separator" -> separator = value(args, ++i);
            case "-newline" -> newline = value(args, ++i);
            case "-nullvalue" -> nullValue = value(args, ++i);
            case "-ascii", "-box", "-column", "-csv", "-html", "-json", "-line", "-list", "-markdown", "-quote",
                    "-table", "-tabs" -> mode = z.substring(1);
            default -> throw new UsageException("Error: unknown option: " + args[i]);
        }
        return i;
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("Error: missing argument to " + args[args.length - 1]);
        }
        return args[i];
    }

    static final String USAGE = """
            Usage: panamax [OPTIONS] [DATABASE] [SQL...]
            DATABASE is a Panamax (SQLite format) database file, created if missing; without it
            the shell opens a transient in-memory database. SQL arguments run instead of stdin.
            OPTIONS include:
               -m, --output-mode MODE  output mode: list (default), csv, column, box, table,
                                       line, json, markdown, quote, insert, tabs, ascii, html
               -o, --output FILE       send results to FILE
               -q, --quiet             no banner
               -e, --echo              print each command before running it
               -v, --vfs NAME          I/O backend: mmap (syscall), uring (io_uring), memory
               -t, --tracing-output F  write the engine's log to F
               --readonly              open the database read-only
               -header, -noheader      show or hide column names
               -separator SEP          column separator (default |)
               -newline SEP            row separator (default \\n)
               -nullvalue TEXT         text for NULL values (default empty)
               -cmd COMMAND            run COMMAND before reading stdin
               -init FILE              run the commands of FILE first
               -bail                   stop at the first error
               -batch, -interactive    force batch or interactive input
               -csv -box -column -json -line -list -markdown -quote -table -tabs
                                       set the output mode
               --experimental-*        accepted and ignored (those features are always on)
               -h, --help              show this message
               -V, --version           show the version
            """;
}
