package dev.panamax.sql.codegen;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRAGMA foreign_key_check and foreign_key_list against SQLite with foreign keys turned off (as rows are written
 * unchecked): rowid parents, UNIQUE and composite parent keys, text and integer affinities, a missing parent
 * table, a parent without a usable key (foreign key mismatch), self references and a WITHOUT ROWID child (read
 * from a file SQLite wrote: Panamax does not yet store WITHOUT ROWID rows in SQLite's layout).
 */
class ForeignKeyCheckTest {
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE p1(id INTEGER PRIMARY KEY, code TEXT UNIQUE, a INT, b INT, UNIQUE(b, a))",
            "CREATE TABLE p2(x TEXT PRIMARY KEY, y)",
            "CREATE TABLE c1(r INTEGER REFERENCES p1, s TEXT REFERENCES p1(code), u INT, v INT, "
                    + "w REFERENCES p2, FOREIGN KEY (u, v) REFERENCES p1(a, b))",
            "CREATE TABLE c2(k REFERENCES nosuch(z), m REFERENCES p1(id))",
            "CREATE TABLE tree(id INTEGER PRIMARY KEY, parent REFERENCES tree(id))",
            "CREATE TABLE wr(k PRIMARY KEY, r REFERENCES p1) WITHOUT ROWID",
            "CREATE TABLE bad(q REFERENCES p1(a))",
            "INSERT INTO p1 VALUES (1, 'one', 10, 100), (2, 'two', 20, 200), (3, '3', 30, 300)",
            "INSERT INTO p2 VALUES ('k1', 1), ('2', 2)",
            "INSERT INTO c1 VALUES (1, 'one', 10, 100, 'k1'), (9, 'nine', 10, 200, 'k2'), (NULL, NULL, NULL, 5, NULL),"
                    + " ('2', 'two', 20, 200, 2), (2.0, 3, '30', '300', '2'), ('x', 'TWO', 30, 300, 'K1')",
            "INSERT INTO c2 VALUES (1, 1), (NULL, 4), ('a', NULL)",
            "INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 7), (4, 4)",
            "INSERT INTO wr VALUES ('a', 1), ('b', 5), ('c', NULL)",
            "INSERT INTO bad VALUES (10)");

    static final List<String> CHECKS = List.of("PRAGMA foreign_key_check(c1)", "PRAGMA foreign_key_check(c2)",
            "PRAGMA foreign_key_check(tree)", "PRAGMA foreign_key_check(p1)",
            "PRAGMA main.foreign_key_check(c1)", "PRAGMA temp.foreign_key_check",
            "PRAGMA foreign_key_check(nosuch)", "PRAGMA foreign_key_check(bad)",
            "SELECT * FROM pragma_foreign_key_check('tree')", "PRAGMA foreign_key_list(c1)",
            "PRAGMA foreign_key_list(c2)", "PRAGMA foreign_key_list(wr)", "PRAGMA foreign_key_list(tree)");

    @Test
    void foreignKeyCheckMatchesSqlite() throws SQLException {
        try (Twin t = new Twin(null)) {
            for (String sql : SCHEMA) {
                t.exec(sql);
            }
            SchemaPragmaTest.assertSame(t, CHECKS);
        }
    }

    /** The same checks on a file SQLite wrote, read by both (its WITHOUT ROWID table in SQLite's own layout). */
    @Test
    void onAFileSqliteWrote(@TempDir Path dir) throws SQLException {
        String path = dir.resolve("fk.db").toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
        try (Twin t = new Twin(path)) {
            SchemaPragmaTest.assertSame(t, CHECKS);
            SchemaPragmaTest.assertSame(t, List.of("PRAGMA foreign_key_check(wr)", "PRAGMA foreign_key_check"));
        }
    }
}
