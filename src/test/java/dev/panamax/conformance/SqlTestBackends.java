package dev.panamax.conformance;

import dev.panamax.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The shells the {@code .sqltest} corpus runs through: Panamax's, in this JVM, and the real {@code sqlite3}. */
final class SqlTestBackends {
    /** The flags Turso's runner gives a {@code tursodb}-like binary. */
    static final List<String> TURSO_FLAGS = List.of("-q", "-m", "list", "--experimental-views",
            "--experimental-custom-types", "--experimental-udfs", "--experimental-attach",
            "--experimental-index-method", "--experimental-generated-columns", "--experimental-vacuum",
            "--experimental-without-rowid");
    private static final long TIMEOUT_SECONDS = 30;
    /** sqlite3 3.40 takes minutes over one recursive CTE of the corpus that newer SQLite runs at once. */
    private static final long SQLITE3_TIMEOUT_SECONDS = 10;

    private SqlTestBackends() {
    }

    /**
     * Panamax's shell run in-process by {@link Main#run}, with the arguments Turso's runner passes to its own
     * shell. Its {@code .tables} and {@code .schema} print what {@code sqlite3} prints, so the script and the
     * output are normalised the way Turso's runner normalises them for {@code sqlite3}. A case that runs longer than the timeout fails; its
     * thread is left behind as a daemon.
     */
    static SqlTestRunner.Backend panamax() {
        return new SqlTestRunner.Backend() {
            private ExecutorService worker = newWorker();

            @Override
            public boolean isSqlite() {
                return false;
            }

            @Override
            public SqlTestRunner.Output run(String database, boolean readonly, String script) {
                String dot = finalDotCommand(script);
                List<String> args = new ArrayList<>();
                args.add(database);
                args.addAll(TURSO_FLAGS);
                if (readonly) {
                    args.add("--readonly");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                byte[] in = leftAlign(script, dot).getBytes(StandardCharsets.UTF_8);
                Future<Integer> rc = worker.submit(() -> Main.run(args.toArray(String[]::new),
                        new ByteArrayInputStream(in), out, err));
                try {
                    int code = rc.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    String stdout = out.toString(StandardCharsets.UTF_8);
                    return new SqlTestRunner.Output(dot == null ? stdout : normalize(dot, stdout),
                            err.toString(StandardCharsets.UTF_8), code);
                } catch (TimeoutException e) {
                    rc.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    return new SqlTestRunner.Output("", "Error: timed out", 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new SqlTestRunner.Output("", "Error: interrupted", 1);
                } catch (ExecutionException e) {
                    return new SqlTestRunner.Output("", "Error: shell crashed: " + e.getCause(), 1);
                }
            }
        };
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sqltest-shell");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The {@code sqlite3} shell as a subprocess, the way Turso's runner drives it: the database as only argument
     * ({@code file:DB?immutable=1} when read-only), and a final {@code .tables} or {@code .schema} normalised
     * (runs of spaces in .tables collapsed, a space added before the parenthesis of CREATE TABLE).
     */
    static SqlTestRunner.Backend sqlite3() {
        return new SqlTestRunner.Backend() {
            @Override
            public boolean isSqlite() {
                return true;
            }

            @Override
            public SqlTestRunner.Output run(String database, boolean readonly, String script) throws IOException {
                String dot = finalDotCommand(script);
                String arg = readonly ? "file:" + database + "?immutable=1" : database;
                Process p = new ProcessBuilder("sqlite3", arg).start();
                try (var stdin = p.getOutputStream()) {
                    stdin.write(leftAlign(script, dot).getBytes(StandardCharsets.UTF_8));
                }
                var stdout = new ByteArrayOutputStream();
                var stderr = new ByteArrayOutputStream();
                Thread errReader = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), stderr));
                Thread outReader = Thread.ofVirtual().start(() -> copy(p.getInputStream(), stdout));
                try {
                    if (!p.waitFor(SQLITE3_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        return new SqlTestRunner.Output("", "Error: timed out", 1);
                    }
                    errReader.join();
                    outReader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
                String out = stdout.toString(StandardCharsets.UTF_8);
                return new SqlTestRunner.Output(dot == null ? out : normalize(dot, out),
                        stderr.toString(StandardCharsets.UTF_8), p.exitValue());
            }
        };
    }

    private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The last non-empty line when it is {@code .tables} or {@code .schema} (with or without arguments). */
    static String finalDotCommand(String script) {
        List<String> lines = script.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return null;
        }
        String last = lines.getLast();
        for (String cmd : List.of(".schema", ".tables")) {
            if (last.equals(cmd) || last.startsWith(cmd + " ")) {
                return cmd;
            }
        }
        return null;
    }

    private static String leftAlign(String script, String dot) {
        if (dot == null) {
            return script;
        }
        return String.join("\n", script.lines().map(l -> l.strip().startsWith(dot) ? l.strip() : l).toList());
    }

    private static String normalize(String dot, String stdout) {
        StringBuilder out = new StringBuilder();
        for (String line : stdout.lines().filter(l -> !l.isEmpty()).toList()) {
            if (dot.equals(".tables")) {
                line = line.replaceAll(" {2,}", " ");
            } else {
                line = line.replaceFirst("^(CREATE TABLE (?:IF NOT EXISTS )?)([^(]*[^ (])\\(", "$1$2 (");
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
