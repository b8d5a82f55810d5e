/**
 * SQL values: the mutable register cell {@link dev.panamax.value.Mem}, type affinity and conversions, collations,
 * and SQLite's exact number formatting. Imports only {@code api.ResultCode}/{@code api.DbException}.
 * Mirrors SQLite's vdbemem.c, util.c (sqlite3AtoF), printf.c.
 */
package dev.panamax.value;
