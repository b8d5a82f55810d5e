/**
 * The syntax tree: immutable sealed interfaces and records for statements ({@link dev.panamax.sql.ast.Stmt},
 * {@link dev.panamax.sql.ast.Select}) and expressions ({@link dev.panamax.sql.ast.Expr}), mirroring SQLite's
 * grammar (lang_*.html, parse.y).
 *
 * <p>Invariants: every node carries its source offsets ({@link dev.panamax.sql.ast.Node}), so later layers can quote
 * and rewrite the original text (ALTER TABLE RENAME, stored schema SQL, result-column names); identifiers keep how
 * they were quoted ({@link dev.panamax.sql.ast.Name}); numeric literals keep their text; lists are never null.
 * The tree states syntax only: names are not resolved and nothing here knows a schema. Depends on nothing else
 * in Panamax.
 */
package dev.panamax.sql.ast;
