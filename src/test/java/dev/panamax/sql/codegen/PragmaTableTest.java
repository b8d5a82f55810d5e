package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code pragma_NAME} table-valued functions against SQLite: call arguments, hidden {@code arg} and
 * {@code schema} columns, WHERE terms that bind them, joins whose arguments come from an earlier FROM item (the
 * metadata queries of database browsers and jOOQ), LEFT JOIN, rowid, EXPLAIN QUERY PLAN, and the errors.
 */
class PragmaTableTest {
    static final List<String> STATEMENTS = List.of(
            "SELECT * FROM pragma_table_info('child')",
            "SELECT * FROM pragma_table_info('child', 'main')",
            "SELECT *, arg, schema FROM pragma_table_info('parent')",
            "SELECT arg, schema, typeof(arg) FROM pragma_table_info('parent', 'main') LIMIT 1",
            "SELECT arg, typeof(arg) FROM pragma_table_info(7)",
            "SELECT * FROM pragma_table_info",
            "SELECT * FROM pragma_table_info WHERE arg = 'parent'",
            "SELECT name FROM pragma_table_info WHERE arg = 'parent' AND schema = 'main' AND pk > 0",
            "SELECT * FROM pragma_table_xinfo('child') WHERE hidden > 0",
            "SELECT * FROM pragma_index_list('child') ORDER BY name",
            "SELECT * FROM pragma_index_xinfo('child_partial')",
            "SELECT * FROM pragma_foreign_key_list('child')",
            "SELECT * FROM pragma_table_list WHERE name NOT LIKE 'sqlite%' ORDER BY name",
            "SELECT * FROM pragma_table_list('child')",
            "SELECT * FROM pragma_collation_list",
            "SELECT rowid, * FROM pragma_collation_list",
            "SELECT count(*) FROM pragma_pragma_list",
            "SELECT * FROM pragma_pragma_list WHERE name LIKE 'index%'",
            "SELECT * FROM pragma_user_version",
            "SELECT * FROM pragma_page_size",
            "SELECT * FROM pragma_foreign_keys",
            "SELECT * FROM pragma_integrity_check",
            "SELECT * FROM pragma_quick_check",
            "SELECT * FROM pragma_foreign_key_check",
            "SELECT * FROM pragma_database_list",
            "SELECT m.name, p.* FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
                    + "ORDER BY m.name, p.cid",
            "SELECT m.name, p.name FROM sqlite_schema AS m, pragma_table_info(m.name) AS p "
                    + "WHERE m.type = 'view' ORDER BY 1, p.cid",
            "SELECT p.name, m.name FROM pragma_table_info(m.name) p JOIN sqlite_schema m",
            "SELECT m.name, i.name, i.\"unique\", c.name FROM sqlite_schema m, pragma_index_list(m.name) i, "
                    + "pragma_index_info(i.name) c WHERE m.type = 'table' ORDER BY 1, 2, c.seqno",
            "SELECT m.name, f.* FROM sqlite_master m LEFT JOIN pragma_foreign_key_list(m.name) f "
                    + "WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
            "SELECT count(*) FROM pragma_table_info(\"child\")",
            "SELECT (SELECT count(*) FROM pragma_table_info(m.name)) FROM sqlite_schema m WHERE m.name = 'child'",
            "SELECT * FROM pragma_table_info('child', 'nosuch')",
            "SELECT * FROM pragma_table_info('child', 'main', 3)",
            "SELECT * FROM pragma_user_version(3)",
            "SELECT * FROM pragma_no_such_pragma",
            "SELECT * FROM pragma_foreign_keys_x",
            "SELECT * FROM child(1)",
            "SELECT * FROM temp.pragma_table_info('child')",
            "SELECT * FROM main.pragma_table_info('child')");

    @Test
    void pragmaTablesMatchSqlite() throws SQLException {
        try (Twin t = new Twin(null)) {
            SchemaPragmaTest.create(t);
            SchemaPragmaTest.assertSame(t, STATEMENTS);
        }
    }

    @Test
    void queryPlansNameTheVirtualTable() throws SQLException {
        try (Twin t = new Twin(null)) {
            SchemaPragmaTest.create(t);
            for (String sql : List.of("SELECT * FROM pragma_table_info('child')",
                    "SELECT m.name, p.* FROM sqlite_schema m JOIN pragma_table_info(m.name) p",
                    "SELECT * FROM pragma_table_list")) {
                assertEquals(planDetails(t.ref("EXPLAIN QUERY PLAN " + sql)),
                        planDetails(t.ours("EXPLAIN QUERY PLAN " + sql)), sql);
            }
        }
    }

    /** The detail column of EXPLAIN QUERY PLAN rows (the ids are numbered differently). */
    private static List<String> planDetails(String rendered) {
        List<String> out = new ArrayList<>();
        for (String line : rendered.split("\n")) {
            if (!line.startsWith("[")) {
                out.add(line.substring(line.lastIndexOf('|') + 1));
            }
        }
        return out;
    }

    @Test
    void errorMessagesMatchSqlite() throws SQLException {
        try (Twin t = new Twin(null)) {
            SchemaPragmaTest.create(t);
            for (String sql : List.of("SELECT * FROM pragma_table_info('child', 'nosuch')",
                    "SELECT * FROM pragma_table_info('child', 'main', 3)", "SELECT * FROM child(1)",
                    "SELECT * FROM pragma_user_version(3)")) {
                String[] r = t.outcomes(sql);
                assertEquals(r[1], r[0], sql);
            }
        }
    }
}
