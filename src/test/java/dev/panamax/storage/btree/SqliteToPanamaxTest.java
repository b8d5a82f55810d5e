package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import dev.panamax.value.Mem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases written by the {@code sqlite3} shell, read through Panamax cursors and compared value by value with
 * sqlite-jdbc reading the same file; Panamax's integrity check must pass on them. Covers page sizes, VACUUM,
 * auto_vacuum FULL and INCREMENTAL, UTF-16le/be, overflow payloads up to 1 MiB, freelists, DESC and NOCASE
 * indexes. For auto_vacuum databases Panamax then writes (inserts, deletes, creates and drops trees, moving roots)
 * and sqlite3's integrity_check must still print ok. The million-row files shrink by {@code panamax.test.sizeDivisor}
 * in the run over a second backend.
 */
class SqliteToPanamaxTest {
    @TempDir
    Path dir;

    /** Index definitions the script creates, with the KeyInfo Panamax needs to order them. */
    private static final Map<String, KeyInfo> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put("t_b", keyInfo(new Collation[] {null, null}, new byte[] {0, 0}));
        INDEXES.put("t_ab", keyInfo(new Collation[] {null, null, null}, new byte[] {KeyInfo.SORT_DESC, 0, 0}));
        INDEXES.put("u_s", keyInfo(new Collation[] {Collations.NOCASE, null}, new byte[] {0, 0}));
    }

    private static KeyInfo keyInfo(Collation[] c, byte[] flags) {
        return new KeyInfo(c, flags, c.length - 1, TextEncoding.UTF8);
    }

    @ParameterizedTest
    @CsvSource({
        "512,NONE,UTF-8,false,3000,97,13",
        "4096,NONE,UTF-8,true,3000,97,13",
        "65536,NONE,UTF-8,false,3000,97,13",
        "1024,FULL,UTF-8,false,3000,97,13",
        "4096,INCREMENTAL,UTF-8,false,3000,97,13",
        "2048,NONE,UTF-16le,false,3000,97,13",
        "4096,FULL,UTF-16be,true,3000,97,13",
        "512,NONE,UTF-8,false,1000000,100003,4999",
        "4096,NONE,UTF-8,true,1000000,100003,4999",
        "65536,NONE,UTF-8,false,1000000,100003,4999",
    })
    void readsWhatSqliteWrote(int pageSize, String autoVacuum, String encoding, boolean vacuum, int rows,
            int mibEvery, int largeEvery) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestBackends.realFiles(), "sqlite3 writes a real file");
        String path = dir.resolve("s.db").toString();
        StringBuilder sql = new StringBuilder();
        sql.append("PRAGMA page_size=").append(pageSize).append(";\n");
        sql.append("PRAGMA auto_vacuum=").append(autoVacuum).append(";\n");
        sql.append("PRAGMA encoding='").append(encoding).append("';\n");
        sql.append("""
            CREATE TABLE t(a, b, c);
            CREATE TABLE u(s TEXT, n INTEGER, r REAL);
            CREATE INDEX t_b ON t(b);
            CREATE INDEX t_ab ON t(a DESC, b);
            CREATE INDEX u_s ON u(s COLLATE NOCASE);
            WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM k WHERE i < %d)
            INSERT INTO t SELECT
              CASE i %% 5 WHEN 0 THEN NULL WHEN 1 THEN i * 7919 - 11000000 WHEN 2 THEN i * 1.25e10
                WHEN 3 THEN 'x' || i || char(233, 20013, 128512) ELSE randomblob(i %% 17) END,
              CASE i %% 3 WHEN 0 THEN hex(randomblob(i %% 40)) WHEN 1 THEN i ELSE -i / 3.0 END,
              CASE WHEN i %% %d = 0 THEN randomblob(1048576) WHEN i %% %d = 0 THEN randomblob(abs(random()) %% 70000)
                WHEN i %% 4 = 0 THEN NULL ELSE randomblob(abs(random()) %% 300) END
            FROM k;
            """.formatted(rows < 1_000_000 ? rows : TestBackends.size(rows), mibEvery, largeEvery));
        sql.append("""
            WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM k WHERE i < 2000)
            INSERT INTO u SELECT
              CASE i % 4 WHEN 0 THEN 'Abc' || (i % 50) WHEN 1 THEN 'aBC' || (i % 50) WHEN 2 THEN char(65 + i % 26) || hex(randomblob(i % 500))
                ELSE 'ü' || i END,
              (i * 2654435761) % 4294967296 - 2147483648, i / 7.0
            FROM k;
            DELETE FROM t WHERE rowid % 3 = 0 OR rowid % 10 IN (1, 2, 4, 5, 7);
            DELETE FROM u WHERE rowid % 5 = 1;
            """);
        if (vacuum) {
            sql.append("VACUUM;\n");
        }
        if (autoVacuum.equals("INCREMENTAL")) {
            sql.append("PRAGMA incremental_vacuum(7);\n");
        }
        String out = SqliteShell.script(path, sql.toString());
        assertFalse(out.toLowerCase().contains("error"), out);
        try (Btree bt = Btree.open(TestBackends.backend(), path, BtreeConfig.defaults())) {
            assertEquals(pageSize, bt.pageSizeBytes());
            assertEquals(TextEncoding.ofCode(switch (encoding) {
                case "UTF-16le" -> 2;
                case "UTF-16be" -> 3;
                default -> 1;
            }), bt.encoding());
            assertEquals(AutoVacuumMode.valueOf(autoVacuum), bt.autoVacuumMode());
            Map<String, Integer> roots = readSchema(bt);
            compareTable(bt, path, "t", roots.get("t"), 3);
            compareTable(bt, path, "u", roots.get("u"), 3);
            compareIndex(bt, path, roots.get("t_b"), INDEXES.get("t_b"), "SELECT b, rowid FROM t ORDER BY b, rowid");
            compareIndex(bt, path, roots.get("t_ab"), INDEXES.get("t_ab"),
                    "SELECT a, b, rowid FROM t ORDER BY a DESC, b, rowid");
            compareIndex(bt, path, roots.get("u_s"), INDEXES.get("u_s"),
                    "SELECT s, rowid FROM u ORDER BY s COLLATE NOCASE, rowid");
            assertEquals(List.of(), check(bt, roots));
        }
        if (!autoVacuum.equals("NONE")) {
            writeIntoAutoVacuum(path);
        }
    }

    private static List<String> check(Btree bt, Map<String, Integer> roots) {
        int[] r = new int[roots.size() + 1];
        KeyInfo[] k = new KeyInfo[r.length];
        r[0] = 1;
        int i = 1;
        for (Map.Entry<String, Integer> e : roots.entrySet()) {
            r[i] = e.getValue();
            k[i] = INDEXES.get(e.getKey());
            i++;
        }
        return bt.integrityCheck(r, k, 100, null);
    }

    /** name -> root page, from sqlite_schema read through a cursor. */
    static Map<String, Integer> readSchema(Btree bt) {
        Map<String, Integer> roots = new LinkedHashMap<>();
        Mem name = new Mem();
        Mem root = new Mem();
        try (BtCursor c = bt.cursor(1, false, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(1, name);
                c.column(3, root);
                roots.put(name.type() == Mem.TEXT ? name.textValue() : name.toString(), (int) root.longValue());
            }
        }
        bt.commit();
        return roots;
    }

    private static void compareTable(Btree bt, String path, String table, int root, int cols) throws Exception {
        Mem m = new Mem();
        long n = 0;
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, * FROM " + table + " ORDER BY rowid");
             BtCursor c = bt.cursor(root, false, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                assertTrue(rs.next(), table + " has more rows in Panamax");
                assertEquals(rs.getLong(1), c.rowid());
                for (int i = 0; i < cols; i++) {
                    c.column(i, m);
                    assertValue(rs.getObject(i + 2), m, table + " rowid " + c.rowid() + " col " + i);
                }
                n++;
            }
            assertFalse(rs.next(), table + " has fewer rows in Panamax");
            assertEquals(n, c.count());
        }
        bt.commit();
    }

    private static void assertValue(Object expect, Mem m, String ctx) {
        if (expect == null) {
            assertTrue(m.isNull(), ctx + ": " + m);
        } else if (expect instanceof Integer || expect instanceof Long) {
            assertEquals(Mem.INTEGER, m.type(), ctx);
            assertEquals(((Number) expect).longValue(), m.longValue(), ctx);
        } else if (expect instanceof Double d) {
            if (m.type() == Mem.INTEGER) {
                // SQLite stores an integral value of a REAL column as an integer; the VDBE's REAL affinity
                // (OP_RealAffinity) turns it back into a REAL, the storage layer returns what is stored
                assertEquals(d, (double) m.longValue(), ctx);
            } else {
                assertEquals(Mem.REAL, m.type(), ctx);
                assertEquals(d, m.doubleValue(), ctx);
            }
        } else if (expect instanceof String s) {
            assertEquals(Mem.TEXT, m.type(), ctx);
            assertEquals(s, m.textValue(), ctx);
        } else {
            assertEquals(Mem.BLOB, m.type(), ctx);
            assertArrayEquals((byte[]) expect, m.copyBytes(), ctx);
        }
    }

    private static void compareIndex(Btree bt, String path, int root, KeyInfo ki, String query) throws Exception {
        Mem m = new Mem();
        KeyInfo k = ki.withEncoding(bt.encoding());
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(query);
             BtCursor c = bt.cursor(root, false, k)) {
            int cols = rs.getMetaData().getColumnCount();
            for (boolean ok = c.first(); ok; ok = c.next()) {
                assertTrue(rs.next(), query);
                for (int i = 0; i < cols; i++) {
                    c.column(i, m);
                    assertValue(rs.getObject(i + 1), m, query + " col " + i);
                }
            }
            assertFalse(rs.next(), query);
        }
        bt.commit();
    }

    /** Panamax writes into an auto_vacuum database sqlite3 made; sqlite3 must still find it consistent. */
    private void writeIntoAutoVacuum(String path) {
        long before = Long.parseLong(SqliteShell.run(path, "SELECT count(*) FROM u"));
        try (Btree bt = Btree.open(TestBackends.backend(), path, BtreeConfig.defaults())) {
            Map<String, Integer> roots = readSchema(bt);
            bt.beginWrite();
            RecordEncoder enc = new RecordEncoder(bt.encoding(), true);
            Mem[] row = {new Mem(), new Mem(), new Mem()};
            KeyInfo ki = INDEXES.get("u_s").withEncoding(bt.encoding());
            try (BtCursor u = bt.cursor(roots.get("u"), true, null);
                 BtCursor us = bt.cursor(roots.get("u_s"), true, ki)) {
                long rowid = u.last() ? u.rowid() : 0;
                for (int i = 0; i < 500; i++) {
                    rowid++;
                    row[0].setText("pmx" + i + "é".repeat(i % 300));
                    row[1].setLong(i);
                    row[2].setDouble(i + 0.5);
                    byte[] rec = enc.encode(row, 0, 3);
                    u.insert(rowid, rec, 0, enc.length(), true);
                    Mem[] key = {row[0], new Mem()};
                    key[1].setLong(rowid);
                    byte[] k = enc.encode(key, 0, 2);
                    us.insertKey(k, 0, enc.length());
                }
            }
            int scratch = bt.createTree(Btree.CREATE_TABLE);
            try (BtCursor s = bt.cursor(scratch, true, null)) {
                byte[] big = new byte[200_000];
                row[0].setBlob(big, 0, big.length);
                byte[] rec = enc.encode(row, 0, 1);
                s.insert(1, rec, 0, enc.length(), false);
            }
            int tb = roots.get("t_b");
            int moved = bt.dropTree(tb);
            deleteSchemaRow(bt, "t_b");
            if (moved == scratch) {
                scratch = tb;
            } else if (moved != 0) {
                updateSchemaRoot(bt, moved, tb);
            }
            moved = bt.dropTree(scratch);
            if (moved != 0) {
                updateSchemaRoot(bt, moved, scratch);
            }
            bt.updateMeta(DbHeader.META_SCHEMA_VERSION, bt.getMeta(DbHeader.META_SCHEMA_VERSION) + 1);
            bt.commit();
            if (bt.autoVacuumMode() == AutoVacuumMode.INCREMENTAL) {
                bt.beginWrite();
                while (bt.incrementalVacuumStep()) {
                    assertTrue(bt.pageCount() > 0);
                }
                bt.commit();
                assertEquals(0, bt.freelistCount());
            } else {
                assertEquals(0, bt.freelistCount());
            }
            Map<String, Integer> after = readSchema(bt);
            assertEquals(List.of(), check(bt, after));
        }
        assertEquals("ok", SqliteShell.run(path, "PRAGMA integrity_check"));
        assertEquals(Long.toString(before + 500), SqliteShell.run(path, "SELECT count(*) FROM u"));
        assertEquals("500", SqliteShell.run(path, "SELECT count(*) FROM u WHERE s LIKE 'pmx%'"));
    }

    private static void deleteSchemaRow(Btree bt, String name) {
        Mem m = new Mem();
        try (BtCursor c = bt.cursor(1, true, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(1, m);
                if (m.textValue().equals(name)) {
                    c.delete();
                    return;
                }
            }
        }
        throw new AssertionError("no schema row " + name);
    }

    private static void updateSchemaRoot(Btree bt, int from, int to) {
        Mem[] m = {new Mem(), new Mem(), new Mem(), new Mem(), new Mem()};
        RecordEncoder enc = new RecordEncoder(bt.encoding(), true);
        List<Long> done = new ArrayList<>();
        try (BtCursor c = bt.cursor(1, true, null)) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                c.column(3, m[3]);
                if (m[3].longValue() == from) {
                    for (int i = 0; i < 5; i++) {
                        c.column(i, m[i]);
                    }
                    m[3].setLong(to);
                    byte[] rec = enc.encode(m, 0, 5);
                    long rowid = c.rowid();
                    c.insert(rowid, rec, 0, enc.length(), false);
                    done.add(rowid);
                    break;
                }
            }
        }
        assertEquals(1, done.size(), "schema row with root " + from);
    }
}
