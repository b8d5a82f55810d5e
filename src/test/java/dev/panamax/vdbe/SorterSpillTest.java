package dev.panamax.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sort larger than the sorter's memory spills sorted runs to temporary files and merges them, stably. */
class SorterSpillTest {
    private final long saved = Sorter.spillThresholdBytes;

    @AfterEach
    void restore() {
        Sorter.spillThresholdBytes = saved;
    }

    @Test
    void largeSortSpillsAndMergesInOrder() {
        Sorter.spillThresholdBytes = 64 << 10;
        long runsBefore = Sorter.RUNS_WRITTEN.get();
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(k INTEGER, seq INTEGER, pad TEXT)");
            try (Statement ins = c.prepare("INSERT INTO t VALUES(?, ?, ?)")) {
                c.execute("BEGIN");
                for (int i = 0; i < 60_000; i++) {
                    ins.bindLong(1, (i * 7919L) % 1000).bindLong(2, i).bindText(3, "row-" + i);
                    ins.execute();
                    ins.reset();
                }
                c.execute("COMMIT");
            }
            try (Statement s = c.prepare("SELECT k, seq FROM t ORDER BY k")) {
                long prevK = -1;
                long prevSeq = -1;
                int n = 0;
                while (s.step()) {
                    long k = s.getLong(0);
                    long seq = s.getLong(1);
                    assertTrue(k > prevK || (k == prevK && seq > prevSeq), "order broken at row " + n);
                    prevK = k;
                    prevSeq = seq;
                    n++;
                }
                assertEquals(60_000, n);
            }
        }
        assertTrue(Sorter.RUNS_WRITTEN.get() - runsBefore >= 2, "the sort did not spill");
    }
}
