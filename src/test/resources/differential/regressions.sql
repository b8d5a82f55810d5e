-- Reduced cases the differential generator found, each a script run on Panamax and on SQLite: every statement must
-- agree (rows as multisets, value types, error codes). Cases are separated by lines starting with "-- case:".

-- case: automatic index on a subquery in FROM (EXPLAIN text used to crash)
CREATE TABLE t1 (e INTEGER, f);
CREATE TABLE t3 (c BLOB UNIQUE, e DECIMAL(10,5), b INT, a, d STRING);
INSERT INTO t3 VALUES (1, 2, 3, 4, 5);
SELECT 1 FROM t3 AS s3 LEFT JOIN (SELECT e AS c5_0 FROM t1 GROUP BY e) AS s4 ON (s4.c5_0 = s3.a);

-- case: an aggregate of outer columns only belongs to the outer query
CREATE TABLE t1 (a, b);
CREATE TABLE t2 (x, y);
INSERT INTO t1 VALUES (1, 2), (3, 4);
INSERT INTO t2 VALUES (1, 2), (3, 4), (5, 6);
SELECT (SELECT sum(t1.a) FROM t2) FROM t1;
SELECT (SELECT sum(t1.a) FROM t2 WHERE x > 1) FROM t1;
SELECT (SELECT sum(t1.a + x) FROM t2) FROM t1;
SELECT a FROM t1 WHERE (SELECT sum(t1.a) FROM t2) > 0;
SELECT count(*), (SELECT sum(t1.a) FROM t2) FROM t1;
SELECT (SELECT max(t1.a) FILTER (WHERE x > 0) FROM t2) FROM t1;

-- case: WITHOUT ROWID primary key columns are NOT NULL
CREATE TABLE t4 (e TEXT, d STRING NOT NULL DEFAULT 42, a BIGINT, PRIMARY KEY (e, d)) WITHOUT ROWID;
INSERT OR IGNORE INTO t4 VALUES (NULL, 100, 3);
INSERT INTO t4 VALUES (NULL, 100, 3);
SELECT * FROM t4;

-- case: UPDATE of the rowid to NULL or text is a datatype mismatch
CREATE TABLE t1 (f INTEGER PRIMARY KEY, e INTEGER);
INSERT INTO t1 VALUES (NULL, NULL);
UPDATE t1 SET f = NULL;
UPDATE t1 SET rowid = NULL;
UPDATE t1 SET f = 'abc';
UPDATE t1 SET f = '12';
SELECT * FROM t1;

-- case: changes() after a failed statement is 0
CREATE TABLE t0 (c INTEGER PRIMARY KEY, d FLOATING POINT, e STRING);
INSERT OR FAIL INTO t0 (c, e) VALUES (100, 7.0);
INSERT INTO t0 VALUES (100, 0, 1);
SELECT changes(), total_changes();
INSERT OR IGNORE INTO t0 VALUES ('B', ' 2 ', 3);
SELECT changes(), total_changes();

-- case: aggregate-ness comes from the result list (HAVING and ORDER BY cannot make a query aggregate)
CREATE TABLE t1 (a, b);
INSERT INTO t1 VALUES (1, 2), (3, 4);
SELECT a FROM t1 ORDER BY max(b);
SELECT count(*) FROM t1 ORDER BY max(b);
SELECT a FROM t1 HAVING max(b) > 0;
SELECT a FROM t1 ORDER BY (SELECT max(t1.b));

-- case: a subquery column made of an expression has no affinity
CREATE TABLE t0 (c INTEGER PRIMARY KEY, e BIGINT, f CHARACTER(3));
INSERT INTO t0 VALUES (NULL, 1, 0);
SELECT f = 0, f = x FROM t0, (SELECT 0 AS x);
SELECT f = x FROM (SELECT 0 AS x UNION SELECT 0), t0;

-- case: bare columns come from the group's first row (or the min/max row)
CREATE TABLE t1 (e, b, d);
INSERT INTO t1 VALUES (1, 10, 'x'), (2, 20, 'y'), (3, 30, 'z');
SELECT b, count(*) FROM t1;
SELECT b, d, sum(e) FROM t1 WHERE e > 1;
SELECT b, count(*) FROM t1 GROUP BY d > 'x';
SELECT b, max(e) FROM t1;
SELECT b, min(e) FROM t1;

-- case: OR REPLACE of a rowid conflict still checks the UNIQUE indexes against the new row
CREATE TABLE t0 (a INTEGER PRIMARY KEY, d ANY, c BOOLEAN UNIQUE);
INSERT INTO t0 (d, c) VALUES ('abc', NULL);
INSERT OR REPLACE INTO t0 (a, c) VALUES (1, 1);
SELECT * FROM t0;
CREATE TABLE t5 (b INTEGER PRIMARY KEY, e TEXT UNIQUE);
INSERT INTO t5 VALUES (42, 'x');
INSERT OR REPLACE INTO t5 VALUES (5, 'x');
SELECT * FROM t5;

-- case: x IN () is false without resolving x; nested signs make an integer term
CREATE TABLE t1 (b INTEGER PRIMARY KEY, c REAL, e INT);
SELECT NULL, ((SELECT total(s20.c) FROM t1 AS s21) IN ()) FROM t1 AS s20;
SELECT nosuch IN () FROM t1;
SELECT 1 NOT IN ();
SELECT c FROM t1 GROUP BY +-1;

-- case: REAL affinity stores integers wider than 6 bytes as REAL (IN lists, indexes)
CREATE TABLE t1 (d INTEGER PRIMARY KEY, f REAL);
INSERT INTO t1 VALUES (0, 9.223372036854775807e18), (-1, 7.0);
SELECT s43.f NOT IN (SELECT (s45.d & s43.f) FROM t1 AS s45) FROM t1 AS s43;
CREATE TABLE r (x REAL);
CREATE INDEX ri ON r (x);
INSERT INTO r VALUES (9223372036854775807), (140737488355328), (5);
SELECT count(*) FROM r WHERE x = 9.223372036854775807e18;
SELECT count(*) FROM r WHERE x = 9223372036854775807;

-- case: compound subquery column affinity and REAL read-back
CREATE TABLE t1 (a REAL NOT NULL, c DOUBLE);
INSERT INTO t1 VALUES (0.5, -0.0);
SELECT * FROM (SELECT NULL AS x, 1 AS y FROM t1 UNION ALL SELECT 1, c FROM t1);
SELECT y, typeof(y) FROM (SELECT 1 AS y FROM t1 UNION ALL SELECT c FROM t1);

-- case: an operand holding a subquery is skipped when the other operand is NULL
CREATE TABLE t2 (x REAL);
INSERT INTO t2 VALUES (1.5e300), (1.5e300);
SELECT ((SELECT sum(~x) FROM t2) >> NULL);
SELECT (NULL + (SELECT sum(~x) FROM t2));
SELECT ((SELECT sum(~x) FROM t2) IS NULL);
CREATE TABLE t3 (b INTEGER PRIMARY KEY, e BLOB, c BOOLEAN, a INT);
INSERT INTO t3 VALUES (NULL, 0.5, -9223372036854775807, 'ü'), (-7, 100, NULL, 3);
UPDATE t3 SET e = ((SELECT count(*) FROM t3 AS s8 WHERE (100 <= s8.e)) & t3.c);
SELECT * FROM t3;

-- case: the right side of EXCEPT/INTERSECT does not run after an empty left side
CREATE TABLE t0 (c INTEGER PRIMARY KEY, d REAL);
INSERT INTO t0 VALUES (3, NULL), (0, -7);
SELECT 1 WHERE 0 INTERSECT SELECT sum(CAST(-1e20 AS INTEGER)) FROM t0;
SELECT 1 WHERE 0 EXCEPT SELECT sum(CAST(-1e20 AS INTEGER)) FROM t0;
SELECT 1 WHERE 0 UNION SELECT sum(CAST(-1e20 AS INTEGER)) FROM t0;

-- case: INSERT whose VALUES read the target table through a subquery
CREATE TABLE t0 (e INTEGER PRIMARY KEY, a);
INSERT INTO t0 VALUES (1, 1), (2, 2);
INSERT INTO t0 VALUES (5, 0.1), ((SELECT count(*) FROM t0 AS s226), 0.1);
SELECT * FROM t0;

-- case: GROUP BY expressions: whole result columns take the key, other expressions the chosen row
CREATE TABLE t3 (c VARCHAR(10), e FLOATING POINT, b VARCHAR(10), d);
INSERT INTO t3 VALUES ('a', 5, 'abc', 0), ('abc', -9223372036854775808, 1e10, 0.0);
SELECT (b - b), (b - b) + 0, typeof((b - b) + 0), max(c) FROM t3 GROUP BY (b - b);
SELECT d, typeof(d), d + 0, max(c) FROM t3 GROUP BY d;
SELECT (d + 1), typeof(d + 1), max(c) FROM t3 GROUP BY d + 1;

-- case: no automatic index over a WITHOUT ROWID table (equal keys collapsed without a rowid)
CREATE TABLE t0 (d TEXT, x INT, e BLOB, PRIMARY KEY (d, x)) WITHOUT ROWID;
INSERT INTO t0 VALUES ('a', 1, 0), ('b', 2, 0), ('c', 3, 1);
SELECT 1 FROM t0 AS s1 JOIN t0 AS s2 ON (s2.e = s1.e);
SELECT 2 FROM t0 AS s1 RIGHT JOIN t0 AS s2 ON (s2.e = s1.e);
SELECT count(*) FROM t0 AS s1 LEFT JOIN t0 AS s2 ON (s2.e = s1.e);

-- case: a one-row INSERT that fails in a partial index's WHERE inside a transaction leaves nothing behind
CREATE TABLE t2 (c2 BLOB, c3 PRIMARY KEY);
CREATE INDEX i3 ON t2 (c2);
CREATE INDEX i54 ON t2 (c2) WHERE (c2 <> zeroblob(1000000001));
BEGIN;
INSERT INTO t2 VALUES (0.0, 2);
SELECT count(*) FROM t2;
PRAGMA integrity_check;
COMMIT;

-- case: DROP TRIGGER removes only the trigger's schema row when a table has the same name
CREATE TABLE t (x);
CREATE INDEX ti ON t (x);
CREATE TRIGGER t AFTER INSERT ON t BEGIN SELECT 1; END;
DROP TRIGGER t;
SELECT type, name, tbl_name FROM sqlite_schema ORDER BY name;
PRAGMA integrity_check;
INSERT INTO t VALUES (1);
SELECT * FROM t;

-- case: expressions over the new row (CHECK, expression and partial index keys) read a REAL column as REAL
CREATE TABLE t (c REAL CHECK (typeof(c) = 'real'), d REAL);
CREATE INDEX i ON t (concat(c, 'x'));
CREATE INDEX j ON t (d) WHERE typeof(d) = 'real';
INSERT INTO t VALUES (5, 6);
INSERT INTO t VALUES (2.5, '7');
UPDATE t SET c = 9 WHERE d = 6;
SELECT c, typeof(c), d, typeof(d) FROM t ORDER BY c;
SELECT concat(c, 'x') FROM t ORDER BY 1;
PRAGMA integrity_check;

-- case: index seek keys take NUMERIC, not REAL, affinity (sqlite3IndexAffinityStr): 2^63-1 does not find REAL 2^63
CREATE TABLE t0 (a INTEGER PRIMARY KEY, c REAL UNIQUE);
INSERT INTO t0 VALUES (NULL, 9.223372036854775807e18);
SELECT s.x FROM t0 JOIN (SELECT 100 AS x UNION SELECT 9223372036854775807) AS s ON (s.x = t0.c);
SELECT count(*) FROM t0 WHERE c = (SELECT 9223372036854775807);
SELECT count(*) FROM t0 WHERE c >= (SELECT 9223372036854775807) AND c <= (SELECT 9223372036854775807);

-- case: a literal column of a flattened subquery has no affinity, so a TEXT column compared with it wins
CREATE TABLE t1 (c REAL, e VARCHAR(10), PRIMARY KEY (c, e));
INSERT INTO t1 VALUES (7.0, 0);
SELECT (s.b == s.a) FROM (SELECT 0 AS a, e AS b FROM t1) AS s;
SELECT (s.a == s.b) FROM (SELECT 0 AS a, e AS b FROM t1) AS s;
SELECT (s.b == s.a) FROM (SELECT DISTINCT 0 AS a, e AS b FROM t1) AS s;

-- case: a later join's ON term does not search the right table of an earlier LEFT JOIN
CREATE TABLE t1 (a ANY, c INTEGER);
CREATE UNIQUE INDEX t1_i0 ON t1 (c, c COLLATE BINARY);
CREATE TABLE t2 (b INTEGER PRIMARY KEY, e TEXT UNIQUE);
CREATE TABLE t3 (e);
INSERT INTO t1 VALUES (x'61', 2);
INSERT INTO t3 VALUES (1);
SELECT 1 FROM t3 LEFT JOIN t1 AS s84 ON s84.a INNER JOIN t1 AS s85 ON (s84.c IN (SELECT '-3' FROM t2));
SELECT 2 FROM t3 LEFT JOIN t1 AS s84 ON s84.a WHERE s84.c IN (SELECT '-3' FROM t2);
SELECT 3, s84.c FROM t3 LEFT JOIN t1 AS s84 ON s84.a INNER JOIN t1 AS s85 ON (s84.c IS NULL);
