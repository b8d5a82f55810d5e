/**
 * Differential testing of Panamax against SQLite (sqlite-jdbc): seeded random schemas, rows, queries and DML
 * ({@link dev.panamax.conformance.differential.Scenario}), run through both engines
 * ({@link dev.panamax.conformance.differential.Runner}) and compared row by row, type by type and error code by error
 * code; a failing seed is printed, replayed with {@code -Dpanamax.seed}, and reduced by a shrinker. Also the fixed
 * regression cases the generator found, and developer tools ({@code DiffShell}, {@code DiffMain}).
 */
package dev.panamax.conformance.differential;
