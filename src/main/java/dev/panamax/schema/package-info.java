/**
 * The schema: tables, columns, indexes, views and triggers as read from {@code sqlite_schema}. Mirrors SQLite's build.c and prepare.c.
 */
package dev.panamax.schema;
