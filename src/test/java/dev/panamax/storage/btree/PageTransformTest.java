package dev.panamax.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.PageTransform;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-transform hook: every page image is transformed on its way to the file (database and journal) and back,
 * the transform keeps its data in the reserved tail (header byte 20), the cache holds plaintext, and a page that
 * fails the transform's check is reported as CORRUPT naming the page.
 */
class PageTransformTest {
    /** XORs the page (except page 1's 100-byte header) and keeps a checksum of the plaintext in the tail. */
    static final class XorChecksum implements PageTransform {
        static final int TAIL = 8;

        @Override
        public int reservedBytes() {
            return TAIL;
        }

        @Override
        public void decode(int pgno, MemorySegment page) {
            int n = (int) page.byteSize();
            int from = pgno == 1 ? 100 : 0;
            for (int i = from; i < n - TAIL; i++) {
                page.set(ValueLayout.JAVA_BYTE, i, (byte) (page.get(ValueLayout.JAVA_BYTE, i) ^ 0x5a));
            }
            if (Bytes.get4(page, n - TAIL) != sum(page, from, n - TAIL)) {
                throw Corrupt.page(pgno, "page does not authenticate");
            }
        }

        @Override
        public void encode(int pgno, MemorySegment src, MemorySegment dst) {
            int n = (int) src.byteSize();
            int from = pgno == 1 ? 100 : 0;
            MemorySegment.copy(src, 0, dst, 0, n);
            Bytes.put4(dst, n - TAIL, sum(src, from, n - TAIL));
            for (int i = from; i < n - TAIL; i++) {
                dst.set(ValueLayout.JAVA_BYTE, i, (byte) (src.get(ValueLayout.JAVA_BYTE, i) ^ 0x5a));
            }
        }

        private static int sum(MemorySegment s, int from, int to) {
            int h = 17;
            for (int i = from; i < to; i++) {
                h = h * 31 + s.get(ValueLayout.JAVA_BYTE, i);
            }
            return h;
        }
    }

    @TempDir
    Path dir;

    @Test
    void pagesRoundTripThroughTheTransform() {
        IoBackend io = TestBackends.selectedOr(HeapBackend::new);
        String path = dir.resolve("t.db").toString();
        BtreeConfig cfg = BtreeConfig.defaults().withPageSize(1024).withTransform(new XorChecksum());
        int root;
        try (Btree bt = Btree.open(io, path, cfg)) {
            assertEquals(XorChecksum.TAIL, bt.reservedBytes());
            bt.beginWrite();
            root = bt.createTree(Btree.CREATE_TABLE);
            RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
            Mem[] m = {new Mem()};
            try (BtCursor c = bt.cursor(root, true, null)) {
                for (long i = 1; i <= 2000; i++) {
                    m[0].setText("row " + i + " " + "t".repeat((int) (i % 1500)));
                    byte[] rec = enc.encode(m, 0, 1);
                    c.insert(i, rec, 0, enc.length(), true);
                }
            }
            bt.commit();
            bt.beginWrite();
            try (BtCursor c = bt.cursor(root, true, null)) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    if (c.rowid() % 2 == 0) {
                        c.delete();
                    }
                }
            }
            bt.rollback();
        }
        byte[] file = TestBackends.readAll(io, path);
        assertEquals(XorChecksum.TAIL, file[20] & 0xff, "reserved bytes in the header (byte 20)");
        try (Btree bt = Btree.open(io, path, cfg)) {
            Mem m = new Mem();
            long n = 0;
            try (BtCursor c = bt.cursor(root, false, null)) {
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    n++;
                    c.column(0, m);
                    assertTrue(m.textValue().startsWith("row " + c.rowid() + " "));
                }
            }
            assertEquals(2000, n);
            assertEquals(List.of(), bt.integrityCheck(new int[] {1, root}, null, 100, null));
        }
        int page = 5;
        file[(page - 1) * 1024 + 300] ^= 1;
        TestBackends.writeAll(io, path, file);
        try (Btree bt = Btree.open(io, path, cfg)) {
            DbException e = assertThrows(DbException.class, () -> {
                try (BtCursor c = bt.cursor(root, false, null)) {
                    for (boolean ok = c.first(); ok; ok = c.next()) {
                        c.payloadSize();
                    }
                }
            });
            assertEquals(ResultCode.CORRUPT, e.code());
            assertTrue(e.getMessage().contains("page 5"), e.getMessage());
        }
    }
}
