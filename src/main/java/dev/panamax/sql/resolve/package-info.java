/**
 * Name resolution, affinity and collation of expressions. Mirrors SQLite's resolve.c.
 */
package dev.panamax.sql.resolve;
