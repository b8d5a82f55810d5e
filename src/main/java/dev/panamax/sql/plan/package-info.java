/**
 * The query planner: access paths, join order, cost. Mirrors SQLite's where*.c and select.c planning parts.
 */
package dev.panamax.sql.plan;
