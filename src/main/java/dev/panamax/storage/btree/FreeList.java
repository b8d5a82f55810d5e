package dev.panamax.storage.btree;

import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.pager.Page;
import java.lang.foreign.MemorySegment;

/**
 * Page allocation (SQLite's allocateBtreePage/freePage) over the freelist, and the pointer map of auto_vacuum
 * databases (ptrmapPut/ptrmapGet).
 *
 * <pre>
 *   freelist trunk page:  4 next trunk | 4 leaf count k | k x 4 leaf page numbers
 *   freelist leaf page:   unused content
 *   pointer-map page:     5-byte entries for the pages that follow it: 1 type | 4 parent page
 *                         types: 1 root, 2 free, 3 first overflow page, 4 later overflow page, 5 non-root b-tree
 * </pre>
 *
 * <p>A trunk takes new leaves only while it has fewer than {@code usable/4 - 8} (the limit older SQLite versions
 * need); a trunk with more than {@code usable/4 - 2} is corrupt.
 */
final class FreeList {
    static final int PTRMAP_ROOTPAGE = 1;
    static final int PTRMAP_FREEPAGE = 2;
    static final int PTRMAP_OVERFLOW1 = 3;
    static final int PTRMAP_OVERFLOW2 = 4;
    static final int PTRMAP_BTREE = 5;

    /** Allocation modes (SQLite's BTALLOC_*). */
    static final int ANY = 0;
    static final int EXACT = 1;
    static final int LE = 2;

    private final Btree bt;

    FreeList(Btree bt) {
        this.bt = bt;
    }

    /** A new page, pinned and writable, content undefined (callers zero or fill it). Prefers the freelist. */
    MemPage allocate(int nearby, boolean exact) {
        return allocate(nearby, exact ? EXACT : ANY);
    }

    MemPage allocate(int nearby, int mode) {
        Page p1 = bt.pager.get(1);
        try {
            MemorySegment h = p1.data();
            int n = DbHeader.freelistCount(h);
            int mxPage = bt.pager.pageCount();
            if (Integer.compareUnsigned(n, mxPage) >= 0 && n != 0) {
                throw Corrupt.page(1, "freelist count " + Integer.toUnsignedString(n) + " exceeds page count");
            }
            if (n > 0) {
                return takeFromFreelist(p1, n, nearby, mode, mxPage);
            }
            return extendFile();
        } finally {
            bt.pager.release(p1);
        }
    }

    private MemPage takeFromFreelist(Page p1, int n, int nearby, int mode, int mxPage) {
        boolean searchList = false;
        if (mode == EXACT && bt.autoVacuum && nearby <= mxPage && nearby > 1) {
            searchList = ptrmapType(ptrmapGet(nearby)) == PTRMAP_FREEPAGE;
        } else if (mode == LE) {
            searchList = true;
        }
        bt.pager.write(p1);
        DbHeader.setMeta(p1.data(), DbHeader.META_FREE_PAGE_COUNT, n - 1);
        int iTrunk = DbHeader.freelistTrunk(p1.data());
        Page prevTrunk = null;
        int maxLeaves = bt.usableSize / 4 - 2;
        try {
            for (int nSearch = 0; ; nSearch++) {
                if (iTrunk < 2 || iTrunk > mxPage || nSearch > n) {
                    throw Corrupt.page(iTrunk, "freelist trunk page out of range");
                }
                Page trunk = bt.pager.get(iTrunk);
                MemorySegment t = trunk.data();
                int k = Bytes.get4(t, 4);
                int next = Bytes.get4(t, 0);
                if (k == 0 && !searchList) {
                    bt.pager.write(trunk);
                    setNext(p1, prevTrunk, next);
                    return claim(trunk);
                }
                if (k < 0 || k > maxLeaves) {
                    bt.pager.release(trunk);
                    throw Corrupt.page(iTrunk, "freelist trunk leaf count " + Integer.toUnsignedString(k));
                }
                if (searchList && (nearby == iTrunk || (mode == LE && iTrunk < nearby))) {
                    bt.pager.write(trunk);
                    if (k == 0) {
                        setNext(p1, prevTrunk, next);
                    } else {
                        promoteFirstLeaf(p1, prevTrunk, trunk, k, mxPage);
                    }
                    return claim(trunk);
                }
                if (k > 0) {
                    int closest = searchList ? findLeaf(t, k, nearby, mode) : 0;
                    if (closest >= 0) {
                        int iPage = Bytes.get4(t, 8 + closest * 4);
                        if (iPage < 2 || iPage > mxPage) {
                            bt.pager.release(trunk);
                            throw Corrupt.page(iTrunk, "freelist leaf page " + Integer.toUnsignedString(iPage));
                        }
                        bt.pager.write(trunk);
                        t = trunk.data();
                        if (closest < k - 1) {
                            Bytes.put4(t, 8 + closest * 4, Bytes.get4(t, 4 + k * 4));
                        }
                        Bytes.put4(t, 4, k - 1);
                        bt.pager.release(trunk);
                        Page leaf = bt.pager.get(iPage);
                        bt.pager.write(leaf);
                        return claim(leaf);
                    }
                }
                if (prevTrunk != null) {
                    bt.pager.release(prevTrunk);
                }
                prevTrunk = trunk;
                iTrunk = next;
            }
        } finally {
            if (prevTrunk != null) {
                bt.pager.release(prevTrunk);
            }
        }
    }

    private static int findLeaf(MemorySegment t, int k, int nearby, int mode) {
        for (int i = 0; i < k; i++) {
            int pg = Bytes.get4(t, 8 + i * 4);
            if (mode == LE ? Integer.compareUnsigned(pg, nearby) <= 0 : pg == nearby) {
                return i;
            }
        }
        return -1;
    }

    private void setNext(Page p1, Page prevTrunk, int next) {
        if (prevTrunk == null) {
            Bytes.put4(p1.data(), DbHeader.OFF_FREELIST_TRUNK, next);
        } else {
            bt.pager.write(prevTrunk);
            Bytes.put4(prevTrunk.data(), 0, next);
        }
    }

    /** The trunk itself is wanted but holds leaves: its first leaf becomes the trunk in its place. */
    private void promoteFirstLeaf(Page p1, Page prevTrunk, Page trunk, int k, int mxPage) {
        MemorySegment t = trunk.data();
        int iNew = Bytes.get4(t, 8);
        if (iNew < 2 || iNew > mxPage) {
            throw Corrupt.page(trunk.pgno(), "freelist leaf page " + Integer.toUnsignedString(iNew));
        }
        Page nt = bt.pager.get(iNew);
        try {
            bt.pager.write(nt);
            invalidate(nt);
            MemorySegment d = nt.data();
            Bytes.put4(d, 0, Bytes.get4(t, 0));
            Bytes.put4(d, 4, k - 1);
            MemorySegment.copy(t, 12, d, 8, (k - 1) * 4L);
        } finally {
            bt.pager.release(nt);
        }
        setNext(p1, prevTrunk, iNew);
    }

    /** A new page at the end of the file, ignoring the freelist. */
    MemPage extend() {
        return extendFile();
    }

    private MemPage extendFile() {
        int pgno = bt.pager.pageCount() + 1;
        if (pgno == bt.pendingBytePage()) {
            pgno++;
        }
        if (bt.autoVacuum && isPtrmapPage(pgno)) {
            bt.pager.setPageCount(pgno);
            Page pm = bt.pager.get(pgno);
            bt.pager.write(pm);
            invalidate(pm);
            pm.data().fill((byte) 0);
            bt.pager.release(pm);
            pgno++;
            if (pgno == bt.pendingBytePage()) {
                pgno++;
            }
        }
        bt.pager.setPageCount(pgno);
        Page p = bt.pager.get(pgno);
        bt.pager.write(p);
        p.data().fill((byte) 0);
        return claim(p);
    }

    private MemPage claim(Page p) {
        invalidate(p);
        MemPage m = bt.memPage(p);
        m.isInit = false;
        return m;
    }

    private static void invalidate(Page p) {
        if (p.extra instanceof MemPage m) {
            m.isInit = false;
        }
    }

    /** Puts page {@code pgno} on the freelist (freePage). */
    void free(int pgno) {
        int mx = bt.pager.pageCount();
        if (pgno < 2 || pgno > mx) {
            throw Corrupt.page(pgno, "freeing page out of range");
        }
        Page p1 = bt.pager.get(1);
        try {
            bt.pager.write(p1);
            MemorySegment h = p1.data();
            int nFree = DbHeader.freelistCount(h);
            DbHeader.setMeta(h, DbHeader.META_FREE_PAGE_COUNT, nFree + 1);
            if (bt.autoVacuum) {
                ptrmapPut(pgno, PTRMAP_FREEPAGE, 0);
            }
            int iTrunk = DbHeader.freelistTrunk(h);
            Page own = bt.pager.lookup(pgno);
            if (own != null) {
                invalidate(own);
                bt.pager.release(own);
            }
            if (iTrunk != 0) {
                if (iTrunk < 2 || iTrunk > mx) {
                    throw Corrupt.page(iTrunk, "freelist trunk page out of range");
                }
                Page trunk = bt.pager.get(iTrunk);
                try {
                    int nLeaf = Bytes.get4(trunk.data(), 4);
                    if (nLeaf < 0 || nLeaf > bt.usableSize / 4 - 2) {
                        throw Corrupt.page(iTrunk, "freelist trunk leaf count " + Integer.toUnsignedString(nLeaf));
                    }
                    if (nLeaf < bt.usableSize / 4 - 8) {
                        bt.pager.write(trunk);
                        Bytes.put4(trunk.data(), 4, nLeaf + 1);
                        Bytes.put4(trunk.data(), 8 + nLeaf * 4, pgno);
                        return;
                    }
                } finally {
                    bt.pager.release(trunk);
                }
            }
            Page np = bt.pager.get(pgno);
            try {
                bt.pager.write(np);
                invalidate(np);
                Bytes.put4(np.data(), 0, iTrunk);
                Bytes.put4(np.data(), 4, 0);
            } finally {
                bt.pager.release(np);
            }
            Bytes.put4(h, DbHeader.OFF_FREELIST_TRUNK, pgno);
        } finally {
            bt.pager.release(p1);
        }
    }

    // ------------------------------------------------------------------ pointer map

    /** The pointer-map page that holds the entry of {@code pgno} (ptrmapPageno). */
    int ptrmapPageFor(int pgno) {
        if (pgno < 2) {
            return 0;
        }
        int perPage = bt.usableSize / 5 + 1;
        int iPtrMap = (pgno - 2) / perPage;
        int ret = iPtrMap * perPage + 2;
        if (ret == bt.pendingBytePage()) {
            ret++;
        }
        return ret;
    }

    boolean isPtrmapPage(int pgno) {
        return ptrmapPageFor(pgno) == pgno;
    }

    /** Records that page {@code key} is of {@code type} with parent {@code parent}. */
    void ptrmapPut(int key, int type, int parent) {
        if (key < 2) {
            throw Corrupt.page(key, "pointer map key");
        }
        int iPtrmap = ptrmapPageFor(key);
        int off = 5 * (key - iPtrmap - 1);
        if (off < 0 || iPtrmap > bt.pager.pageCount()) {
            throw Corrupt.page(iPtrmap, "pointer map entry for page " + key);
        }
        Page pm = bt.pager.get(iPtrmap);
        try {
            MemorySegment d = pm.data();
            if (Bytes.get1(d, off) != type || Bytes.get4(d, off + 1) != parent) {
                bt.pager.write(pm);
                d = pm.data();
                Bytes.put1(d, off, type);
                Bytes.put4(d, off + 1, parent);
            }
        } finally {
            bt.pager.release(pm);
        }
    }

    /** The entry of {@code key}: {@code (type << 32) | parent}. */
    long ptrmapGet(int key) {
        int iPtrmap = ptrmapPageFor(key);
        int off = 5 * (key - iPtrmap - 1);
        if (off < 0 || iPtrmap > bt.pager.pageCount()) {
            throw Corrupt.page(iPtrmap, "pointer map entry for page " + key);
        }
        Page pm = bt.pager.get(iPtrmap);
        try {
            MemorySegment d = pm.data();
            int type = Bytes.get1(d, off);
            if (type < 1 || type > 5) {
                throw Corrupt.page(iPtrmap, "pointer map entry type " + type + " for page " + key);
            }
            return ((long) type << 32) | (Bytes.get4(d, off + 1) & 0xffffffffL);
        } finally {
            bt.pager.release(pm);
        }
    }

    static int ptrmapType(long entry) {
        return (int) (entry >>> 32);
    }

    static int ptrmapParent(long entry) {
        return (int) entry;
    }
}
