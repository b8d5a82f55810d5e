package dev.panamax.sql.codegen;

import dev.panamax.vdbe.Program;

/**
 * A compiled statement: the program, and for EXPLAIN / EXPLAIN QUERY PLAN the program being explained (the API
 * lists its instructions or its plan lines instead of running it).
 *
 * @param explain 0 for a statement to run, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN
 */
public record Compiled(Program program, int explain) {
}
