package dev.panamax.vdbe;

import java.util.List;

/**
 * What a statement's rows look like: per result column its name (sqlite3_column_name), declared type
 * (sqlite3_column_decltype) and origin (sqlite3_column_table_name / column_origin_name / database_name; null when the
 * column is not a plain table column), plus whether the statement is an EXPLAIN.
 *
 * @param explain 0 for a normal statement, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN
 */
public record ResultShape(List<Column> columns, int explain) {
    /** One result column. */
    public record Column(String name, String declType, String database, String table, String origin) {
    }

    public static final ResultShape NONE = new ResultShape(List.of(), 0);

    public ResultShape {
        columns = List.copyOf(columns);
    }

    public int size() {
        return columns.size();
    }
}
