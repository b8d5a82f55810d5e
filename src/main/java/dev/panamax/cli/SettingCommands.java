package dev.panamax.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The dot commands that change or show settings: {@code .mode}, {@code .headers}, {@code .nullvalue},
 * {@code .separator}, {@code .width}, {@code .show}, {@code .echo}, {@code .bail}, {@code .changes},
 * {@code .timer}, {@code .eqp}, {@code .explain}, {@code .print}, {@code .prompt}, {@code .exit} and the like,
 * with the reference shell's messages.
 */
final class SettingCommands {
    /** The setting strings of the reference shell live in 20-byte buffers: at most 19 bytes are kept. */
    private static final int SETTING_BYTES = 19;
    private static final String[] ON_OFF = {"off", "on", "trigger", "full"};

    private final Shell shell;
    /** The mode before {@code .explain on}. */
    private Mode normalMode = Mode.LIST;

    SettingCommands(Shell shell) {
        this.shell = shell;
    }

    private int usage(String text) {
        shell.stderr().print("Usage: " + text + "\n");
        return 1;
    }

    private int flag(List<String> args, String usage, IntConsumer set) {
        if (args.size() != 2) {
            return usage(usage);
        }
        set.accept(DotCommands.booleanValue(shell, args.get(1)));
        return 0;
    }

    int bail(List<String> args, LineSource in) {
        return flag(args, ".bail on|off", v -> shell.bail = v != 0);
    }

    /** {@code .binary}: output is always binary here; accepted for scripts written for sqlite3. */
    int binary(List<String> args, LineSource in) {
        return flag(args, ".binary on|off", v -> { });
    }

    int changes(List<String> args, LineSource in) {
        return flag(args, ".changes on|off", v -> shell.countChanges = v != 0);
    }

    int echo(List<String> args, LineSource in) {
        return flag(args, ".echo on|off", v -> shell.echo = v != 0);
    }

    int headers(List<String> args, LineSource in) {
        return flag(args, ".headers on|off", v -> {
            shell.settings.showHeader = v != 0;
            shell.settings.headerSet = true;
        });
    }

    int timer(List<String> args, LineSource in) {
        return flag(args, ".timer on|off", v -> shell.timer = v != 0);
    }

    /** {@code .dbconfig}: SQLite's connection switches have no Panamax counterpart; accepted and ignored. */
    int dbconfig(List<String> args, LineSource in) {
        return 0;
    }

    int scanstats(List<String> args, LineSource in) {
        if (args.size() != 2) {
            return usage(".scanstats on|off");
        }
        shell.stderr().print("Warning: .scanstats not available in this build.\n");
        return 0;
    }

    int stats(List<String> args, LineSource in) {
        if (args.size() > 2) {
            return usage(".stats ?on|off|stmt|vmstep?");
        }
        return 0;
    }

    int eqp(List<String> args, LineSource in) {
        if (args.size() != 2) {
            return usage(".eqp off|on|trace|trigger|full");
        }
        shell.autoEqp = switch (args.get(1)) {
            case "full" -> 3;
            case "trigger" -> 2;
            default -> DotCommands.booleanValue(shell, args.get(1)) & 0xff;
        };
        return 0;
    }

    int explain(List<String> args, LineSource in) {
        int val = 1;
        if (args.size() >= 2) {
            val = "auto".equals(args.get(1)) ? 99 : DotCommands.booleanValue(shell, args.get(1));
        }
        OutputSettings s = shell.settings;
        if (val == 1 && s.mode != Mode.EXPLAIN) {
            normalMode = s.mode;
            s.mode = Mode.EXPLAIN;
            shell.autoExplain = false;
        } else if (val == 0 || val == 99) {
            if (s.mode == Mode.EXPLAIN) {
                s.mode = normalMode;
            }
            shell.autoExplain = val == 99;
        }
        return 0;
    }

    int exit(List<String> args, LineSource in) {
        if (args.size() > 1) {
            int code = (int) DotCommands.integerValue(args.get(1));
            if (code != 0) {
                throw new Shell.ShellExit(code);
            }
        }
        return 2;
    }

    int nullValue(List<String> args, LineSource in) {
        if (args.size() != 2) {
            return usage(".nullvalue STRING");
        }
        shell.settings.nullValue = clip(args.get(1));
        return 0;
    }

    int separator(List<String> args, LineSource in) {
        int rc = 0;
        if (args.size() < 2 || args.size() > 3) {
            rc = usage(".separator COL ?ROW?");
        }
        if (args.size() >= 2) {
            shell.settings.colSeparator = clip(args.get(1));
        }
        if (args.size() >= 3) {
            shell.settings.rowSeparator = clip(args.get(2));
        }
        return rc;
    }

    /** Keeps the first 19 bytes of a setting, as the reference shell's fixed buffers do. */
    static String clip(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= SETTING_BYTES ? s : new String(b, 0, SETTING_BYTES, StandardCharsets.UTF_8);
    }

    int width(List<String> args, LineSource in) {
        int[] widths = new int[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            widths[i - 1] = (int) DotCommands.integerValue(args.get(i));
        }
        shell.settings.widths = widths;
        return 0;
    }

    int print(List<String> args, LineSource in) {
        shell.out().print(String.join(" ", args.subList(1, args.size()))).print("\n");
        return 0;
    }

    int prompt(List<String> args, LineSource in) {
        if (args.size() >= 2) {
            shell.mainPrompt = clip(args.get(1));
        }
        if (args.size() >= 3) {
            shell.continuePrompt = clip(args.get(2));
        }
        return 0;
    }

    /** {@code .timeout MS}: how long to wait for a locked database. */
    int timeout(List<String> args, LineSource in) {
        shell.session().busyTimeout(args.size() >= 2 ? DotCommands.integerValue(args.get(1)) : 0);
        return 0;
    }

    int version(List<String> args, LineSource in) {
        shell.out().print("Panamax " + shell.engine.version() + "\n");
        return 0;
    }

    int show(List<String> args, LineSource in) {
        if (args.size() != 1) {
            return usage(".show");
        }
        OutputSettings s = shell.settings;
        ShellOut out = shell.out();
        showLine(out, "echo", ON_OFF[shell.echo ? 1 : 0]);
        showLine(out, "eqp", ON_OFF[shell.autoEqp & 3]);
        showLine(out, "explain", s.mode == Mode.EXPLAIN ? "on" : shell.autoExplain ? "auto" : "off");
        showLine(out, "headers", ON_OFF[s.showHeader ? 1 : 0]);
        showLine(out, "mode", modeDescription(s));
        showC(out, "nullvalue", s.nullValue);
        showLine(out, "output", shell.out().name());
        showC(out, "colseparator", s.colSeparator);
        showC(out, "rowseparator", s.rowSeparator);
        showLine(out, "stats", "off");
        out.print(String.format("%12.12s: ", "width"));
        for (int w : s.widths) {
            out.print(w + " ");
        }
        out.print("\n");
        showLine(out, "filename", shell.filename == null ? "" : shell.filename);
        return 0;
    }

    private static void showLine(ShellOut out, String name, String value) {
        out.print(String.format("%12.12s: ", name)).print(value).print("\n");
    }

    private static void showC(ShellOut out, String name, String value) {
        out.print(String.format("%12.12s: ", name));
        CText.cString(out, CText.of(value));
        out.print("\n");
    }

    private static String modeDescription(OutputSettings s) {
        String d = s.mode.description();
        if (s.mode.columnar()) {
            d += " --wrap " + s.wrap + " --wordwrap " + (s.wordWrap ? "on" : "off") + " --" + (s.quote ? "" : "no")
                    + "quote";
        }
        return d;
    }

    /** {@code .mode MODE ?OPTIONS? ?TABLE?}: any prefix of a mode's name selects it, in the reference order. */
    int mode(List<String> args, LineSource in) {
        ModeOptions o = new ModeOptions();
        for (int i = 1; i < args.size(); i++) {
            String z = args.get(i);
            if (DotCommands.optionMatch(z, "wrap") && i + 1 < args.size()) {
                o.wrap = (int) DotCommands.integerValue(args.get(++i));
            } else if (DotCommands.optionMatch(z, "ww")) {
                o.wordWrap = true;
            } else if (DotCommands.optionMatch(z, "wordwrap") && i + 1 < args.size()) {
                o.wordWrap = DotCommands.booleanValue(shell, args.get(++i)) != 0;
            } else if (DotCommands.optionMatch(z, "quote")) {
                o.quote = true;
            } else if (DotCommands.optionMatch(z, "noquote")) {
                o.quote = false;
            } else if (o.mode == null) {
                o.mode = z;
                if (z.equals("qbox")) {
                    o.mode = "box";
                    o.wrap = OutputSettings.DEFAULT_WRAP;
                    o.quote = true;
                    o.wordWrap = false;
                }
            } else if (o.table == null) {
                o.table = z;
            } else if (z.startsWith("-")) {
                shell.stderr().print("unknown option: " + z + "\noptions:\n  --noquote\n  --quote\n"
                        + "  --wordwrap on/off\n  --wrap N\n  --ww\n");
                return 1;
            } else {
                shell.stderr().print("extra argument: \"" + z + "\"\n");
                return 1;
            }
        }
        OutputSettings s = shell.settings;
        if (o.mode == null) {
            shell.out().print("current output mode: " + modeDescription(s) + "\n");
            o.mode = s.mode.description();
        }
        return applyMode(s, o);
    }

    /** What {@code .mode} was asked for. */
    private static final class ModeOptions {
        String mode;
        String table;
        int wrap = OutputSettings.DEFAULT_WRAP;
        boolean quote;
        boolean wordWrap;
    }

    private int applyMode(OutputSettings s, ModeOptions o) {
        String z = o.mode;
        if ("lines".startsWith(z)) {
            s.mode = Mode.LINE;
            s.rowSeparator = OutputSettings.SEP_ROW;
        } else if ("columns".startsWith(z)) {
            s.mode = Mode.COLUMN;
            if (!s.headerSet) {
                s.showHeader = true;
            }
            s.rowSeparator = OutputSettings.SEP_ROW;
            columnOptions(s, o);
        } else if ("list".startsWith(z)) {
            s.mode = Mode.LIST;
            separators(s, OutputSettings.SEP_COLUMN, OutputSettings.SEP_ROW);
        } else if ("html".startsWith(z)) {
            s.mode = Mode.HTML;
        } else if ("tcl".startsWith(z)) {
            s.mode = Mode.TCL;
            separators(s, OutputSettings.SEP_SPACE, OutputSettings.SEP_ROW);
        } else if ("csv".startsWith(z)) {
            s.mode = Mode.CSV;
            separators(s, OutputSettings.SEP_COMMA, OutputSettings.SEP_CRLF);
        } else if ("tabs".startsWith(z)) {
            s.mode = Mode.LIST;
            s.colSeparator = OutputSettings.SEP_TAB;
        } else if ("insert".startsWith(z)) {
            s.mode = Mode.INSERT;
            String table = o.table != null ? o.table : "table";
            s.destTable = insertTableName(table);
        } else if ("quote".startsWith(z)) {
            s.mode = Mode.QUOTE;
            separators(s, OutputSettings.SEP_COMMA, OutputSettings.SEP_ROW);
        } else if ("ascii".startsWith(z)) {
            s.mode = Mode.ASCII;
            separators(s, OutputSettings.SEP_UNIT, OutputSettings.SEP_RECORD);
        } else if ("markdown".startsWith(z)) {
            s.mode = Mode.MARKDOWN;
            columnOptions(s, o);
        } else if ("table".startsWith(z)) {
            s.mode = Mode.TABLE;
            columnOptions(s, o);
        } else if ("box".startsWith(z) || "pretty".equals(z)) {
            s.mode = Mode.BOX;
            columnOptions(s, o);
        } else if ("count".startsWith(z)) {
            s.mode = Mode.COUNT;
        } else if ("off".startsWith(z)) {
            s.mode = Mode.OFF;
        } else if ("json".startsWith(z)) {
            s.mode = Mode.JSON;
        } else {
            shell.stderr().print("Error: mode should be one of: ascii box column csv html insert json line list "
                    + "markdown qbox quote table tabs tcl\n");
            return 1;
        }
        return 0;
    }

    private static void columnOptions(OutputSettings s, ModeOptions o) {
        s.wrap = o.wrap;
        s.quote = o.quote;
        s.wordWrap = o.wordWrap;
    }

    private static void separators(OutputSettings s, String col, String row) {
        s.colSeparator = col;
        s.rowSeparator = row;
    }

    /** {@code set_table_name}: the insert-mode table, quoted when it needs to be. */
    private String insertTableName(String table) {
        return CText.quoteIfNeeded(table, shell.engine);
    }
}
