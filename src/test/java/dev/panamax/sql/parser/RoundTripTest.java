package dev.panamax.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.sql.ast.SqlPrinter;
import dev.panamax.sql.ast.Stmt;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * parse, print, parse again: the two trees are equal, source offsets and source-text snapshots aside (the printer
 * spaces and parenthesises differently). Over the grammar samples, every .sqltest statement that parses and a
 * slice of the sqllogictest scripts.
 */
class RoundTripTest {
    /** Components that record where or how the text was written rather than what it means. */
    private static final Set<String> SOURCE_ONLY = Set.of("start", "end", "span");

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    @Test
    void grammarSamplesRoundTrip() {
        List<String> failures = new ArrayList<>();
        for (String sql : Samples.STATEMENTS) {
            roundTrip(sql, failures);
        }
        assertEquals("", String.join("\n", failures));
    }

    @Test
    void corpusStatementsRoundTrip() {
        Path shared = Corpus.shared();
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null, "shared corpus folder is absent");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Path f : Corpus.files(shared.resolve("sqltest"), ".sqltest")) {
            for (Corpus.Sql s : Corpus.sqltest(f)) {
                n += roundTrip(s.sql(), failures) ? 1 : 0;
            }
        }
        Path slt = shared.resolve("sqllogictest").resolve("test");
        for (Path f : Corpus.files(slt, ".test")) {
            String rel = slt.relativize(f).toString();
            if (rel.startsWith("select") || rel.startsWith("evidence") || rel.endsWith("slt_good_0.test")) {
                List<Corpus.Sql> all = Corpus.sqllogictest(f);
                for (int i = 0; i < all.size(); i += 31) {
                    n += roundTrip(all.get(i).sql(), failures) ? 1 : 0;
                }
            }
        }
        assertTrue(n > 1000, "statements round-tripped: " + n);
        assertEquals("", String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** True when the statement parsed (and so was checked). */
    private static boolean roundTrip(String sql, List<String> failures) {
        Stmt first;
        try {
            first = Parser.parse(sql).statement();
        } catch (ParseException e) {
            return false;
        }
        if (first == null || printerAddsWhere(first)) {
            return false;
        }
        String printed = SqlPrinter.print(first);
        try {
            Stmt second = Parser.parse(printed).statement();
            String diff = difference(first, second, "stmt");
            if (diff != null) {
                failures.add(sql + "\n  printed: " + printed + "\n  differs at " + diff);
            }
        } catch (ParseException e) {
            failures.add(sql + "\n  printed: " + printed + "\n  reparse failed: " + e.getMessage());
        }
        return true;
    }

    /** INSERT .. SELECT .. FROM t ON CONFLICT: the printer adds WHERE true so the ON is not read as a join's. */
    private static boolean printerAddsWhere(Stmt s) {
        return s instanceof Stmt.Insert i && !i.upserts().isEmpty();
    }

    /** A DEFAULT's or an added CHECK's text is a copy of the source, which the printer does not reproduce. */
    private static boolean isSourceSnapshot(Object node) {
        return node instanceof dev.panamax.sql.ast.ColumnConstraint.Default || node instanceof Stmt.AddCheck;
    }

    /** Null when equal; else the path of the first difference. */
    static String difference(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " vs " + b;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a instanceof Record) {
            for (RecordComponent c : COMPONENTS.get(a.getClass())) {
                if (SOURCE_ONLY.contains(c.getName()) || (c.getName().equals("text") && isSourceSnapshot(a))) {
                    continue;
                }
                try {
                    String d = difference(c.getAccessor().invoke(a), c.getAccessor().invoke(b),
                            path + "." + c.getName());
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return path + ": size " + la.size() + " vs " + lb.size();
            }
            for (int i = 0; i < la.size(); i++) {
                String d = difference(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
