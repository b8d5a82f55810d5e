package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .dump} round trips both ways between Panamax and {@code sqlite3}, over a database with every storage
 * class, NULLs, blobs (empty, with NUL, large), text with quotes, newlines and carriage returns, integer limits,
 * REALs that need 20 digits, keyword-named tables and columns, an AUTOINCREMENT table, an empty table and
 * indexes (unique, multi-column, descending). Contents are compared as {@code sqlite3} dumps them, which also
 * shows that each side's file opens in the other.
 */
class DumpRoundTripTest {
    static final String DATA = """
            CREATE TABLE kinds(id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, n NUMERIC, a);
            INSERT INTO kinds VALUES(1, 0, 0.1, '', x'', 1, NULL);
            INSERT INTO kinds VALUES(2, -1, 1e300, 'it''s', x'00', 2.5, 'text');
            INSERT INTO kinds VALUES(3, 9223372036854775807, -2.5e-10, 'unicodé 日本語 😀', x'deadbeef', '12', 3);
            INSERT INTO kinds VALUES(4, -9223372036854775808, 1.0, 'two
            lines', x'0a0d09', 'x', 4.5);
            INSERT INTO kinds VALUES(5, NULL, NULL, NULL, NULL, NULL, x'ff');
            INSERT INTO kinds VALUES(6, 42, 3.0, 'cr' || char(13) || 'x', x'', NULL, -0.0);
            INSERT INTO kinds VALUES(7, 7, 123456789.123456789, 'tab	tab', zeroblob(300), '1e3', 9007199254740993);
            CREATE TABLE "select"("from" TEXT, "a b" INT, c);
            INSERT INTO "select" VALUES('x', 1, NULL), (NULL, NULL, 'y');
            CREATE TABLE ai(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
            INSERT INTO ai(v) VALUES('a'), ('b');
            DELETE FROM ai WHERE v = 'a';
            CREATE TABLE empty(x, y);
            CREATE INDEX kinds_t ON kinds(t);
            CREATE UNIQUE INDEX kinds_ir ON kinds(i, r);
            CREATE INDEX sel_from ON "select"("from" DESC);
            """;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
    }

    private static String sqlite3Dump(Path db) {
        Shells.Result r = Shells.sqlite3("", db.toString(), ".dump");
        assertEquals("", r.stderr());
        return r.out();
    }

    private static void assertIntact(Path db) {
        assertEquals("ok\n", Shells.sqlite3("", db.toString(), "PRAGMA integrity_check").out());
    }

    @Test
    void panamaxDumpLoadsIntoSqlite3(@TempDir Path dir) {
        Path panamaxDb = dir.resolve("panamax.db");
        Path sqliteDb = dir.resolve("sqlite.db");
        Shells.Result made = Shells.panamax(DATA, panamaxDb.toString());
        assertEquals("", made.stderr());
        Shells.Result dump = Shells.panamax("", panamaxDb.toString(), ".dump");
        assertEquals("", dump.stderr());
        assertIntact(panamaxDb);
        assertEquals(sqlite3Dump(panamaxDb), dump.out(), "Panamax's dump is sqlite3's dump of the same file");
        Shells.Result load = Shells.sqlite3(dump.out(), sqliteDb.toString());
        assertEquals("", load.stderr());
        assertEquals(0, load.exitCode());
        assertEquals(sqlite3Dump(panamaxDb), sqlite3Dump(sqliteDb));
    }

    @Test
    void sqlite3DumpLoadsIntoPanamax(@TempDir Path dir) {
        Path sqliteDb = dir.resolve("sqlite.db");
        Path panamaxDb = dir.resolve("panamax.db");
        assertEquals("", Shells.sqlite3(DATA, sqliteDb.toString()).stderr());
        String dump = sqlite3Dump(sqliteDb);
        Shells.Result load = Shells.panamax(dump, panamaxDb.toString());
        assertEquals("", load.stderr());
        assertEquals(0, load.exitCode());
        assertIntact(panamaxDb);
        assertEquals(dump, Shells.panamax("", panamaxDb.toString(), ".dump").out());
        assertEquals(dump, sqlite3Dump(panamaxDb));
    }

    @Test
    void dumpOptionsMatch(@TempDir Path dir) {
        Path db = dir.resolve("both.db");
        assertEquals("", Shells.sqlite3(DATA, db.toString()).stderr());
        for (String options : new String[] {"--data-only", "--newlines", "--nosys", "kinds", "sel%", "--preserve-rowids ai"}) {
            String script = ".dump " + options + "\n";
            Shells.assertSame(Shells.sqlite3(script, db.toString()), Shells.panamax(script, db.toString()));
        }
    }
}
