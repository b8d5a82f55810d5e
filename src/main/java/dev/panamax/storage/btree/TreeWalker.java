package dev.panamax.storage.btree;

import dev.panamax.storage.format.Corrupt;

/**
 * Whole-tree walks: clearing a tree (clearDatabasePage) and counting its entries (sqlite3BtreeCount). Recursion
 * is bounded by {@link Btree#MAX_DEPTH}, so a cycle in the tree is reported as corruption.
 */
final class TreeWalker {
    private TreeWalker() {
    }

    /**
     * Frees every page below {@code pgno} and every overflow chain; the page itself is freed too unless it is the
     * root ({@code isRoot}), which is emptied instead. {@code count[0]} accumulates the entries removed.
     */
    static void clear(Btree bt, int pgno, boolean isRoot, long[] count, int depth) {
        if (depth >= Btree.MAX_DEPTH) {
            throw Corrupt.page(pgno, "b-tree deeper than " + Btree.MAX_DEPTH + " (cycle?)");
        }
        MemPage p = bt.getPage(pgno);
        try {
            CellInfo info = new CellInfo();
            for (int i = 0; i < p.nCell; i++) {
                int off = p.cellPtr(i);
                if (!p.leaf) {
                    clear(bt, p.childPgno(i), false, count, depth + 1);
                }
                p.parseCell(off, info);
                Payload.freeChain(bt, p, info);
            }
            if (!p.leaf) {
                clear(bt, p.rightChild(), false, count, depth + 1);
            }
            if (p.leaf || !p.intKey) {
                count[0] += p.nCell;
            }
            if (isRoot) {
                bt.writePage(p);
                p.zero(p.ptfFlags() | MemPage.FLAG_LEAF);
            }
        } finally {
            bt.releasePage(p);
        }
        if (!isRoot) {
            bt.freeList.free(pgno);
        }
    }

    /** The number of entries in the tree rooted at {@code root}. */
    static long count(Btree bt, int root) {
        return count(bt, root, 0);
    }

    private static long count(Btree bt, int pgno, int depth) {
        if (depth >= Btree.MAX_DEPTH) {
            throw Corrupt.page(pgno, "b-tree deeper than " + Btree.MAX_DEPTH + " (cycle?)");
        }
        MemPage p = bt.getPage(pgno);
        try {
            if (p.leaf) {
                return p.nCell;
            }
            long n = p.intKey ? 0 : p.nCell;
            for (int i = 0; i < p.nCell; i++) {
                n += count(bt, p.childPgno(i), depth + 1);
            }
            return n + count(bt, p.rightChild(), depth + 1);
        } finally {
            bt.releasePage(p);
        }
    }
}
