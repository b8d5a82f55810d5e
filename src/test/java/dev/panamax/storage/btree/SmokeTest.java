package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.panamax.io.FileBackend;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.value.Mem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void insertScanDelete() throws Exception {
        String path = dir.resolve("a.db").toString();
        try (Btree bt = Btree.open(new FileBackend(), path, BtreeConfig.defaults().withPageSize(1024))) {
            bt.beginWrite();
            int root = bt.createTree(Btree.CREATE_TABLE);
            RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
            Mem[] m = {new Mem(), new Mem()};
            try (BtCursor c = bt.cursor(root, true, null)) {
                for (int i = 1; i <= 20000; i++) {
                    m[0].setLong(i);
                    m[1].setText("row " + i);
                    byte[] rec = enc.encode(m, 0, 2);
                    c.insert(i, rec, 0, enc.length(), true);
                }
            }
            bt.commit();
            System.out.println("pages " + bt.pageCount());
            List<String> ic = bt.integrityCheck(new int[] {1, root}, null, 100, null);
            assertEquals(List.of(), ic);
            try (BtCursor c = bt.cursor(root, false, null)) {
                long n = 0;
                Mem out = new Mem();
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    n++;
                    assertEquals(n, c.rowid());
                    c.column(1, out);
                    assertEquals("row " + n, out.textValue());
                }
                assertEquals(20000, n);
                assertEquals(0, c.seekRowid(777));
                assertEquals(777, c.rowid());
            }
            bt.beginWrite();
            try (BtCursor c = bt.cursor(root, true, null)) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    if (c.rowid() % 3 != 0) {
                        c.delete();
                    }
                }
            }
            bt.commit();
            ic = bt.integrityCheck(new int[] {1, root}, null, 100, null);
            assertEquals(List.of(), ic);
            try (BtCursor c = bt.cursor(root, false, null)) {
                assertEquals(20000 / 3, c.count());
            }
        }
        System.out.println(Files.size(Path.of(path)));
    }
}
