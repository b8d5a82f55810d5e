package dev.panamax.storage.btree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code sqlite3} shell on a database file and returns its output (the on-disk oracle). */
final class SqliteShell {
    private SqliteShell() {
    }

    static String run(String dbPath, String sql) {
        try {
            Process p = new ProcessBuilder(List.of("sqlite3", "-batch", dbPath, sql)).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("sqlite3 timed out");
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run sqlite3 (tools/install-test-deps installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a script of statements separated by newlines through the shell's standard input. */
    static String script(String dbPath, String script) {
        try {
            Process p = new ProcessBuilder(List.of("sqlite3", "-batch", dbPath)).redirectErrorStream(true).start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("sqlite3 timed out");
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run sqlite3 (tools/install-test-deps installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
