/**
 * The {@code panamax} shell: a {@code sqlite3}-compatible command line over {@code dev.panamax.api}, and an adapter
 * only: it imports nothing of Panamax but the api.
 *
 * <p>Mirrors SQLite 3.40's {@code shell.c}: the input loop ({@link dev.panamax.cli.Shell}, {@code process_input}),
 * statement execution ({@link dev.panamax.cli.SqlRunner}, {@code shell_exec}), the output modes
 * ({@link dev.panamax.cli.RowPrinter}, {@link dev.panamax.cli.ColumnarPrinter}), the dot commands
 * ({@link dev.panamax.cli.DotCommands} and the classes it delegates to), {@code .dump}
 * ({@link dev.panamax.cli.Dump}) and {@code .import} ({@link dev.panamax.cli.ImportCommand}).
 *
 * <p>Invariants: output is byte for byte what the {@code sqlite3} 3.40 shell prints for the same results. Text is
 * handled as that shell handles it, as NUL-terminated UTF-8 ({@link dev.panamax.cli.CText}); REAL values are
 * formatted by {@link dev.panamax.cli.RealFormat}, which replays 3.40's x87 {@code long double} printf, never by
 * the engine. Errors go to stderr in the reference shell's words; the exit status follows {@code sqlite3}'s rules.
 * The shell reaches the engine only through {@link dev.panamax.cli.Engine}, {@link dev.panamax.cli.Session} and
 * {@link dev.panamax.cli.Cursor}, which {@link dev.panamax.cli.PanamaxEngine} implements over the api; tests run
 * the same shell code over SQLite itself to tell shell differences from engine differences.
 */
package dev.panamax.cli;
