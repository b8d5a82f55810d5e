/**
 * The public Java API: {@code Database}, {@code Connection}, {@code Statement}, rows and values, {@link dev.panamax.api.ResultCode} and {@link dev.panamax.api.DbException}.
 *
 * <p>Mirrors SQLite's C interface (sqlite3.h) in Java form. {@code ResultCode} and {@code DbException} are the one
 * exception to the downward-only import rule: every layer may raise them, so they import nothing of Panamax.
 */
package dev.panamax.api;
