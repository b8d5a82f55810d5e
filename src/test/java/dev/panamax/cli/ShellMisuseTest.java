package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Using the shell wrongly never damages the database: leaving with a transaction open, errors in the middle of a
 * transaction, writing to a read-only database, interrupting a statement, and the shell's process killed in the
 * middle of a write. Each time {@code sqlite3} finds the file intact and holding what was committed.
 */
class ShellMisuseTest {
    private static final String SETUP = "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE);\n"
            + "INSERT INTO t VALUES (1, 'one'), (2, 'two');\n";

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
    }

    private static void assertContents(Path db, String rows) {
        assertEquals("ok\n", Shells.sqlite3("", db.toString(), "PRAGMA integrity_check").out());
        assertEquals(rows, Shells.sqlite3("", db.toString(), "SELECT * FROM t ORDER BY id").out());
    }

    @Test
    void leavingWithAnOpenTransactionRollsItBack(@TempDir Path dir) {
        Path db = dir.resolve("open.db");
        Shells.panamax(SETUP, db.toString());
        Shells.Result r = Shells.panamax("BEGIN;\nINSERT INTO t VALUES (3, 'three');\nDELETE FROM t WHERE id = 1;\n",
                db.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertContents(db, "1|one\n2|two\n");
    }

    @Test
    void errorsInsideATransactionLeaveTheRestToCommit(@TempDir Path dir) {
        Path db = dir.resolve("errors.db");
        Shells.panamax(SETUP, db.toString());
        Shells.Result r = Shells.panamax("BEGIN;\nINSERT INTO t VALUES (3, 'three');\nINSERT INTO t VALUES (4, 'one');\n"
                + "INSERT INTO nosuch VALUES (1);\nUPDATE t SET v = 'TWO' WHERE id = 2;\nCOMMIT;\n", db.toString());
        assertEquals(1, r.exitCode());
        assertEquals("Runtime error near line 3: UNIQUE constraint failed: t.v (19)\n"
                + "Parse error near line 4: no such table: nosuch\n", r.stderr());
        assertContents(db, "1|one\n2|TWO\n3|three\n");
    }

    @Test
    void readOnlyDatabaseIsNotWritten(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("ro.db");
        Shells.panamax(SETUP, db.toString());
        byte[] before = Files.readAllBytes(db);
        Shells.Result r = Shells.panamax("INSERT INTO t VALUES (3, 'three');\nSELECT count(*) FROM t;\n",
                "--readonly", db.toString());
        assertEquals("2\n", r.out());
        assertEquals("Runtime error near line 1: attempt to write a readonly database (8)\n", r.stderr());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    /**
     * The shell killed with SIGKILL in the middle of a large transaction: the hot journal it leaves brings the
     * file back, for Panamax first and then for sqlite3.
     */
    @Test
    void killedInTheMiddleOfAWrite(@TempDir Path dir) throws IOException, InterruptedException {
        Path db = dir.resolve("killed.db");
        Shells.panamax(SETUP, db.toString());
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), db.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt")
                .toFile()).start();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (var in = p.getOutputStream()) {
                in.write("BEGIN;\nDELETE FROM t;\n".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 50_000; i++) {
                    in.write(("INSERT INTO t(v) VALUES ('" + "x".repeat(200) + i + "');\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return;
            }
        });
        Path journal = Path.of(db + "-journal");
        for (int i = 0; i < 600 && !(Files.exists(journal) && Files.size(db) > 1 << 20); i++) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(journal) && Files.size(db) > 1 << 20, "the shell was writing into the file");
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        writer.join();
        assertEquals("1|one\n2|two\n", Shells.panamax("SELECT * FROM t ORDER BY id;\n", db.toString()).out());
        assertContents(db, "1|one\n2|two\n");
    }
}
