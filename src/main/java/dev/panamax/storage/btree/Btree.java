package dev.panamax.storage.btree;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.Page;
import dev.panamax.storage.pager.Pager;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One open database as a set of B-trees (SQLite's Btree/BtShared): transactions, savepoints, the header's meta
 * values, creating and dropping trees, cursors, and the integrity check. The entry point of the storage layer for
 * the VDBE.
 *
 * <p>Usage: {@link #open}, then per statement {@link #beginRead()} or {@link #beginWrite()}, cursors from
 * {@link #cursor}, and {@link #commit()} or {@link #rollback()}. Statement atomicity uses savepoints:
 * {@link #openSavepoints}, {@link #releaseSavepoint}, {@link #rollbackToSavepoint}. Page 1 is the root of
 * {@code sqlite_schema} (a table tree that exists in every database).
 *
 * <p>Errors are {@link DbException}s: CORRUPT (naming the page) for malformed content, NOTADB for a bad header,
 * IOERR_* for I/O failures, READONLY for writes to a read-only database, MISUSE for calls out of order.
 *
 * <p>Not thread-safe: one connection drives a Btree at a time.
 */
public final class Btree implements AutoCloseable {
    /** {@link #createTree} flag: a table (intkey) tree, rows keyed by rowid. */
    public static final int CREATE_TABLE = 1;
    /** {@link #createTree} flag: an index tree, keyed by record. */
    public static final int CREATE_INDEX = 2;
    /** Cursors never go deeper than this (SQLite's BTCURSOR_MAX_DEPTH); deeper means a cycle or corruption. */
    static final int MAX_DEPTH = 20;
    /** The page holding the byte at offset 2^30 is never used (SQLite's PENDING_BYTE page). */
    static final long PENDING_BYTE = 0x40000000L;

    final Pager pager;
    private final BtreeConfig config;
    final boolean readOnly;
    int pageSize;
    int usableSize;
    int maxLocal;
    int minLocal;
    int maxLeaf;
    int minLeaf;
    boolean autoVacuum;
    boolean incrVacuum;
    TextEncoding encoding;
    boolean constInts = true;
    private MemorySegment scratchPage;
    BtCursor cursors;
    final FreeList freeList = new FreeList(this);
    private Balancer balancer;
    private boolean inWrite;

    private Btree(Pager pager, BtreeConfig config) {
        this.pager = pager;
        this.config = config;
        this.readOnly = config.readOnly();
        this.encoding = config.encoding();
        this.autoVacuum = config.autoVacuum() != AutoVacuumMode.NONE;
        this.incrVacuum = config.autoVacuum() == AutoVacuumMode.INCREMENTAL;
        setSizes(pager.pageSizeBytes(), pager.usableSizeBytes());
    }

    /**
     * Opens (or creates) the database file at {@code path}; a null path opens a private in-memory database. A hot
     * journal left by a crash is rolled back. Reads the header to learn the page size, encoding and auto_vacuum mode.
     *
     * @throws DbException CANTOPEN, NOTADB, CORRUPT, IOERR_*
     */
    public static Btree open(IoBackend io, String path, BtreeConfig config) {
        int reserved = Math.max(config.reservedBytes(), config.transform().reservedBytes());
        Pager pager = Pager.open(io, path, config.readOnly(), !config.readOnly(), config.pageSizeBytes(), reserved,
                config.cacheBudget(), config.transform());
        Btree bt = new Btree(pager, config);
        try {
            bt.beginRead();
            bt.endReadIfIdle();
        } catch (RuntimeException e) {
            bt.close();
            throw e;
        }
        return bt;
    }

    /** Opens a private in-memory database (SQLite's ":memory:"). */
    public static Btree openMemory(IoBackend io, BtreeConfig config) {
        return open(io, null, config);
    }

    private void setSizes(int pageSizeBytes, int usable) {
        this.pageSize = pageSizeBytes;
        this.usableSize = usable;
        this.maxLocal = (usable - 12) * 64 / 255 - 23;
        this.minLocal = (usable - 12) * 32 / 255 - 23;
        this.maxLeaf = usable - 35;
        this.minLeaf = (usable - 12) * 32 / 255 - 23;
        if (scratchPage != null && scratchPage.byteSize() < pageSizeBytes) {
            scratchPage = null;
        }
    }

    // ------------------------------------------------------------------ properties

    public int pageSizeBytes() {
        return pageSize;
    }

    /** Page size minus the reserved bytes per page. */
    public int usableSizeBytes() {
        return usableSize;
    }

    public int reservedBytes() {
        return pageSize - usableSize;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    public AutoVacuumMode autoVacuumMode() {
        return !autoVacuum ? AutoVacuumMode.NONE : incrVacuum ? AutoVacuumMode.INCREMENTAL : AutoVacuumMode.FULL;
    }

    public boolean isMemory() {
        return pager.isMemory();
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Pages in the database as the current transaction sees it (SQLite's btreePagecount). */
    public int pageCount() {
        ensureRead();
        return pager.pageCount();
    }

    /** Pages on the freelist (header offset 36). */
    public int freelistCount() {
        return getMeta(DbHeader.META_FREE_PAGE_COUNT);
    }

    /** The pager, for tests and tools. */
    public Pager pager() {
        return pager;
    }

    /** Whether serial types 8 and 9 may be written (schema format 4). */
    public boolean constIntSerialTypes() {
        return constInts;
    }

    // ------------------------------------------------------------------ transactions

    /** Transaction states as SQLite's sqlite3BtreeTxnState reports them. */
    public enum TxnState { NONE, READ, WRITE }

    public TxnState txnState() {
        return switch (pager.state()) {
            case NONE -> TxnState.NONE;
            case READ -> TxnState.READ;
            default -> TxnState.WRITE;
        };
    }

    /** Starts a read transaction (no-op when one is open); reloads the header if another writer changed the file. */
    public void beginRead() {
        if (pager.state() != Pager.State.NONE) {
            return;
        }
        pager.beginRead();
        loadHeader();
    }

    private void ensureRead() {
        if (pager.state() == Pager.State.NONE) {
            beginRead();
        }
    }

    private void endReadIfIdle() {
        if (pager.state() == Pager.State.READ) {
            pager.endRead();
        }
    }

    /** Starts a write transaction; a new database gets its page 1 (header and empty sqlite_schema) here. */
    public void beginWrite() {
        if (readOnly) {
            throw new DbException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        if (pager.state() == Pager.State.WRITE) {
            return;
        }
        beginRead();
        pager.beginWrite();
        inWrite = true;
        if (pager.pageCount() == 0) {
            newDatabase();
        }
    }

    /** Commits the write transaction (running auto_vacuum first in FULL mode), or ends a read transaction. */
    public void commit() {
        if (pager.state() == Pager.State.WRITE) {
            saveAllCursors(0, null);
            try {
                if (autoVacuum && !incrVacuum) {
                    AutoVacuum.commit(this);
                }
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        }
        pager.commit();
        inWrite = false;
        pager.endRead();
    }

    /**
     * Abandons the transaction. Write cursors are invalidated (they report ABORT_ROLLBACK); read cursors keep their
     * position by key and re-seek on next use, as in SQLite.
     */
    public void rollback() {
        for (BtCursor c = cursors; c != null; c = c.nextCursor) {
            if (c.isWriteCursor()) {
                c.trip();
            } else {
                c.savePosition();
            }
        }
        pager.rollback();
        inWrite = false;
        pager.endRead();
        loadHeaderQuietly();
    }

    /** Opens savepoints until {@code n} are open; needs a write transaction. */
    public void openSavepoints(int n) {
        pager.openSavepoints(n);
    }

    public int savepointCount() {
        return pager.savepointCount();
    }

    /** Releases savepoint {@code i} and the newer ones (their changes stay in the transaction). */
    public void releaseSavepoint(int i) {
        pager.releaseSavepoint(i);
    }

    /**
     * Rolls back the changes made since savepoint {@code i} opened; it stays open. Cursors keep their positions by
     * key and re-seek on next use.
     */
    public void rollbackToSavepoint(int i) {
        saveAllCursors(0, null);
        pager.rollbackToSavepoint(i);
        loadHeaderQuietly();
    }

    private void newDatabase() {
        Page p1 = pager.get(1);
        try {
            pager.write(p1);
            AutoVacuumMode av = config.autoVacuum();
            DbHeader.initialize(p1.data(), pageSize, pageSize - usableSize, av != AutoVacuumMode.NONE,
                    av == AutoVacuumMode.INCREMENTAL, config.encoding());
            MemPage m = memPage(p1);
            m.zero(MemPage.TABLE_LEAF);
            encoding = config.encoding();
            autoVacuum = av != AutoVacuumMode.NONE;
            incrVacuum = av == AutoVacuumMode.INCREMENTAL;
        } finally {
            pager.release(p1);
        }
        pager.setPageCount(1);
    }

    private void loadHeaderQuietly() {
        if (pager.state() == Pager.State.NONE && pager.isMemory()) {
            return;
        }
        ensureRead();
        loadHeader();
    }

    /** Reads the settings of an existing database from page 1 (lockBtree). */
    private void loadHeader() {
        if (pager.pageCount() == 0) {
            return;
        }
        Page p1 = pager.get(1);
        try {
            MemorySegment d = p1.data();
            DbHeader.validate(d);
            if (DbHeader.pageSizeBytes(d) != pageSize) {
                throw Corrupt.page(1, "page size changed");
            }
            setSizes(pageSize, pageSize - DbHeader.reservedBytes(d));
            autoVacuum = DbHeader.meta(d, DbHeader.META_LARGEST_ROOT_PAGE) != 0;
            incrVacuum = DbHeader.meta(d, DbHeader.META_INCR_VACUUM) != 0;
            int enc = DbHeader.meta(d, DbHeader.META_TEXT_ENCODING);
            encoding = enc == 0 ? config.encoding() : TextEncoding.ofCode(enc);
            int format = DbHeader.meta(d, DbHeader.META_FILE_FORMAT);
            constInts = format == 0 || format >= 4;
        } finally {
            pager.release(p1);
        }
    }

    // ------------------------------------------------------------------ meta values

    /** Meta value {@code idx} (SQLite's sqlite3BtreeGetMeta; indexes are {@code DbHeader.META_*}). */
    public int getMeta(int idx) {
        ensureRead();
        if (pager.pageCount() == 0) {
            return 0;
        }
        Page p1 = pager.get(1);
        try {
            return DbHeader.meta(p1.data(), idx);
        } finally {
            pager.release(p1);
        }
    }

    /** Sets meta value {@code idx} (sqlite3BtreeUpdateMeta); needs a write transaction. */
    public void updateMeta(int idx, int value) {
        requireWrite();
        if (idx == DbHeader.META_FREE_PAGE_COUNT || idx == DbHeader.META_LARGEST_ROOT_PAGE) {
            throw new DbException(ResultCode.MISUSE, "meta " + idx + " is maintained by the b-tree");
        }
        Page p1 = pager.get(1);
        try {
            pager.write(p1);
            DbHeader.setMeta(p1.data(), idx, value);
            if (idx == DbHeader.META_INCR_VACUUM && autoVacuum) {
                incrVacuum = value != 0;
            }
        } finally {
            pager.release(p1);
        }
    }

    // ------------------------------------------------------------------ trees

    /**
     * Creates an empty tree: {@link #CREATE_TABLE} or {@link #CREATE_INDEX}. With auto_vacuum the root goes to the
     * page after the largest root, moving whatever page was there.
     *
     * @return the root page number
     */
    public int createTree(int flags) {
        requireWrite();
        int ptf = (flags & CREATE_TABLE) != 0 ? MemPage.TABLE_LEAF : MemPage.INDEX_LEAF;
        if (autoVacuum) {
            saveAllCursors(0, null);
            return AutoVacuum.createRoot(this, ptf);
        }
        MemPage root = freeList.allocate(0, false);
        try {
            root.zero(ptf);
        } finally {
            releasePage(root);
        }
        return root.pgno;
    }

    /**
     * Drops a tree: its pages go to the freelist. With auto_vacuum the tree with the largest root page is moved into
     * the freed root page so that roots stay at the start of the file.
     *
     * @return the former root page number of the tree that moved into {@code root}, or 0 when none moved; the caller
     *         updates {@code sqlite_schema} accordingly
     */
    public int dropTree(int root) {
        requireWrite();
        if (root < 2) {
            throw new DbException(ResultCode.MISUSE, "cannot drop page " + root);
        }
        for (BtCursor c = cursors; c != null; c = c.nextCursor) {
            if (c.rootPgno == root && c.state != BtCursor.FAULT) {
                throw new DbException(ResultCode.LOCKED, "database table is locked");
            }
        }
        clearTree(root);
        if (autoVacuum) {
            saveAllCursors(0, null);
            return AutoVacuum.dropRoot(this, root);
        }
        freeList.free(root);
        return 0;
    }

    /**
     * Deletes every entry of a tree, keeping its root (sqlite3BtreeClearTable).
     *
     * @return the number of rows deleted (table trees), or of entries (index trees)
     */
    public long clearTree(int root) {
        requireWrite();
        saveAllCursors(root, null);
        long[] count = new long[1];
        TreeWalker.clear(this, root, true, count, 0);
        return count[0];
    }

    /**
     * Opens a cursor on the tree rooted at {@code root}. {@code keyInfo} is null for table trees and describes the
     * key for index trees. A write cursor needs a write transaction; a read cursor starts a read transaction if
     * none is open. Close cursors when done.
     */
    public BtCursor cursor(int root, boolean write, KeyInfo keyInfo) {
        checkOpen(root, write);
        return link(new BtCursor(this, root, write, keyInfo == null ? null : keyInfo.withEncoding(encoding)));
    }

    /**
     * Opens {@code spare}, a closed cursor of this tree, again at its root instead of making a new one (a prepared
     * statement run again reopens the cursors of its last run, so a point query allocates no cursor). The spare
     * must have been opened on this tree with the same root, mode and KeyInfo.
     */
    public BtCursor reopen(BtCursor spare) {
        if (spare.bt != this || !spare.closed) {
            throw new DbException(ResultCode.MISUSE, "cursor reopened while open or on another tree");
        }
        checkOpen(spare.rootPgno, spare.isWriteCursor());
        spare.closed = false;
        return link(spare);
    }

    private void checkOpen(int root, boolean write) {
        if (write) {
            requireWrite();
        } else {
            ensureRead();
        }
        if (root < 1) {
            throw new DbException(ResultCode.CORRUPT, "database disk image is malformed (root page " + root + ")");
        }
    }

    private BtCursor link(BtCursor c) {
        c.nextCursor = cursors;
        cursors = c;
        return c;
    }

    void unlinkCursor(BtCursor c) {
        BtCursor prev = null;
        for (BtCursor x = cursors; x != null; prev = x, x = x.nextCursor) {
            if (x == c) {
                if (prev == null) {
                    cursors = x.nextCursor;
                } else {
                    prev.nextCursor = x.nextCursor;
                }
                return;
            }
        }
    }

    /**
     * Checks the structure of the trees rooted at {@code roots} and of the freelist, the pointer map and page
     * usage, as SQLite's PRAGMA integrity_check does at the B-tree level.
     *
     * @param roots     the root pages; a first entry of 0 makes it a partial check (of one table): the freelist
     *                  (unless the next root is 1), the max root page and the every-page-used checks are skipped
     * @param keyInfos  one per root: null for table trees, the index's KeyInfo to also check key order; the array
     *                  itself may be null
     * @param maxErrors stop after this many messages (SQLite's default is 100)
     * @param rowCounts when not null, receives the number of entries found in each tree (for the row-count checks
     *                  between a table and its indexes)
     * @return SQLite's messages (without the "*** in database main ***" line), empty when everything is consistent
     */
    public List<String> integrityCheck(int[] roots, KeyInfo[] keyInfos, int maxErrors, long[] rowCounts) {
        ensureRead();
        return new IntegrityCheck(this, maxErrors).run(roots, keyInfos, rowCounts);
    }

    /**
     * One step of incremental vacuum (SQLite's sqlite3BtreeIncrVacuum): moves the last page of the file into a free
     * slot, or drops a free last page.
     *
     * @return false when there was nothing to do (SQLITE_DONE)
     */
    public boolean incrementalVacuumStep() {
        requireWrite();
        if (!autoVacuum) {
            return false;
        }
        saveAllCursors(0, null);
        return AutoVacuum.incrementalStep(this);
    }

    // ------------------------------------------------------------------ page access (package)

    /** The page {@code pgno} parsed as a B-tree page, pinned. */
    MemPage getPage(int pgno) {
        if (pgno < 1 || pgno > pager.pageCount()) {
            throw Corrupt.page(pgno, "page number out of range (database has " + pager.pageCount() + " pages)");
        }
        Page p = pager.get(pgno);
        MemPage m = memPage(p);
        if (!m.isInit) {
            try {
                m.init();
            } catch (RuntimeException e) {
                pager.release(p);
                throw e;
            }
        }
        return m;
    }

    /** The MemPage view of a pinned page, without parsing it. */
    MemPage memPage(Page p) {
        Object x = p.extra;
        if (x instanceof MemPage m && m.page == p && m.pgno == p.pgno()) {
            return m;
        }
        MemPage m = new MemPage(this, p);
        p.extra = m;
        return m;
    }

    void releasePage(MemPage m) {
        pager.release(m.page);
    }

    /** Makes a pinned page writable; re-read its data afterwards. */
    void writePage(MemPage m) {
        pager.write(m.page);
    }

    MemorySegment scratchPage() {
        if (scratchPage == null) {
            scratchPage = MemorySegment.ofArray(new byte[pageSize]);
        }
        return scratchPage;
    }

    /** The balancer, created on first use: a read-only connection never needs its buffers. */
    Balancer balancer() {
        if (balancer == null) {
            balancer = new Balancer(this);
        }
        return balancer;
    }

    /** The PENDING_BYTE page, never used for data. */
    int pendingBytePage() {
        return (int) (PENDING_BYTE / pageSize) + 1;
    }

    void requireWrite() {
        if (pager.state() != Pager.State.WRITE) {
            if (readOnly) {
                throw new DbException(ResultCode.READONLY, "attempt to write a readonly database");
            }
            throw new DbException(ResultCode.MISUSE, "no write transaction");
        }
    }

    /** Saves the position of every cursor on {@code root} (0 = all trees) except {@code except}. */
    void saveAllCursors(int root, BtCursor except) {
        for (BtCursor c = cursors; c != null; c = c.nextCursor) {
            if (c != except && (root == 0 || c.rootPgno == root)) {
                c.savePosition();
            }
        }
    }

    @Override
    public void close() {
        for (BtCursor c = cursors; c != null; c = c.nextCursor) {
            c.releaseAll();
        }
        cursors = null;
        pager.close();
    }
}
