/**
 * The code generator: AST and plan to a {@code vdbe.Program}. Mirrors SQLite's select.c, insert.c, update.c, delete.c, expr.c.
 */
package dev.panamax.sql.codegen;
