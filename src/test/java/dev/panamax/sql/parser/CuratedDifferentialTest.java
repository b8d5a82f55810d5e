package dev.panamax.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Hand-picked corners of SQLite's grammar (keyword fallback, tokenizer edge cases, parse-time checks and where
 * they are reported), each compared with SQLite: same acceptance, same parser message.
 */
class CuratedDifferentialTest {
    private static final List<String> CASES = List.of(
            "SELECT 1 AS within", "SELECT 1 left", "SELECT left FROM t1", "SELECT a FROM t1 AS left",
            "SELECT cast FROM t1", "SELECT raise FROM t1", "SELECT replace(b, 'a', 'b') FROM t1",
            "SELECT key, action, plan, query FROM t1", "SELECT current_time", "CREATE TABLE c(current_time)",
            "SELECT 1 ORDER BY 1 UNION SELECT 2", "SELECT 1 LIMIT 1 UNION SELECT 2", "VALUES (1) ORDER BY 1",
            "VALUES (1) UNION VALUES (2) ORDER BY 1",
            "SELECT 1 ORDER BY 1 UNION SELECT 2 UNION SELECT 3 LIMIT 1 UNION SELECT 4",
            "SELECT 1 +", "SELECT 1 +;", "SELECT", "EXPLAIN", "SELECT 1 garbage garbage", "SELECT 1 2",
            "SELECT 1_000", "SELECT 1__0", "SELECT 1_2_", "SELECT 0x1_F", "SELECT 0x", "SELECT 1.e", "SELECT .5",
            "SELECT 1..2", "SELECT 1e5_0", "SELECT 12abc", "SELECT #1", "SELECT #1 #1", "SELECT #abc",
            "SELECT 'abc", "SELECT \"abc", "SELECT [abc", "SELECT x'abc'", "SELECT x'AbCd'", "SELECT x''",
            "SELECT x'' x''", "SELECT $a::b(c)", "SELECT $a(b c)", "SELECT $", "SELECT ?0", "SELECT ?250001",
            "SELECT ?250000", "SELECT !1", "SELECT 1 != 2", "SELECT 1 /* open", "SELECT 1 /*", "SELECT 1 --",
            "SELECT 'a' 'b'", "SELECT 1 'x'", "SELECT 1 \"x\"", "SELECT * FROM t1 ON 1", "SELECT * FROM t1 USING (a)",
            "SELECT * FROM t1 LEFT RIGHT JOIN t2", "SELECT * FROM t1 x outer join t2",
            "SELECT * FROM t1 x left foo join t2", "SELECT * FROM t1 x foo join t2",
            "SELECT * FROM t1 NATURAL LEFT OUTER JOIN t2", "SELECT * FROM t1 \"left\" JOIN t2",
            "SELECT * FROM LEFT OUTER JOIN", "SELECT * FROM (t1)", "SELECT * FROM ((SELECT 1))",
            "SELECT * FROM (t1, t2) AS y", "INSERT INTO t2 SELECT * FROM t1 ON CONFLICT DO NOTHING",
            "INSERT INTO t2 SELECT * FROM t1 WHERE 1 ON CONFLICT DO NOTHING",
            "INSERT INTO t2 VALUES (1, 2, 3) ON CONFLICT DO NOTHING ON CONFLICT DO NOTHING",
            "INSERT INTO t2 DEFAULT VALUES ON CONFLICT DO NOTHING", "SELECT a FROM t1 WHERE a = 1 NOT",
            "SELECT a NOT b FROM t1", "SELECT a.b.c.d FROM t1", "SELECT 'a'(1)", "SELECT count(DISTINCT *) FROM t1",
            "SELECT a FROM t1 ORDER BY a NULLS", "SELECT a FROM t1 WINDOW w AS (ORDER BY a), w2 AS (w ORDER BY a)",
            "SELECT a FROM t1 WINDOW w AS (ROWS 1 PRECEDING), w2 AS (w)",
            "SELECT a FROM t1 WINDOW w AS (PARTITION BY a), w2 AS (w PARTITION BY b)",
            "SELECT a FROM t1 WINDOW w AS (ORDER BY a), w2 AS (w3)",
            "SELECT a FROM t1 WINDOW w AS (ORDER BY a), w2 AS (\"w\")",
            "SELECT count(*) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t1",
            "SELECT count(*) OVER (ROWS 1 FOLLOWING) FROM t1",
            "SELECT count(*) OVER (ROWS 1 FOLLOWING EXCLUDE TIES) FROM t1",
            "SELECT count(*) OVER (ROWS UNBOUNDED FOLLOWING) FROM t1", "SELECT a window FROM t1",
            "SELECT a over FROM t1", "SELECT a filter FROM t1", "SELECT sum(a) filter /*c*/ (where 1) FROM t1",
            "SELECT sum(a) over /*c*/ (order by 1) FROM t1", "SELECT a FROM t1 window /*x*/ w /*y*/ AS ()",
            "CREATE TABLE c(a) foo", "CREATE TABLE c(a) WITHOUT foo", "CREATE TABLE c(a) 'strict'",
            "CREATE TABLE c(a) , STRICT", "CREATE TABLE c(a) , , STRICT", "CREATE TABLE c(a) STRICT, ROWID WITHOUT",
            "CREATE TABLE c(a, FOREIGN KEY(a COLLATE x) REFERENCES t1)",
            "CREATE TABLE c(a, FOREIGN KEY(a DESC) REFERENCES t1)", "CREATE TABLE c(a REFERENCES t1 NOT)",
            "CREATE TABLE c(a, FOREIGN KEY(a) REFERENCES t1 NOT)", "CREATE TABLE c(a REFERENCES t1 ON CONFLICT)",
            "CREATE TABLE c(a generated)", "CREATE TABLE c(a int generated)", "CREATE TABLE c(a generated always)",
            "CREATE TABLE c(a INT GENERATED ALWAYS AS (1) foo, b)", "CREATE TABLE c(a DEFAULT 1 AS (1))",
            "CREATE TABLE c(a AS (1) DEFAULT 1)", "CREATE TABLE c(a AS (1) PRIMARY KEY)",
            "CREATE TABLE c(a INT, b AS (a), PRIMARY KEY(\"B\"))", "CREATE TABLE c(a PRIMARY KEY, b PRIMARY KEY)",
            "CREATE TABLE c(a DEFAULT (b))", "CREATE TABLE c(a DEFAULT (?))", "CREATE TABLE c(a DEFAULT ((SELECT 1)))",
            "CREATE TABLE c(a DEFAULT (random()))", "CREATE TABLE c(a DEFAULT (\"true\"))",
            "CREATE TABLE c(a DEFAULT (count(*) OVER ()))", "CREATE TABLE c(a DEFAULT -x)", "CREATE TABLE c()",
            "CREATE TABLE c(a \"INT\" 'x' (10, -5))", "CREATE TABLE c(a INT(+1.5))", "CREATE TABLE c(a INT(1_0))",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN INSERT INTO main.t2 VALUES (1, 2, 3); END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN INSERT INTO t2 VALUES (1, 2, 3) RETURNING *; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN UPDATE t2 INDEXED BY i SET x = 1; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN DELETE FROM t2 NOT INDEXED; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN INSERT INTO t2 DEFAULT VALUES; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN WITH q AS (SELECT 1) INSERT INTO t2 SELECT * FROM q; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN UPDATE t2 SET x = 1 ORDER BY x LIMIT 1; END",
            "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN END", "CREATE TRIGGER r AFTER INSERT ON t1 BEGIN SELECT 1",
            "CREATE VIRTUAL TABLE v USING fts5(a;b)", "CREATE VIRTUAL TABLE v USING fts5(a", "PRAGMA x = -5",
            "PRAGMA x = on", "PRAGMA x = 'y'", "PRAGMA x = null", "PRAGMA x = delete", "PRAGMA main.x(1)",
            "PRAGMA x.y.z", "PRAGMA x = +-1", "ATTACH database AS x", "BEGIN TRANSACTION savepoint",
            "ROLLBACK TO savepoint", "RELEASE savepoint", "EXPLAIN QUERY", "EXPLAIN EXPLAIN SELECT 1",
            "SELECT CASE WHEN 1 THEN 2 END END", "SELECT 1 ISNULL NOTNULL", "SELECT 1 IS NOT NULL IS NULL",
            "SELECT ~~1, - -1, NOT NOT 1", "SELECT 1 -> 2 ->> 3", "SELECT 1 < 2 < 3 = 4", "SELECT a ESCAPE b FROM t1",
            "SELECT a LIKE b ESCAPE c ESCAPE d FROM t1", "SELECT a BETWEEN 1 OR 2 AND 3 FROM t1",
            "SELECT CAST(1 AS)", "SELECT CAST(1 AS) INT", "ALTER TABLE t1 ALTER COLUMN a SET DEFAULT 1",
            "ALTER TABLE t1 ALTER COLUMN a TYPE int", "ALTER TABLE t1 ADD PRIMARY KEY (a)",
            "ALTER TABLE t1 RENAME column TO x", "BEGIN CONCURRENT", "DELETE FROM t1 ORDER BY a LIMIT 1",
            "UPDATE t1 SET b = 1 RETURNING * ORDER BY a LIMIT 1", "SELECT 1; SELECT 'open",
            "SELECT 1 FROM t1 WHERE a IN ()", "CREATE TABLE c(a, PRIMARY KEY(a NULLS FIRST))",
            "CREATE TABLE c(a, UNIQUE(a DESC NULLS LAST))", "CREATE TABLE c(a, PRIMARY KEY(a NULLS FIRST) garbage)",
            "CREATE INDEX i ON nosuch(a + 1 NULLS LAST)", "CREATE TABLE c(a PRIMARY KEY, PRIMARY KEY(a NULLS LAST))",
            "SELECT a FROM t1 ORDER BY a NULLS FIRST", "SELECT (1, 2) IN (VALUES (1, 2))", "SELECT 1 IN t1(1, 2)");

    /** Nesting just below and at the depth where SQLite's parser stack overflows, per kind of construct. */
    private static List<String> nesting() {
        List<String> out = new ArrayList<>();
        for (int n : new int[] {2493, 2494}) {
            out.add("SELECT " + "(".repeat(n) + "1" + ")".repeat(n));
        }
        for (int n : new int[] {831, 832}) {
            out.add("SELECT " + "abs(".repeat(n) + "1" + ")".repeat(n));
            out.add("SELECT " + "1+(".repeat(n) + "1" + ")".repeat(n));
        }
        for (int n : new int[] {498, 499}) {
            out.add("SELECT " + "CASE WHEN 1 THEN ".repeat(n) + "1" + " END".repeat(n));
        }
        for (int n : new int[] {2494, 2495}) {
            out.add("SELECT " + "- ".repeat(n) + "1");
        }
        for (int n : new int[] {415, 416}) {
            out.add("SELECT * FROM " + "(SELECT * FROM ".repeat(n) + "t1" + ")".repeat(n));
        }
        out.add("SELECT " + "(SELECT ".repeat(499) + "1" + ")".repeat(499));
        out.add("SELECT " + "CAST(".repeat(1246) + "1" + " AS INT)".repeat(1246));
        out.add("SELECT " + "EXISTS(SELECT ".repeat(416) + "1" + ")".repeat(416));
        out.add("SELECT " + "1 IN (".repeat(832) + "1" + ")".repeat(832));
        out.add("SELECT " + String.join("+", java.util.Collections.nCopies(1000, "1")));
        out.add("SELECT " + String.join("+", java.util.Collections.nCopies(1001, "1")));
        return out;
    }

    @Test
    void cornersMatchSqlite() throws Exception {
        List<String> cases = new ArrayList<>(CASES);
        cases.addAll(nesting());
        List<String> mismatches = new ArrayList<>();
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (String s : Samples.SCHEMA) {
                sqlite.execute(s);
            }
            for (String sql : cases) {
                String theirs = sqlite.prepare(sql);
                String mine = CorpusParseTest.mine(sql);
                if (mine == null && theirs != null && CorpusParseTest.isTursoExtension(sql)) {
                    continue;
                }
                boolean comparable = theirs == null || SqliteOracle.isSyntaxMessage(theirs)
                        || ParserMessages.isParserMessage(theirs);
                if (comparable && !Objects.equals(theirs, mine)) {
                    String shown = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
                    mismatches.add(shown + "\n  sqlite: " + theirs + "\n  mine:   " + mine);
                }
            }
        }
        assertEquals("", String.join("\n", mismatches));
    }
}
