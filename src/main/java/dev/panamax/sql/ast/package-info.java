/**
 * The syntax tree: sealed records for statements and expressions. Mirrors SQLite's lang_*.html grammar.
 */
package dev.panamax.sql.ast;
