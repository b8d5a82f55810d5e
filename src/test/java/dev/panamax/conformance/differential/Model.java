package dev.panamax.conformance.differential;

import java.util.List;

/** The generated schema, as the query generator needs to know it. */
final class Model {
    private Model() {
    }

    /**
     * A table column: its name as written in SQL (quoted when odd), its declared type, its collation (null for
     * BINARY) and whether it may hold NULL.
     */
    record Column(String name, String declType, String collation, boolean notNull, boolean unique) {
    }

    /** A table; {@code rowidAlias} is the INTEGER PRIMARY KEY column or null. */
    record Table(String name, List<Column> columns, String rowidAlias, boolean withoutRowid) {
    }

    /** A name visible in a query: the qualified reference to use ({@code s3.a}) and the column behind it. */
    record Ref(String sql, Column column) {
    }
}
