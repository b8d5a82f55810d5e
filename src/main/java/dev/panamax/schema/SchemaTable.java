package dev.panamax.schema;

import java.util.List;

/**
 * {@code sqlite_schema}, the table at root page 1 that lists every other schema object (schematab.html):
 * {@code type, name, tbl_name, rootpage, sql}.
 */
public final class SchemaTable {
    public static final int ROOT_PAGE = 1;
    public static final int TYPE = 0;
    public static final int NAME = 1;
    public static final int TBL_NAME = 2;
    public static final int ROOTPAGE = 3;
    public static final int SQL = 4;

    static final Table TABLE = new Table(Schema.SCHEMA_TABLE, List.of(
            column("type", "text"), column("name", "text"), column("tbl_name", "text"),
            column("rootpage", "int"), column("sql", "text")),
            ROOT_PAGE, -1, false, false, false, List.of(), List.of(), new int[0], null, null, List.of(),
            "CREATE TABLE sqlite_schema(type text,name text,tbl_name text,rootpage int,sql text)");

    private SchemaTable() {
    }

    public static Table table() {
        return TABLE;
    }

    private static Column column(String name, String type) {
        return new Column(name, type, Affinity.ofDeclaredType(type), false, null, null, null, false, null, false);
    }
}
