package dev.panamax.storage.btree;

import dev.panamax.api.DbException;
import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordDecoder;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.storage.pager.Page;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The B-tree part of PRAGMA integrity_check (SQLite's sqlite3BtreeIntegrityCheck): every page reachable from the
 * roots and the freelist is visited once, cells are checked against the page bounds and each other, rowids for
 * order, overflow chains for length, the pointer map for agreement, and at the end every page of the file must
 * have been seen. Messages follow SQLite 3.53's texts ("Tree 2 page 5 cell 3: Rowid 7 out of order",
 * "Page 9: never used", ...). For index trees with a {@link KeyInfo}, keys are also checked for order.
 */
final class IntegrityCheck {
    private final Btree bt;
    private int maxErrors;
    private final List<String> messages = new ArrayList<>();
    private final BitSet seen = new BitSet();
    private int nPage;
    private String prefix;
    private int root;
    private int curPage;
    private int curCell;
    private long nRow;
    private long[] intervals = new long[64];
    /** Recursion depth; a real tree is a few levels deep, so a long chain of interior pages is corruption. */
    private int treeDepth;
    private static final int MAX_CHECK_DEPTH = 2 * Btree.MAX_DEPTH;
    private KeyInfo keyInfo;
    private byte[] prevKey = new byte[0];
    private int prevKeyLen = -1;
    private UnpackedRecord prevUnpacked;
    private final dev.panamax.storage.format.RecordComparator comparator =
            new dev.panamax.storage.format.RecordComparator();

    IntegrityCheck(Btree bt, int maxErrors) {
        this.bt = bt;
        this.maxErrors = maxErrors;
    }

    List<String> run(int[] roots, KeyInfo[] keyInfos, long[] rowCounts) {
        nPage = bt.pager.pageCount();
        if (nPage == 0) {
            return messages;
        }
        int pending = bt.pendingBytePage();
        if (pending <= nPage) {
            seen.set(pending);
        }
        Page p1 = bt.pager.get(1);
        int trunk;
        int freeCount;
        int maxRootInHeader;
        int incr;
        try {
            MemorySegment h = p1.data();
            trunk = DbHeader.freelistTrunk(h);
            freeCount = DbHeader.freelistCount(h);
            maxRootInHeader = DbHeader.meta(h, DbHeader.META_LARGEST_ROOT_PAGE);
            incr = DbHeader.meta(h, DbHeader.META_INCR_VACUUM);
        } finally {
            bt.pager.release(p1);
        }
        boolean partial = roots.length > 1 && roots[0] == 0;
        if (!partial || roots[1] == 1) {
            prefix = "Freelist: ";
            checkList(true, trunk, freeCount);
            prefix = null;
        }
        if (partial) {
            checkTrees(roots, keyInfos, rowCounts, true);
            return messages;
        }
        if (bt.autoVacuum) {
            int mx = 0;
            for (int r : roots) {
                mx = Math.max(mx, r);
            }
            if (mx != maxRootInHeader) {
                append("max rootpage (" + u(mx) + ") disagrees with header (" + u(maxRootInHeader) + ")");
            }
        } else if (incr != 0) {
            append("incremental_vacuum enabled with a max rootpage of zero");
        }
        checkTrees(roots, keyInfos, rowCounts, false);
        for (int i = 1; i <= nPage && maxErrors > 0; i++) {
            boolean ptrmap = bt.autoVacuum && bt.freeList.isPtrmapPage(i);
            if (!seen.get(i) && !ptrmap) {
                appendRaw("Page " + u(i) + ": never used");
            }
            if (seen.get(i) && ptrmap) {
                appendRaw("Page " + u(i) + ": pointer map referenced");
            }
        }
        return messages;
    }

    private void checkTrees(int[] roots, KeyInfo[] keyInfos, long[] rowCounts, boolean partial) {
        for (int i = 0; i < roots.length && maxErrors > 0; i++) {
            nRow = 0;
            if (roots[i] != 0) {
                if (bt.autoVacuum && roots[i] > 1 && !partial) {
                    checkPtrmap(roots[i], FreeList.PTRMAP_ROOTPAGE, 0);
                }
                root = roots[i];
                keyInfo = keyInfos != null && i < keyInfos.length ? keyInfos[i] : null;
                prevKeyLen = -1;
                checkTreePage(roots[i], new long[1], Long.MAX_VALUE);
            }
            if (rowCounts != null && i < rowCounts.length) {
                rowCounts[i] = nRow;
            }
        }
    }

    // ------------------------------------------------------------------ messages

    private void append(String msg) {
        if (maxErrors <= 0) {
            return;
        }
        maxErrors--;
        String p = prefix == null ? "" : prefix.replace("%R", u(root)).replace("%P", u(curPage))
                .replace("%C", Integer.toString(curCell));
        messages.add(p + msg);
    }

    private void appendRaw(String msg) {
        String saved = prefix;
        prefix = null;
        append(msg);
        prefix = saved;
    }

    private static String u(int v) {
        return Integer.toUnsignedString(v);
    }

    /** Marks a page seen; false (with a message) when it is out of range or seen before (checkRef). */
    private boolean checkRef(int pgno) {
        if (pgno == 0 || Integer.compareUnsigned(pgno, nPage) > 0) {
            append("invalid page number " + u(pgno));
            return false;
        }
        if (seen.get(pgno)) {
            append("2nd reference to page " + u(pgno));
            return false;
        }
        seen.set(pgno);
        return true;
    }

    private void checkPtrmap(int child, int type, int parent) {
        long e;
        try {
            e = ptrmapRaw(child);
        } catch (DbException ex) {
            append("Failed to read ptrmap key=" + u(child));
            return;
        }
        int gotType = (int) (e >>> 32);
        int gotParent = (int) e;
        if (gotType != type || gotParent != parent) {
            append("Bad ptr map entry key=" + u(child) + " expected=(" + type + "," + u(parent) + ") got=("
                    + gotType + "," + u(gotParent) + ")");
        }
    }

    private long ptrmapRaw(int key) {
        FreeList fl = bt.freeList;
        int pm = fl.ptrmapPageFor(key);
        int off = 5 * (key - pm - 1);
        if (key < 2 || off < 0 || pm > nPage) {
            throw dev.panamax.storage.format.Corrupt.page(pm, "pointer map");
        }
        Page p = bt.pager.get(pm);
        try {
            return ((long) Bytes.get1(p.data(), off) << 32) | (Bytes.get4(p.data(), off + 1) & 0xffffffffL);
        } finally {
            bt.pager.release(p);
        }
    }

    // ------------------------------------------------------------------ lists

    /** Walks a freelist (trunks and leaves) or an overflow chain of {@code n} pages (checkList). */
    private void checkList(boolean isFreeList, int pgno, int n) {
        long expected = n & 0xffffffffL;
        long remaining = expected;
        int errsAtStart = messages.size();
        while (pgno != 0 && maxErrors > 0) {
            if (!checkRef(pgno)) {
                break;
            }
            remaining--;
            Page p;
            try {
                p = bt.pager.get(pgno);
            } catch (DbException e) {
                append("failed to get page " + u(pgno));
                break;
            }
            try {
                MemorySegment d = p.data();
                if (isFreeList) {
                    remaining = checkTrunk(pgno, d, remaining);
                } else if (bt.autoVacuum && remaining > 0) {
                    checkPtrmap(Bytes.get4(d, 0), FreeList.PTRMAP_OVERFLOW2, pgno);
                }
                pgno = Bytes.get4(d, 0);
            } finally {
                bt.pager.release(p);
            }
        }
        if (remaining != 0 && errsAtStart == messages.size()) {
            append((isFreeList ? "size" : "overflow list length") + " is " + (expected - remaining)
                    + " but should be " + expected);
        }
    }

    private long checkTrunk(int pgno, MemorySegment d, long remaining) {
        long n = Bytes.get4(d, 4) & 0xffffffffL;
        if (bt.autoVacuum) {
            checkPtrmap(pgno, FreeList.PTRMAP_FREEPAGE, 0);
        }
        if (n > bt.usableSize / 4 - 2) {
            append("freelist leaf count too big on page " + u(pgno));
            return remaining - 1;
        }
        for (int i = 0; i < n; i++) {
            int leaf = Bytes.get4(d, 8 + i * 4);
            if (bt.autoVacuum) {
                checkPtrmap(leaf, FreeList.PTRMAP_FREEPAGE, 0);
            }
            checkRef(leaf);
        }
        return remaining - n;
    }

    // ------------------------------------------------------------------ trees

    /**
     * Checks the subtree at {@code pgno}, whose rowids must not exceed {@code maxKey}; {@code minKey[0]} receives
     * the smallest rowid seen. Returns the subtree's depth.
     */
    private int checkTreePage(int pgno, long[] minKey, long maxKey) {
        if (pgno == 0) {
            return 0;
        }
        if (treeDepth >= MAX_CHECK_DEPTH) {
            append("b-tree deeper than " + MAX_CHECK_DEPTH + " levels at page " + u(pgno));
            return 0;
        }
        treeDepth++;
        try {
            return checkTreePageAt(pgno, minKey, maxKey);
        } finally {
            treeDepth--;
        }
    }

    private int checkTreePageAt(int pgno, long[] minKey, long maxKey) {
        if (!checkRef(pgno)) {
            return 0;
        }
        String savedPrefix = prefix;
        int savedPage = curPage;
        int savedCell = curCell;
        prefix = "Tree %R page %P: ";
        curPage = pgno;
        int depth = -1;
        Page raw;
        try {
            raw = bt.pager.get(pgno);
        } catch (DbException e) {
            append("unable to get the page. error code=" + e.code().code());
            restore(savedPrefix, savedPage, savedCell);
            return 0;
        }
        MemPage page = new MemPage(bt, raw);
        try {
            try {
                page.init();
            } catch (DbException e) {
                append("btreeInitPage() returns error code " + e.code().primary().code());
                return 0;
            }
            try {
                page.freeSpace();
            } catch (DbException e) {
                append("free space corruption");
                return 0;
            }
            depth = checkCells(page, minKey, maxKey);
        } catch (DbException e) {
            append("btreeInitPage() returns error code " + e.code().primary().code());
        } catch (IndexOutOfBoundsException e) {
            append("btreeInitPage() returns error code 11");
        } finally {
            bt.pager.release(raw);
            restore(savedPrefix, savedPage, savedCell);
        }
        return depth + 1;
    }

    private void restore(String p, int page, int cell) {
        prefix = p;
        curPage = page;
        curCell = cell;
    }

    private int checkCells(MemPage page, long[] minKey, long maxKey) {
        boolean keyCanBeEqual = true;
        MemorySegment d = page.data();
        int hdr = page.hdrOffset;
        int usable = bt.usableSize;
        int contentOffset = page.contentStart();
        int nCell = page.nCell;
        int cellStart = page.cellOffset;
        int depth = -1;
        boolean coverage = true;
        int nIv = 0;
        if (!page.leaf) {
            int right = page.rightChild();
            if (bt.autoVacuum) {
                prefix = "Tree %R page %P right child: ";
                checkPtrmap(right, FreeList.PTRMAP_BTREE, page.pgno);
            }
            long[] mk = {maxKey};
            depth = checkTreePage(right, mk, maxKey);
            maxKey = mk[0];
            keyCanBeEqual = false;
        }
        prefix = "Tree %R page %P cell %C: ";
        CellInfo info = new CellInfo();
        for (int i = nCell - 1; i >= 0 && maxErrors > 0; i--) {
            curCell = i;
            int pc = Bytes.get2(d, cellStart + 2 * i);
            if (pc < contentOffset || pc > usable - 4) {
                append("Offset " + pc + " out of range " + contentOffset + ".." + (usable - 4));
                coverage = false;
                continue;
            }
            if (!parseWithinPage(page, pc, info)) {
                append("Extends off end of page");
                coverage = false;
                continue;
            }
            if (page.intKey) {
                if (keyCanBeEqual ? info.nKey > maxKey : info.nKey >= maxKey) {
                    append("Rowid " + info.nKey + " out of order");
                }
                maxKey = info.nKey;
                keyCanBeEqual = false;
            } else if (keyInfo != null) {
                checkKeyOrder(page, info);
            }
            if (info.nPayload > info.nLocal) {
                checkOverflow(page, d, pc, info);
            }
            if (!page.leaf) {
                int child = Bytes.get4(d, pc);
                if (bt.autoVacuum) {
                    checkPtrmap(child, FreeList.PTRMAP_BTREE, page.pgno);
                }
                long[] mk = {maxKey};
                int d2 = checkTreePage(child, mk, maxKey);
                maxKey = mk[0];
                keyCanBeEqual = false;
                if (d2 != depth) {
                    prefix = "Tree %R page %P cell %C: ";
                    curCell = i;
                    append("Child page depth differs");
                    depth = d2;
                }
                prefix = "Tree %R page %P cell %C: ";
            } else {
                nIv = addInterval(nIv, pc, pc + info.nSize - 1);
            }
        }
        minKey[0] = maxKey;
        if (page.leaf || !page.intKey) {
            nRow += nCell;
        }
        prefix = null;
        if (coverage && maxErrors > 0) {
            checkCoverage(page, d, hdr, contentOffset, nIv);
        }
        return depth;
    }

    /** Parses the cell at {@code pc}; false when it does not fit on the page. */
    private boolean parseWithinPage(MemPage page, int pc, CellInfo info) {
        try {
            page.parseCell(pc, info);
        } catch (DbException | IndexOutOfBoundsException e) {
            return false;
        }
        return pc + info.nSize <= bt.usableSize;
    }

    /** The overflow chain of a cell: its length, and its pointer-map entries in auto_vacuum databases. */
    private void checkOverflow(MemPage page, MemorySegment d, int pc, CellInfo info) {
        int usable = bt.usableSize;
        int nOvfl = (int) (((long) info.nPayload - info.nLocal + usable - 5) / (usable - 4));
        int first = Bytes.get4(d, pc + info.nSize - 4);
        if (bt.autoVacuum) {
            checkPtrmap(first, FreeList.PTRMAP_OVERFLOW1, page.pgno);
        }
        checkList(false, first, nOvfl);
    }

    private int addInterval(int n, int start, int end) {
        if (n == intervals.length) {
            intervals = Arrays.copyOf(intervals, n * 2);
        }
        intervals[n] = ((long) start << 32) | end;
        return n + 1;
    }

    /** Every byte of the content area is in exactly one cell or freeblock, or counted as a fragment. */
    private void checkCoverage(MemPage page, MemorySegment d, int hdr, int contentOffset, int nIv) {
        if (!page.leaf) {
            nIv = 0;
            for (int i = page.nCell - 1; i >= 0; i--) {
                int pc = Bytes.get2(d, page.cellOffset + 2 * i);
                int size = page.cellSizeAt(d, pc);
                nIv = addInterval(nIv, pc, pc + size - 1);
            }
        }
        int i = Bytes.get2(d, hdr + 1);
        while (i > 0) {
            int size = Bytes.get2(d, i + 2);
            nIv = addInterval(nIv, i, i + size - 1);
            i = Bytes.get2(d, i);
        }
        Arrays.sort(intervals, 0, nIv);
        long nFrag = 0;
        int prevEnd = contentOffset - 1;
        boolean overlap = false;
        for (int k = 0; k < nIv; k++) {
            int s = (int) (intervals[k] >>> 32);
            int e = (int) intervals[k];
            if (prevEnd >= s) {
                append("Multiple uses for byte " + s + " of page " + u(page.pgno));
                overlap = true;
                break;
            }
            nFrag += s - prevEnd - 1;
            prevEnd = e;
        }
        nFrag += bt.usableSize - prevEnd - 1;
        int reported = Bytes.get1(d, hdr + 7);
        if (!overlap && nFrag != reported) {
            append("Fragmentation of " + nFrag + " bytes reported as " + reported + " on page " + u(page.pgno));
        }
    }

    /** Index keys must ascend (visited here in descending order: each key must not exceed the previous one). */
    private void checkKeyOrder(MemPage page, CellInfo info) {
        if (info.nPayload > (long) nPage * bt.usableSize) {
            return;
        }
        byte[] key = new byte[info.nPayload];
        try {
            Payload.read(bt, page, info, 0, info.nPayload, MemorySegment.ofArray(key), 0);
        } catch (DbException e) {
            return;
        }
        if (prevKeyLen >= 0) {
            RecordDecoder dec = new RecordDecoder(bt.encoding);
            dec.reset(MemorySegment.ofArray(prevKey), 0, prevKeyLen, page.pgno);
            int n;
            try {
                n = dec.fieldCount();
            } catch (DbException e) {
                n = 0;
            }
            if (prevUnpacked == null || prevUnpacked.fields.length < n) {
                prevUnpacked = UnpackedRecord.allocate(keyInfo, Math.max(n, 1));
            }
            for (int k = 0; k < n; k++) {
                try {
                    dec.column(k, prevUnpacked.fields[k]);
                } catch (DbException e) {
                    prevUnpacked.fields[k].setNull();
                }
            }
            prevUnpacked.keyInfo = keyInfo.withEncoding(bt.encoding);
            prevUnpacked.fieldCount = n;
            prevUnpacked.defaultRc = 0;
            int c;
            try {
                c = comparator.compare(MemorySegment.ofArray(key), 0, key.length, prevUnpacked, page.pgno);
            } catch (DbException e) {
                append("malformed index key");
                c = 0;
            }
            if (c > 0) {
                append("Index key out of order");
            }
        }
        prevKey = key;
        prevKeyLen = key.length;
    }
}
