package dev.panamax.storage.format;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The 100-byte database header at the start of page 1 (fileformat2 section 1.3). Static accessors over the bytes of
 * page 1; nothing is cached here, so the header is always what page 1 holds.
 *
 * <pre>
 *   off size field                               off size field
 *    0  16  "SQLite format 3\0"                  44  4   schema format number (1..4)
 *   16   2  page size (1 means 65536)            48  4   default page cache size
 *   18   1  write version (1 legacy, 2 WAL)      52  4   largest root page (auto_vacuum), else 0
 *   19   1  read version  (1 legacy, 2 WAL)      56  4   text encoding (1 UTF-8, 2 UTF-16le, 3 UTF-16be)
 *   20   1  reserved bytes at the end of a page  60  4   user_version
 *   21   1  max embedded payload fraction (64)   64  4   incremental-vacuum flag
 *   22   1  min embedded payload fraction (32)   68  4   application_id
 *   23   1  leaf payload fraction (32)           72  20  reserved, zero
 *   24   4  file change counter                  92  4   version-valid-for (change counter when 28 was set)
 *   28   4  database size in pages               96  4   SQLITE_VERSION_NUMBER of the last writer
 *   32   4  first freelist trunk page
 *   36   4  number of freelist pages
 *   40   4  schema cookie
 * </pre>
 *
 * <p>The meta values of {@code sqlite3BtreeGetMeta} are the ten 4-byte fields from offset 36: meta index {@code i}
 * lives at {@code 36 + 4*i}.
 */
public final class DbHeader {
    private DbHeader() {
    }

    public static final int SIZE = 100;
    public static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    public static final int OFF_PAGE_SIZE = 16;
    public static final int OFF_WRITE_VERSION = 18;
    public static final int OFF_READ_VERSION = 19;
    public static final int OFF_RESERVED = 20;
    public static final int OFF_CHANGE_COUNTER = 24;
    public static final int OFF_PAGE_COUNT = 28;
    public static final int OFF_FREELIST_TRUNK = 32;
    public static final int OFF_FREELIST_COUNT = 36;
    public static final int OFF_VERSION_VALID_FOR = 92;
    public static final int OFF_SQLITE_VERSION = 96;

    /** Meta indexes ({@code sqlite3BtreeGetMeta}): the field at {@code 36 + 4*index}. */
    public static final int META_FREE_PAGE_COUNT = 0;
    public static final int META_SCHEMA_VERSION = 1;
    public static final int META_FILE_FORMAT = 2;
    public static final int META_DEFAULT_CACHE_SIZE = 3;
    public static final int META_LARGEST_ROOT_PAGE = 4;
    public static final int META_TEXT_ENCODING = 5;
    public static final int META_USER_VERSION = 6;
    public static final int META_INCR_VACUUM = 7;
    public static final int META_APPLICATION_ID = 8;
    public static final int META_COUNT = 10;

    /** The version number Panamax writes at offset 96: the SQLite release whose format it follows. */
    public static final int WRITER_VERSION_NUMBER = 3053004;

    public static int metaOffset(int index) {
        return OFF_FREELIST_COUNT + 4 * index;
    }

    public static int meta(MemorySegment page1, int index) {
        return Bytes.get4(page1, metaOffset(index));
    }

    public static void setMeta(MemorySegment page1, int index, int value) {
        Bytes.put4(page1, metaOffset(index), value);
    }

    /** The page size in bytes stored in the header (1 reads as 65536); not validated. */
    public static int pageSizeBytes(MemorySegment page1) {
        int v = Bytes.get2(page1, OFF_PAGE_SIZE);
        return v == 1 ? 65536 : v;
    }

    public static int reservedBytes(MemorySegment page1) {
        return Bytes.get1(page1, OFF_RESERVED);
    }

    public static int pageCount(MemorySegment page1) {
        return Bytes.get4(page1, OFF_PAGE_COUNT);
    }

    public static int changeCounter(MemorySegment page1) {
        return Bytes.get4(page1, OFF_CHANGE_COUNTER);
    }

    public static int freelistTrunk(MemorySegment page1) {
        return Bytes.get4(page1, OFF_FREELIST_TRUNK);
    }

    public static int freelistCount(MemorySegment page1) {
        return Bytes.get4(page1, OFF_FREELIST_COUNT);
    }

    /** True when {@code n} is a legal page size: a power of two in 512..65536. */
    public static boolean isValidPageSize(int n) {
        return n >= 512 && n <= 65536 && Integer.bitCount(n) == 1;
    }

    /**
     * Checks the fields SQLite checks before it trusts a file (lockBtree): magic, page size, read version, payload
     * fractions, usable size, text encoding.
     *
     * @throws DbException NOTADB with SQLite's text when the header does not describe a database Panamax can read
     */
    public static void validate(MemorySegment page1) {
        if (page1.byteSize() < SIZE) {
            throw notADb();
        }
        for (int k = 0; k < MAGIC.length; k++) {
            if (Bytes.get1(page1, k) != (MAGIC[k] & 0xff)) {
                throw notADb();
            }
        }
        int pageSize = pageSizeBytes(page1);
        if (!isValidPageSize(pageSize)) {
            throw notADb();
        }
        if (Bytes.get1(page1, OFF_READ_VERSION) > 2) {
            throw notADb();
        }
        if (Bytes.get1(page1, 21) != 64 || Bytes.get1(page1, 22) != 32 || Bytes.get1(page1, 23) != 32) {
            throw notADb();
        }
        if (pageSize - reservedBytes(page1) < 480) {
            throw notADb();
        }
        int enc = meta(page1, META_TEXT_ENCODING);
        if (enc < 0 || enc > 3) {
            throw notADb();
        }
    }

    /** The page count to trust: the header's when it is valid (SQLite's rule), else derived from the file size. */
    public static int effectivePageCount(MemorySegment page1, long fileSizeBytes) {
        int fromFile = (int) Math.min(Integer.MAX_VALUE, (fileSizeBytes + pageSizeBytes(page1) - 1)
                / pageSizeBytes(page1));
        int inHeader = pageCount(page1);
        boolean valid = inHeader != 0 && changeCounter(page1) == Bytes.get4(page1, OFF_VERSION_VALID_FOR);
        return valid ? inHeader : fromFile;
    }

    /**
     * Writes a fresh header: what a new database gets when its first page is written (SQLite's newDatabase plus the
     * fields the first CREATE sets).
     */
    public static void initialize(MemorySegment page1, int pageSizeBytes, int reservedBytes, boolean autoVacuum,
                                  boolean incrementalVacuum, TextEncoding encoding) {
        page1.asSlice(0, SIZE).fill((byte) 0);
        MemorySegment.copy(MemorySegment.ofArray(MAGIC), 0, page1, 0, MAGIC.length);
        Bytes.put2(page1, OFF_PAGE_SIZE, pageSizeBytes == 65536 ? 1 : pageSizeBytes);
        Bytes.put1(page1, OFF_WRITE_VERSION, 1);
        Bytes.put1(page1, OFF_READ_VERSION, 1);
        Bytes.put1(page1, OFF_RESERVED, reservedBytes);
        Bytes.put1(page1, 21, 64);
        Bytes.put1(page1, 22, 32);
        Bytes.put1(page1, 23, 32);
        setMeta(page1, META_FILE_FORMAT, 4);
        setMeta(page1, META_TEXT_ENCODING, encoding.code());
        setMeta(page1, META_LARGEST_ROOT_PAGE, autoVacuum ? 1 : 0);
        setMeta(page1, META_INCR_VACUUM, incrementalVacuum ? 1 : 0);
        Bytes.put4(page1, OFF_SQLITE_VERSION, WRITER_VERSION_NUMBER);
    }

    private static DbException notADb() {
        return new DbException(ResultCode.NOTADB, "file is not a database");
    }
}
