package dev.panamax.storage.btree;

import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.Varint;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Rebalancing after an insert or delete (the ideas of SQLite's balance, balance_nonroot, balance_deeper and
 * balance_quick, in our own code).
 *
 * <p>A page needs balancing when it holds overflow cells or, below the root, when more than two thirds of it is
 * free. The page and up to two siblings are merged into one ordered cell list (with the parent's dividers between
 * them, except in table leaves whose dividers are only rowid copies), the list is packed left to right and then
 * evened out right to left, and the result is written into as many pages as needed; new dividers go to the parent,
 * which may overflow in turn and is balanced next. A root that overflows first moves its content into a new child
 * (deeper); a root left with no cells and one child absorbs that child (shallower). Appending past the last rowid
 * of a table starts a new right-most leaf instead (quick).
 *
 * <p>The siblings are copied to heap arrays once and new pages are assembled in a heap buffer, then written to the
 * page with one bulk copy: balancing moves many small cells, and plain array copies are the cheapest way to do so.
 */
final class Balancer {
    private static final int MAX_OLD = 3;
    private static final int MAX_NEW = MAX_OLD + 2;

    private final Btree bt;
    private final byte[][] copies = new byte[MAX_OLD][];
    private final byte[] dividers;
    private final byte[] build;
    private final byte[] divBuf;
    private final MemorySegment divSeg;
    private final MemPage[] old = new MemPage[MAX_OLD];
    private final MemPage[] fresh = new MemPage[MAX_NEW];
    private final int[] divOff = new int[MAX_OLD];
    private final int[] divSize = new int[MAX_OLD];
    private final int[] cntNew = new int[MAX_NEW + 1];
    private final int[] szNew = new int[MAX_NEW + 1];
    private byte[][] cellArr = new byte[64][];
    private int[] cellOff = new int[64];
    private int[] cellSize = new int[64];
    private int nCells;

    Balancer(Btree bt) {
        this.bt = bt;
        for (int k = 0; k < MAX_OLD; k++) {
            copies[k] = new byte[bt.pageSize];
        }
        dividers = new byte[MAX_OLD * (bt.pageSize + 8)];
        build = new byte[bt.pageSize];
        divBuf = new byte[bt.pageSize + 16];
        divSeg = MemorySegment.ofArray(divBuf);
    }

    /**
     * Balances the page at {@code pages[depth]} and, as needed, its ancestors (SQLite's balance). The stack is the
     * cursor's; it is left unusable and the caller re-seeks.
     */
    void balance(MemPage[] pages, int[] idx, int depth) {
        int minFree = bt.usableSize * 2 / 3;
        while (true) {
            MemPage page = pages[depth];
            if (depth == 0) {
                if (page.nOverflow == 0) {
                    return;
                }
                MemPage child = deeper(page);
                pages[1] = child;
                idx[1] = idx[0];
                idx[0] = 0;
                depth = 1;
                continue;
            }
            if (page.nOverflow == 0 && page.freeSpace() <= minFree) {
                return;
            }
            MemPage parent = pages[depth - 1];
            int iIdx = idx[depth - 1];
            bt.writePage(parent);
            if (page.intKeyLeaf && page.nOverflow == 1 && page.ovflIdx[0] == page.nCell && parent.pgno != 1
                    && parent.nCell == iIdx && page.nCell > 0) {
                quick(parent, page);
            } else {
                nonroot(parent, iIdx, depth - 1 == 0);
            }
            page.nOverflow = 0;
            bt.releasePage(page);
            pages[depth] = null;
            depth--;
        }
    }

    private void copyPage(MemPage p, byte[] dst) {
        MemorySegment.copy(p.data(), ValueLayout.JAVA_BYTE, 0, dst, 0, bt.usableSize);
    }

    /** Lists the cells on page {@code p} (whose image is in {@code copy}) into the cell list. */
    private void listPageCells(MemPage p, byte[] copy) {
        ensureCells(nCells + p.nCell + p.nOverflow + 1);
        for (int i = 0; i < p.nCell; i++) {
            int off = Bytes.get2(copy, p.cellOffset + 2 * i);
            if (off < p.cellOffset + 2 * p.nCell || off > bt.usableSize - 4) {
                throw Corrupt.page(p.pgno, "cell " + i + " offset " + off + " out of range");
            }
            add(copy, off, p.cellSizeAt(copy, off));
        }
    }

    // ------------------------------------------------------------------ deeper / quick

    /** Moves the root's content into a new child; the root becomes an interior page over it. */
    private MemPage deeper(MemPage root) {
        bt.writePage(root);
        MemPage child = bt.freeList.allocate(root.pgno, false);
        int type = root.ptfFlags();
        child.zero(type);
        copyPage(root, copies[0]);
        nCells = 0;
        listPageCells(root, copies[0]);
        writeCells(child, 0, nCells);
        if (!root.leaf) {
            child.setRightChild(root.rightChild());
        }
        child.nOverflow = root.nOverflow;
        for (int k = 0; k < root.nOverflow; k++) {
            child.ovflCell[k] = root.ovflCell[k];
            child.ovflIdx[k] = root.ovflIdx[k];
        }
        root.nOverflow = 0;
        root.zero(type & ~MemPage.FLAG_LEAF);
        root.setRightChild(child.pgno);
        if (bt.autoVacuum) {
            bt.freeList.ptrmapPut(child.pgno, FreeList.PTRMAP_BTREE, root.pgno);
            fixChildPointers(child);
            for (int k = 0; k < child.nOverflow; k++) {
                fixCellPointers(child, child.ovflCell[k], 0);
            }
        }
        return child;
    }

    /** Appends the overflow cell of the right-most table leaf as the only cell of a new right-most leaf. */
    private void quick(MemPage parent, MemPage page) {
        bt.writePage(page);
        MemPage leaf = bt.freeList.allocate(page.pgno, false);
        try {
            leaf.zero(MemPage.TABLE_LEAF);
            byte[] cell = page.ovflCell[0];
            leaf.insertCell(0, MemorySegment.ofArray(cell), 0, cell.length, 0);
            if (bt.autoVacuum) {
                bt.freeList.ptrmapPut(leaf.pgno, FreeList.PTRMAP_BTREE, parent.pgno);
                fixChildPointers(leaf);
            }
            long rowid = page.intKeyAt(page.nCell - 1);
            Bytes.put4(divBuf, 0, page.pgno);
            int size = 4 + Varint.put(divBuf, 4, rowid);
            parent.insertCell(parent.nCell, divSeg, 0, size, 0);
            parent.setRightChild(leaf.pgno);
            page.nOverflow = 0;
        } finally {
            bt.releasePage(leaf);
        }
    }

    // ------------------------------------------------------------------ nonroot

    /** Redistributes the cells of the child at {@code iParentIdx} of {@code parent} and up to two siblings. */
    private void nonroot(MemPage parent, int iParentIdx, boolean isRoot) {
        int nTotal = parent.nCell + parent.nOverflow;
        int nxDiv;
        int nOld;
        if (nTotal < 2) {
            nxDiv = 0;
            nOld = nTotal + 1;
        } else {
            nOld = 3;
            nxDiv = iParentIdx == 0 ? 0 : (iParentIdx >= nTotal ? nTotal - 2 : iParentIdx - 1);
        }
        try {
            loadSiblings(parent, nxDiv, nOld, nTotal);
            boolean leafData = old[0].intKeyLeaf;
            gatherCells(nOld, leafData);
            int nNew = distribute(leafData, old[0].leaf ? 4 : 0);
            assignPages(nOld, nNew);
            int rightmostChild = old[0].leaf ? 0 : Bytes.get4(copies[nOld - 1], old[nOld - 1].hdrOffset + 8);
            buildPages(nNew, leafData, rightmostChild);
            linkParent(parent, nxDiv, nNew, leafData);
            if (isRoot && parent.nCell == 0 && parent.nOverflow == 0 && nNew == 1
                    && parent.hdrOffset <= fresh[0].freeSpace()) {
                shallower(parent, fresh[0]);
                fresh[0] = null;
            } else if (bt.autoVacuum) {
                for (int i = 0; i < nNew; i++) {
                    bt.freeList.ptrmapPut(fresh[i].pgno, FreeList.PTRMAP_BTREE, parent.pgno);
                    fixChildPointers(fresh[i]);
                }
            }
        } finally {
            for (int i = 0; i < MAX_NEW; i++) {
                if (fresh[i] != null) {
                    bt.releasePage(fresh[i]);
                    fresh[i] = null;
                }
            }
            Arrays.fill(old, null);
        }
    }

    /** Pins the siblings, copies their images, copies out and drops the dividers between them. */
    private void loadSiblings(MemPage parent, int nxDiv, int nOld, int nTotal) {
        int divAt = 0;
        for (int k = 0; k < nOld; k++) {
            int logical = nxDiv + k;
            int slot = logical == nTotal ? -2 : overflowSlot(parent, logical);
            int cellOffset = slot == -1 ? parent.cellPtr(pageIndex(parent, logical)) : 0;
            int pgno = slot == -2 ? parent.rightChild()
                    : slot >= 0 ? Bytes.get4(parent.ovflCell[slot], 0) : Bytes.get4(parent.data(), cellOffset);
            MemPage p = bt.getPage(pgno);
            fresh[k] = p;
            old[k] = p;
            if (k > 0 && p.ptfFlags() != old[0].ptfFlags()) {
                throw Corrupt.page(pgno, "sibling pages of different types under page " + parent.pgno);
            }
            copyPage(p, copies[k]);
            if (k < nOld - 1) {
                int size;
                if (slot >= 0) {
                    byte[] c = parent.ovflCell[slot];
                    size = c.length;
                    System.arraycopy(c, 0, dividers, divAt, size);
                } else {
                    size = parent.cellSize(cellOffset);
                    MemorySegment.copy(parent.data(), ValueLayout.JAVA_BYTE, cellOffset, dividers, divAt, size);
                }
                divOff[k] = divAt;
                divSize[k] = size;
                Arrays.fill(dividers, divAt + size, divAt + size + 4, (byte) 0);
                divAt += size + 8;
            }
        }
        for (int k = nOld - 2; k >= 0; k--) {
            dropLogical(parent, nxDiv + k, divSize[k]);
        }
        if (parent.nOverflow != 0) {
            throw Corrupt.page(parent.pgno, "overflow cell outside the balanced range");
        }
    }

    /** The overflow slot of logical cell {@code logical} of a page, or -1 when it is a cell on the page. */
    private static int overflowSlot(MemPage p, int logical) {
        for (int j = 0; j < p.nOverflow; j++) {
            if (p.ovflIdx[j] == logical) {
                return j;
            }
        }
        return -1;
    }

    /** The page index of logical cell {@code logical}, which is not an overflow cell. */
    private static int pageIndex(MemPage p, int logical) {
        int below = 0;
        for (int j = 0; j < p.nOverflow; j++) {
            if (p.ovflIdx[j] < logical) {
                below++;
            }
        }
        return logical - below;
    }

    private static void dropLogical(MemPage p, int logical, int size) {
        int j = overflowSlot(p, logical);
        if (j >= 0) {
            for (int m = j; m < p.nOverflow - 1; m++) {
                p.ovflCell[m] = p.ovflCell[m + 1];
                p.ovflIdx[m] = p.ovflIdx[m + 1] - 1;
            }
            p.nOverflow--;
            return;
        }
        p.dropCell(pageIndex(p, logical), size);
        for (int m = 0; m < p.nOverflow; m++) {
            if (p.ovflIdx[m] > logical) {
                p.ovflIdx[m]--;
            }
        }
    }

    /** Builds the ordered cell list: each sibling's cells (overflow cells in place) with the dividers between. */
    private void gatherCells(int nOld, boolean leafData) {
        nCells = 0;
        for (int k = 0; k < nOld; k++) {
            MemPage p = old[k];
            byte[] copy = copies[k];
            int total = p.nCell + p.nOverflow;
            ensureCells(nCells + total + 1);
            int pageIdx = 0;
            int o = 0;
            for (int l = 0; l < total; l++) {
                if (o < p.nOverflow && p.ovflIdx[o] == l) {
                    byte[] c = p.ovflCell[o++];
                    add(c, 0, c.length);
                } else {
                    int off = Bytes.get2(copy, p.cellOffset + 2 * pageIdx);
                    if (off < p.cellOffset + 2 * p.nCell || off > bt.usableSize - 4) {
                        throw Corrupt.page(p.pgno, "cell " + pageIdx + " offset " + off + " out of range");
                    }
                    pageIdx++;
                    add(copy, off, p.cellSizeAt(copy, off));
                }
            }
            p.nOverflow = 0;
            if (k < nOld - 1 && !leafData) {
                if (p.leaf) {
                    add(dividers, divOff[k] + 4, Math.max(4, divSize[k] - 4));
                } else {
                    Bytes.put4(dividers, divOff[k], Bytes.get4(copy, p.hdrOffset + 8));
                    add(dividers, divOff[k], divSize[k]);
                }
            }
        }
    }

    private void add(byte[] src, int off, int size) {
        cellArr[nCells] = src;
        cellOff[nCells] = off;
        cellSize[nCells] = size;
        nCells++;
    }

    /**
     * Chooses how many pages and which cells each gets: packed left to right, then evened out from the right.
     * {@code cntNew[i]} is the end (exclusive) of page i's cells; for non-leaf-data trees the cell at
     * {@code cntNew[i]} is the divider that goes up to the parent.
     */
    private int distribute(boolean leafData, int leafCorrection) {
        int usableSpace = bt.usableSize - 12 + leafCorrection;
        int k = 0;
        int sz = 0;
        for (int i = 0; i < nCells; i++) {
            int s = cellSize[i] + 2;
            if (sz + s > usableSpace) {
                if (k + 1 >= MAX_NEW) {
                    throw Corrupt.page(old[0].pgno, "cells do not fit in " + MAX_NEW + " pages");
                }
                cntNew[k] = i;
                szNew[k] = sz;
                k++;
                sz = 0;
                if (!leafData) {
                    continue;
                }
            }
            sz += s;
        }
        cntNew[k] = nCells;
        szNew[k] = sz;
        int nNew = k + 1;
        int skip = leafData ? 0 : 1;
        for (int i = nNew - 1; i > 0; i--) {
            int szRight = szNew[i];
            int szLeft = szNew[i - 1];
            int r = cntNew[i - 1] - 1;
            int d = r + 1 - (leafData ? 1 : 0);
            int leftStart = i > 1 ? cntNew[i - 2] + skip : 0;
            while (r > leftStart) {
                if (szRight != 0 && szRight + cellSize[d] + 2 > szLeft - (cellSize[r] + (i == nNew - 1 ? 0 : 2))) {
                    break;
                }
                szRight += cellSize[d] + 2;
                szLeft -= cellSize[r] + 2;
                cntNew[i - 1] = r;
                r--;
                d--;
            }
            szNew[i] = szRight;
            szNew[i - 1] = szLeft;
            if (szRight == 0 || szRight > usableSpace) {
                throw Corrupt.page(old[0].pgno, "cannot distribute cells");
            }
        }
        return nNew;
    }

    /** Reuses the old pages for the first new ones, allocates the rest, frees the left-overs. */
    private void assignPages(int nOld, int nNew) {
        for (int i = 0; i < nNew; i++) {
            if (i < nOld) {
                bt.writePage(fresh[i]);
            } else {
                fresh[i] = bt.freeList.allocate(fresh[i - 1].pgno, false);
            }
        }
        for (int i = nNew; i < nOld; i++) {
            MemPage p = fresh[i];
            fresh[i] = null;
            int pgno = p.pgno;
            bt.releasePage(p);
            bt.freeList.free(pgno);
        }
    }

    private void buildPages(int nNew, boolean leafData, int rightmostChild) {
        int type = old[0].ptfFlags();
        int start = 0;
        for (int i = 0; i < nNew; i++) {
            MemPage p = fresh[i];
            p.zero(type);
            writeCells(p, start, cntNew[i]);
            if (!p.leaf) {
                int d = cntNew[i];
                p.setRightChild(i < nNew - 1 ? Bytes.get4(cellArr[d], cellOff[d]) : rightmostChild);
            }
            start = cntNew[i] + (leafData ? 0 : 1);
        }
    }

    /**
     * Writes cells [from, to) of the list into an empty page, packed at its end: assembled in the heap buffer, then
     * copied to the page in one piece.
     */
    private void writeCells(MemPage p, int from, int to) {
        int usable = bt.usableSize;
        int top = usable;
        int ptr = p.cellOffset;
        byte[] b = build;
        for (int i = from; i < to; i++) {
            int size = cellSize[i];
            top -= size;
            if (top < ptr + 2) {
                throw Corrupt.page(p.pgno, "cells do not fit while balancing");
            }
            System.arraycopy(cellArr[i], cellOff[i], b, top, size);
            Bytes.put2(b, ptr, top);
            ptr += 2;
        }
        Arrays.fill(b, ptr, top, (byte) 0);
        MemorySegment d = p.data();
        MemorySegment.copy(b, p.cellOffset, d, ValueLayout.JAVA_BYTE, p.cellOffset, usable - p.cellOffset);
        int n = to - from;
        p.nCell = n;
        Bytes.put2(d, p.hdrOffset + 3, n);
        Bytes.put2(d, p.hdrOffset + 5, top == 65536 ? 0 : top);
        p.nFree = top - ptr;
    }

    /** Points the parent at the new pages: the last one where the last old one was, dividers for the others. */
    private void linkParent(MemPage parent, int nxDiv, int nNew, boolean leafData) {
        int last = fresh[nNew - 1].pgno;
        if (nxDiv == parent.nCell) {
            parent.setRightChild(last);
        } else {
            Bytes.put4(parent.data(), parent.cellPtr(nxDiv), last);
        }
        for (int i = 0; i < nNew - 1; i++) {
            MemPage p = fresh[i];
            int size;
            if (leafData) {
                int lastCell = cntNew[i] - 1;
                byte[] a = cellArr[lastCell];
                int off = cellOff[lastCell];
                long rowid = Varint.get(a, off + Varint.length(a, off));
                Bytes.put4(divBuf, 0, p.pgno);
                size = 4 + Varint.put(divBuf, 4, rowid);
            } else {
                int d = cntNew[i];
                if (p.leaf) {
                    Bytes.put4(divBuf, 0, p.pgno);
                    System.arraycopy(cellArr[d], cellOff[d], divBuf, 4, cellSize[d]);
                    size = parent.cellSizeAt(divBuf, 0);
                } else {
                    System.arraycopy(cellArr[d], cellOff[d], divBuf, 0, cellSize[d]);
                    Bytes.put4(divBuf, 0, p.pgno);
                    size = cellSize[d];
                }
            }
            parent.insertCell(nxDiv + i, divSeg, 0, size, 0);
            if (bt.autoVacuum && !leafData && parent.nOverflow == 0) {
                int off = parent.cellPtr(nxDiv + i);
                fixCellPointers(parent, parent.data(), off);
            }
        }
    }

    /** The root absorbs its only child: the child's cells move up and the child page is freed. */
    private void shallower(MemPage root, MemPage child) {
        int type = child.ptfFlags();
        copyPage(child, copies[0]);
        nCells = 0;
        listPageCells(child, copies[0]);
        int right = child.leaf ? 0 : child.rightChild();
        int childPgno = child.pgno;
        root.zero(type);
        writeCells(root, 0, nCells);
        if (!root.leaf) {
            root.setRightChild(right);
        }
        bt.releasePage(child);
        bt.freeList.free(childPgno);
        if (bt.autoVacuum) {
            fixChildPointers(root);
        }
    }

    // ------------------------------------------------------------------ pointer map upkeep

    /** Points the pointer-map entries of every child and overflow chain of {@code p}'s cells at {@code p}. */
    void fixChildPointers(MemPage p) {
        MemorySegment d = p.data();
        for (int i = 0; i < p.nCell; i++) {
            fixCellPointers(p, d, p.cellPtr(i));
        }
        if (!p.leaf) {
            bt.freeList.ptrmapPut(p.rightChild(), FreeList.PTRMAP_BTREE, p.pgno);
        }
    }

    private void fixCellPointers(MemPage p, MemorySegment seg, int off) {
        if (!p.leaf) {
            bt.freeList.ptrmapPut(Bytes.get4(seg, off), FreeList.PTRMAP_BTREE, p.pgno);
        }
        int ovfl = p.overflowPgnoAt(seg, off);
        if (ovfl != 0) {
            bt.freeList.ptrmapPut(ovfl, FreeList.PTRMAP_OVERFLOW1, p.pgno);
        }
    }

    private void fixCellPointers(MemPage p, byte[] cell, int off) {
        if (!p.leaf) {
            bt.freeList.ptrmapPut(Bytes.get4(cell, off), FreeList.PTRMAP_BTREE, p.pgno);
        }
        int ovfl = p.overflowPgnoAt(cell, off);
        if (ovfl != 0) {
            bt.freeList.ptrmapPut(ovfl, FreeList.PTRMAP_OVERFLOW1, p.pgno);
        }
    }

    private void ensureCells(int n) {
        if (cellArr.length < n) {
            int m = Math.max(n, cellArr.length * 2);
            cellArr = Arrays.copyOf(cellArr, m);
            cellOff = Arrays.copyOf(cellOff, m);
            cellSize = Arrays.copyOf(cellSize, m);
        }
    }
}
