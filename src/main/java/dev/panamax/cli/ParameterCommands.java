package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code .parameter}: named values bound to the parameters of every statement the shell runs ({@code :x},
 * {@code @x}, {@code $x}, {@code ?N}). The reference shell keeps them in a TEMP table; this shell keeps them in
 * the shell and binds them the same way, so no table named {@code sqlite_*} has to be created.
 */
final class ParameterCommands {
    private static final int MAX_LIST_WIDTH = 40;

    private final Shell shell;

    ParameterCommands(Shell shell) {
        this.shell = shell;
    }

    int run(List<String> args, LineSource in) {
        Map<String, Object> parameters = shell.parameters;
        String cmd = args.size() >= 2 ? args.get(1) : "";
        if (args.size() == 2 && (cmd.equals("clear") || cmd.equals("init"))) {
            parameters.clear();
        } else if (args.size() == 3 && (cmd.equals("clear") || cmd.equals("unset"))) {
            parameters.remove(args.get(2));
        } else if (args.size() == 2 && cmd.equals("list")) {
            list(parameters);
        } else if (args.size() == 4 && cmd.equals("set")) {
            parameters.put(args.get(2), evaluate(args.get(3)));
        } else {
            Help.show(shell.out(), List.of("help", "parameter"));
        }
        return 0;
    }

    /** The value of an SQL literal or expression; text when it does not compile or run. */
    private Object evaluate(String value) {
        try (Cursor c = shell.session().prepare("SELECT " + value, 0)) {
            if (c != null && c.columnCount() == 1 && c.step()) {
                return SqlRunner.value(c, 0);
            }
        } catch (DbException e) {
            return value;
        }
        return value;
    }

    private void list(Map<String, Object> parameters) {
        int len = 0;
        for (String key : parameters.keySet()) {
            len = Math.max(len, key.length());
        }
        len = Math.min(len, MAX_LIST_WIDTH);
        ShellOut out = shell.out();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.bytes(key).repeat(' ', Math.max(0, len - key.length)).print(" ").print(quote(e.getValue()))
                    .print("\n");
        }
    }

    /** The value as SQL's {@code quote()} writes it, computed by the engine. */
    private String quote(Object value) {
        try (Cursor c = shell.session().prepare("SELECT quote(?1)", 0)) {
            c.bind(1, value);
            return c.step() ? c.text(0) : "";
        }
    }
}
