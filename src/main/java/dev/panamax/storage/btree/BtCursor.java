package dev.panamax.storage.btree;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordComparator;
import dev.panamax.storage.format.RecordDecoder;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A position in one B-tree (SQLite's BtCursor): a stack of pages from the root to the current cell.
 *
 * <pre>
 *   states: INVALID (no entry: before first / after last / empty tree)
 *           VALID (at an entry)
 *           SKIPNEXT (at a neighbour of a deleted or moved entry: the next next()/prev() may stay put)
 *           REQUIRESEEK (position saved by key because the tree changed; restored on next use)
 *           FAULT (the transaction rolled back; every call fails)
 * </pre>
 *
 * <p>Table cursors (keyInfo null) are keyed by rowid; index cursors by record, ordered by the {@link KeyInfo}.
 * Moves return {@code true} when the cursor is at an entry. Reading the current entry: {@link #rowid()},
 * {@link #payloadSize()}, {@link #column(int, Mem)} (decodes one field of the record, parsing the record header
 * once per row, no allocation), {@link #payload}. Cursors stay usable while other cursors change the same tree:
 * their position is saved by key and restored on next use.
 *
 * <p>This class is larger than the usual limit because navigation, seek, insert and delete share the page stack
 * and its invariants.
 */
public final class BtCursor implements AutoCloseable {
    static final byte INVALID = 0;
    static final byte VALID = 1;
    static final byte SKIPNEXT = 2;
    static final byte REQUIRESEEK = 3;
    static final byte FAULT = 4;

    final Btree bt;
    final int rootPgno;
    private final boolean write;
    private final KeyInfo keyInfo;
    private final boolean intKey;
    byte state = INVALID;
    /** Closed: holds no page and is not linked to its tree; {@link Btree#reopen} may open it again. */
    boolean closed;
    private int skipNext;
    private final MemPage[] pages = new MemPage[Btree.MAX_DEPTH];
    private final int[] idx = new int[Btree.MAX_DEPTH];
    private int depth = -1;
    private final CellInfo info = new CellInfo();
    private boolean infoValid;
    private boolean atLast;
    private long savedRowid;
    private byte[] savedKey = new byte[0];
    private MemorySegment savedKeySeg = MemorySegment.ofArray(savedKey);
    private int savedKeyLen;
    private final RecordDecoder decoder;
    private final RecordDecoder unpackDecoder;
    private final CellInfo delInfo = new CellInfo();
    private boolean decoderValid;
    private byte[] payloadBuf = new byte[0];
    private MemorySegment payloadSeg = MemorySegment.ofArray(payloadBuf);
    private final RecordComparator comparator;
    private UnpackedRecord scratchKey;
    private MemorySegment cellBuf;
    private byte[] wrappedArray;
    private MemorySegment wrappedSegment;
    private byte[] dstArray;
    private MemorySegment dstSegment;
    BtCursor nextCursor;

    BtCursor(Btree bt, int rootPgno, boolean write, KeyInfo keyInfo) {
        this.bt = bt;
        this.rootPgno = rootPgno;
        this.write = write;
        this.keyInfo = keyInfo;
        this.intKey = keyInfo == null;
        this.decoder = new RecordDecoder(bt.encoding);
        this.comparator = new RecordComparator(bt.encoding);
        this.unpackDecoder = new RecordDecoder(bt.encoding);
    }

    public int rootPage() {
        return rootPgno;
    }

    public boolean isTable() {
        return intKey;
    }

    /** True when this cursor is closed and {@link Btree#reopen} may open it on {@code tree} at {@code root}. */
    public boolean canReopen(Btree tree, int root, boolean writeCursor) {
        return closed && bt == tree && rootPgno == root && write == writeCursor;
    }

    public boolean isWriteCursor() {
        return write;
    }

    public KeyInfo keyInfo() {
        return keyInfo;
    }

    // ------------------------------------------------------------------ state

    /** True when the cursor is not at an entry (SQLite's sqlite3BtreeEof). */
    public boolean eof() {
        return state != VALID && state != SKIPNEXT && state != REQUIRESEEK;
    }

    /** True when the cursor is at an entry; restores a saved position first. */
    public boolean isValid() {
        restoreIfNeeded();
        return state == VALID || state == SKIPNEXT;
    }

    void trip() {
        releaseAll();
        state = FAULT;
    }

    void releaseAll() {
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] != null) {
                bt.releasePage(pages[i]);
                pages[i] = null;
            }
        }
        depth = -1;
        infoValid = false;
        decoderValid = false;
    }

    /** Saves the position by key so that the tree may change under the cursor (saveCursorPosition). */
    void savePosition() {
        if (state == VALID || state == SKIPNEXT) {
            if (intKey) {
                savedRowid = rowidInternal();
            } else {
                saveKeyBytes();
            }
            if (state == VALID) {
                skipNext = 0;
            }
            releaseAll();
            state = REQUIRESEEK;
        } else if (state == INVALID) {
            releaseAll();
        }
    }

    /** A payload larger than the whole file can hold is corruption (and must not allocate). */
    private void checkPayloadSize(int n) {
        if (n > (long) bt.pager.pageCount() * bt.usableSize) {
            int pgno = depth >= 0 && pages[depth] != null ? pages[depth].pgno : rootPgno;
            throw Corrupt.page(pgno, "payload size " + n + " larger than the database");
        }
    }

    private void saveKeyBytes() {
        CellInfo ci = cellInfo();
        int n = ci.nPayload;
        checkPayloadSize(n);
        if (savedKey.length < n) {
            savedKey = new byte[Math.max(n, savedKey.length * 2)];
            savedKeySeg = MemorySegment.ofArray(savedKey);
        }
        Payload.read(bt, pages[depth], ci, 0, n, savedKeySeg, 0);
        savedKeyLen = n;
    }

    private void restoreIfNeeded() {
        if (state == REQUIRESEEK) {
            restorePosition();
        } else if (state == FAULT) {
            throw new DbException(ResultCode.ABORT_ROLLBACK, "abort due to ROLLBACK");
        }
    }

    private void restorePosition() {
        int prevSkip = skipNext;
        state = INVALID;
        int c;
        if (intKey) {
            c = seekRowidInternal(savedRowid);
        } else {
            UnpackedRecord k = unpack(savedKeySeg, 0, savedKeyLen);
            k.defaultRc = 0;
            c = seekIndexInternal(k);
        }
        if (state == INVALID) {
            return;
        }
        if (c == 0) {
            skipNext = prevSkip;
            state = prevSkip != 0 ? SKIPNEXT : VALID;
        } else {
            skipNext = c;
            state = SKIPNEXT;
        }
    }

    // ------------------------------------------------------------------ navigation

    private void ensureTxn() {
        if (bt.pager.state() == dev.panamax.storage.pager.Pager.State.NONE) {
            bt.beginRead();
        }
    }

    private void moveToRoot() {
        if (state == FAULT) {
            throw new DbException(ResultCode.ABORT_ROLLBACK, "abort due to ROLLBACK");
        }
        infoValid = false;
        decoderValid = false;
        atLast = false;
        skipNext = 0;
        if (depth >= 0 && pages[0] != null && pages[0].isInit) {
            for (int i = depth; i > 0; i--) {
                bt.releasePage(pages[i]);
                pages[i] = null;
            }
        } else {
            releaseAll();
            ensureTxn();
            if (emptyFile()) {
                state = INVALID;
                return;
            }
            MemPage root = bt.getPage(rootPgno);
            if (root.intKey != intKey) {
                bt.releasePage(root);
                throw Corrupt.page(rootPgno, intKey ? "root page of a table is an index page"
                        : "root page of an index is a table page");
            }
            pages[0] = root;
        }
        depth = 0;
        idx[0] = 0;
        MemPage root = pages[0];
        if (root.nCell > 0) {
            state = VALID;
        } else if (!root.leaf) {
            if (root.pgno != 1) {
                throw Corrupt.page(root.pgno, "interior root page with no cells");
            }
            state = VALID;
            moveToChild(root.rightChild());
        } else {
            state = INVALID;
        }
    }

    /**
     * True for sqlite_schema in a file of 0 pages (a database never written): it reads as an empty table, as in
     * SQLite's btreeCursor, until the first write creates page 1.
     */
    private boolean emptyFile() {
        return rootPgno == 1 && bt.pageCount() == 0;
    }

    private void moveToChild(int child) {
        if (depth >= Btree.MAX_DEPTH - 1) {
            throw Corrupt.page(pages[depth].pgno, "b-tree deeper than " + Btree.MAX_DEPTH + " (cycle?)");
        }
        MemPage parent = pages[depth];
        MemPage p = bt.getPage(child);
        if (p.nCell < 1 || p.intKey != intKey) {
            bt.releasePage(p);
            throw Corrupt.page(child, p.nCell < 1 ? "empty non-root page (child of page " + parent.pgno + ")"
                    : "page type differs from its parent " + parent.pgno);
        }
        depth++;
        pages[depth] = p;
        idx[depth] = 0;
        infoValid = false;
        decoderValid = false;
    }

    private void moveToParent() {
        bt.releasePage(pages[depth]);
        pages[depth] = null;
        depth--;
        infoValid = false;
        decoderValid = false;
    }

    private void moveToLeftmost() {
        MemPage p;
        while (!(p = pages[depth]).leaf) {
            moveToChild(p.childPgno(idx[depth]));
        }
    }

    private void moveToRightmost() {
        MemPage p;
        while (!(p = pages[depth]).leaf) {
            idx[depth] = p.nCell;
            moveToChild(p.rightChild());
        }
        idx[depth] = p.nCell - 1;
    }

    /** Moves to the first entry; false when the tree is empty. */
    public boolean first() {
        try {
            return firstImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private boolean firstImpl() {
        moveToRoot();
        if (state == INVALID) {
            return false;
        }
        moveToLeftmost();
        return true;
    }

    /** Moves to the last entry; false when the tree is empty. */
    public boolean last() {
        try {
            return lastImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private boolean lastImpl() {
        if (state == VALID && atLast) {
            return true;
        }
        moveToRoot();
        if (state == INVALID) {
            return false;
        }
        moveToRightmost();
        atLast = true;
        return true;
    }

    /** Moves to the next entry; false (and {@link #eof()}) past the last. */
    public boolean next() {
        try {
            return nextImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private boolean nextImpl() {
        if (state != VALID) {
            restoreIfNeeded();
            if (state == INVALID) {
                return false;
            }
            if (state == SKIPNEXT) {
                state = VALID;
                if (skipNext > 0) {
                    skipNext = 0;
                    return true;
                }
                skipNext = 0;
            }
        }
        infoValid = false;
        decoderValid = false;
        MemPage p = pages[depth];
        int i = ++idx[depth];
        if (i >= p.nCell) {
            if (!p.leaf) {
                moveToChild(p.rightChild());
                moveToLeftmost();
                return true;
            }
            do {
                if (depth == 0) {
                    state = INVALID;
                    atLast = false;
                    return false;
                }
                moveToParent();
                p = pages[depth];
            } while (idx[depth] >= p.nCell);
            if (!p.intKey) {
                return true;
            }
            return nextImpl();
        }
        if (!p.leaf) {
            moveToLeftmost();
        }
        return true;
    }

    /** Moves to the previous entry; false (and {@link #eof()}) before the first. */
    public boolean prev() {
        try {
            return prevImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private boolean prevImpl() {
        if (state != VALID) {
            restoreIfNeeded();
            if (state == INVALID) {
                return false;
            }
            if (state == SKIPNEXT) {
                state = VALID;
                if (skipNext < 0) {
                    skipNext = 0;
                    return true;
                }
                skipNext = 0;
            }
        }
        atLast = false;
        infoValid = false;
        decoderValid = false;
        MemPage p = pages[depth];
        if (!p.leaf) {
            moveToChild(p.childPgno(idx[depth]));
            moveToRightmost();
            return true;
        }
        while (idx[depth] == 0) {
            if (depth == 0) {
                state = INVALID;
                return false;
            }
            moveToParent();
        }
        idx[depth]--;
        p = pages[depth];
        if (p.intKey && !p.leaf) {
            return prevImpl();
        }
        return true;
    }

    // ------------------------------------------------------------------ seek

    /**
     * Moves to the entry with rowid {@code key} or a neighbour (sqlite3BtreeTableMoveto). Table cursors only.
     *
     * @return 0 at an entry with that rowid; negative when the cursor is at an entry with a smaller rowid;
     *         positive when at a larger one; negative and {@link #eof()} when the table is empty
     */
    public int seekRowid(long key) {
        try {
            return seekRowidImpl(key);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private int seekRowidImpl(long key) {
        requireTable();
        if (state == VALID && depth >= 0 && pages[depth].leaf) {
            long cur = rowidInternal();
            if (cur == key) {
                return 0;
            }
            if (cur < key) {
                if (atLast) {
                    return -1;
                }
                if (cur + 1 == key && idx[depth] + 1 < pages[depth].nCell) {
                    idx[depth]++;
                    infoValid = false;
                    decoderValid = false;
                    if (rowidInternal() == key) {
                        return 0;
                    }
                    idx[depth]--;
                    infoValid = false;
                }
            }
        } else if (state == REQUIRESEEK || state == FAULT) {
            restoreIfNeeded();
        }
        return seekRowidInternal(key);
    }

    private int seekRowidInternal(long key) {
        moveToRoot();
        if (state == INVALID) {
            return -1;
        }
        while (true) {
            MemPage p = pages[depth];
            int lo = 0;
            int hi = p.nCell - 1;
            if (p.leaf) {
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    long k = p.intKeyAt(mid);
                    if (k < key) {
                        lo = mid + 1;
                    } else if (k > key) {
                        hi = mid - 1;
                    } else {
                        idx[depth] = mid;
                        state = VALID;
                        return 0;
                    }
                }
                state = VALID;
                if (lo < p.nCell) {
                    idx[depth] = lo;
                    return 1;
                }
                idx[depth] = p.nCell - 1;
                return -1;
            }
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (p.intKeyAt(mid) < key) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            idx[depth] = lo;
            moveToChild(lo < p.nCell ? p.childPgno(lo) : p.rightChild());
        }
    }

    /**
     * Moves to the entry equal to {@code key} or a neighbour (sqlite3BtreeIndexMoveto). Index cursors only.
     * {@code key.defaultRc} decides where equal-prefix entries fall: 0 finds an equal entry, -1 lands after all
     * entries equal on the compared fields, +1 before them.
     *
     * @return 0 at an entry comparing equal; negative when the entry at the cursor sorts before the key; positive
     *         when after; negative and {@link #eof()} when the index is empty
     */
    public int seek(UnpackedRecord key) {
        try {
            return seekImpl(key);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private int seekImpl(UnpackedRecord key) {
        requireIndex();
        if (state == REQUIRESEEK || state == FAULT) {
            restoreIfNeeded();
        }
        return seekIndexInternal(key);
    }

    private int seekIndexInternal(UnpackedRecord key) {
        moveToRoot();
        if (state == INVALID) {
            return -1;
        }
        while (true) {
            MemPage p = pages[depth];
            int lo = 0;
            int hi = p.nCell - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareCell(p, mid, key);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    idx[depth] = mid;
                    state = VALID;
                    infoValid = false;
                    decoderValid = false;
                    return 0;
                }
            }
            if (p.leaf) {
                state = VALID;
                infoValid = false;
                decoderValid = false;
                if (lo < p.nCell) {
                    idx[depth] = lo;
                    return 1;
                }
                idx[depth] = p.nCell - 1;
                return -1;
            }
            idx[depth] = lo;
            moveToChild(lo < p.nCell ? p.childPgno(lo) : p.rightChild());
        }
    }

    private int compareCell(MemPage p, int i, UnpackedRecord key) {
        CellInfo ci = info;
        p.parseCell(p.cellPtr(i), ci);
        infoValid = false;
        if (ci.nLocal == ci.nPayload) {
            return comparator.compare(p.data(), ci.payloadOffset, ci.nPayload, key, p.pgno);
        }
        MemorySegment buf = payloadBuffer(ci.nPayload);
        Payload.read(bt, p, ci, 0, ci.nPayload, buf, 0);
        decoderValid = false;
        return comparator.compare(buf, 0, ci.nPayload, key, p.pgno);
    }

    /**
     * Compares the entry at the cursor with {@code key} (sqlite3VdbeIdxKeyCompare): negative when the entry sorts
     * before the key. For IdxGE/IdxGT/IdxLE/IdxLT.
     */
    public int compareCurrent(UnpackedRecord key) {
        try {
            return compareCurrentImpl(key);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private int compareCurrentImpl(UnpackedRecord key) {
        requireEntry();
        CellInfo ci = cellInfo();
        MemPage p = pages[depth];
        if (ci.nLocal == ci.nPayload) {
            return comparator.compare(p.data(), ci.payloadOffset, ci.nPayload, key, p.pgno);
        }
        loadPayload();
        return comparator.compare(payloadSeg, 0, ci.nPayload, key, p.pgno);
    }

    // ------------------------------------------------------------------ reading the current entry

    private CellInfo cellInfo() {
        if (!infoValid) {
            MemPage p = pages[depth];
            int i = idx[depth];
            if (i < 0 || i >= p.nCell) {
                throw Corrupt.page(p.pgno, "cursor index " + i + " past " + p.nCell + " cells");
            }
            p.parseCell(p.cellPtr(i), info);
            infoValid = true;
        }
        return info;
    }

    private void requireEntry() {
        restoreIfNeeded();
        if (state != VALID && state != SKIPNEXT) {
            throw new DbException(ResultCode.MISUSE, "cursor is not at an entry");
        }
    }

    private long rowidInternal() {
        return cellInfo().nKey;
    }

    /** The rowid of the current entry (table cursors). */
    public long rowid() {
        try {
            return rowidImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private long rowidImpl() {
        requireTable();
        requireEntry();
        return rowidInternal();
    }

    /** Bytes of the current entry's payload (the record). */
    public int payloadSize() {
        try {
            return payloadSizeImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private int payloadSizeImpl() {
        requireEntry();
        return cellInfo().nPayload;
    }

    /** Copies {@code amount} payload bytes from {@code offset} into {@code dst[dstOff..]} (sqlite3BtreePayload). */
    public void payload(int offset, int amount, byte[] dst, int dstOff) {
        try {
            payloadImpl(offset, amount, dst, dstOff);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private void payloadImpl(int offset, int amount, byte[] dst, int dstOff) {
        requireEntry();
        if (dst != dstArray) {
            dstArray = dst;
            dstSegment = MemorySegment.ofArray(dst);
        }
        Payload.read(bt, pages[depth], cellInfo(), offset, amount, dstSegment, dstOff);
    }

    /** The whole payload of the current entry as a new array (convenience; allocates). */
    public byte[] payloadBytes() {
        int n = payloadSize();
        checkPayloadSize(n);
        byte[] b = new byte[n];
        payload(0, n, b, 0);
        return b;
    }

    /**
     * Decodes field {@code i} of the current entry's record into {@code out} (OP_Column): the record header is parsed
     * once per row; TEXT and BLOB are copied into {@code out}'s own buffer; fields past the end read as NULL.
     */
    public void column(int i, Mem out) {
        recordDecoder().column(i, out);
    }

    /** The number of fields in the current entry's record. */
    public int columnCount() {
        return recordDecoder().fieldCount();
    }

    /** The serial type of field {@code i} of the current record (for typeof/length without decoding). */
    public int columnSerialType(int i) {
        return recordDecoder().serialType(i);
    }

    /** The record decoder positioned on the current entry's record. */
    public RecordDecoder recordDecoder() {
        try {
            return recordDecoderImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private RecordDecoder recordDecoderImpl() {
        requireEntry();
        if (!decoderValid) {
            CellInfo ci = cellInfo();
            MemPage p = pages[depth];
            decoder.setEncoding(bt.encoding);
            if (ci.nLocal == ci.nPayload) {
                decoder.reset(p.data(), ci.payloadOffset, ci.nPayload, p.pgno);
            } else {
                loadPayload();
                decoder.reset(payloadSeg, 0, ci.nPayload, p.pgno);
            }
            decoderValid = true;
        }
        return decoder;
    }

    private void loadPayload() {
        CellInfo ci = cellInfo();
        MemorySegment buf = payloadBuffer(ci.nPayload);
        Payload.read(bt, pages[depth], ci, 0, ci.nPayload, buf, 0);
    }

    private MemorySegment payloadBuffer(int n) {
        checkPayloadSize(n);
        if (payloadBuf.length < n) {
            payloadBuf = new byte[Math.max(n, payloadBuf.length * 2)];
            payloadSeg = MemorySegment.ofArray(payloadBuf);
        }
        return payloadSeg;
    }

    /**
     * The largest rowid in the table, 0 when it is empty (for OP_NewRowid: the new rowid is this plus one). Leaves
     * the cursor at the last entry.
     */
    public long maxRowid() {
        requireTable();
        return last() ? rowid() : 0;
    }

    /** The number of entries in the tree (sqlite3BtreeCount). */
    public long count() {
        try {
            return countImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private long countImpl() {
        ensureTxn();
        return emptyFile() ? 0 : TreeWalker.count(bt, rootPgno);
    }

    // ------------------------------------------------------------------ insert and delete

    /**
     * Inserts or replaces the row {@code rowid} with record {@code data[off, off+len)} (table cursors). With
     * {@code append} the caller promises the rowid is larger than every rowid in the table (OP_Insert's APPEND
     * hint), which skips the search. The cursor is left at the new entry.
     */
    public void insert(long rowid, byte[] data, int off, int len, boolean append) {
        try {
            insertImpl(rowid, data, off, len, append);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private void insertImpl(long rowid, byte[] data, int off, int len, boolean append) {
        requireTable();
        requireWriteCursor();
        bt.saveAllCursors(rootPgno, this);
        int loc;
        if (append && state == VALID && atLast && rowidInternal() < rowid) {
            loc = -1;
        } else {
            if (state == REQUIRESEEK || state == SKIPNEXT) {
                releaseAll();
                state = INVALID;
            }
            loc = seekRowidImpl(rowid);
        }
        insertAt(loc, rowid, wrap(data), off, len);
        if (state != VALID) {
            seekRowidInternal(rowid);
        }
        atLast = isAtLastEntry();
    }

    /**
     * Inserts the index key {@code key[off, off+len)} (a record; index cursors). An equal key already present is
     * replaced. The cursor is left at the new entry.
     */
    public void insertKey(byte[] key, int off, int len) {
        try {
            insertKeyImpl(key, off, len);
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private void insertKeyImpl(byte[] key, int off, int len) {
        requireIndex();
        requireWriteCursor();
        bt.saveAllCursors(rootPgno, this);
        MemorySegment src = wrap(key);
        UnpackedRecord k = unpack(src, off, len);
        k.defaultRc = 0;
        if (state == REQUIRESEEK || state == SKIPNEXT) {
            releaseAll();
            state = INVALID;
        }
        int loc = seekIndexInternal(k);
        insertAt(loc, 0, src, off, len);
        if (state != VALID) {
            UnpackedRecord again = unpack(src, off, len);
            again.defaultRc = 0;
            seekIndexInternal(again);
        }
    }

    private void insertAt(int loc, long rowid, MemorySegment src, int off, int len) {
        MemPage p;
        if (state == INVALID) {
            moveToRoot();
        }
        p = pages[depth];
        int i = idx[depth];
        MemorySegment cell = cellBuffer();
        int size = Payload.buildLeafCell(bt, cell, intKey, rowid, src, off, len, p.pgno);
        bt.writePage(p);
        int childPgno = 0;
        if (state == VALID && loc == 0) {
            CellInfo old = new CellInfo();
            p.parseCell(p.cellPtr(i), old);
            Payload.freeChain(bt, p, old);
            if (!p.leaf) {
                childPgno = p.childPgno(i);
                cell = interiorCopy(cell, size, childPgno);
                size += 4;
            }
            p.dropCell(i, old.nSize);
        } else if (loc < 0 && p.nCell > 0) {
            i++;
        }
        if (!p.leaf && childPgno == 0) {
            throw Corrupt.page(p.pgno, "insert position on an interior page");
        }
        p.insertCell(i, cell, 0, size, childPgno);
        infoValid = false;
        decoderValid = false;
        if (p.nOverflow > 0) {
            bt.balancer().balance(pages, idx, depth);
            releaseAll();
            state = INVALID;
            atLast = false;
            return;
        }
        if (bt.autoVacuum && p.leaf) {
            CellInfo ci = cellInfoAt(p, i);
            if (ci.overflowPgno != 0) {
                bt.freeList.ptrmapPut(ci.overflowPgno, FreeList.PTRMAP_OVERFLOW1, p.pgno);
            }
        }
        idx[depth] = i;
        state = VALID;
    }

    private CellInfo cellInfoAt(MemPage p, int i) {
        p.parseCell(p.cellPtr(i), info);
        infoValid = false;
        return info;
    }

    private MemorySegment interiorCopy(MemorySegment cell, int size, int childPgno) {
        MemorySegment c = MemorySegment.ofArray(new byte[size + 4]);
        dev.panamax.storage.format.Bytes.put4(c, 0, childPgno);
        MemorySegment.copy(cell, 0, c, 4, size);
        return c;
    }

    /**
     * Deletes the entry at the cursor (sqlite3BtreeDelete). Afterwards the cursor sits between the deleted entry's
     * neighbours, so that {@link #next()} moves to the entry after the deleted one and {@link #prev()} to the one
     * before it, as SQLite's BTREE_SAVEPOSITION gives {@code DELETE ... WHERE} loops.
     */
    public void delete() {
        try {
            deleteImpl();
        } catch (IndexOutOfBoundsException e) {
            throw corruptHere(e);
        }
    }

    private void deleteImpl() {
        requireWriteCursor();
        requireEntry();
        if (state == SKIPNEXT) {
            throw new DbException(ResultCode.MISUSE, "cursor is not at an entry");
        }
        bt.saveAllCursors(rootPgno, this);
        if (intKey) {
            savedRowid = rowidInternal();
        } else {
            saveKeyBytes();
        }
        int cellDepth = depth;
        MemPage p = pages[depth];
        int i = idx[depth];
        CellInfo ci = delInfo;
        ci.copyFrom(cellInfo());
        int cellSize = ci.nSize;
        bt.writePage(p);
        if (!p.leaf) {
            prevForDelete();
        }
        Payload.freeChain(bt, p, ci);
        p.dropCell(i, cellSize);
        if (cellDepth < depth) {
            replaceInteriorCell(p, i, cellDepth);
        }
        boolean leafOnly = cellDepth == depth;
        MemPage leaf = pages[depth];
        if (leafOnly && leaf.nOverflow == 0 && (depth == 0 || leaf.freeSpace() <= bt.usableSize * 2 / 3)
                && leaf.nCell > 0) {
            infoValid = false;
            decoderValid = false;
            if (i < leaf.nCell) {
                idx[depth] = i;
                skipNext = 1;
            } else {
                idx[depth] = leaf.nCell - 1;
                skipNext = -1;
            }
            state = SKIPNEXT;
            return;
        }
        bt.balancer().balance(pages, idx, depth);
        if (cellDepth < depth && pages[cellDepth + 1] != null) {
            for (int d = depth; d > cellDepth; d--) {
                if (pages[d] != null) {
                    bt.releasePage(pages[d]);
                    pages[d] = null;
                }
            }
            bt.balancer().balance(pages, idx, cellDepth);
        }
        releaseAll();
        skipNext = 0;
        state = REQUIRESEEK;
    }

    /** True when every level of the stack is at its last child or cell: the cursor is at the tree's last entry. */
    private boolean isAtLastEntry() {
        if (state != VALID) {
            return false;
        }
        for (int d = 0; d < depth; d++) {
            if (idx[d] != pages[d].nCell) {
                return false;
            }
        }
        return pages[depth].leaf && idx[depth] == pages[depth].nCell - 1;
    }

    /** From an interior cell, moves to the last entry of its left subtree (the in-order predecessor leaf). */
    private void prevForDelete() {
        MemPage p = pages[depth];
        moveToChild(p.childPgno(idx[depth]));
        moveToRightmost();
        for (int d = 0; d <= depth; d++) {
            bt.writePage(pages[d]);
        }
    }

    /** Replaces the deleted interior cell with the last cell of the predecessor leaf. */
    private void replaceInteriorCell(MemPage interior, int i, int cellDepth) {
        MemPage leaf = pages[depth];
        int li = leaf.nCell - 1;
        int off = leaf.cellPtr(li);
        int size = leaf.cellSize(off);
        MemorySegment c = MemorySegment.ofArray(new byte[size + 4]);
        MemorySegment.copy(leaf.data(), off, c, 4, size);
        int child = pages[cellDepth + 1].pgno;
        interior.insertCell(i, c, 0, size + 4, child);
        if (bt.autoVacuum && interior.nOverflow == 0) {
            interior.parseCell(interior.cellPtr(i), delInfo);
            if (delInfo.overflowPgno != 0) {
                bt.freeList.ptrmapPut(delInfo.overflowPgno, FreeList.PTRMAP_OVERFLOW1, interior.pgno);
            }
        }
        leaf.dropCell(li, size);
    }

    // ------------------------------------------------------------------ helpers

    /** A read past a page image means the page is malformed: CORRUPT naming the page the cursor is on. */
    private DbException corruptHere(IndexOutOfBoundsException e) {
        int pgno = depth >= 0 && pages[depth] != null ? pages[depth].pgno : rootPgno;
        DbException x = Corrupt.page(pgno, "read past the end of a page");
        x.initCause(e);
        return x;
    }

    /** Decodes a record into this cursor's scratch UnpackedRecord (sqlite3VdbeRecordUnpack). */
    private UnpackedRecord unpack(MemorySegment src, long off, int len) {
        RecordDecoder d = unpackDecoder;
        d.setEncoding(bt.encoding);
        d.reset(src, off, len, 0);
        int n = d.fieldCount();
        if (scratchKey == null || scratchKey.fields.length < n) {
            scratchKey = UnpackedRecord.allocate(keyInfo, Math.max(n, keyInfo.fieldCount()));
        }
        for (int k = 0; k < n; k++) {
            d.column(k, scratchKey.fields[k]);
        }
        scratchKey.keyInfo = keyInfo;
        scratchKey.fieldCount = n;
        scratchKey.eqSeen = false;
        return scratchKey;
    }

    /**
     * A segment over the caller's array, reused while the caller passes the same array (a RecordEncoder's buffer
     * is the same array row after row), so inserting allocates nothing per row.
     */
    private MemorySegment wrap(byte[] a) {
        if (a != wrappedArray) {
            wrappedArray = a;
            wrappedSegment = MemorySegment.ofArray(a);
        }
        return wrappedSegment;
    }

    private MemorySegment cellBuffer() {
        if (cellBuf == null) {
            cellBuf = MemorySegment.ofArray(new byte[bt.pageSize + 32]);
        }
        return cellBuf;
    }

    private void requireTable() {
        if (!intKey) {
            throw new DbException(ResultCode.MISUSE, "rowid operation on an index cursor");
        }
    }

    private void requireIndex() {
        if (intKey) {
            throw new DbException(ResultCode.MISUSE, "key operation on a table cursor");
        }
    }

    private void requireWriteCursor() {
        if (!write) {
            throw new DbException(ResultCode.MISUSE, "write on a read cursor");
        }
        bt.requireWrite();
        if (state == FAULT) {
            throw new DbException(ResultCode.ABORT_ROLLBACK, "abort due to ROLLBACK");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        releaseAll();
        state = INVALID;
        closed = true;
        skipNext = 0;
        atLast = false;
        bt.unlinkCursor(this);
    }

    @Override
    public String toString() {
        return "BtCursor(root " + rootPgno + ", state " + state + ", depth " + depth + ", idx "
                + Arrays.toString(Arrays.copyOf(idx, Math.max(0, depth + 1))) + ")";
    }

}
