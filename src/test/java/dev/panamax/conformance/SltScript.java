package dev.panamax.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sqllogictest script, parsed into records (see the corpus README): {@code statement ok|error},
 * {@code query <types> [sortmode] [label]}, {@code hash-threshold N} and {@code halt}, each with its
 * {@code skipif}/{@code onlyif} conditions.
 */
record SltScript(Path path, List<Record> records) {

    sealed interface Record permits Statement, Query, HashThreshold, Halt {
        int line();

        List<String> conditions();

        /** True when an engine that calls itself {@code engine} runs this record. */
        default boolean appliesTo(String engine) {
            for (String c : conditions()) {
                String[] words = c.trim().split("\\s+");
                if (words.length < 2) {
                    continue;
                }
                boolean named = words[1].equalsIgnoreCase(engine);
                if (words[0].equals("skipif") && named) {
                    return false;
                }
                if (words[0].equals("onlyif") && !named) {
                    return false;
                }
            }
            return true;
        }
    }

    record Statement(int line, List<String> conditions, boolean expectError, String sql) implements Record {
    }

    record Query(int line, List<String> conditions, String types, String sortMode, String label, String sql,
            List<String> expected) implements Record {

        /** The stored hash, or null when the file lists the values. */
        String expectedHash() {
            if (expected.size() == 1) {
                String s = expected.get(0);
                int at = s.indexOf(" values hashing to ");
                if (at > 0) {
                    return s.substring(at + " values hashing to ".length()).trim();
                }
            }
            return null;
        }

        /** The stored value count (for hashed results), or the number of listed values. */
        int expectedCount() {
            String h = expectedHash();
            if (h != null) {
                String s = expected.get(0);
                return Integer.parseInt(s.substring(0, s.indexOf(' ')).trim());
            }
            return expected.size();
        }
    }

    record HashThreshold(int line, List<String> conditions, int threshold) implements Record {
    }

    record Halt(int line, List<String> conditions) implements Record {
    }

    static SltScript parse(Path path) throws IOException {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        String[] raw = text.split("\n", -1);
        List<Record> records = new ArrayList<>();
        int i = 0;
        while (i < raw.length) {
            // skip blank lines between records
            while (i < raw.length && isBlank(strip(raw[i]))) {
                i++;
            }
            if (i >= raw.length) {
                break;
            }
            List<String> block = new ArrayList<>();
            int start = i + 1;
            int firstLine = -1;
            while (i < raw.length && !isBlank(strip(raw[i]))) {
                String line = strip(raw[i]);
                if (!line.startsWith("#")) {
                    if (firstLine < 0) {
                        firstLine = i + 1;
                    }
                    block.add(line);
                }
                i++;
            }
            if (!block.isEmpty()) {
                Record r = toRecord(block, firstLine > 0 ? firstLine : start);
                if (r != null) {
                    records.add(r);
                }
            }
        }
        return new SltScript(path, records);
    }

    private static Record toRecord(List<String> block, int line) {
        List<String> conditions = new ArrayList<>();
        int k = 0;
        while (k < block.size() && (block.get(k).startsWith("skipif") || block.get(k).startsWith("onlyif"))) {
            conditions.add(block.get(k));
            k++;
        }
        if (k >= block.size()) {
            return null;
        }
        String head = block.get(k);
        String[] words = head.trim().split("\\s+");
        int recordLine = line + k;
        switch (words[0]) {
            case "statement" -> {
                boolean error = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("error");
                return new Statement(recordLine, conditions, error, String.join("\n", block.subList(k + 1, block.size())));
            }
            case "query" -> {
                String types = words.length > 1 ? words[1] : "";
                String sort = words.length > 2 ? words[2] : "nosort";
                String label = words.length > 3 ? words[3] : null;
                List<String> rest = block.subList(k + 1, block.size());
                int sep = rest.indexOf("----");
                String sql = String.join("\n", sep >= 0 ? rest.subList(0, sep) : rest);
                List<String> expected = sep >= 0 ? List.copyOf(rest.subList(sep + 1, rest.size())) : List.of();
                return new Query(recordLine, conditions, types, sort, label, sql, expected);
            }
            case "hash-threshold" -> {
                return new HashThreshold(recordLine, conditions, Integer.parseInt(words[1]));
            }
            case "halt" -> {
                return new Halt(recordLine, conditions);
            }
            default -> {
                return null;
            }
        }
    }

    private static String strip(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isBlank(String s) {
        return s.isBlank();
    }
}
