package dev.panamax.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A prepared statement run again reopens the B-tree cursors of its last run. These runs must see the tree as it is
 * now: after other statements split and merge its pages, after a rollback, after a run abandoned mid-scan, and for
 * write cursors too. Checked against a model of the table.
 */
class CursorReuseTest {

    @Test
    void reopenedCursorsSeeTheTreeAsItIsNow() {
        SplittableRandom rnd = new SplittableRandom(20261124);
        TreeMap<Long, Long> model = new TreeMap<>();
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, pad TEXT)");
            c.execute("CREATE INDEX tk ON t(k)");
            try (Statement point = c.prepare("SELECT k FROM t WHERE id = ?");
                    Statement range = c.prepare("SELECT count(*), sum(id) FROM t WHERE k BETWEEN ? AND ?");
                    Statement scan = c.prepare("SELECT id FROM t ORDER BY id");
                    Statement insert = c.prepare("INSERT OR REPLACE INTO t VALUES (?, ?, ?)");
                    Statement delete = c.prepare("DELETE FROM t WHERE id BETWEEN ? AND ?");
                    Statement update = c.prepare("UPDATE t SET k = k + 1 WHERE id = ?")) {
                for (int round = 0; round < 400; round++) {
                    boolean rollback = round % 7 == 3;
                    TreeMap<Long, Long> before = new TreeMap<>(model);
                    if (rollback) {
                        c.execute("BEGIN");
                    }
                    for (int i = 0; i < 40; i++) {
                        long id = rnd.nextLong(1, 5_000);
                        long k = rnd.nextLong(0, 1_000);
                        insert.reset();
                        insert.bindLong(1, id).bindLong(2, k).bindText(3, "x".repeat(rnd.nextInt(200)));
                        insert.execute();
                        model.put(id, k);
                    }
                    long lo = rnd.nextLong(1, 5_000);
                    long hi = lo + rnd.nextInt(60);
                    delete.reset();
                    delete.bindLong(1, lo).bindLong(2, hi);
                    delete.execute();
                    model.subMap(lo, true, hi, true).clear();
                    long target = rnd.nextLong(1, 5_000);
                    update.reset();
                    update.bindLong(1, target);
                    update.execute();
                    model.computeIfPresent(target, (key, v) -> v + 1);
                    if (rollback) {
                        c.execute("ROLLBACK");
                        model = before;
                    }
                    checkPoint(point, model, rnd.nextLong(1, 5_000));
                    Map.Entry<Long, Long> any = model.isEmpty() ? null : model.ceilingEntry(rnd.nextLong(1, 5_000));
                    if (any != null) {
                        checkPoint(point, model, any.getKey());
                    }
                    checkRange(range, model, rnd.nextLong(0, 1_000));
                    checkScanPrefix(scan, model, 1 + rnd.nextInt(50));
                }
            }
        }
    }

    private static void checkPoint(Statement point, TreeMap<Long, Long> model, long id) {
        point.reset();
        point.bindLong(1, id);
        Long k = model.get(id);
        assertEquals(k != null, point.step(), "row " + id);
        if (k != null) {
            assertEquals(k, point.getLong(0), "k of row " + id);
            assertFalse(point.step());
        }
    }

    private static void checkRange(Statement range, TreeMap<Long, Long> model, long lo) {
        long hi = lo + 20;
        long n = 0;
        long sum = 0;
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            if (e.getValue() >= lo && e.getValue() <= hi) {
                n++;
                sum += e.getKey();
            }
        }
        range.reset();
        range.bindLong(1, lo).bindLong(2, hi);
        assertTrue(range.step());
        assertEquals(n, range.getLong(0), "count for k in [" + lo + ", " + hi + "]");
        if (n > 0) {
            assertEquals(sum, range.getLong(1));
        }
    }

    /** Reads only the first {@code rows} ids, leaving the scan mid-table for the next run to reopen. */
    private static void checkScanPrefix(Statement scan, TreeMap<Long, Long> model, int rows) {
        scan.reset();
        int seen = 0;
        for (long id : model.keySet()) {
            if (seen == rows) {
                break;
            }
            assertTrue(scan.step());
            assertEquals(id, scan.getLong(0));
            seen++;
        }
        if (seen < rows) {
            assertFalse(scan.step());
        }
    }
}
