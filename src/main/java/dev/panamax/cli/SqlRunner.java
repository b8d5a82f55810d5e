package dev.panamax.cli;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a buffer of SQL statement by statement and prints each one's rows: {@code shell_exec} and
 * {@code exec_prepared_stmt} of the 3.40 shell. EXPLAIN output is indented by loop depth and EXPLAIN QUERY PLAN
 * drawn as a tree whatever the mode ({@code .explain auto}); {@code .eqp} shows the plan before each statement;
 * parameters come from {@code temp.sqlite_parameters} ({@code .parameter}).
 */
final class SqlRunner {
    /**
     * The first failure of a buffer: {@code phase} is "in prepare" or "stepping", as the shell words it, and
     * {@code code} SQLite's primary result code.
     */
    record Failure(String phase, String message, int code) {
        /** The text {@code shell_exec} reports: "in prepare, no such table: t". */
        String text() {
            return phase + ", " + message;
        }
    }

    private static final Set<String> LOOP_ENDS = Set.of("Next", "Prev", "VPrev", "VNext", "SorterNext");
    private static final Set<String> LOOP_STARTS = Set.of("Yield", "SeekLT", "SeekGT", "RowSetRead", "Rewind");
    private static final String[] EXPLAIN_COLUMNS = {"addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"};

    private final Shell shell;

    SqlRunner(Shell shell) {
        this.shell = shell;
    }

    /** Runs every statement of {@code sql} with the current settings; stops at the first failure. */
    Failure exec(String sql) {
        return exec(sql, shell.settings, false);
    }

    /**
     * Runs every statement of {@code sql} printing with {@code settings}.
     *
     * @param newlines keep raw newlines in insert-mode strings ({@code .dump --newlines})
     */
    Failure exec(String sql, OutputSettings settings, boolean newlines) {
        Session session = shell.session();
        int pos = skipSpace(sql, 0);
        while (pos < sql.length()) {
            Cursor cursor;
            try {
                cursor = session.prepare(sql, pos);
            } catch (DbException e) {
                return new Failure("in prepare", message(e) + errorContext(sql, pos, session.errorOffset()),
                        e.primaryCode().code());
            } catch (RuntimeException e) {
                return internalError("in prepare", e);
            }
            if (cursor == null) {
                break;
            }
            try (cursor) {
                runOne(cursor, settings, newlines);
            } catch (DbException e) {
                return new Failure("stepping", message(e), e.primaryCode().code());
            } catch (RuntimeException e) {
                return internalError("stepping", e);
            }
            pos = skipSpace(sql, cursor.end());
        }
        return null;
    }

    private void runOne(Cursor cursor, OutputSettings settings, boolean newlines) {
        String stmtSql = cursor.sql().substring(skipSpace(cursor.sql(), 0));
        ShellOut out = shell.out();
        if (shell.echo) {
            out.print(stmtSql).print("\n");
        }
        if (shell.autoEqp > 0 && cursor.explain() == 0) {
            showPlan(stmtSql, settings);
        }
        Mode mode = settings.mode;
        if (shell.autoExplain) {
            if (cursor.explain() == 1) {
                mode = Mode.EXPLAIN;
            } else if (cursor.explain() == 2) {
                mode = Mode.EQP;
            }
        }
        int[] indent = null;
        if (mode == Mode.EXPLAIN) {
            indent = explainIndent(cursor);
            if (indent == null) {
                mode = settings.mode;
            }
        }
        bindParameters(cursor);
        if (mode == Mode.EQP) {
            printPlan(cursor, out);
        } else {
            print(cursor, settings, mode, newlines, indent);
        }
    }

    /** {@code .eqp on|full}: the plan (and with full the program) before the statement runs. */
    private void showPlan(String stmtSql, OutputSettings settings) {
        Session session = shell.session();
        try (Cursor plan = session.prepare("EXPLAIN QUERY PLAN " + stmtSql, 0)) {
            if (plan != null) {
                printPlan(plan, shell.out());
            }
        } catch (DbException e) {
            return;
        }
        if (shell.autoEqp >= 3) {
            try (Cursor program = session.prepare("EXPLAIN " + stmtSql, 0)) {
                if (program != null) {
                    print(program, settings, Mode.EXPLAIN, false, explainIndent(program));
                }
            } catch (DbException e) {
                return;
            }
        }
    }

    /** Steps the statement and prints its rows in {@code mode}. */
    void print(Cursor cursor, OutputSettings settings, Mode mode, boolean newlines, int[] indent) {
        if (!cursor.step()) {
            return;
        }
        ResultRow row = new ResultRow(cursor);
        ShellOut out = shell.out();
        if (mode.columnar()) {
            ColumnarPrinter printer = new ColumnarPrinter(settings, mode, out);
            printer.start(row);
            try {
                do {
                    row.load();
                    printer.row(row);
                } while (cursor.step());
            } finally {
                printer.finish();
            }
            return;
        }
        RowPrinter printer = new RowPrinter(settings, mode, out, shell.engine, newlines, indent);
        try {
            do {
                row.load();
                printer.row(row);
            } while (cursor.step());
        } finally {
            printer.finish();
            if (mode == Mode.COUNT) {
                shell.stdout().print(printer.count() + " row" + (printer.count() != 1 ? "s" : "") + "\n");
            }
        }
    }

    /** Collects EXPLAIN QUERY PLAN rows (id, parent, text) and draws them as a tree. */
    private static void printPlan(Cursor cursor, ShellOut out) {
        QueryPlan plan = new QueryPlan();
        while (cursor.step()) {
            String text = cursor.type(3) == Cursor.NULL ? "" : cursor.text(3);
            if (text.startsWith("-")) {
                plan.render(out);
            }
            plan.add((int) cursor.integer(0), (int) cursor.integer(1), text);
        }
        plan.render(out);
    }

    /**
     * {@code explain_data_prepare}: runs an EXPLAIN once to indent the body of each loop by two spaces: the
     * opcodes from a Next/Prev's jump target up to it, and from a backward Goto's target up to it when that target
     * starts a loop. Null when the statement does not look like EXPLAIN output.
     */
    private static int[] explainIndent(Cursor cursor) {
        if (cursor.columnCount() != EXPLAIN_COLUMNS.length
                || !cursor.sql().stripLeading().toLowerCase(Locale.ROOT).startsWith("explain")) {
            return null;
        }
        for (int i = 0; i < EXPLAIN_COLUMNS.length; i++) {
            if (!EXPLAIN_COLUMNS[i].equals(cursor.columnName(i))) {
                return null;
            }
        }
        int[] indent = new int[16];
        boolean[] loopStart = new boolean[16];
        int ops = 0;
        for (; cursor.step(); ops++) {
            if (ops == indent.length) {
                indent = Arrays.copyOf(indent, ops * 2);
                loopStart = Arrays.copyOf(loopStart, ops * 2);
            }
            int addr = (int) cursor.integer(0);
            String op = cursor.text(1);
            int p2op = (int) cursor.integer(3) + (ops - addr);
            loopStart[ops] = LOOP_STARTS.contains(op);
            if (LOOP_ENDS.contains(op)
                    || ("Goto".equals(op) && p2op >= 0 && p2op <= ops
                        && (loopStart[p2op] || cursor.integer(2) != 0))) {
                for (int i = Math.max(p2op, 0); i < ops; i++) {
                    indent[i] += 2;
                }
            }
        }
        cursor.reset();
        return Arrays.copyOf(indent, ops);
    }

    /** {@code bind_prepared_stmt}: the {@code .parameter} values for the statement's parameters, NULL if unset. */
    private void bindParameters(Cursor cursor) {
        int n = cursor.parameterCount();
        if (n == 0 || shell.parameters.isEmpty()) {
            return;
        }
        for (int i = 1; i <= n; i++) {
            String name = cursor.parameterName(i);
            cursor.bind(i, shell.parameters.get(name == null ? "?" + i : name));
        }
    }

    /** A column of the current row as a Java value to bind elsewhere. */
    static Object value(Cursor c, int i) {
        return switch (c.type(i)) {
            case Cursor.NULL -> null;
            case Cursor.INTEGER -> c.integer(i);
            case Cursor.FLOAT -> c.real(i);
            case Cursor.BLOB -> c.blob(i);
            default -> c.text(i);
        };
    }

    /**
     * An exception the engine should not have thrown (a bug): reported like an error, as SQLITE_INTERNAL, so the
     * shell goes on. Output failures and the shell's own exit pass through.
     */
    private static Failure internalError(String phase, RuntimeException e) {
        if (e instanceof UncheckedIOException || e instanceof Shell.ShellExit) {
            throw e;
        }
        return new Failure(phase, "internal error: " + e, ResultCode.INTERNAL.code());
    }

    /** The error text with SQLite's primary code appended when it is not the generic SQLITE_ERROR. */
    static String message(DbException e) {
        int rc = e.primaryCode().code();
        return rc > 1 ? e.getMessage() + " (" + rc + ")" : e.getMessage();
    }

    /**
     * {@code shell_error_context}: two lines pointing at the error in the statement, at most 78 bytes of it from
     * up to 50 bytes before the error; empty when the error has no position.
     */
    static String errorContext(String sql, int stmtStart, int errorOffset) {
        if (errorOffset < stmtStart) {
            return "";
        }
        byte[] z = sql.substring(stmtStart).getBytes(StandardCharsets.UTF_8);
        int offset = sql.substring(stmtStart, errorOffset).getBytes(StandardCharsets.UTF_8).length;
        int start = 0;
        while (offset > 50) {
            offset--;
            start++;
            while (start < z.length && (z[start] & 0xc0) == 0x80) {
                start++;
                offset--;
            }
        }
        int len = Math.min(z.length - start, 78);
        while (len > 0 && start + len < z.length && (z[start + len] & 0xc0) == 0x80) {
            len--;
        }
        byte[] code = Arrays.copyOfRange(z, start, start + len);
        for (int i = 0; i < code.length; i++) {
            if (CText.isSpace((char) (code[i] & 0xff))) {
                code[i] = ' ';
            }
        }
        String line = new String(code, StandardCharsets.UTF_8);
        if (offset < 25) {
            return "\n  " + line + "\n  " + " ".repeat(Math.max(offset, 0)) + "^--- error here";
        }
        return "\n  " + line + "\n  " + " ".repeat(offset - 14) + "error here ---^";
    }

    static int skipSpace(String s, int i) {
        while (i < s.length() && CText.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
