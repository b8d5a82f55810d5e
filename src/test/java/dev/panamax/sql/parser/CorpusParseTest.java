package dev.panamax.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.sql.ast.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the shared corpora, parsed by Panamax and prepared by SQLite (empty database): what SQLite
 * accepts must parse; what SQLite refuses with a syntax message must be refused with the same message. A SQLite
 * error raised after parsing (no such table, ...) says nothing about syntax and is not compared. The default run
 * takes all .sqltest statements and a deterministic slice of the sqllogictest corpus; the soak run takes it all.
 */
class CorpusParseTest {
    /** sqllogictest statements in the default run: one in SLICE of the unique statements (plus all select/evidence). */
    private static final int SLICE = 16;

    @Test
    void sqltestCorpusParsesLikeSqlite() throws Exception {
        Path shared = shared();
        Map<String, Corpus.Sql> unique = new LinkedHashMap<>();
        for (Path f : Corpus.files(shared.resolve("sqltest"), ".sqltest")) {
            for (Corpus.Sql s : Corpus.sqltest(f)) {
                unique.putIfAbsent(s.sql(), s);
            }
        }
        check(unique, 1);
    }

    @Test
    void sqllogictestSliceParsesLikeSqlite() throws Exception {
        check(sqllogictest(false), SLICE);
    }

    @Tag("soak")
    @Test
    void sqllogictestWholeCorpusParsesLikeSqlite() throws Exception {
        check(sqllogictest(true), 1);
    }

    private static Path shared() {
        Path shared = Corpus.shared();
        Assumptions.assumeTrue(shared != null, "shared corpus folder (panamax.shared) is absent");
        return shared;
    }

    private static Map<String, Corpus.Sql> sqllogictest(boolean all) {
        Path root = shared().resolve("sqllogictest").resolve("test");
        Map<String, Corpus.Sql> unique = new LinkedHashMap<>();
        for (Path f : Corpus.files(root, ".test")) {
            String rel = root.relativize(f).toString();
            boolean whole = all || rel.startsWith("select") || rel.startsWith("evidence");
            int n = 0;
            for (Corpus.Sql s : Corpus.sqllogictest(f)) {
                if ((whole || n++ % SLICE == 0)) {
                    unique.putIfAbsent(s.sql(), s);
                }
            }
        }
        return unique;
    }

    private static void check(Map<String, Corpus.Sql> statements, int slice) throws Exception {
        assertTrue(statements.size() > 100, "corpus found");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (Corpus.Sql s : statements.values()) {
                String mine = mine(s.sql());
                if (mine == null && isTursoExtension(s.sql())) {
                    continue;
                }
                String theirs = sqlite.prepare(s.sql());
                compared++;
                boolean ok = theirs == null ? mine == null
                        : !SqliteOracle.isSyntaxMessage(theirs) || theirs.equals(mine);
                if (!ok && mismatches.size() < 40) {
                    mismatches.add(s.file() + ":" + s.line() + "\n  sql:    " + s.sql().replace("\n", "\n          ")
                            + "\n  sqlite: " + theirs + "\n  mine:   " + mine);
                }
            }
        }
        assertEquals("", String.join("\n", mismatches), compared + " statements compared (slice 1/" + slice + ")");
    }

    /** Null when Panamax parses the statement, else its message. */
    static String mine(String sql) {
        try {
            Parser.parse(sql);
            return null;
        } catch (ParseException e) {
            return e.getMessage();
        }
    }

    /** Turso syntax SQLite does not have: BEGIN CONCURRENT, CREATE INDEX .. USING / WITH (..). */
    static boolean isTursoExtension(String sql) {
        Stmt st = Parser.parse(sql).statement();
        return (st instanceof Stmt.Begin b && b.mode() == Stmt.TransactionMode.CONCURRENT)
                || (st instanceof Stmt.CreateIndex c && (c.using() != null || !c.parameters().isEmpty()));
    }
}
