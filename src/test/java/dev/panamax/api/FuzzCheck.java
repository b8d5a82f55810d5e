package dev.panamax.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The robustness checks on one statement run by Panamax, with no reference to SQLite, so that a failing script
 * replays (and shrinks) on Panamax alone. A statement fails the checks when:
 * <ul>
 *   <li>something other than a {@link DbException} escapes the api (CRASH), or it does not stop when interrupted
 *       (HANG);</li>
 *   <li>its error carries a code that SQLite never gives a statement for bad input (INTERNAL, CORRUPT on a fresh
 *       in-memory database, OK, ROW, DONE...);</li>
 *   <li>after its error the database no longer answers {@code SELECT 1}, or {@code PRAGMA integrity_check} is not
 *       {@code ok} (the same holds whenever the script itself runs {@code PRAGMA integrity_check}, as every
 *       session does at its end);</li>
 *   <li>after its error the schema or a table's rows differ from before the statement (a failed statement must lose
 *       nothing and leave nothing half-done). This is only checked where SQLite's rules promise it: one statement
 *       in the text, and no FAIL or ROLLBACK conflict resolution in the script so far (those keep a failed
 *       statement's earlier changes, or undo a whole transaction).</li>
 * </ul>
 */
final class FuzzCheck {
    /** Primary codes that never answer bad input: a bug, a broken invariant, or a code that is not an error. */
    private static final Set<Integer> BAD_PRIMARY = Set.of(ResultCode.OK.code(), ResultCode.INTERNAL.code(),
        ResultCode.CORRUPT.code(), ResultCode.NOTFOUND.code(), ResultCode.EMPTY.code(), ResultCode.FORMAT.code(),
        ResultCode.NOTICE.code(), ResultCode.WARNING.code(), ResultCode.ROW.code(), ResultCode.DONE.code(),
        ResultCode.CANTOPEN.code(), ResultCode.IOERR.code(), ResultCode.NOTADB.code());

    /** The statement a session ends with; its answer must be ok, whenever it runs. */
    static final String INTEGRITY_CHECK = "PRAGMA integrity_check";
    private static final List<List<String>> OK = List.of(List.of("Tok"));

    /** What the statement did on Panamax, and the finding it makes (null when it passed the checks). */
    record Result(FuzzOutcome outcome, String signature, String detail) {
    }

    private FuzzCheck() {
    }

    /** True when {@code sql} declares FAIL or ROLLBACK conflict resolution (see the class note). */
    static boolean keepsPartialChanges(String sql) {
        String u = sql.toUpperCase(Locale.ROOT);
        return u.contains("FAIL") || (u.contains("ROLLBACK") && !u.strip().startsWith("ROLLBACK"));
    }

    /** Runs {@code sql} on Panamax and checks it; {@code guardData} enables the nothing-lost check. */
    static Result run(FuzzPair p, String sql, boolean guardData) {
        boolean single = FuzzCorpus.statements(sql).size() <= 1;
        String before = guardData && single && !readOnly(sql) ? digest(p) : null;
        FuzzOutcome o = p.panamax(sql);
        if (sql.equals(INTEGRITY_CHECK) && o.ok() && !o.rows().equals(OK)) {
            return new Result(o, integritySignature(o), "integrity_check gave " + o);
        }
        switch (o.kind()) {
            case CRASH -> {
                return new Result(o, o.signature(), stack(o.thrown()));
            }
            case HANG -> {
                return new Result(o, "HANG", "did not stop within the watchdog's limit after an interrupt");
            }
            case ERROR -> {
                return afterError(p, o, before);
            }
            default -> {
                return new Result(o, null, null);
            }
        }
    }

    private static Result afterError(FuzzPair p, FuzzOutcome o, String before) {
        if (o.code() == ResultCode.INTERRUPT.code()) {
            return new Result(o, null, null);
        }
        if (BAD_PRIMARY.contains(o.code() & 0xff)) {
            return new Result(o, "code " + (o.code() & 0xff) + ": " + shape(o.message()), o.toString());
        }
        FuzzOutcome one = p.panamax("SELECT 1");
        if (!one.ok() || !one.rows().equals(List.of(List.of("I1")))) {
            return new Result(o, "no answer after error: " + (one.kind() == FuzzOutcome.Kind.CRASH ? one.signature()
                : shape(one.toString())), "SELECT 1 gave " + one + " after " + o);
        }
        FuzzOutcome ic = p.panamax(INTEGRITY_CHECK);
        if (!ic.ok() || !ic.rows().equals(OK)) {
            return new Result(o, integritySignature(ic), "integrity_check gave " + ic + " after " + o);
        }
        if (before != null) {
            String after = digest(p);
            if (!before.equals(after)) {
                return new Result(o, "changed after error", "before: " + before + "\nafter:  " + after);
            }
        }
        return new Result(o, null, null);
    }

    /** One signature per kind of damage: the shape of the first problem reported. */
    private static String integritySignature(FuzzOutcome ic) {
        if (!ic.ok()) {
            return "integrity: " + (ic.kind() == FuzzOutcome.Kind.CRASH ? ic.signature() : shape(ic.toString()));
        }
        String first = ic.rows().getFirst().getFirst().substring(1);
        first = first.replaceFirst("^\\*\\*\\* in database \\w+ \\*\\*\\*\n", "");
        int nl = first.indexOf('\n');
        return "integrity: " + shape(nl < 0 ? first : first.substring(0, nl));
    }

    private static boolean readOnly(String sql) {
        String u = sql.strip().toUpperCase(Locale.ROOT);
        return u.startsWith("SELECT") || u.startsWith("VALUES") || u.startsWith("EXPLAIN");
    }

    /** The schema and every table's rows (sorted), as Panamax reads them. */
    static String digest(FuzzPair p) {
        FuzzOutcome schema = p.panamax("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
        if (!schema.ok()) {
            return "schema " + schema;
        }
        StringBuilder sb = new StringBuilder(schema.rows().toString());
        for (List<String> row : schema.rows()) {
            if (row.get(0).equals("Ttable") && !row.get(2).startsWith("TCREATE VIRTUAL")) {
                String name = row.get(1).substring(1);
                FuzzOutcome rows = p.panamax("SELECT * FROM \"" + name.replace("\"", "\"\"") + "\"");
                sb.append('\n').append(name).append(": ").append(rows.ok() ? rows.sortedRows() : rows.toString());
            }
        }
        return sb.toString();
    }

    /** A message with its names and numbers blanked, so that one bug gives one signature. */
    static String shape(String message) {
        return message == null ? "" : message.replaceAll("\"[^\"]*\"|'[^']*'|\\b[a-z_]+\\d+\\b|\\d+", "#");
    }

    static String stack(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(st.length, 14); i++) {
            sb.append("\n    at ").append(st[i]);
        }
        if (t.getCause() != null && t.getCause() != t) {
            sb.append("\n  caused by ").append(stack(t.getCause()));
        }
        return sb.toString();
    }
}
