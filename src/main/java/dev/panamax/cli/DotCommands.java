package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The dot commands: splitting a {@code .command arg "arg"} line into arguments, and finding the command the
 * way the reference shell does, by an ordered list of names any long-enough prefix of which selects it
 * ({@code .h} is {@code .headers}, {@code .hel} is {@code .help}). Each command returns 0, 1 on error, or 2 to
 * leave the input loop. The commands themselves live in {@link SettingCommands}, {@link SchemaCommands} and
 * {@link FileCommands}.
 */
final class DotCommands {
    /** A command: its name, which prefix lengths select it, and what it does. */
    private record Command(String name, IntPredicate length, Handler handler) {
        boolean matches(String word) {
            return word.charAt(0) == name.charAt(0) && name.startsWith(word) && length.test(word.length());
        }
    }

    @FunctionalInterface
    interface Handler {
        int run(List<String> args, LineSource in);
    }

    private final Shell shell;
    private final List<Command> commands = new ArrayList<>();

    DotCommands(Shell shell) {
        this.shell = shell;
        SettingCommands settings = new SettingCommands(shell);
        SchemaCommands schema = new SchemaCommands(shell);
        FileCommands files = new FileCommands(shell);
        add("bail", n -> n >= 3, settings::bail);
        add("binary", n -> n >= 3, settings::binary);
        add("cd", n -> n == 2, files::cd);
        add("changes", n -> n >= 3, settings::changes);
        add("clone", n -> true, schema::cloneDatabase);
        add("databases", n -> n > 1, schema::databases);
        add("dbconfig", n -> n >= 3, settings::dbconfig);
        add("dbtotxt", n -> n >= 3, (a, in) -> DbToTxt.run(shell, a));
        add("dump", n -> true, schema::dump);
        add("echo", n -> true, settings::echo);
        add("eqp", n -> true, settings::eqp);
        add("exit", n -> true, settings::exit);
        add("explain", n -> true, settings::explain);
        add("fullschema", n -> true, schema::fullSchema);
        add("headers", n -> true, settings::headers);
        add("help", n -> true, (a, in) -> Help.show(shell.out(), a));
        add("import", n -> true, files::importFile);
        add("indexes", n -> true, schema::indexes);
        add("indices", n -> true, schema::indexes);
        add("load", n -> true, files::load);
        add("mode", n -> true, settings::mode);
        add("nullvalue", n -> true, settings::nullValue);
        add("open", n -> n >= 2, files::open);
        add("output", n -> true, files::output);
        add("once", n -> true, files::once);
        add("parameter", n -> n >= 3, new ParameterCommands(shell)::run);
        add("print", n -> n >= 3, settings::print);
        add("prompt", n -> true, settings::prompt);
        add("quit", n -> true, (a, in) -> 2);
        add("read", n -> n >= 3, files::read);
        add("scanstats", n -> true, settings::scanstats);
        add("schema", n -> true, schema::schema);
        add("separator", n -> true, settings::separator);
        add("shell", n -> true, files::system);
        add("system", n -> true, files::system);
        add("show", n -> true, settings::show);
        add("stats", n -> true, settings::stats);
        add("tables", n -> n > 1, schema::tables);
        add("timeout", n -> n > 4, settings::timeout);
        add("timer", n -> n >= 5, settings::timer);
        add("version", n -> true, settings::version);
        add("width", n -> true, settings::width);
    }

    private void add(String name, IntPredicate length, Handler handler) {
        commands.add(new Command(name, length, handler));
    }

    /** Runs one {@code .command} line: 0 ok, 1 error, 2 exit. */
    int run(String line, LineSource in) {
        List<String> args = split(line);
        if (args.isEmpty()) {
            return 0;
        }
        int rc;
        try {
            rc = dispatch(args, in);
        } catch (DbException e) {
            shell.out().flush();
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            rc = 1;
        } catch (UncheckedIOException | Shell.ShellExit e) {
            throw e;
        } catch (RuntimeException e) {
            shell.out().flush();
            shell.stderr().print("Error: internal error: " + e + "\n");
            rc = 1;
        }
        if (shell.outCount > 0 && --shell.outCount == 0) {
            shell.resetOutput();
        }
        return rc;
    }

    private int dispatch(List<String> args, LineSource in) {
        String word = args.getFirst();
        if (!word.isEmpty()) {
            for (Command c : commands) {
                if (c.matches(word)) {
                    return c.handler.run(args, in);
                }
            }
        }
        shell.stderr().print("Error: unknown command or invalid arguments:  \"" + word
                + "\". Enter \".help\" for help\n");
        return 1;
    }

    /** The names the completer offers after a dot. */
    List<String> names() {
        return commands.stream().map(Command::name).toList();
    }

    /**
     * Splits a dot command line after its dot: blank-separated words, {@code '...'} taken literally,
     * {@code "..."} and bare words with C backslash escapes resolved.
     */
    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        int h = 1;
        int n = line.length();
        while (h < n) {
            while (h < n && CText.isSpace(line.charAt(h))) {
                h++;
            }
            if (h >= n) {
                break;
            }
            char c = line.charAt(h);
            if (c == '\'' || c == '"') {
                int start = ++h;
                while (h < n && line.charAt(h) != c) {
                    if (line.charAt(h) == '\\' && c == '"' && h + 1 < n) {
                        h++;
                    }
                    h++;
                }
                String arg = line.substring(start, Math.min(h, n));
                if (h < n) {
                    h++;
                }
                args.add(c == '"' ? resolveBackslashes(arg) : arg);
            } else {
                int start = h;
                while (h < n && !CText.isSpace(line.charAt(h))) {
                    h++;
                }
                args.add(resolveBackslashes(line.substring(start, h)));
            }
        }
        return args;
    }

    /** {@code resolve_backslashes}: C escapes {@code \n \t \\ \" \' \NNN} and the like. */
    static String resolveBackslashes(String z) {
        if (z.indexOf('\\') < 0) {
            return z;
        }
        StringBuilder sb = new StringBuilder(z.length());
        for (int i = 0; i < z.length(); i++) {
            char c = z.charAt(i);
            if (c == '\\' && i + 1 < z.length()) {
                c = z.charAt(++i);
                switch (c) {
                    case 'a' -> c = 7;
                    case 'b' -> c = '\b';
                    case 't' -> c = '\t';
                    case 'n' -> c = '\n';
                    case 'v' -> c = 11;
                    case 'f' -> c = '\f';
                    case 'r' -> c = '\r';
                    default -> {
                        if (c >= '0' && c <= '7') {
                            int v = c - '0';
                            for (int k = 0; k < 2 && i + 1 < z.length() && z.charAt(i + 1) >= '0'
                                    && z.charAt(i + 1) <= '7'; k++) {
                                v = (v << 3) + z.charAt(++i) - '0';
                            }
                            c = (char) (v & 0xff);
                        }
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** {@code booleanValue}: on/yes/off/no or a number; anything else is "no" with a complaint. */
    static int booleanValue(Shell shell, String arg) {
        boolean hex = arg.startsWith("0x");
        int i = hex ? 2 : 0;
        while (i < arg.length() && Character.digit(arg.charAt(i), hex ? 16 : 10) >= 0) {
            i++;
        }
        if (i > 0 && i == arg.length()) {
            return (int) integerValue(arg);
        }
        if (arg.equalsIgnoreCase("on") || arg.equalsIgnoreCase("yes")) {
            return 1;
        }
        if (!arg.equalsIgnoreCase("off") && !arg.equalsIgnoreCase("no")) {
            shell.stderr().print("ERROR: Not a boolean value: \"" + arg + "\". Assuming \"no\".\n");
        }
        return 0;
    }

    /** {@code integerValue}: decimal or 0x hex, with KiB/MiB/GiB/KB/MB/GB/K/M/G suffixes. */
    static long integerValue(String arg) {
        int i = 0;
        boolean negative = false;
        if (arg.startsWith("-")) {
            negative = true;
            i = 1;
        } else if (arg.startsWith("+")) {
            i = 1;
        }
        long v = 0;
        if (arg.startsWith("0x", i)) {
            i += 2;
            int d;
            while (i < arg.length() && (d = Character.digit(arg.charAt(i), 16)) >= 0) {
                v = (v << 4) + d;
                i++;
            }
        } else {
            while (i < arg.length() && arg.charAt(i) >= '0' && arg.charAt(i) <= '9') {
                v = v * 10 + arg.charAt(i++) - '0';
            }
        }
        v *= switch (arg.substring(i).toUpperCase(Locale.ROOT)) {
            case "KIB" -> 1024L;
            case "MIB" -> 1024L * 1024;
            case "GIB" -> 1024L * 1024 * 1024;
            case "KB", "K" -> 1000L;
            case "MB", "M" -> 1_000_000L;
            case "GB", "G" -> 1_000_000_000L;
            default -> 1L;
        };
        return negative ? -v : v;
    }

    /** {@code optionMatch}: {@code -name} or {@code --name}. */
    static boolean optionMatch(String arg, String option) {
        if (!arg.startsWith("-")) {
            return false;
        }
        String s = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
        return s.equals(option);
    }
}
