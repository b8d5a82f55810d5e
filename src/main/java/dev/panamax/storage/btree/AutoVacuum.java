package dev.panamax.storage.btree;

import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.pager.Page;
import java.lang.foreign.MemorySegment;

/**
 * auto_vacuum (SQLite's autoVacuumCommit, incrVacuumStep, relocatePage, and the root-page rules of
 * btreeCreateTable and btreeDropTable). The pointer map says who points at every page, so any page can be moved:
 * its content is copied to the new page number and the one pointer to it (parent cell, right child, previous
 * overflow page) is rewritten, as are the pointer-map entries of its children.
 */
final class AutoVacuum {
    private AutoVacuum() {
    }

    /** The page count after removing {@code nFree} free pages and the pointer-map pages no longer needed. */
    static int finalDbSize(Btree bt, int nOrig, int nFree) {
        int nEntry = bt.usableSize / 5;
        int nPtrmap = (nFree - nOrig + bt.freeList.ptrmapPageFor(nOrig) + nEntry) / nEntry;
        int nFin = nOrig - nFree - nPtrmap;
        int pending = bt.pendingBytePage();
        if (nOrig > pending && nFin < pending) {
            nFin--;
        }
        while (bt.freeList.isPtrmapPage(nFin) || nFin == pending) {
            nFin--;
        }
        return nFin;
    }

    /** FULL auto_vacuum at commit: moves every used page above the final size into a free slot below it. */
    static void commit(Btree bt) {
        int nOrig = bt.pager.pageCount();
        if (nOrig == 0) {
            return;
        }
        if (bt.freeList.isPtrmapPage(nOrig) || nOrig == bt.pendingBytePage()) {
            throw Corrupt.page(nOrig, "last page is a pointer-map page");
        }
        int nFree = bt.getMeta(DbHeader.META_FREE_PAGE_COUNT);
        if (nFree == 0) {
            return;
        }
        int nFin = finalDbSize(bt, nOrig, nFree);
        if (nFin > nOrig) {
            throw Corrupt.page(1, "freelist count " + nFree + " too large");
        }
        for (int iFree = nOrig; iFree > nFin; iFree--) {
            step(bt, nFin, iFree, true);
        }
        Page p1 = bt.pager.get(1);
        try {
            bt.pager.write(p1);
            MemorySegment h = p1.data();
            Bytes.put4(h, DbHeader.OFF_FREELIST_TRUNK, 0);
            Bytes.put4(h, DbHeader.OFF_FREELIST_COUNT, 0);
            Bytes.put4(h, DbHeader.OFF_PAGE_COUNT, nFin);
        } finally {
            bt.pager.release(p1);
        }
        bt.pager.setPageCount(nFin);
    }

    /** One incremental_vacuum step; false when the freelist is empty. */
    static boolean incrementalStep(Btree bt) {
        int nOrig = bt.pager.pageCount();
        int nFree = bt.getMeta(DbHeader.META_FREE_PAGE_COUNT);
        if (nFree == 0) {
            return false;
        }
        int nFin = finalDbSize(bt, nOrig, nFree);
        if (nOrig < nFin || nFree >= nOrig) {
            throw Corrupt.page(1, "freelist count " + nFree + " too large");
        }
        step(bt, nFin, nOrig, false);
        return true;
    }

    /** Moves or drops page {@code iLastPg} (incrVacuumStep). */
    private static void step(Btree bt, int nFin, int iLastPg, boolean commit) {
        FreeList fl = bt.freeList;
        if (!fl.isPtrmapPage(iLastPg) && iLastPg != bt.pendingBytePage()) {
            long e = fl.ptrmapGet(iLastPg);
            int type = FreeList.ptrmapType(e);
            int parent = FreeList.ptrmapParent(e);
            if (type == FreeList.PTRMAP_ROOTPAGE) {
                throw Corrupt.page(iLastPg, "root page above the final database size");
            }
            if (type == FreeList.PTRMAP_FREEPAGE) {
                if (!commit) {
                    MemPage p = fl.allocate(iLastPg, FreeList.EXACT);
                    int got = p.pgno;
                    bt.releasePage(p);
                    if (got != iLastPg) {
                        throw Corrupt.page(iLastPg, "free page missing from the freelist");
                    }
                }
            } else {
                int near = commit ? 0 : nFin;
                int mode = commit ? FreeList.ANY : FreeList.LE;
                int iFree;
                do {
                    MemPage free = fl.allocate(near, mode);
                    iFree = free.pgno;
                    bt.releasePage(free);
                    if (iFree > bt.pager.pageCount()) {
                        throw Corrupt.page(iFree, "free page beyond the end of the file");
                    }
                } while (commit && iFree > nFin);
                relocate(bt, iLastPg, type, parent, iFree, commit);
            }
        }
        if (!commit) {
            int n = iLastPg;
            do {
                n--;
            } while (n == bt.pendingBytePage() || fl.isPtrmapPage(n));
            bt.pager.setPageCount(n);
        }
    }

    /** Moves page {@code from} (of pointer-map type {@code type}, pointed at by {@code parent}) to page {@code to}. */
    static void relocate(Btree bt, int from, int type, int parent, int to, boolean commit) {
        Page src = bt.pager.get(from);
        Page dst = bt.pager.get(to);
        try {
            bt.pager.write(dst);
            MemorySegment.copy(src.data(), 0, dst.data(), 0, bt.pageSize);
            dst.extra = null;
            src.extra = null;
        } finally {
            bt.pager.release(src);
            bt.pager.release(dst);
        }
        FreeList fl = bt.freeList;
        if (type == FreeList.PTRMAP_BTREE || type == FreeList.PTRMAP_ROOTPAGE) {
            MemPage m = bt.getPage(to);
            try {
                bt.writePage(m);
                bt.balancer().fixChildPointers(m);
            } finally {
                bt.releasePage(m);
            }
        } else if (type == FreeList.PTRMAP_OVERFLOW2 || type == FreeList.PTRMAP_OVERFLOW1) {
            Page p = bt.pager.get(to);
            int next = Bytes.get4(p.data(), 0);
            bt.pager.release(p);
            if (next != 0) {
                fl.ptrmapPut(next, FreeList.PTRMAP_OVERFLOW2, to);
            }
        }
        if (type != FreeList.PTRMAP_ROOTPAGE) {
            modifyPointer(bt, parent, from, to, type);
        }
        fl.ptrmapPut(to, type, parent);
    }

    /** Rewrites the one pointer to {@code from} in page {@code parent} (modifyPagePointer). */
    private static void modifyPointer(Btree bt, int parent, int from, int to, int type) {
        if (type == FreeList.PTRMAP_OVERFLOW2) {
            Page p = bt.pager.get(parent);
            try {
                if (Bytes.get4(p.data(), 0) != from) {
                    throw Corrupt.page(parent, "overflow chain does not point at page " + from);
                }
                bt.pager.write(p);
                Bytes.put4(p.data(), 0, to);
            } finally {
                bt.pager.release(p);
            }
            return;
        }
        MemPage m = bt.getPage(parent);
        try {
            bt.writePage(m);
            MemorySegment d = m.data();
            for (int i = 0; i < m.nCell; i++) {
                int off = m.cellPtr(i);
                if (type == FreeList.PTRMAP_OVERFLOW1) {
                    int ovfl = m.overflowPgnoAt(d, off);
                    if (ovfl == from) {
                        CellInfo ci = new CellInfo();
                        m.parseCell(off, ci);
                        Bytes.put4(d, ci.payloadOffset + ci.nLocal, to);
                        return;
                    }
                } else if (Bytes.get4(d, off) == from) {
                    Bytes.put4(d, off, to);
                    return;
                }
            }
            if (type == FreeList.PTRMAP_BTREE && !m.leaf && m.rightChild() == from) {
                m.setRightChild(to);
                return;
            }
            throw Corrupt.page(parent, "no pointer to page " + from);
        } finally {
            bt.releasePage(m);
        }
    }

    /** btreeCreateTable with auto_vacuum: the new root takes the page after the largest root. */
    static int createRoot(Btree bt, int ptf) {
        FreeList fl = bt.freeList;
        int root = bt.getMeta(DbHeader.META_LARGEST_ROOT_PAGE) + 1;
        while (fl.isPtrmapPage(root) || root == bt.pendingBytePage()) {
            root++;
        }
        MemPage moved = root > bt.pager.pageCount() ? fl.extend() : fl.allocate(root, FreeList.EXACT);
        int got = moved.pgno;
        MemPage rootPage;
        if (got != root) {
            bt.releasePage(moved);
            if (root > bt.pager.pageCount()) {
                throw Corrupt.page(root, "root slot beyond the end of the file");
            }
            long e = fl.ptrmapGet(root);
            int type = FreeList.ptrmapType(e);
            if (type == FreeList.PTRMAP_ROOTPAGE || type == FreeList.PTRMAP_FREEPAGE) {
                throw Corrupt.page(root, "root slot holds a page of type " + type);
            }
            relocate(bt, root, type, FreeList.ptrmapParent(e), got, false);
            Page p = bt.pager.get(root);
            bt.pager.write(p);
            p.extra = null;
            rootPage = bt.memPage(p);
        } else {
            rootPage = moved;
        }
        try {
            fl.ptrmapPut(root, FreeList.PTRMAP_ROOTPAGE, 0);
            setLargestRoot(bt, root);
            rootPage.zero(ptf);
        } finally {
            bt.releasePage(rootPage);
        }
        return root;
    }

    /** btreeDropTable with auto_vacuum; the root has been cleared. Returns the root page that moved, or 0. */
    static int dropRoot(Btree bt, int root) {
        FreeList fl = bt.freeList;
        int maxRoot = bt.getMeta(DbHeader.META_LARGEST_ROOT_PAGE);
        int moved = 0;
        if (root == maxRoot) {
            fl.free(root);
        } else {
            relocate(bt, maxRoot, FreeList.PTRMAP_ROOTPAGE, 0, root, false);
            fl.free(maxRoot);
            moved = maxRoot;
        }
        maxRoot--;
        while (maxRoot == bt.pendingBytePage() || fl.isPtrmapPage(maxRoot)) {
            maxRoot--;
        }
        setLargestRoot(bt, maxRoot);
        return moved;
    }

    private static void setLargestRoot(Btree bt, int root) {
        Page p1 = bt.pager.get(1);
        try {
            bt.pager.write(p1);
            DbHeader.setMeta(p1.data(), DbHeader.META_LARGEST_ROOT_PAGE, root);
        } finally {
            bt.pager.release(p1);
        }
    }
}
