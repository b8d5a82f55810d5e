/**
 * The tokenizer and recursive-descent parser for SQLite's whole grammar. Mirrors SQLite's tokenize.c and parse.y.
 */
package dev.panamax.sql.parser;
