package dev.panamax.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script through a shell and captures what it printed: Panamax's shell in this JVM (over Panamax or over
 * SQLite itself), or the real {@code sqlite3} shell as a process, for byte-for-byte comparisons.
 */
final class Shells {
    /** What a shell printed and how it exited. */
    record Result(byte[] stdout, String stderr, int exitCode) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
        }
    }

    private Shells() {
    }

    /** Asserts that two runs printed the same bytes and exited alike; the message shows both. */
    static void assertSame(Result expected, Result actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.toString(), actual.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.stdout(), actual.stdout(), "stdout bytes");
    }

    /** Panamax's shell over the Panamax engine, stdin piped. */
    static Result panamax(String script, String... args) {
        return inProcess(new PanamaxEngine(), script, args);
    }

    /** Panamax's shell over SQLite (sqlite-jdbc): differences from sqlite3 are the shell's own. */
    static Result overSqlite(String script, String... args) {
        return inProcess(new SqliteJdbcEngine(), script, args);
    }

    private static Result inProcess(Engine engine, String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, engine, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, err,
                false);
        return new Result(out.toByteArray(), err.toString(StandardCharsets.UTF_8), rc);
    }

    /** The {@code sqlite3} shell, stdin piped. */
    static Result sqlite3(String script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("sqlite3");
        cmd.addAll(Arrays.asList(args));
        return process(cmd, script.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a command with {@code stdin} and waits for it (at most a minute). */
    static Result process(List<String> cmd, byte[] stdin) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
            Thread e = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            o.join();
            e.join();
            return new Result(out.toByteArray(), err.toString(StandardCharsets.UTF_8), p.exitValue());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a {@code sqlite3} shell can be started. */
    static boolean hasSqlite3() {
        try {
            return process(List.of("sqlite3", "-version"), new byte[0]).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
