package dev.panamax.storage.pager;

import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * SQLite's rollback journal ({@code <db>-journal}, journal_mode=DELETE): before a page of the database file is
 * changed, its original image is appended here; the journal is synced before the database file is written, and
 * deleting it is the commit point. A journal left behind by a crash is "hot" and is played back on the next open.
 *
 * <pre>
 *   header (padded to the sector size, 512 here; a reader uses the size recorded in the header):
 *     0  8  magic d9 d5 05 f9 20 a1 63 d7
 *     8  4  number of records in this segment (0 until the journal is synced)
 *    12  4  checksum nonce
 *    16  4  database size in pages before the transaction
 *    20  4  sector size
 *    24  4  page size
 *   record:  4 page number | page image | 4 checksum (nonce + every 200th byte, from pageSize-200 down)
 *   A journal may hold several header+records segments, each starting on a sector boundary.
 * </pre>
 */
final class RollbackJournal {
    static final long MAGIC = 0xd9d505f920a163d7L;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final int SECTOR_SIZE = 512;

    private final IoBackend io;
    private final String path;
    private final int pageSize;
    private final MemorySegment record;
    private DbFile file;
    private long offset;
    private int nRec;
    private int nonce;

    RollbackJournal(IoBackend io, String dbPath, int pageSize, Arena arena) {
        this.io = io;
        this.path = dbPath + "-journal";
        this.pageSize = pageSize;
        this.record = arena.allocate(pageSize + 8L, 8);
    }

    String path() {
        return path;
    }

    boolean isOpen() {
        return file != null;
    }

    /** Records appended so far. */
    int records() {
        return nRec;
    }

    /** Creates the journal and writes its header; {@code dbOrigSize} is the page count to restore on rollback. */
    void open(int dbOrigSize) throws IOException {
        file = io.open(path, false, true);
        file.truncate(0);
        nonce = io.random().nextInt();
        MemorySegment hdr = Arena.ofAuto().allocate(SECTOR_SIZE);
        hdr.set(U64, 0, MAGIC);
        hdr.set(U32, 8, 0);
        hdr.set(U32, 12, nonce);
        hdr.set(U32, 16, dbOrigSize);
        hdr.set(U32, 20, SECTOR_SIZE);
        hdr.set(U32, 24, pageSize);
        file.write(0, hdr);
        offset = SECTOR_SIZE;
        nRec = 0;
    }

    /** Appends the original image of page {@code pgno} (its file form). */
    void append(int pgno, MemorySegment image) throws IOException {
        record.set(U32, 0, pgno);
        MemorySegment.copy(image, 0, record, 4, pageSize);
        record.set(U32, 4L + pageSize, checksum(nonce, image, pageSize));
        file.write(offset, record);
        offset += record.byteSize();
        nRec++;
    }

    /** Makes the journal durable: records first, then the record count in the header, each synced. */
    void sync() throws IOException {
        file.sync();
        MemorySegment n = Arena.ofAuto().allocate(4);
        n.set(U32, 0, nRec);
        file.write(8, n);
        file.sync();
    }

    /** The commit point: the journal is closed and deleted. */
    void finish() throws IOException {
        if (file != null) {
            file.close();
            file = null;
        }
        io.delete(path);
    }

    /** Closes without deleting (the journal stays hot for the next open). */
    void abandon() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the journal stays on disk either way
            }
            file = null;
        }
    }

    static int checksum(int nonce, MemorySegment image, int pageSize) {
        int sum = nonce;
        for (int i = pageSize - 200; i > 0; i -= 200) {
            sum += image.get(ValueLayout.JAVA_BYTE, i) & 0xff;
        }
        return sum;
    }

    /**
     * Plays a hot journal back into {@code db}: every record with a valid checksum is written to its page, then the
     * file is cut to the size recorded in the first header, synced, and the journal deleted. A journal whose first
     * header is not valid (zeroed by journal_mode=PERSIST, truncated, or empty) is simply deleted.
     *
     * @return true when pages were restored
     */
    static boolean playback(IoBackend io, String dbPath, DbFile db) throws IOException {
        String jpath = dbPath + "-journal";
        if (!io.exists(jpath)) {
            return false;
        }
        boolean restored = false;
        try (DbFile j = io.open(jpath, true, false)) {
            long size = j.size();
            MemorySegment hdr = Arena.ofAuto().allocate(28);
            long off = 0;
            long origSize = -1;
            int pageSize = 0;
            while (off + 28 <= size) {
                if (j.read(off, hdr) < 28 || hdr.get(U64, 0) != MAGIC) {
                    break;
                }
                long nRec = hdr.get(U32, 8) & 0xffffffffL;
                int nonce = hdr.get(U32, 12);
                int sector = hdr.get(U32, 20);
                int ps = hdr.get(U32, 24);
                if (sector < 32 || sector > 65536 || Integer.bitCount(sector) != 1 || ps < 512 || ps > 65536
                        || Integer.bitCount(ps) != 1 || (pageSize != 0 && ps != pageSize)) {
                    break;
                }
                if (origSize < 0) {
                    origSize = hdr.get(U32, 16) & 0xffffffffL;
                    pageSize = ps;
                }
                off += sector;
                if (nRec == 0xffffffffL) {
                    nRec = (size - off) / (pageSize + 8L);
                }
                MemorySegment rec = Arena.ofAuto().allocate(pageSize + 8L);
                long k = 0;
                for (; k < nRec && off + pageSize + 8L <= size; k++, off += pageSize + 8L) {
                    j.read(off, rec);
                    int pgno = rec.get(U32, 0);
                    MemorySegment img = rec.asSlice(4, pageSize);
                    if (rec.get(U32, 4L + pageSize) != checksum(nonce, img, pageSize) || pgno == 0) {
                        break;
                    }
                    db.write((long) (pgno - 1) * pageSize, img);
                    restored = true;
                }
                if (k < nRec) {
                    break;
                }
                off = (off + sector - 1) / sector * sector;
            }
            if (origSize >= 0) {
                db.truncate(origSize * pageSize);
                db.sync();
                restored = true;
            }
        }
        io.delete(jpath);
        return restored;
    }
}
