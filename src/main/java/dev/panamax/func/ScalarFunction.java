package dev.panamax.func;

import dev.panamax.value.Mem;

/**
 * A scalar SQL function (SQLite's xSFunc). It reads {@code args} (args.length is the call's argument count) and
 * writes its result into {@code result}, which the VM passes as NULL; leaving it untouched returns NULL. A function
 * never changes its arguments (they may be the caller's registers) and never keeps references to them; result is
 * never one of the arguments. Errors are thrown as {@link dev.panamax.api.DbException}.
 */
@FunctionalInterface
public interface ScalarFunction {
    void invoke(FunctionContext ctx, Mem[] args, Mem result);
}
