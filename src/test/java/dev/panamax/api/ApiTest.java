package dev.panamax.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API: statements, binding, getters with SQLite's conversions, metadata, transactions, extensions. */
class ApiTest {
    @TempDir
    Path dir;

    private static List<String> column(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.step()) {
                out.add(s.getText(0));
            }
        }
        return out;
    }

    @Test
    void scriptsTailsAndCounters() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            String script = "CREATE TABLE t(a INTEGER PRIMARY KEY, b); INSERT INTO t(b) VALUES('x'),('y'); "
                    + "-- comment\n UPDATE t SET b = b || '!';";
            String rest = script;
            int statements = 0;
            while (true) {
                try (Statement s = c.prepare(rest)) {
                    if (s.isEmpty()) {
                        break;
                    }
                    s.execute();
                    statements++;
                    rest = rest.substring(s.tailOffset());
                }
            }
            assertEquals(3, statements);
            assertEquals(2, c.changes());
            assertEquals(4, c.totalChanges());
            assertEquals(2, c.lastInsertRowid());
            assertEquals(List.of("x!", "y!"), column(c, "SELECT b FROM t ORDER BY a"));
        }
    }

    @Test
    void bindingByIndexAndName() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
                Statement s = c.prepare("SELECT ?, ?5, :a, @b, $c, :a")) {
            assertEquals(8, s.parameterCount());
            assertNull(s.parameterName(1));
            assertNull(s.parameterName(2));
            assertEquals("?5", s.parameterName(5));
            assertEquals(6, s.parameterIndex(":a"));
            assertEquals(8, s.parameterIndex("$c"));
            assertEquals(0, s.parameterIndex(":nope"));
            s.bindLong(1, 7).bindText(":a", "A").bindDouble("@b", 2.5).bindBlob("$c", new byte[] {1, 2})
                    .bindObject(5, null);
            assertTrue(s.step());
            assertEquals(7, s.getLong(0));
            assertEquals(ValueType.NULL, s.columnType(1));
            assertEquals("A", s.getText(2));
            assertEquals(2.5, s.getDouble(3));
            assertArrayEquals(new byte[] {1, 2}, s.getBlob(4));
            assertEquals("A", s.getText(5));
            assertFalse(s.step());
            s.reset();
            s.clearBindings();
            assertTrue(s.step());
            assertEquals(ValueType.NULL, s.columnType(0));
        }
    }

    @Test
    void gettersConvertAsSqlite() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect();
                Statement s = c.prepare("SELECT '12abc', 3.9, -3.9, 'x', 1e300, 9223372036854775807, x'4142', NULL")) {
            assertTrue(s.step());
            assertEquals(12, s.getLong(0));
            assertEquals(12.0, s.getDouble(0));
            assertEquals(3, s.getLong(1));
            assertEquals(-3, s.getLong(2));
            assertEquals(0, s.getLong(3));
            assertEquals(Long.MAX_VALUE, s.getLong(4));
            assertEquals("1.0e+300", s.getText(4));
            assertEquals(-1, s.getInt(5));
            assertEquals("AB", s.getText(6));
            assertEquals(0, s.getLong(7));
            assertNull(s.getText(7));
            assertNull(s.getObject(7));
            Row r = s.row();
            assertEquals(Value.of(3.9), r.get(1));
            assertEquals("3.9", r.getText(1));
        }
    }

    @Test
    void columnMetadata() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR(20), v)");
            try (Statement s = c.prepare("SELECT id, name AS n, v + 1, t.rowid, (SELECT name FROM t) FROM t")) {
                assertEquals(List.of("id", "n", "v + 1", "id", "(SELECT name FROM t)"), s.columnNames());
                assertEquals("INTEGER", s.columnDeclType(0));
                assertEquals("VARCHAR(20)", s.columnDeclType(1));
                assertNull(s.columnDeclType(2));
                assertEquals("t", s.columnTableName(1));
                assertEquals("name", s.columnOriginName(1));
                assertEquals("main", s.columnDatabaseName(1));
                assertNull(s.columnTableName(2));
                assertTrue(s.isReadOnly());
            }
            try (Statement s = c.prepare("DELETE FROM t")) {
                assertFalse(s.isReadOnly());
            }
        }
    }

    @Test
    void transactionsAndSavepoints() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x)");
            assertTrue(c.isAutoCommit());
            c.execute("BEGIN; INSERT INTO t VALUES(1); SAVEPOINT a; INSERT INTO t VALUES(2); SAVEPOINT b;"
                    + "INSERT INTO t VALUES(3)");
            assertFalse(c.isAutoCommit());
            c.execute("ROLLBACK TO b");
            assertEquals(List.of("1", "2"), column(c, "SELECT x FROM t"));
            c.execute("ROLLBACK TO a");
            assertEquals(List.of("1"), column(c, "SELECT x FROM t"));
            c.execute("RELEASE a; COMMIT");
            assertTrue(c.isAutoCommit());
            assertEquals(List.of("1"), column(c, "SELECT x FROM t"));
            c.execute("SAVEPOINT s; INSERT INTO t VALUES(9)");
            assertFalse(c.isAutoCommit());
            c.execute("RELEASE s");
            assertTrue(c.isAutoCommit());
            assertEquals(List.of("1", "9"), column(c, "SELECT x FROM t"));
            DbException e = assertThrows(DbException.class, () -> c.execute("COMMIT"));
            assertEquals("cannot commit - no transaction is active", e.getMessage());
            assertEquals("no such savepoint: zz",
                    assertThrows(DbException.class, () -> c.execute("RELEASE zz")).getMessage());
        }
    }

    @Test
    void userFunctionsAggregatesAndCollations() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.createFunction("twice", 1, true, args -> args[0].asLong() * 2);
            c.createAggregate("longest", 1, () -> new AggregateFunction() {
                private String best;

                @Override
                public void step(Value[] args) {
                    String s = args[0].asText();
                    if (s != null && (best == null || s.length() > best.length())) {
                        best = s;
                    }
                }

                @Override
                public Object finish() {
                    return best;
                }
            });
            c.createCollation("BYLEN", (a, b) -> Integer.compare(a.length(), b.length()));
            c.execute("CREATE TABLE w(s); INSERT INTO w VALUES('ccc'),('a'),('bb')");
            assertEquals(List.of("42"), column(c, "SELECT twice(21)"));
            assertEquals(List.of("ccc"), column(c, "SELECT longest(s) FROM w"));
            assertEquals(List.of("a", "bb", "ccc"), column(c, "SELECT s FROM w ORDER BY s COLLATE BYLEN"));
            assertEquals("no such collation sequence: NOPE",
                    assertThrows(DbException.class, () -> c.prepare("SELECT 1 COLLATE NOPE")).getMessage());
        }
    }

    @Test
    void filesPersistAndUrisApply() throws Exception {
        String path = dir.resolve("a.db").toString();
        try (Database db = Database.open(path); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x); INSERT INTO t VALUES('kept')");
        }
        try (Database db = Database.open("file:" + path + "?mode=ro"); Connection c = db.connect()) {
            assertEquals(List.of("kept"), column(c, "SELECT x FROM t"));
            DbException e = assertThrows(DbException.class, () -> c.execute("INSERT INTO t VALUES(1)"));
            assertEquals(ResultCode.READONLY, e.code());
        }
        DbException missing = assertThrows(DbException.class,
                () -> Database.open("file:" + dir.resolve("none.db") + "?mode=rw"));
        assertEquals(ResultCode.CANTOPEN, missing.primaryCode());
        try (Database a = Database.open("file:shared1?mode=memory&cache=shared");
                Database b = Database.open("file:shared1?mode=memory&cache=shared");
                Connection ca = a.connect(); Connection cb = b.connect()) {
            ca.execute("CREATE TABLE m(x); INSERT INTO m VALUES(5)");
            assertEquals(List.of("5"), column(cb, "SELECT x FROM m"));
        }
        try (Database a = Database.open(":memory:"); Database b = Database.open(":memory:");
                Connection ca = a.connect(); Connection cb = b.connect()) {
            ca.execute("CREATE TABLE m(x)");
            assertThrows(DbException.class, () -> cb.prepare("SELECT * FROM m"));
        }
    }

    @Test
    void backupCopiesTheDatabase() throws Exception {
        Path copy = dir.resolve("copy.db");
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x, y); CREATE INDEX ty ON t(y); INSERT INTO t VALUES(1, 'a'), (2, 'b')");
            c.backupTo(copy.toString());
        }
        assertTrue(Files.size(copy) > 0);
        try (Database db = Database.open(copy.toString()); Connection c = db.connect()) {
            assertEquals(List.of("a", "b"), column(c, "SELECT y FROM t ORDER BY x"));
        }
    }

    @Test
    void connectionsTakeTurnsOnTheLock() throws Exception {
        String path = dir.resolve("locks.db").toString();
        try (Database db = Database.open(path); Connection w = db.connect(); Connection r = db.connect()) {
            w.execute("CREATE TABLE t(x); INSERT INTO t VALUES(1)");
            try (Statement reading = r.prepare("SELECT x FROM t")) {
                assertTrue(reading.step());
                DbException busy = assertThrows(DbException.class, () -> w.execute("INSERT INTO t VALUES(2)"));
                assertEquals(ResultCode.BUSY, busy.primaryCode());
            }
            w.execute("BEGIN; INSERT INTO t VALUES(3)");
            r.setBusyTimeoutMillis(0);
            assertEquals(ResultCode.BUSY, assertThrows(DbException.class,
                    () -> column(r, "SELECT count(*) FROM t")).primaryCode());
            w.execute("COMMIT");
            assertEquals(List.of("2"), column(r, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void concurrentWritersWithBusyTimeoutAllSucceed() throws Exception {
        String path = dir.resolve("threads.db").toString();
        try (Database db = Database.open(path, DatabaseConfig.defaults().withBusyTimeoutMillis(10_000))) {
            try (Connection c = db.connect()) {
                c.execute("CREATE TABLE t(thread, n)");
            }
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int id = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try (Connection c = db.connect(); Statement ins = c.prepare("INSERT INTO t VALUES(?, ?)")) {
                        for (int i = 0; i < 50; i++) {
                            ins.bindLong(1, id).bindLong(2, i);
                            ins.execute();
                            ins.reset();
                            column(c, "SELECT count(*) FROM t");
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(List.of(), errors);
            try (Connection c = db.connect()) {
                assertEquals(List.of("200"), column(c, "SELECT count(*) FROM t"));
            }
        }
    }
}
