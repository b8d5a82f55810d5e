/**
 * The {@code panamax} shell, a {@code sqlite3}-style command line over {@code dev.panamax.api}. An adapter.
 */
package dev.panamax.cli;
