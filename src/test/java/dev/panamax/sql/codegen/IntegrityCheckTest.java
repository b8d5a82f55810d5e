package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRAGMA integrity_check and quick_check on Panamax against SQLite 3.53 over the same files: a clean database, then
 * databases damaged in ways SQLite's check reports, by rewriting the schema (an index or table definition that no
 * longer matches the stored rows) and by overwriting bytes of pages. Both must print the same rows.
 */
class IntegrityCheckTest {
    static final List<String> FIXTURE = List.of(
            "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL, c INT, d REAL CHECK(d >= 0), e COLLATE NOCASE)",
            "CREATE INDEX tb ON t(b)",
            "CREATE UNIQUE INDEX tc ON t(c)",
            "CREATE INDEX te ON t(e) WHERE c > 1",
            "CREATE INDEX tx ON t(c + 1, b)",
            "CREATE INDEX tn ON t(e COLLATE NOCASE, d DESC)",
            "CREATE TABLE u(x, y UNIQUE, z NOT NULL)",
            "CREATE TABLE s(p INT, q TEXT, r REAL, w BLOB, v ANY) STRICT",
            "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID",
            "CREATE VIEW v AS SELECT * FROM t",
            "INSERT INTO t VALUES (1, 'one', 1, 1.5, 'A'), (2, 'two', 2, 2.0, 'b'), (3, 'three', 3, NULL, 'C'),"
                    + " (4, '4', NULL, 0, 'd'), (5, 'five', 5, 5.5, 'E')",
            "INSERT INTO u VALUES (1, 'a', 1), (2, 'b', 'x'), (3, NULL, 3.5), (4, 'd', X'00')",
            "INSERT INTO s VALUES (1, 'x', 1.5, X'01', 7), (2, 'y', 2.5, NULL, 'z')",
            "INSERT INTO w VALUES ('a', 1), ('b', 2)",
            "CREATE TABLE big(x)",
            "INSERT INTO big VALUES (zeroblob(9000)), (randomblob(100)), ('" + "x".repeat(5000) + "')",
            "CREATE TABLE junk(x)", "INSERT INTO junk VALUES (zeroblob(20000))", "DROP TABLE junk");

    static final List<String> CHECKS = List.of("PRAGMA integrity_check", "PRAGMA quick_check",
            "PRAGMA integrity_check(t)", "PRAGMA integrity_check(u)", "PRAGMA quick_check(big)",
            "PRAGMA integrity_check(2)", "PRAGMA integrity_check(1)", "PRAGMA main.integrity_check",
            "PRAGMA temp.integrity_check", "PRAGMA integrity_check(nosuch)", "PRAGMA integrity_check(sqlite_schema)",
            "SELECT * FROM pragma_quick_check", "PRAGMA integrity_check(-3)");

    @Test
    void cleanDatabase(@TempDir Path dir) throws Exception {
        compare(dir, "clean", db -> { });
    }

    @Test
    void schemaNoLongerMatchesTheRows(@TempDir Path dir) throws Exception {
        compare(dir, "index", db -> sqlite(db, "UPDATE sqlite_schema SET sql = 'CREATE INDEX tb ON t(c)' "
                + "WHERE name = 'tb'"));
        compare(dir, "columns", db -> sqlite(db, "UPDATE sqlite_schema SET sql = 'CREATE TABLE u(x TEXT, "
                + "y UNIQUE NOT NULL, z INTEGER NOT NULL CHECK(z > 2))' WHERE name = 'u'",
                "UPDATE sqlite_schema SET sql = 'CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER NOT NULL, "
                        + "c INT NOT NULL, d REAL CHECK(d >= 1), e COLLATE NOCASE)' WHERE name = 't'"));
        compare(dir, "strict", db -> sqlite(db, "UPDATE sqlite_schema SET sql = 'CREATE TABLE s(p TEXT, q INT, "
                + "r INTEGER, w TEXT, v BLOB) STRICT' WHERE name = 's'"));
        compare(dir, "unique", db -> sqlite(db, "UPDATE t SET e = 'x' WHERE a < 4",
                "UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX tn ON t(e COLLATE NOCASE, a)' "
                        + "WHERE name = 'tn'", "UPDATE sqlite_schema SET sql = 'CREATE INDEX tc ON t(c)' "
                        + "WHERE name = 'tc'"));
        compare(dir, "collation", db -> sqlite(db, "UPDATE sqlite_schema SET sql = "
                + "'CREATE INDEX tn ON t(e COLLATE BINARY, d DESC)' WHERE name = 'tn'"));
        compare(dir, "partial", db -> sqlite(db, "UPDATE sqlite_schema SET sql = "
                + "'CREATE INDEX te ON t(e) WHERE c > 3' WHERE name = 'te'",
                "UPDATE sqlite_schema SET sql = 'CREATE INDEX tx ON t(c + 2, b)' WHERE name = 'tx'"));
    }

    @Test
    void damagedPages(@TempDir Path dir) throws Exception {
        compare(dir, "zeroIndex", db -> page(db, "tc", (b, off) -> fill(b, off, 4096, 0)));
        compare(dir, "zeroTable", db -> page(db, "u", (b, off) -> fill(b, off, 4096, 0)));
        compare(dir, "cellPointer", db -> page(db, "t", (b, off) -> b[off + 9] = (byte) 0xf0));
        compare(dir, "freelistCount", db -> raw(db, b -> b[39] = 9));
        compare(dir, "lostFreelist", db -> raw(db, b -> fill(b, 32, 8, 0)));
        compare(dir, "freelistTrunk", db -> raw(db, b -> b[35] = (byte) (b[35] + 1)));
        compare(dir, "overflow", db -> page(db, "big", (b, off) -> fill(b, off + 200, 3000, 0x41)));
        compare(dir, "rootType", db -> page(db, "w", (b, off) -> b[off] = 0x0d));
    }

    interface PageEdit {
        void edit(byte[] file, int offset);
    }

    /** Builds the fixture with SQLite, damages it, then runs every check on both engines and compares. */
    private static void compare(Path dir, String name, Consumer<Path> damage) throws Exception {
        Path db = dir.resolve(name + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : FIXTURE) {
                s.execute(sql);
            }
        }
        damage.accept(db);
        List<String> ref = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        try (Twin t = new Twin(db.toString())) {
            for (String sql : CHECKS) {
                ref.add(sql + "\n" + t.ref(sql));
            }
        }
        try (Twin t = new Twin(db.toString(), null)) {
            for (String sql : CHECKS) {
                ours.add(sql + "\n" + t.ours(sql));
            }
        }
        List<String> diffs = new ArrayList<>();
        for (int k = 0; k < ref.size(); k++) {
            if (!ref.get(k).equals(ours.get(k))) {
                diffs.add("sqlite:  " + ref.get(k) + "panamax: " + ours.get(k));
            }
        }
        assertEquals("", String.join("\n", diffs), name);
    }

    private static void sqlite(Path db, String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA writable_schema = ON");
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Edits the root page of the named table or index (page header at +100 on page 1). */
    private static void page(Path db, String object, PageEdit edit) {
        int root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + object + "'")) {
            root = rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        raw(db, b -> edit.edit(b, (root - 1) * 4096 + (root == 1 ? 100 : 0)));
    }

    private static void raw(Path db, Consumer<byte[]> edit) {
        try {
            byte[] b = Files.readAllBytes(db);
            edit.accept(b);
            Files.write(db, b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void fill(byte[] b, int off, int n, int value) {
        for (int k = 0; k < n && off + k < b.length; k++) {
            b[off + k] = (byte) value;
        }
    }
}
