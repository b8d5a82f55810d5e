package dev.panamax.api;

import dev.panamax.sql.parser.SqlScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Real statements to mutate, grouped in scripts that make sense in order (a schema, its rows, then queries): every
 * block of the {@code .sqltest} corpus (a test with its setups), and windows of sqllogictest files (a file's
 * statements, then some of its queries; only the head of a file is read). The corpora live in {@code ../shared} ({@code -Dpanamax.shared=DIR}); a
 * missing corpus gives no scripts.
 */
final class FuzzCorpus {
    private static final int SLT_READ_QUERIES = 200;
    private static final int SLT_SETUP_STATEMENTS = 40;
    private static final int SLT_QUERIES = 40;

    private static List<List<String>> sqltest;
    private static List<Path> sltFiles;

    private FuzzCorpus() {
    }

    static Path shared() {
        return Path.of(System.getProperty("panamax.shared", "../shared"));
    }

    /** The scripts of the .sqltest corpus: each test block preceded by the setup blocks it names. */
    static synchronized List<List<String>> sqltest() {
        if (sqltest == null) {
            sqltest = new ArrayList<>();
            Path dir = shared().resolve("sqltest");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".sqltest")).sorted().toList()) {
                        sqltestFile(Files.readString(p, StandardCharsets.UTF_8), sqltest);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sqltest;
    }

    private static void sqltestFile(String text, List<List<String>> out) {
        java.util.Map<String, List<String>> setups = new java.util.HashMap<>();
        List<String> pending = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("@setup ")) {
                pending.add(line.substring(7).trim());
                continue;
            }
            String[] head = line.split("\\s+");
            if (!line.endsWith("{") || head.length < 2) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].equals("}")) {
                body.append(lines[j]).append('\n');
                j++;
            }
            i = j;
            List<String> statements = statements(body.toString());
            switch (head[0]) {
                case "setup" -> setups.put(head[1], statements);
                case "test", "snapshot", "snapshot-eqp" -> {
                    List<String> script = new ArrayList<>();
                    for (String s : pending) {
                        script.addAll(setups.getOrDefault(s, List.of()));
                    }
                    script.addAll(statements);
                    if (!script.isEmpty()) {
                        out.add(script);
                    }
                    pending.clear();
                }
                default -> pending.clear();
            }
        }
    }

    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        for (SqlScripts.Segment s : SqlScripts.split(text)) {
            String t = s.text(text).trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The sqllogictest files, sorted (empty when the corpus is missing). */
    static synchronized List<Path> sltFiles() {
        if (sltFiles == null) {
            Path dir = shared().resolve("sqllogictest").resolve("test");
            if (!Files.isDirectory(dir)) {
                sltFiles = List.of();
            } else {
                try (Stream<Path> files = Files.walk(dir)) {
                    sltFiles = files.filter(f -> f.toString().endsWith(".test")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sltFiles;
    }

    /** A script cut from one sqllogictest file chosen by {@code r}, or an empty script without the corpus. */
    static List<String> sqllogictest(SplittableRandom r) {
        List<Path> all = sltFiles();
        return all.isEmpty() ? List.of() : sltScript(all.get(r.nextInt(all.size())), r);
    }

    private static List<String> sltScript(Path file, SplittableRandom r) {
        List<String> setup = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            StringBuilder sql = null;
            boolean isQuery = false;
            for (String line : (Iterable<String>) lines::iterator) {
                if (sql == null) {
                    if (queries.size() >= SLT_READ_QUERIES) {
                        break;
                    }
                    if (line.startsWith("statement ") || line.startsWith("query ")) {
                        sql = new StringBuilder();
                        isQuery = line.startsWith("query ");
                    }
                    continue;
                }
                if (line.isBlank() || line.equals("----")) {
                    add(sql.toString().trim(), isQuery ? queries : setup, r);
                    sql = null;
                    continue;
                }
                sql.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> script = new ArrayList<>(setup.subList(0, Math.min(setup.size(), SLT_SETUP_STATEMENTS)));
        for (int k = 0; k < SLT_QUERIES && !queries.isEmpty(); k++) {
            script.add(queries.get(r.nextInt(queries.size())));
        }
        return script;
    }

    private static void add(String sql, List<String> to, SplittableRandom r) {
        if (!sql.isEmpty() && (to.size() < 4 * SLT_QUERIES || r.nextInt(8) == 0)) {
            to.add(sql);
        }
    }
}
