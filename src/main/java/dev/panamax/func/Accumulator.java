package dev.panamax.func;

import dev.panamax.value.Mem;

/**
 * The running state of one aggregate (or aggregate window function) over one group. Lifecycle, driven by the VM:
 *
 * <pre>
 *   newAccumulator()              at the start of each group (or lazily on its first row)
 *   step(args)        * n         once per row that passes FILTER, after DISTINCT and ORDER BY are applied
 *   inverse(args)     * m         window functions only: the row leaves the frame
 *   value(out)        * k         window functions only: the current result, state kept
 *   finish(out)                   once, also for a group that saw no rows; the accumulator is then discarded
 * </pre>
 *
 * <p>Arguments and results follow {@link ScalarFunction}'s rules. DISTINCT, FILTER and ORDER BY inside the call
 * are the VM's business: an accumulator only sees the rows it must count, in the order it must see them.
 */
public interface Accumulator {
    void step(FunctionContext ctx, Mem[] args);

    /** Removes a row previously stepped (sliding windows); only for functions flagged as window-capable. */
    default void inverse(FunctionContext ctx, Mem[] args) {
        throw new UnsupportedOperationException("not a window function");
    }

    /** The result so far, leaving the state as it is (window functions). */
    void value(FunctionContext ctx, Mem out);

    /** The final result; the accumulator is not used afterwards. */
    default void finish(FunctionContext ctx, Mem out) {
        value(ctx, out);
    }
}
