/**
 * SQL functions: one registry for scalar, aggregate and window functions, SQLite's built-ins first (func.c and the
 * math functions), then user functions (the Java API registers lambdas here). Mirrors SQLite's func.c and FuncDef.
 *
 * <ul>
 *   <li>{@link dev.panamax.func.FunctionRegistry}: per-connection lookup by name (ASCII case-insensitive) and
 *       argument count, exact arity before variadic, the connection's definitions before the built-ins.</li>
 *   <li>{@link dev.panamax.func.FunctionDef}: name, arity, flags (deterministic, needs a collation, inline,
 *       LIKE-optimizable, min/max, count, window...), and a {@link dev.panamax.func.ScalarFunction} or an
 *       {@link dev.panamax.func.AggregateFunction} that makes {@link dev.panamax.func.Accumulator}s.</li>
 *   <li>{@link dev.panamax.func.FunctionContext}: what a call needs from its statement and connection (changes,
 *       last rowid, randomness, statement time, collation, limits), implemented by the VM.</li>
 *   <li>{@link dev.panamax.func.PatternMatch}: the LIKE and GLOB engines, also used by the VM's operators.</li>
 * </ul>
 *
 * <p>Rules for every function: arguments are read, never changed; the result goes into the Mem the VM passes (NULL
 * when untouched); errors are thrown as {@link dev.panamax.api.DbException} with SQLite's code and text.
 */
package dev.panamax.func;
