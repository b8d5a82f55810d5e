package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integrity check finds what SQLite's finds, with SQLite 3.53's texts: each case damages a database sqlite3
 * wrote (tables only, so every message comes from the B-tree check) and compares Panamax's messages with those of
 * {@code PRAGMA integrity_check} run by sqlite-jdbc on the same file.
 */
class IntegrityMessagesTest {
    @TempDir
    Path dir;

    private Path build(String name, String sql) {
        Path p = dir.resolve(name);
        String out = SqliteShell.script(p.toString(), sql);
        assertFalse(out.toLowerCase().contains("error"), out);
        return p;
    }

    private static void patch(Path p, Consumer<byte[]> change) throws Exception {
        byte[] b = Files.readAllBytes(p);
        change.accept(b);
        Files.write(p, b);
    }

    private static List<String> sqlite(Path p) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                for (String line : rs.getString(1).split("\n")) {
                    if (!line.startsWith("*** in database") && !line.equals("ok")) {
                        out.add(line);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> panamax(Path p) {
        try (Btree bt = Btree.open(TestBackends.diskBackend(), p.toString(),
                BtreeConfig.defaults().withReadOnly(true))) {
            Map<String, Integer> roots = SqliteToPanamaxTest.readSchema(bt);
            int[] r = new int[roots.size() + 1];
            r[0] = 1;
            int i = 1;
            for (int root : roots.values()) {
                r[i++] = root;
            }
            return bt.integrityCheck(r, null, 100, null);
        }
    }

    private static void put4(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int get2(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static final String TABLES = """
        PRAGMA page_size=1024;
        CREATE TABLE t(a, b);
        WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM k WHERE i < 400)
        INSERT INTO t SELECT i, randomblob(i % 3 = 0 ? 0 : 20) || zeroblob(CASE WHEN i % 50 = 0 THEN 3000 ELSE 0 END) FROM k;
        DELETE FROM t WHERE a % 7 = 0;
        """.replace("i % 3 = 0 ? 0 : 20", "CASE WHEN i % 3 = 0 THEN 0 ELSE 20 END");

    @Test
    void unusedPage() throws Exception {
        Path p = build("unused.db", TABLES);
        patch(p, b -> {
            int pages = b.length / 1024;
            put4(b, 28, pages + 1);
        });
        byte[] grown = java.util.Arrays.copyOf(Files.readAllBytes(p), (int) Files.size(p) + 1024);
        Files.write(p, grown);
        List<String> expect = sqlite(p);
        assertFalse(expect.isEmpty());
        assertEquals(expect, panamax(p));
    }

    @Test
    void wrongFreelistCount() throws Exception {
        Path p = build("freelist.db", TABLES);
        patch(p, b -> put4(b, 36, ((b[36] & 0xff) << 24 | (b[37] & 0xff) << 16 | (b[38] & 0xff) << 8 | (b[39] & 0xff)) + 2));
        List<String> expect = sqlite(p);
        assertFalse(expect.isEmpty());
        assertEquals(expect, panamax(p));
    }

    @Test
    void rowidsOutOfOrder() throws Exception {
        Path p = build("order.db", TABLES);
        patch(p, b -> {
            for (int page = 2; page * 1024 <= b.length; page++) {
                int off = (page - 1) * 1024;
                if ((b[off] & 0xff) == 13 && get2(b, off + 3) > 3) {
                    int c1 = off + 8;
                    int c2 = off + 10;
                    byte x = b[c1];
                    byte y = b[c1 + 1];
                    b[c1] = b[c2];
                    b[c1 + 1] = b[c2 + 1];
                    b[c2] = x;
                    b[c2 + 1] = y;
                    return;
                }
            }
        });
        List<String> expect = sqlite(p);
        assertFalse(expect.isEmpty());
        assertEquals(expect, panamax(p));
    }

    @Test
    void pageReferencedTwice() throws Exception {
        Path p = build("twice.db", TABLES);
        patch(p, b -> {
            int root = 2;
            int off = (root - 1) * 1024;
            if ((b[off] & 0xff) == 5 && get2(b, off + 3) >= 2) {
                int cell0 = get2(b, off + 12);
                int cell1 = get2(b, off + 14);
                System.arraycopy(b, off + cell0, b, off + cell1, 4);
            }
        });
        List<String> expect = sqlite(p);
        assertFalse(expect.isEmpty());
        assertEquals(expect, panamax(p));
    }
}
