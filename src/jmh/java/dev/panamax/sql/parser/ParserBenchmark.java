package dev.panamax.sql.parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tokenizer and parser throughput over the first {@value #STATEMENTS} statements of the sqllogictest corpus
 * (statement and query records), in statements per second. The corpus folder comes from the system property
 * {@code panamax.shared} (default {@code ../shared}):
 * {@code java -Dpanamax.shared=../shared -jar target/benchmarks.jar ParserBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    static final int STATEMENTS = 100_000;

    private String[] sql;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path root = Path.of(System.getProperty("panamax.shared", "../shared"), "sqllogictest", "test");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".test")).sorted().toList()) {
                readRecords(f, out);
                if (out.size() >= STATEMENTS) {
                    break;
                }
            }
        }
        if (out.size() < STATEMENTS) {
            throw new IllegalStateException("corpus too small under " + root + ": " + out.size());
        }
        sql = out.subList(0, STATEMENTS).toArray(String[]::new);
    }

    /** The SQL of each statement/query record (without the result part), as SQLite's harness reads it. */
    private static void readRecords(Path file, List<String> out) throws IOException {
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n");
        StringBuilder b = null;
        for (String line : lines) {
            if (line.startsWith("statement") || line.startsWith("query")) {
                b = new StringBuilder();
            } else if (b != null && (line.isEmpty() || line.equals("----"))) {
                if (!b.isEmpty()) {
                    out.add(b.toString());
                }
                b = null;
            } else if (b != null) {
                b.append(b.isEmpty() ? "" : "\n").append(line);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void tokenize(Blackhole bh) {
        for (String s : sql) {
            bh.consume(Lexer.tokenize(s).count);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATEMENTS)
    public void parse(Blackhole bh) {
        for (String s : sql) {
            try {
                bh.consume(Parser.parse(s));
            } catch (ParseException e) {
                bh.consume(e);
            }
        }
    }
}
