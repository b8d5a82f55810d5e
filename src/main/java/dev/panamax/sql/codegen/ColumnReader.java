package dev.panamax.sql.codegen;

/**
 * How the columns of one FROM item are read at the current point of the program: from a table cursor, from a
 * covering index, from a materialized subquery, or from registers. Column -1 is the rowid.
 */
@FunctionalInterface
interface ColumnReader {
    void read(Parse p, int column, int target);
}
