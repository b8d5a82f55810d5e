package dev.panamax.sql.parser;

import java.util.List;

/** Valid statements covering SQLite's whole grammar, the seeds of the mutation and round-trip tests. */
final class Samples {
    private Samples() {
    }

    static final List<String> SCHEMA = List.of(
            "CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB)",
            "CREATE TABLE t2(x, y, z)",
            "CREATE TABLE t3(k INT, v TEXT, PRIMARY KEY(k))",
            "CREATE INDEX t2x ON t2(x)");

    static final List<String> STATEMENTS = List.of(
            "SELECT 1",
            "SELECT a, b AS bee, c cee, t1.*, * FROM t1 WHERE a > 5 AND b LIKE 'x%' ESCAPE '\\' ORDER BY 1 DESC",
            "SELECT DISTINCT x FROM t2 GROUP BY x HAVING count(*) > 1 ORDER BY x NULLS LAST LIMIT 10 OFFSET 2",
            "SELECT ALL x FROM t2 LIMIT 5, 10",
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c",
            "WITH a AS MATERIALIZED (SELECT 1), b(x) AS NOT MATERIALIZED (SELECT 2) SELECT * FROM a, b",
            "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4 ORDER BY 1",
            "VALUES (1, 2), (3, 4)",
            "SELECT * FROM t1 LEFT OUTER JOIN t2 ON t1.a = t2.x RIGHT JOIN t3 USING (k) FULL JOIN t1 AS q ON 1",
            "SELECT * FROM t1 NATURAL JOIN t2 CROSS JOIN t3 INNER JOIN (SELECT 1 AS k) s ON s.k = t3.k",
            "SELECT * FROM (t1 JOIN t2 ON a = x) AS j, t3 INDEXED BY t2x, t2 NOT INDEXED",
            "SELECT * FROM json_each('[1,2]') AS j WHERE j.value IN (1, 2, 3)",
            "SELECT a FROM t1 WHERE a IN (SELECT x FROM t2) AND b NOT IN t3 AND c IN main.t2",
            "SELECT x, row_number() OVER (PARTITION BY y ORDER BY z ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t2",
            "SELECT sum(x) FILTER (WHERE y > 0) OVER w, avg(z) OVER (w RANGE UNBOUNDED PRECEDING) FROM t2"
                    + " WINDOW w AS (ORDER BY x)",
            "SELECT count(*) OVER (GROUPS BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING EXCLUDE TIES) FROM t2",
            "SELECT group_concat(DISTINCT x ORDER BY y DESC) FROM t2",
            "SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE x WHEN 1 THEN 'one' END FROM t1, t2",
            "SELECT CAST(a AS VARCHAR(10)), CAST(b AS UNSIGNED BIG INT), a COLLATE NOCASE FROM t1",
            "SELECT -a, +b, ~c, NOT d, a || b, a -> '$.x', a ->> 'y', a << 2 >> 1 & 3 | 4 % 5 FROM t1",
            "SELECT a IS NULL, b ISNULL, c NOTNULL, d NOT NULL, a IS NOT b, a IS DISTINCT FROM b FROM t1",
            "SELECT a IS NOT DISTINCT FROM b, a BETWEEN 1 AND 2, b NOT BETWEEN c AND d, a GLOB 'x', b REGEXP 'y' FROM t1",
            "SELECT EXISTS (SELECT 1), (SELECT max(a) FROM t1), (1, 2) = (3, 4), x'0A0b', 1.5e10, 0x1F, .5",
            "SELECT ?, ?5, :name, @name, $name, $a::b(c), CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP, NULL",
            "SELECT \"quoted\", [bracket], `back`, 'str''ing', true, false FROM t1",
            "INSERT INTO t1 VALUES (1, 'a', 1.0, x'00')",
            "INSERT OR REPLACE INTO t2 (x, y) SELECT a, b FROM t1 WHERE true ON CONFLICT (x) DO NOTHING",
            "INSERT INTO t3 (k, v) VALUES (1, 'v') ON CONFLICT (k) WHERE k > 0 DO UPDATE SET v = excluded.v"
                    + " WHERE v IS NOT excluded.v ON CONFLICT DO NOTHING RETURNING *, k AS key",
            "REPLACE INTO t2 DEFAULT VALUES",
            "INSERT INTO main.t2 AS tt DEFAULT VALUES RETURNING x",
            "WITH q AS (SELECT 1) INSERT INTO t2 SELECT * FROM q",
            "UPDATE OR IGNORE t1 SET b = 'x', (c, d) = (1, 2) FROM t2 WHERE a = t2.x RETURNING a",
            "UPDATE t1 INDEXED BY t2x SET b = NULL WHERE a = 1 ORDER BY a LIMIT 1",
            "DELETE FROM t1 WHERE a IN (1, 2) RETURNING *",
            "DELETE FROM main.t1 AS d NOT INDEXED WHERE d.a > 0 ORDER BY a LIMIT 3 OFFSET 1",
            "CREATE TABLE IF NOT EXISTS main.t4(id INTEGER PRIMARY KEY ASC ON CONFLICT ABORT AUTOINCREMENT,"
                    + " name TEXT NOT NULL DEFAULT 'x' COLLATE NOCASE UNIQUE ON CONFLICT IGNORE,"
                    + " ref INT CONSTRAINT fk REFERENCES t1(a) ON DELETE CASCADE ON UPDATE SET NULL"
                    + " DEFERRABLE INITIALLY DEFERRED, n REAL DEFAULT -1.5 CHECK (n > -10), g AS (n * 2) STORED,"
                    + " h INT GENERATED ALWAYS AS (n + 1) VIRTUAL, d DEFAULT (abs(-1)), e DEFAULT CURRENT_TIMESTAMP,"
                    + " CONSTRAINT pk UNIQUE (name, ref DESC) ON CONFLICT REPLACE, CHECK (id > 0),"
                    + " FOREIGN KEY (ref, n) REFERENCES t2(x, y) MATCH FULL NOT DEFERRABLE)",
            "CREATE TEMP TABLE t5(a, b) STRICT, WITHOUT ROWID",
            "CREATE TABLE t6 AS SELECT * FROM t1",
            "CREATE UNIQUE INDEX IF NOT EXISTS i1 ON t1(b COLLATE NOCASE DESC, c + 1) WHERE a > 0",
            "CREATE VIEW IF NOT EXISTS v1(p, q) AS SELECT a, b FROM t1",
            "CREATE TEMP VIEW v2 AS VALUES (1)",
            "CREATE TRIGGER IF NOT EXISTS tr1 BEFORE UPDATE OF b, c ON t1 FOR EACH ROW WHEN new.b IS NOT NULL"
                    + " BEGIN INSERT INTO t2 VALUES (new.a, old.b, 1); UPDATE t3 SET v = new.b WHERE k = old.a;"
                    + " DELETE FROM t2 WHERE x = old.a; SELECT RAISE(ABORT, 'no'); END",
            "CREATE TRIGGER tr2 INSTEAD OF DELETE ON v1 BEGIN SELECT RAISE(IGNORE); END",
            "CREATE TEMP TRIGGER tr3 AFTER INSERT ON t1 BEGIN REPLACE INTO t2 SELECT 1, 2, 3; END",
            "CREATE VIRTUAL TABLE IF NOT EXISTS ft USING fts5(a, b, tokenize = 'porter ascii', x(y, z))",
            "CREATE VIRTUAL TABLE rt USING rtree",
            "DROP TABLE IF EXISTS main.t4",
            "DROP INDEX i1",
            "DROP VIEW IF EXISTS v1",
            "DROP TRIGGER tr1",
            "ALTER TABLE t1 RENAME TO t9",
            "ALTER TABLE main.t1 RENAME COLUMN b TO bb",
            "ALTER TABLE t1 RENAME c TO cc",
            "ALTER TABLE t1 ADD COLUMN e TEXT DEFAULT 'z' NOT NULL",
            "ALTER TABLE t1 ADD f",
            "ALTER TABLE t1 DROP COLUMN d",
            "ALTER TABLE t1 DROP CONSTRAINT c1",
            "ALTER TABLE t1 ALTER COLUMN b SET NOT NULL ON CONFLICT FAIL",
            "ALTER TABLE t1 ALTER b DROP NOT NULL",
            "ALTER TABLE t1 ADD CONSTRAINT c2 CHECK (a > 0)",
            "BEGIN",
            "BEGIN IMMEDIATE TRANSACTION",
            "BEGIN EXCLUSIVE",
            "BEGIN DEFERRED TRANSACTION tx",
            "COMMIT",
            "END TRANSACTION",
            "ROLLBACK",
            "ROLLBACK TRANSACTION TO SAVEPOINT sp",
            "SAVEPOINT sp",
            "RELEASE SAVEPOINT sp",
            "RELEASE sp",
            "ATTACH DATABASE 'file.db' AS aux",
            "ATTACH ':memory:' AS aux2 KEY 'k'",
            "DETACH DATABASE aux",
            "ANALYZE",
            "ANALYZE main.t1",
            "VACUUM",
            "VACUUM main INTO 'backup.db'",
            "REINDEX",
            "REINDEX t1",
            "PRAGMA cache_size",
            "PRAGMA main.cache_size = -2000",
            "PRAGMA journal_mode = WAL",
            "PRAGMA table_info(t1)",
            "PRAGMA foreign_keys = ON",
            "PRAGMA secure_delete = +1",
            "EXPLAIN SELECT * FROM t1",
            "EXPLAIN QUERY PLAN SELECT * FROM t1 WHERE a = 1",
            "SELECT printf('%d', 5) AS \"p\", lower(b) FROM t1 WHERE rowid = 1 AND _rowid_ > 0 AND oid < 9",
            "SELECT a FROM t1 WHERE a = 1 OR NOT (b = 2 AND c <> 3) AND d != 4 AND a <= 5 AND b >= 6 AND c == 7");
}
