package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema pragmas (table_info, table_xinfo, table_list, index_list, index_info, index_xinfo, foreign_key_list)
 * on Panamax and on SQLite 3.53 over the same schema: every constraint kind, generated columns, foreign keys,
 * partial, expression, DESC and COLLATE indexes, ON CONFLICT REPLACE, WITHOUT ROWID, STRICT, AUTOINCREMENT, quoted
 * names and views.
 */
class SchemaPragmaTest {
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE parent(id INTEGER PRIMARY KEY, code TEXT UNIQUE COLLATE NOCASE, a INT, b INT, "
                    + "c TEXT UNIQUE, UNIQUE(a, b) ON CONFLICT REPLACE)",
            "CREATE TABLE child(x INTEGER NOT NULL DEFAULT 5 REFERENCES parent(id) ON DELETE CASCADE, "
                    + "y TEXT DEFAULT 'abc' CHECK(length(y) > 0), z AS (x * 2) VIRTUAL, "
                    + "w REAL GENERATED ALWAYS AS (x + 1) STORED, pa INT, pb INT, "
                    + "v REFERENCES parent MATCH FULL ON UPDATE RESTRICT ON DELETE SET DEFAULT, d DEFAULT -1, "
                    + "e DEFAULT ( 1 + 2 ), f DEFAULT CURRENT_TIMESTAMP, g DEFAULT 'it''s', h VARCHAR(10) COLLATE RTRIM, "
                    + "FOREIGN KEY (pa, pb) REFERENCES parent(a, b) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, "
                    + "FOREIGN KEY (y) REFERENCES nosuch)",
            "CREATE INDEX child_partial ON child(y DESC, x COLLATE NOCASE) WHERE x > 0",
            "CREATE UNIQUE INDEX child_expr ON child(x + 1, pa)",
            "CREATE INDEX child_h ON child(h)",
            "CREATE TABLE wr(k1 TEXT, k2 INT, v, PRIMARY KEY(k2 DESC, k1)) WITHOUT ROWID",
            "CREATE INDEX wr_v ON wr(v, k1)",
            "CREATE TABLE st(a INT, b TEXT NOT NULL, c ANY, d INTEGER PRIMARY KEY) STRICT",
            "CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT, t)",
            "CREATE TABLE comp(a, b, c, PRIMARY KEY(b, a))",
            "CREATE TABLE \"we ird\"(\"co l\" int, [x\"y] text, k integer PRIMARY KEY DESC)",
            "CREATE TABLE types(a int, b Integer, c text, d BLOB, e real, f any, g BOOLEAN, h DOUBLE PRECISION)",
            "CREATE VIEW v1 AS SELECT x, y AS yy, 1 + 1 AS two, w, d FROM child",
            "CREATE VIEW v2(p, q) AS SELECT id, code FROM parent",
            "CREATE VIEW v3 AS SELECT a.x, b.x, a.y || b.y FROM child a, child b",
            "CREATE INDEX parent_id ON parent(id)",
            "CREATE UNIQUE INDEX parent_ca ON parent(c, a)");

    static final List<String> TABLES = List.of("parent", "child", "wr", "st", "seq", "comp", "\"we ird\"", "types",
            "v1", "v2", "v3", "sqlite_schema", "sqlite_master", "sqlite_sequence", "nosuch");

    static final List<String> INDEXES = List.of("child_partial", "child_expr", "child_h", "wr_v", "parent_id",
            "parent_ca", "sqlite_autoindex_parent_1", "sqlite_autoindex_parent_2", "sqlite_autoindex_parent_3",
            "sqlite_autoindex_comp_1", "sqlite_autoindex_wr_1", "wr", "comp", "nosuch");

    /** Statements run on both sides; every one must give the same result. */
    static List<String> statements() {
        List<String> out = new ArrayList<>();
        for (String t : TABLES) {
            for (String pragma : List.of("table_info", "table_xinfo", "index_list", "foreign_key_list")) {
                out.add("PRAGMA " + pragma + "(" + t + ")");
            }
            out.add("PRAGMA main.table_info(" + t + ")");
            out.add("PRAGMA temp.table_info(" + t + ")");
            out.add("PRAGMA table_list(" + t + ")");
        }
        for (String i : INDEXES) {
            out.add("PRAGMA index_info(" + i + ")");
            out.add("PRAGMA index_xinfo(" + i + ")");
            out.add("PRAGMA main.index_xinfo = " + i);
        }
        out.addAll(List.of("PRAGMA table_info", "PRAGMA index_list", "PRAGMA table_info = 'child'",
                "PRAGMA table_info('parent')", "PRAGMA \"table_info\"(parent)", "PRAGMA TABLE_INFO(PARENT)",
                "PRAGMA temp.table_list", "PRAGMA nosuch.table_info(parent)",
                "PRAGMA table_list('sqlite_temp_master')", "PRAGMA no_such_pragma", "PRAGMA no_such_pragma = 3"));
        return out;
    }

    static void create(Twin t) throws SQLException {
        for (String sql : SCHEMA) {
            t.exec(sql);
        }
    }

    @Test
    void schemaPragmasMatchSqlite() throws SQLException {
        try (Twin t = new Twin(null)) {
            create(t);
            assertSame(t, statements());
        }
    }

    /** table_list follows SQLite's hash table, whose order is the order the schema was loaded in. */
    @Test
    void tableListInSqliteOrderAfterReopen(@TempDir Path dir) throws Exception {
        String ours = dir.resolve("ours.db").toString();
        String ref = dir.resolve("ref.db").toString();
        try (Twin a = new Twin(ours, ref)) {
            create(a);
        }
        try (Twin a = new Twin(ours, ref)) {
            for (int k = 0; k < 12; k++) {
                a.exec("CREATE TABLE extra" + k + "(x)");
            }
            assertSame(a, List.of("PRAGMA table_list", "PRAGMA main.table_list",
                    "SELECT name FROM pragma_table_list WHERE type = 'table'"));
        }
    }

    static void assertSame(Twin t, List<String> sqls) throws SQLException {
        List<String> diffs = new ArrayList<>();
        for (String sql : sqls) {
            String[] r = t.both(sql);
            if (!r[0].equals(r[1])) {
                diffs.add(sql + "\n  panamax: " + r[0].replace("\n", "\n           ") + "\n  sqlite:  "
                        + r[1].replace("\n", "\n           "));
            }
        }
        assertEquals("", String.join("\n", diffs));
    }
}
