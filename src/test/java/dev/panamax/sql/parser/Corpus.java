package dev.panamax.sql.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the SQL out of the shared conformance corpora: sqllogictest records (statement and query, records skipped
 * for SQLite left out) and the SQL of {@code setup}/{@code test} blocks of {@code .sqltest} files, cut into
 * statements.
 */
final class Corpus {
    /** One statement and where it came from. */
    record Sql(String file, int line, String sql) {
    }

    private Corpus() {
    }

    /** The shared folder from the {@code panamax.shared} system property, or null when absent. */
    static Path shared() {
        String p = System.getProperty("panamax.shared");
        if (p == null) {
            return null;
        }
        Path path = Path.of(p);
        return Files.isDirectory(path) ? path : null;
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String l : text.split("\n", -1)) {
                lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement and query SQL of one sqllogictest script, as SQLite's harness would run it. */
    static List<Sql> sqllogictest(Path file) {
        List<String> lines = lines(file);
        List<Sql> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            int recordLine = i + 1;
            List<String> record = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                if (!lines.get(i).startsWith("#")) {
                    record.add(lines.get(i));
                }
                i++;
            }
            Sql sql = record(file.toString(), recordLine, record);
            if (sql != null) {
                out.add(sql);
            }
        }
        return out;
    }

    private static Sql record(String file, int line, List<String> record) {
        int j = 0;
        boolean skip = false;
        while (j < record.size() && (record.get(j).startsWith("skipif") || record.get(j).startsWith("onlyif"))) {
            String[] w = record.get(j).trim().split("\\s+");
            String engine = w.length > 1 ? w[1].toLowerCase() : "";
            skip |= w[0].equals("skipif") ? engine.equals("sqlite") : !engine.equals("sqlite");
            j++;
        }
        if (skip || j >= record.size()) {
            return null;
        }
        String head = record.get(j);
        if (!head.startsWith("statement") && !head.startsWith("query")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String l : record.subList(j + 1, record.size())) {
            if (l.equals("----")) {
                break;
            }
            b.append(b.isEmpty() ? "" : "\n").append(l);
        }
        return b.isEmpty() ? null : new Sql(file, line, b.toString());
    }

    /** The statements of the setup and test blocks of one .sqltest file. */
    static List<Sql> sqltest(Path file) {
        List<String> lines = lines(file);
        List<Sql> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!(l.startsWith("test ") || l.startsWith("setup ")) || !l.stripTrailing().endsWith("{")) {
                continue;
            }
            int first = i + 1;
            StringBuilder b = new StringBuilder();
            for (i = first; i < lines.size() && !lines.get(i).equals("}"); i++) {
                b.append(lines.get(i)).append('\n');
            }
            String block = b.toString();
            for (SqlScripts.Segment s : SqlScripts.split(block)) {
                out.add(new Sql(file.toString(), first + lineOf(block, s.start()), s.text(block)));
            }
        }
        return out;
    }

    private static int lineOf(String text, int offset) {
        int n = 0;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        return n + 1;
    }
}
