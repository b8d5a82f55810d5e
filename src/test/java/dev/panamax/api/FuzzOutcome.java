package dev.panamax.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What one statement did on one engine: its rows (values rendered with their storage class), or its error (extended
 * result code and message), or a failure of the engine itself: a throwable other than {@link DbException}, or no
 * answer within the time limit.
 *
 * @param kind    ROWS, ERROR, CRASH (a non-DbException escaped), TIMEOUT (stopped by an interrupt), HANG (did not stop)
 * @param rows    the rows read (at most {@link FuzzPair#MAX_ROWS}), for ROWS
 * @param code    SQLite's extended result code, for ERROR
 * @param message the error message, for ERROR and CRASH
 * @param thrown  the throwable, for CRASH
 */
record FuzzOutcome(Kind kind, List<List<String>> rows, int code, String message, Throwable thrown) {

    enum Kind { ROWS, ERROR, CRASH, TIMEOUT, HANG }

    static FuzzOutcome rows(List<List<String>> rows) {
        return new FuzzOutcome(Kind.ROWS, rows, 0, null, null);
    }

    static FuzzOutcome error(int code, String message) {
        return new FuzzOutcome(Kind.ERROR, List.of(), code, message, null);
    }

    static FuzzOutcome crash(Throwable t) {
        return new FuzzOutcome(Kind.CRASH, List.of(), 0, String.valueOf(t), t);
    }

    static FuzzOutcome of(Kind kind) {
        return new FuzzOutcome(kind, List.of(), 0, null, null);
    }

    boolean ok() {
        return kind == Kind.ROWS;
    }

    /** Where a crash comes from: its class and the first Panamax frame, so that shrinking keeps the same bug. */
    String signature() {
        if (kind == Kind.HANG || kind == Kind.TIMEOUT) {
            return kind.name();
        }
        if (kind != Kind.CRASH) {
            return null;
        }
        for (StackTraceElement e : thrown.getStackTrace()) {
            if (e.getClassName().startsWith("dev.panamax.") && !e.getClassName().contains("Fuzz")) {
                return thrown.getClass().getName() + " at " + e.getClassName() + "." + e.getMethodName();
            }
        }
        return thrown.getClass().getName();
    }

    /** The rows as a sorted list, so that results without ORDER BY compare regardless of order. */
    List<String> sortedRows() {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            out.add(String.join("|", r));
        }
        out.sort(null);
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ROWS -> rows.size() <= 5 ? "rows " + rows : "rows(" + rows.size() + ") " + rows.subList(0, 5) + "...";
            case ERROR -> "error " + code + " " + message;
            case CRASH -> "CRASH " + message;
            default -> kind.name();
        };
    }
}
