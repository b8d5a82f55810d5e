/**
 * Conformance runners: SQLite's sqllogictest corpus and Turso's {@code .sqltest} corpus, run against Panamax and,
 * to check the runners themselves, against real SQLite through sqlite-jdbc.
 */
package dev.panamax.conformance;
