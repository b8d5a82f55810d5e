/**
 * The JDBC 4.3 driver over {@code dev.panamax.api}: URLs {@code jdbc:panamax:PATH}. An adapter: nothing below the api imports it.
 */
package dev.panamax.jdbc;
