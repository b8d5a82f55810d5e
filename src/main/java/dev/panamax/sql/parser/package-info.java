/**
 * The tokenizer and recursive-descent parser for SQLite's whole grammar, mirroring SQLite's tokenize.c, parse.y
 * and complete.c (lang.html for the language). Turso's additions: {@code BEGIN CONCURRENT} and
 * {@code CREATE INDEX .. USING method (..) WITH (..)}.
 *
 * <p>Entry points: {@link dev.panamax.sql.parser.Parser#parse(String)} (the first statement, like
 * {@code sqlite3_prepare}, with its tail offset and parameter slots), {@link dev.panamax.sql.parser.Parser#parseAll},
 * {@link dev.panamax.sql.parser.Parser#parseSchema} (lenient as SQLite is when reading sqlite_schema), and
 * {@link dev.panamax.sql.parser.SqlScripts} ({@code sqlite3_complete} and script splitting).
 *
 * <p>Invariants: what SQLite accepts parses, and what SQLite refuses while parsing is refused with SQLite's
 * message and result code ({@code near "X": syntax error}, {@code incomplete input}, {@code unrecognized token},
 * and the checks parse.y makes during parsing), reported at the token where SQLite reports it. Keywords fall
 * back to identifiers as parse.y's fallback list allows. No regex and no per-token object on the hot path: the
 * tokenizer fills int arrays once per input. Bad input never escapes as anything but a
 * {@link dev.panamax.sql.parser.ParseException}, deep nesting included. Imports nothing of Panamax but
 * {@code sql.ast} and the shared error types.
 */
package dev.panamax.sql.parser;
