package dev.panamax.sql.ast;

import java.util.List;

/**
 * A window specification (windowfunctions.html): an optional base window name, PARTITION BY, ORDER BY and a frame.
 * {@code frame} is null when none was written (SQLite's default frame then applies).
 */
public record WindowDef(Name baseName, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame, int start,
        int end) implements Node {

    /** {@code end} is null for the short form {@code ROWS <start>} (its end is CURRENT ROW). */
    public record Frame(FrameUnit unit, Bound startBound, Bound endBound, Exclude exclude) {
    }

    public enum FrameUnit { RANGE, ROWS, GROUPS }

    /** {@code offset} is set for {@code expr PRECEDING} and {@code expr FOLLOWING}. */
    public record Bound(BoundKind kind, Expr offset) {
    }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** {@code EXCLUDE ...}; null in {@link Frame} when not written. */
    public enum Exclude { NO_OTHERS, CURRENT_ROW, GROUP, TIES }

    /** {@code name AS (window)} in a WINDOW clause. */
    public record Named(Name name, WindowDef window, int start, int end) implements Node {
    }
}
