package dev.panamax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layer arrows of DESIGN.md pointing down: a package imports only packages of a lower rank (or its own
 * subtree). {@code api.ResultCode} and {@code api.DbException} are the shared error vocabulary every layer may use.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/panamax");

    /** Rank of each top-level area; an import must go to a strictly lower rank. */
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("io", 0),
            Map.entry("value", 1),
            Map.entry("storage.format", 2),
            Map.entry("crypto", 2),
            Map.entry("sql.ast", 2),
            Map.entry("sql.parser", 3),
            Map.entry("storage.pager", 3),
            Map.entry("storage.wal", 3),
            Map.entry("storage.btree", 4),
            Map.entry("func", 5),
            Map.entry("index", 5),
            Map.entry("schema", 6),
            Map.entry("vector", 6),
            Map.entry("fts", 6),
            Map.entry("cdc", 6),
            Map.entry("mvcc", 6),
            Map.entry("vdbe", 7),
            Map.entry("sql.resolve", 8),
            Map.entry("sql.plan", 9),
            Map.entry("sql.codegen", 10),
            Map.entry("api", 11),
            Map.entry("jdbc", 12),
            Map.entry("cli", 12),
            Map.entry("mcp", 12));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?dev\\.panamax\\.([\\w.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void importsPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                String from = area(pkg);
                String src = Files.readString(file);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String target = m.group(1);
                    String to = area(target);
                    if (to.equals(from) || isSharedErrorType(src, m.start())) {
                        continue;
                    }
                    if (RANK.get(to) >= RANK.get(from)) {
                        violations.add(file + ": " + from + " -> " + to);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> f = Files.list(dir)) {
                    hasJava = f.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                    missing.add(dir.toString());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean isSharedErrorType(String src, int importStart) {
        int end = src.indexOf(';', importStart);
        String line = src.substring(importStart, end);
        return line.endsWith("api.ResultCode") || line.endsWith("api.DbException");
    }

    private static String area(String pkg) {
        String best = null;
        for (String key : RANK.keySet()) {
            if ((pkg.equals(key) || pkg.startsWith(key + ".")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        assertTrue(best != null, "package dev.panamax." + pkg + " has no rank in ArchitectureTest");
        return best;
    }
}
