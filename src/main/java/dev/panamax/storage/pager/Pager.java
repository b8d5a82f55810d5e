package dev.panamax.storage.pager;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.DbHeader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;

/**
 * The pager (SQLite's pager.c): hands out pages of one database through an off-heap {@link PageCache}, keeps
 * track of the pages a write transaction changes, makes commits atomic with a {@link RollbackJournal} and rolls
 * back savepoints from a {@link SubJournal}. An in-memory database (no path) has no file and no journal: its
 * transaction is rolled back from the sub-journal too.
 *
 * <pre>
 *   states:   NONE --beginRead--> READ --beginWrite--> WRITE --commit/rollback--> NONE
 *             NONE --beginWrite--> WRITE                READ --endRead--> NONE
 *             WRITE --I/O error in commit--> ERROR --rollback (plays the journal back)--> NONE
 * </pre>
 *
 * <p>Where a WAL will plug in: every read of a committed page goes through {@link #readFromStore}, and every
 * commit through {@link #commitToStore}; a WAL replaces the journal there (frames appended instead of the journal
 * and the in-place writes) and the rest of the pager is unchanged.
 *
 * <p>Not thread-safe: one connection (one thread at a time) drives a pager. Page numbers are 1-based. The class is
 * somewhat over the usual size because transactions, savepoints, spill and the store seam share the dirty-page list
 * and the page-count bookkeeping; splitting them would spread those invariants over several classes.
 */
public final class Pager implements AutoCloseable {
    /** Transaction states. */
    public enum State { NONE, READ, WRITE, ERROR }

    private final IoBackend io;
    private final String path;
    private final DbFile file;
    private final PageTransform transform;
    private final PageCache cache;
    /** Scratch buffers (page-sized); freed by the GC, so opening and closing a pager stays cheap. */
    private final Arena arena = Arena.ofAuto();
    private int pageSize;
    private int reservedBytes;
    private State state = State.NONE;
    private int dbSize;
    private int dbOrigSize;
    private int dbFileSize;
    private int changeCounter;
    private Page[] dirty = new Page[64];
    private int dirtyCount;
    private final BitSet journaled = new BitSet();
    private RollbackJournal journal;
    private SubJournal subJournal;
    private Savepoint[] savepoints = new Savepoint[4];
    private int savepointCount;
    private MemorySegment scratch;
    /** True once a page of this transaction was written to the file before commit (cache spill). */
    private boolean spilled;
    private int syncedRecords = -1;

    private static final class Savepoint {
        int dbSize;
        int firstRecord;
        final BitSet saved = new BitSet();
    }

    private Pager(IoBackend io, String path, DbFile file, int pageSize, int reservedBytes, PageCacheBudget budget,
                  PageTransform transform) {
        this.io = io;
        this.path = path;
        this.file = file;
        this.pageSize = pageSize;
        this.reservedBytes = reservedBytes;
        this.transform = transform;
        this.cache = new PageCache(pageSize, budget, file != null);
        this.subJournal = new SubJournal(pageSize);
        this.scratch = arena.allocate(pageSize, 8);
        if (file != null) {
            this.journal = new RollbackJournal(io, path, pageSize, arena);
            this.cache.setSpiller(this::spill);
        }
    }

    /**
     * Opens the database file at {@code path} (created when {@code create} is set and it does not exist), or an
     * in-memory database when {@code path} is null. A hot journal left by a crash is played back first.
     *
     * @param pageSizeBytes page size for a new (empty) database; an existing file's header wins
     * @param reservedBytes reserved bytes per page for a new database
     * @throws DbException CANTOPEN when the file cannot be opened, NOTADB when its header is not SQLite's
     */
    public static Pager open(IoBackend io, String path, boolean readOnly, boolean create, int pageSizeBytes,
                             int reservedBytes, PageCacheBudget budget, PageTransform transform) {
        if (!DbHeader.isValidPageSize(pageSizeBytes)) {
            throw new DbException(ResultCode.MISUSE, "page size " + pageSizeBytes);
        }
        if (path == null) {
            return new Pager(io, null, null, pageSizeBytes, reservedBytes, budget, transform);
        }
        DbFile f;
        try {
            f = io.open(path, readOnly, create);
        } catch (NoSuchFileException e) {
            throw new DbException(ResultCode.CANTOPEN, "unable to open database file", e);
        } catch (IOException e) {
            throw new DbException(ResultCode.CANTOPEN, "unable to open database file", e);
        }
        try {
            if (!readOnly) {
                RollbackJournal.playback(io, path, f);
            }
            MemorySegment hdr = Arena.ofAuto().allocate(DbHeader.SIZE);
            int n = f.read(0, hdr);
            int ps = pageSizeBytes;
            int reserved = reservedBytes;
            if (n > 0) {
                DbHeader.validate(n == DbHeader.SIZE ? hdr : hdr.asSlice(0, n));
                ps = DbHeader.pageSizeBytes(hdr);
                reserved = DbHeader.reservedBytes(hdr);
                refuseLiveWal(io, path, hdr);
            }
            Pager p = new Pager(io, path, f, ps, reserved, budget, transform);
            p.refreshFromFile(hdr, n);
            return p;
        } catch (IOException e) {
            closeQuietly(f);
            throw ioError(ResultCode.IOERR_READ, e);
        } catch (RuntimeException e) {
            closeQuietly(f);
            throw e;
        }
    }

    /**
     * A database in WAL mode whose {@code -wal} file holds frames cannot be read correctly without the WAL (a later
     * issue); refuse it rather than return stale pages.
     */
    private static void refuseLiveWal(IoBackend io, String path, MemorySegment hdr) throws IOException {
        if (Bytes.get1(hdr, DbHeader.OFF_WRITE_VERSION) == 2 || Bytes.get1(hdr, DbHeader.OFF_READ_VERSION) == 2) {
            String wal = path + "-wal";
            if (io.exists(wal)) {
                try (DbFile w = io.open(wal, true, false)) {
                    if (w.size() > 32) {
                        throw new DbException(ResultCode.CANTOPEN,
                                "unable to open database file: WAL mode with a non-empty -wal file is not supported yet");
                    }
                }
            }
        }
    }

    public int pageSizeBytes() {
        return pageSize;
    }

    /** Reserved bytes at the end of each page (header byte 20). */
    public int reservedBytes() {
        return reservedBytes;
    }

    /** The bytes of each page the B-tree may use: page size minus reserved bytes. */
    public int usableSizeBytes() {
        return pageSize - reservedBytes;
    }

    public boolean isMemory() {
        return file == null;
    }

    public String path() {
        return path;
    }

    public State state() {
        return state;
    }

    /** The number of pages in the database as the current transaction sees it. */
    public int pageCount() {
        return dbSize;
    }

    /** Pages currently held in the cache. */
    public int cachedPages() {
        return cache.size();
    }

    // ---------------------------------------------------------------- transactions

    /** Starts a read transaction: a hot journal is played back and a database changed by another writer reloaded. */
    public void beginRead() {
        if (state != State.NONE) {
            return;
        }
        if (file != null) {
            try {
                if (io.exists(journal.path())) {
                    detachViews();
                    if (RollbackJournal.playback(io, path, file)) {
                        dropCleanPages();
                    }
                }
                MemorySegment hdr = scratch.asSlice(0, DbHeader.SIZE);
                int n = file.read(0, hdr);
                if (n > 0) {
                    DbHeader.validate(n == DbHeader.SIZE ? hdr : hdr.asSlice(0, n));
                }
                int counter = n >= DbHeader.SIZE ? DbHeader.changeCounter(hdr) : 0;
                long size = file.size();
                if (counter != changeCounter || size != (long) dbFileSize * pageSize) {
                    dropCleanPages();
                }
                refreshFromFile(hdr, n);
            } catch (IOException e) {
                throw ioError(ResultCode.IOERR_READ, e);
            }
        }
        state = State.READ;
    }

    /** Ends a read transaction (no-op inside a write transaction). */
    public void endRead() {
        if (state == State.READ) {
            state = State.NONE;
        }
    }

    /** Starts a write transaction (beginning a read transaction first if needed). */
    public void beginWrite() {
        if (state == State.WRITE) {
            return;
        }
        if (state == State.ERROR) {
            throw new DbException(ResultCode.IOERR, "disk I/O error: roll back first");
        }
        beginRead();
        state = State.WRITE;
        dbOrigSize = dbSize;
        journaled.clear();
        if (file == null) {
            pushSavepoint();
        }
    }

    /**
     * Makes the transaction durable: journal synced, header updated (change counter, page count), dirty pages
     * written in page order, file truncated and synced, journal deleted (the commit point).
     */
    public void commit() {
        if (state != State.WRITE) {
            if (state == State.READ) {
                state = State.NONE;
            }
            return;
        }
        if (file == null) {
            markAllClean();
            endWrite();
            return;
        }
        try {
            if (dirtyCount > 0 || dbSize != dbOrigSize) {
                commitToStore();
            } else if (journal.isOpen()) {
                journal.finish();
            }
        } catch (IOException e) {
            state = State.ERROR;
            journal.abandon();
            throw ioError(ResultCode.IOERR_WRITE, e);
        }
        markAllClean();
        dbFileSize = dbSize;
        endWrite();
    }

    /** Abandons the transaction: every page returns to its content at {@link #beginWrite}. */
    public void rollback() {
        if (state == State.READ) {
            state = State.NONE;
            return;
        }
        if (state == State.NONE) {
            return;
        }
        if (file == null) {
            rollbackSavepoints(0);
            markAllClean();
            endWrite();
            return;
        }
        boolean playedBack = state == State.ERROR || spilled;
        try {
            if (playedBack) {
                if (journal.isOpen()) {
                    journal.sync();
                    journal.abandon();
                }
                detachViews();
                RollbackJournal.playback(io, path, file);
            } else if (journal.isOpen()) {
                journal.finish();
            }
        } catch (IOException e) {
            state = State.ERROR;
            throw ioError(ResultCode.IOERR_WRITE, e);
        }
        for (int k = 0; k < dirtyCount; k++) {
            Page p = dirty[k];
            p.dirty = false;
            dirty[k] = null;
            discardContent(p);
        }
        dirtyCount = 0;
        dbSize = dbOrigSize;
        if (playedBack) {
            dbFileSize = dbOrigSize;
            dropCleanPages();
        }
        endWrite();
    }

    private void endWrite() {
        spilled = false;
        syncedRecords = -1;
        subJournal.truncate(0);
        savepointCount = 0;
        journaled.clear();
        state = State.NONE;
    }

    // ---------------------------------------------------------------- savepoints

    /** Opens savepoints until {@code n} are open (SQLite's sqlite3PagerOpenSavepoint). Needs a write transaction. */
    public void openSavepoints(int n) {
        requireWrite();
        int base = file == null ? 1 : 0;
        while (savepointCount < n + base) {
            pushSavepoint();
        }
    }

    /** The number of open savepoints. */
    public int savepointCount() {
        return savepointCount - (file == null && state == State.WRITE ? 1 : 0);
    }

    /**
     * Releases savepoint {@code i} and every newer one; their changes stay in the transaction. Saved images stay
     * until no savepoint is left, because an enclosing savepoint may still need them.
     */
    public void releaseSavepoint(int i) {
        requireWrite();
        int base = file == null ? 1 : 0;
        int keep = Math.max(base, i + base);
        if (keep < savepointCount) {
            savepointCount = keep;
            if (keep == 0) {
                subJournal.truncate(0);
            }
        }
    }

    /** Rolls back to savepoint {@code i} (which stays open, emptied); newer savepoints are released. */
    public void rollbackToSavepoint(int i) {
        requireWrite();
        int idx = i + (file == null ? 1 : 0);
        if (idx >= savepointCount) {
            return;
        }
        rollbackSavepoints(idx);
    }

    private void pushSavepoint() {
        if (savepointCount == savepoints.length) {
            savepoints = Arrays.copyOf(savepoints, savepointCount * 2);
        }
        Savepoint sp = savepoints[savepointCount];
        if (sp == null) {
            sp = new Savepoint();
            savepoints[savepointCount] = sp;
        }
        sp.dbSize = dbSize;
        sp.firstRecord = subJournal.size();
        sp.saved.clear();
        savepointCount++;
    }

    /**
     * Restores every page saved since savepoint {@code idx} opened, newest record first (so each page ends with its
     * oldest image, its content when the savepoint opened), and the page count. The records stay: a later rollback
     * to this or an enclosing savepoint replays them again.
     */
    private void rollbackSavepoints(int idx) {
        Savepoint sp = savepoints[idx];
        for (int k = subJournal.size() - 1; k >= sp.firstRecord; k--) {
            int pgno = subJournal.pgno(k);
            Page p = cache.lookup(pgno);
            if (p == null) {
                p = cache.allocate(pgno);
                p.dirty = true;
                addDirty(p);
            } else {
                cache.makeUnevictable(p);
                cache.materialize(p);
                if (!p.dirty) {
                    p.dirty = true;
                    addDirty(p);
                }
            }
            MemorySegment.copy(subJournal.image(k), 0, p.data, 0, pageSize);
            p.extra = null;
        }
        dropPagesBeyond(sp.dbSize);
        dbSize = sp.dbSize;
        savepointCount = idx + 1;
    }

    // ---------------------------------------------------------------- pages

    /**
     * Pins page {@code pgno} and returns it, reading it if it is not cached. A page past the end of the file reads
     * as zeros. Every {@code get} needs a matching {@link #release}.
     */
    public Page get(int pgno) {
        Page p = cache.lookup(pgno);
        if (p != null) {
            if (p.refCount++ == 0) {
                cache.makeUnevictable(p);
            }
            return p;
        }
        if (pgno <= 0) {
            throw Corrupt.page(pgno, "invalid page number");
        }
        if (file != null && pgno <= dbFileSize && transform == PageTransform.IDENTITY) {
            MemorySegment view = viewOf(pgno);
            if (view != null) {
                p = cache.allocateView(pgno, view);
                p.refCount = 1;
                return p;
            }
        }
        p = cache.allocate(pgno);
        try {
            readFromStore(pgno, p.data);
        } catch (RuntimeException e) {
            cache.remove(p);
            throw e;
        }
        p.refCount = 1;
        return p;
    }

    /** The cached page {@code pgno} pinned, or null when it is not in the cache (no I/O). */
    public Page lookup(int pgno) {
        Page p = cache.lookup(pgno);
        if (p != null && p.refCount++ == 0) {
            cache.makeUnevictable(p);
        }
        return p;
    }

    /** Unpins a page obtained from {@link #get}. */
    public void release(Page p) {
        assert p.refCount > 0 : p;
        if (--p.refCount == 0 && !p.dirty) {
            cache.makeEvictable(p);
        }
    }

    /**
     * Makes a pinned page writable in the current write transaction: its original image is journaled (and saved for
     * open savepoints) before the caller changes it. Re-read {@link Page#data()} afterwards.
     */
    public void write(Page p) {
        if (state != State.WRITE) {
            throw new DbException(ResultCode.MISUSE, "write outside a write transaction");
        }
        int pgno = p.pgno;
        if (!p.dirty) {
            if (file != null && pgno <= dbOrigSize && !journaled.get(pgno)) {
                journalPage(p);
            }
            cache.materialize(p);
            p.dirty = true;
            addDirty(p);
        }
        if (savepointCount > 0) {
            saveForSavepoints(p);
        }
        if (pgno > dbSize) {
            dbSize = pgno;
        }
    }

    private void saveForSavepoints(Page p) {
        int pgno = p.pgno;
        boolean need = false;
        for (int k = 0; k < savepointCount; k++) {
            Savepoint sp = savepoints[k];
            if (pgno <= sp.dbSize && !sp.saved.get(pgno)) {
                need = true;
                break;
            }
        }
        if (!need) {
            return;
        }
        subJournal.append(pgno, p.data);
        for (int k = 0; k < savepointCount; k++) {
            Savepoint sp = savepoints[k];
            if (pgno <= sp.dbSize) {
                sp.saved.set(pgno);
            }
        }
    }

    /**
     * Sets the page count of the transaction (growing appends zeroed pages; shrinking drops the pages past the
     * end, saving them first for open savepoints and the journal).
     */
    public void setPageCount(int n) {
        requireWrite();
        if (n < dbSize) {
            for (int pgno = n + 1; pgno <= dbSize; pgno++) {
                if (needsSaving(pgno)) {
                    Page p = get(pgno);
                    write(p);
                    release(p);
                }
            }
            dropPagesBeyond(n);
        }
        dbSize = n;
    }

    private boolean needsSaving(int pgno) {
        if (file != null && pgno <= dbOrigSize && !journaled.get(pgno)) {
            return true;
        }
        for (int k = 0; k < savepointCount; k++) {
            if (pgno <= savepoints[k].dbSize && !savepoints[k].saved.get(pgno)) {
                return true;
            }
        }
        return false;
    }

    private void dropPagesBeyond(int n) {
        for (Page p : cache.snapshot()) {
            if (p.pgno > n) {
                if (p.dirty) {
                    removeDirty(p);
                    p.dirty = false;
                }
                if (p.refCount == 0) {
                    cache.remove(p);
                } else {
                    cache.materialize(p);
                    p.data.fill((byte) 0);
                    p.extra = null;
                }
            }
        }
    }

    // ---------------------------------------------------------------- store seam (journal + file; a WAL later)

    /** Reads the committed image of {@code pgno} into {@code dst}; past the end of the file it is zeros. */
    private void readFromStore(int pgno, MemorySegment dst) {
        if (file == null || pgno > dbFileSize) {
            dst.fill((byte) 0);
            return;
        }
        try {
            int n = file.read((long) (pgno - 1) * pageSize, dst);
            if (n < pageSize) {
                dst.asSlice(n).fill((byte) 0);
            }
        } catch (IOException e) {
            throw ioError(ResultCode.IOERR_READ, e);
        }
        transform.decode(pgno, dst);
    }

    private MemorySegment viewOf(int pgno) {
        try {
            return file.view((long) (pgno - 1) * pageSize, pageSize);
        } catch (IOException e) {
            return null;
        }
    }

    private void journalPage(Page p) {
        try {
            if (!journal.isOpen()) {
                journal.open(dbOrigSize);
            }
            MemorySegment img = p.data;
            if (transform != PageTransform.IDENTITY) {
                transform.encode(p.pgno, p.data, scratch);
                img = scratch;
            }
            journal.append(p.pgno, img);
        } catch (IOException e) {
            throw ioError(ResultCode.IOERR_WRITE, e);
        }
        journaled.set(p.pgno);
    }

    private void commitToStore() throws IOException {
        for (int pgno = dbSize + 1; pgno <= dbOrigSize; pgno++) {
            if (!journaled.get(pgno)) {
                Page p = get(pgno);
                journalPage(p);
                release(p);
            }
        }
        updateHeaderForCommit();
        if (!journal.isOpen()) {
            journal.open(dbOrigSize);
        }
        journal.sync();
        Page[] pages = Arrays.copyOf(dirty, dirtyCount);
        Arrays.sort(pages, Comparator.comparingInt(Page::pgno));
        writePages(pages);
        if (dbSize < dbFileSize) {
            detachViews();
            try {
                file.truncate((long) dbSize * pageSize);
            } catch (IOException e) {
                throw ioError(ResultCode.IOERR_TRUNCATE, e);
            }
        }
        file.sync();
        journal.finish();
    }

    private void writePages(Page[] pages) throws IOException {
        if (transform == PageTransform.IDENTITY) {
            long[] offsets = new long[pages.length];
            MemorySegment[] srcs = new MemorySegment[pages.length];
            int n = 0;
            for (Page p : pages) {
                if (p.pgno <= dbSize) {
                    offsets[n] = (long) (p.pgno - 1) * pageSize;
                    srcs[n++] = p.data;
                }
            }
            file.writeBatch(offsets, srcs, n);
            return;
        }
        for (Page p : pages) {
            if (p.pgno <= dbSize) {
                transform.encode(p.pgno, p.data, scratch);
                file.write((long) (p.pgno - 1) * pageSize, scratch);
            }
        }
    }

    /**
     * Cache spill: when the cache is over budget and every page is dirty, writes half of the dirty pages (not page 1,
     * not pinned) to the database file, after syncing the journal that holds their original images, so their frames
     * can be reused. Large batches keep the journal syncs few. A rollback then plays the journal back instead of
     * just dropping dirty pages.
     */
    private boolean spill() {
        if (state != State.WRITE || file == null || dirtyCount == 0) {
            return false;
        }
        int batch = Math.max(1, dirtyCount / 2);
        int done = 0;
        try {
            for (int k = 0; k < dirtyCount && done < batch; ) {
                Page p = dirty[k];
                if (p.refCount != 0 || p.pgno == 1 || p.pgno > dbSize) {
                    k++;
                    continue;
                }
                if (done == 0) {
                    syncJournalForSpill();
                }
                MemorySegment img = p.data;
                if (transform != PageTransform.IDENTITY) {
                    transform.encode(p.pgno, p.data, scratch);
                    img = scratch;
                }
                file.write((long) (p.pgno - 1) * pageSize, img);
                dbFileSize = Math.max(dbFileSize, p.pgno);
                p.dirty = false;
                dirty[k] = dirty[--dirtyCount];
                dirty[dirtyCount] = null;
                cache.makeEvictable(p);
                done++;
            }
        } catch (IOException e) {
            throw ioError(ResultCode.IOERR_WRITE, e);
        }
        if (done > 0) {
            spilled = true;
        }
        return done > 0;
    }

    private void syncJournalForSpill() throws IOException {
        if (!journal.isOpen()) {
            journal.open(dbOrigSize);
        }
        if (journal.records() != syncedRecords) {
            journal.sync();
            syncedRecords = journal.records();
        }
    }

    private void updateHeaderForCommit() {
        if (dbSize == 0) {
            return;
        }
        Page p1 = get(1);
        try {
            write(p1);
            MemorySegment d = p1.data;
            changeCounter = DbHeader.changeCounter(d) + 1;
            Bytes.put4(d, DbHeader.OFF_CHANGE_COUNTER, changeCounter);
            Bytes.put4(d, DbHeader.OFF_PAGE_COUNT, dbSize);
            Bytes.put4(d, DbHeader.OFF_VERSION_VALID_FOR, changeCounter);
            Bytes.put4(d, DbHeader.OFF_SQLITE_VERSION, DbHeader.WRITER_VERSION_NUMBER);
        } finally {
            release(p1);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void refreshFromFile(MemorySegment hdr, int n) throws IOException {
        long size = file.size();
        dbFileSize = (int) Math.min(Integer.MAX_VALUE, size / pageSize);
        if (n >= DbHeader.SIZE) {
            changeCounter = DbHeader.changeCounter(hdr);
            dbSize = DbHeader.effectivePageCount(hdr, size);
        } else {
            changeCounter = 0;
            dbSize = (int) ((size + pageSize - 1) / pageSize);
        }
    }

    private void addDirty(Page p) {
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, dirtyCount * 2);
        }
        dirty[dirtyCount++] = p;
    }

    private void removeDirty(Page p) {
        for (int k = 0; k < dirtyCount; k++) {
            if (dirty[k] == p) {
                dirty[k] = dirty[--dirtyCount];
                dirty[dirtyCount] = null;
                return;
            }
        }
    }

    private void markAllClean() {
        for (int k = 0; k < dirtyCount; k++) {
            Page p = dirty[k];
            p.dirty = false;
            if (p.refCount == 0) {
                cache.makeEvictable(p);
            }
            dirty[k] = null;
        }
        dirtyCount = 0;
    }

    /** Puts the committed content back into a page after its changes were abandoned. */
    private void discardContent(Page p) {
        p.extra = null;
        if (p.refCount == 0) {
            cache.remove(p);
            return;
        }
        readFromStore(p.pgno, p.data);
    }

    /**
     * Before the file shrinks (a backend may unmap every view past the new end, and with them views below it that
     * share a mapping): pages that are views of the file leave the cache, or get frames of their own when pinned.
     */
    private void detachViews() {
        for (Page p : cache.snapshot()) {
            if (p.frame == null) {
                if (p.refCount == 0 && !p.dirty) {
                    cache.remove(p);
                } else {
                    cache.materialize(p);
                }
            }
        }
    }

    private void dropCleanPages() {
        for (Page p : cache.snapshot()) {
            if (!p.dirty) {
                if (p.refCount == 0) {
                    cache.remove(p);
                } else {
                    p.extra = null;
                    if (p.frame != null) {
                        readFromStore(p.pgno, p.data);
                    }
                }
            }
        }
    }

    private void requireWrite() {
        if (state != State.WRITE) {
            throw new DbException(ResultCode.MISUSE, "no write transaction");
        }
    }

    static DbException ioError(ResultCode code, IOException e) {
        return new DbException(code, "disk I/O error: " + e.getMessage(), e);
    }

    private static void closeQuietly(DbFile f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        if (state == State.WRITE || state == State.ERROR) {
            try {
                rollback();
            } catch (DbException ignored) {
                // the hot journal, if any, is played back on the next open
            }
        }
        cache.close();
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw ioError(ResultCode.IOERR_CLOSE, e);
            }
        }
    }
}
