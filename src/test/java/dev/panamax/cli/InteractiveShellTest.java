package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell as a user meets it: started as its own JVM, typed into through a real terminal (tmux) or fed by a
 * pipe. Turso's quick start, typed: the rows come back, the prompt and the continuation prompt show, Tab
 * completes dot commands and table names, the history is saved, Ctrl-D leaves. Piped: the same rows, nothing on
 * stderr.
 */
class InteractiveShellTest {
    private static final String HELLO = """
            CREATE TABLE users (id INT, username TEXT);
            INSERT INTO users VALUES (1, 'alice');
            INSERT INTO users VALUES (2, 'bob');
            SELECT * FROM users;
            """;

    /** The command that starts the shell in a new JVM on this test's class path. */
    private static List<String> shellCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }

    @Test
    void helloWorldPiped() {
        Shells.Result r = Shells.process(shellCommand(), HELLO.getBytes(StandardCharsets.UTF_8));
        assertEquals("1|alice\n2|bob\n", r.out());
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void helloWorldTypedIntoATerminal(@TempDir Path dir) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path history = dir.resolve("history");
        String command = "PANAMAX_HISTORY=" + Tmux.quote(history.toString()) + " "
                + String.join(" ", shellCommand().stream().map(Tmux::quote).toList()) + "; echo EXITED $?; sleep 60";
        try (Tmux tmux = Tmux.start(command)) {
            String banner = tmux.waitFor("panamax>");
            assertTrue(banner.contains("Enter \".help\" for usage hints."), banner);
            assertTrue(banner.contains("Connected to a transient in-memory database."), banner);
            assertTrue(banner.contains("Use \".open FILENAME\" to reopen on a persistent database."), banner);
            for (String line : HELLO.strip().split("\n")) {
                tmux.type(line);
                tmux.waitFor(line);
            }
            String screen = tmux.waitFor("2|bob");
            assertTrue(screen.contains("1|alice\n2|bob\npanamax>"), screen);
            tmux.type("SELECT id");
            tmux.type("FROM users WHERE id = 2;");
            assertTrue(tmux.waitFor("   ...> FROM users WHERE id = 2;").contains("\n2\npanamax>"));
            tmux.keys(".ta", "Tab");
            tmux.keys("Enter");
            assertTrue(tmux.waitFor("\nusers\npanamax>").contains("panamax> .tables"));
            tmux.keys("SELECT usern", "Tab");
            tmux.type("FROM users;");
            assertTrue(tmux.waitFor("SELECT username FROM users;").contains("\nalice\nbob\npanamax>"));
            tmux.keys("C-d");
            tmux.waitFor("EXITED 0");
        }
        String saved = Files.readString(history);
        assertTrue(saved.contains("SELECT * FROM users;") && saved.contains(".tables"), saved);
    }

    /** Ctrl-C stops a long statement, the shell goes on, and the database is intact. */
    @Test
    void controlCInterruptsAStatement(@TempDir Path dir) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path db = dir.resolve("big.db");
        Shells.Result made = Shells.panamax("CREATE TABLE t(a);\nINSERT INTO t VALUES (1);\n"
                + "INSERT INTO t SELECT a + 1 FROM t;\n".repeat(14), db.toString());
        assertEquals("", made.stderr());
        String command = String.join(" ", shellCommand().stream().map(Tmux::quote).toList()) + " "
                + Tmux.quote(db.toString()) + "; echo EXITED $?; sleep 60";
        try (Tmux tmux = Tmux.start(command)) {
            tmux.waitFor("panamax>");
            tmux.type("SELECT count(*) FROM t a, t b, t c;");
            tmux.waitFor("FROM t a, t b, t c;");
            Thread.sleep(500);
            tmux.keys("C-c");
            tmux.waitFor("Runtime error: interrupted (9)");
            tmux.type("SELECT count(*) FROM t;");
            assertTrue(tmux.waitFor("\n16384\npanamax>").contains("16384"));
            tmux.keys("C-d");
            tmux.waitFor("EXITED 1");
        }
        if (Shells.hasSqlite3()) {
            assertEquals("ok\n", Shells.sqlite3("", db.toString(), "PRAGMA integrity_check").out());
        }
    }

    /** A tmux session running one command, driven through {@code send-keys} and read through {@code capture-pane}. */
    static final class Tmux implements AutoCloseable {
        private static final long TIMEOUT_MILLIS = 20_000;
        private final String name;

        private Tmux(String name) {
            this.name = name;
        }

        static boolean available() {
            try {
                return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        static Tmux start(String command) throws IOException, InterruptedException {
            String name = "panamax-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            run("tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "40", command);
            return new Tmux(name);
        }

        static String quote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }

        /** Types a line and Enter; a trailing {@code ;} is escaped so that tmux does not take it as a separator. */
        void type(String line) throws IOException, InterruptedException {
            String keys = line.endsWith(";") ? line.substring(0, line.length() - 1) + "\\;" : line;
            run("tmux", "send-keys", "-t", name, keys, "Enter");
        }

        void keys(String... keys) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", name));
            cmd.addAll(List.of(keys));
            run(cmd.toArray(String[]::new));
        }

        /** Waits until the screen shows {@code text}; returns the screen. */
        String waitFor(String text) throws IOException, InterruptedException {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            String screen = "";
            while (System.currentTimeMillis() < deadline) {
                screen = screen();
                if (screen.contains(text)) {
                    Thread.sleep(200);
                    return screen();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("timed out waiting for \"" + text + "\"; screen:\n" + screen);
        }

        private String screen() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("tmux", "capture-pane", "-t", name, "-p", "-S", "-200")
                    .redirectError(new File("/dev/null")).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        }

        private static void run(String... cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("tmux", "kill-session", "-t", name);
        }
    }
}
