package dev.panamax.storage.btree;

import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.Varint;
import dev.panamax.storage.pager.Page;
import java.lang.foreign.MemorySegment;

/**
 * Payload that spills into overflow pages (fileformat2 2.3): building a cell with its overflow chain, reading a
 * whole payload back, and freeing a chain.
 *
 * <pre>
 *   cell:          header | local payload (nLocal bytes) | 4 first overflow page
 *   overflow page: 4 next overflow page (0 on the last) | usable-4 bytes of payload
 * </pre>
 *
 * <p>Chains are walked for exactly the number of pages the payload size implies, so a cycle cannot loop.
 */
final class Payload {
    private Payload() {
    }

    /** The number of overflow pages a payload of {@code nPayload} bytes with {@code nLocal} local bytes uses. */
    static int overflowPageCount(Btree bt, int nPayload, int nLocal) {
        int ovfl = bt.usableSize - 4;
        return (int) (((long) nPayload - nLocal + ovfl - 1) / ovfl);
    }

    /**
     * Builds a leaf cell (fillInCell) into {@code cell}: table leaf when {@code intKey}, else index leaf. Overflow
     * pages are allocated and written, their pointer-map entries naming {@code ownerPgno}.
     *
     * @return the cell size in bytes
     */
    static int buildLeafCell(Btree bt, MemorySegment cell, boolean intKey, long rowid, MemorySegment src,
                             long srcOff, int nPayload, int ownerPgno) {
        int p = Varint.put(cell, 0, nPayload & 0xffffffffL);
        if (intKey) {
            p += Varint.put(cell, p, rowid);
        }
        int maxLocal = intKey ? bt.maxLeaf : bt.maxLocal;
        int minLocal = intKey ? bt.minLeaf : bt.minLocal;
        int local = nPayload;
        if (nPayload > maxLocal) {
            int surplus = minLocal + (int) ((nPayload - (long) minLocal) % (bt.usableSize - 4));
            local = surplus <= maxLocal ? surplus : minLocal;
        }
        MemorySegment.copy(src, srcOff, cell, p, local);
        if (local == nPayload) {
            int size = p + local;
            if (size < 4) {
                cell.asSlice(size, 4 - size).fill((byte) 0);
                return 4;
            }
            return size;
        }
        int ptrOff = p + local;
        writeChain(bt, cell, ptrOff, src, srcOff + local, nPayload - local, ownerPgno);
        return ptrOff + 4;
    }

    private static void writeChain(Btree bt, MemorySegment cell, int ptrOff, MemorySegment src, long srcOff,
                                   int remaining, int ownerPgno) {
        int chunk = bt.usableSize - 4;
        MemPage prev = null;
        try {
            while (remaining > 0) {
                MemPage ovfl = bt.freeList.allocate(prev == null ? ownerPgno : prev.pgno, false);
                if (bt.autoVacuum) {
                    if (prev == null) {
                        bt.freeList.ptrmapPut(ovfl.pgno, FreeList.PTRMAP_OVERFLOW1, ownerPgno);
                    } else {
                        bt.freeList.ptrmapPut(ovfl.pgno, FreeList.PTRMAP_OVERFLOW2, prev.pgno);
                    }
                }
                if (prev == null) {
                    Bytes.put4(cell, ptrOff, ovfl.pgno);
                } else {
                    Bytes.put4(prev.data(), 0, ovfl.pgno);
                    bt.releasePage(prev);
                }
                prev = ovfl;
                MemorySegment d = ovfl.data();
                int n = Math.min(remaining, chunk);
                Bytes.put4(d, 0, 0);
                MemorySegment.copy(src, srcOff, d, 4, n);
                srcOff += n;
                remaining -= n;
            }
        } finally {
            if (prev != null) {
                bt.releasePage(prev);
            }
        }
    }

    /**
     * Copies {@code amount} bytes of the payload starting at {@code offset} into {@code dst[dstOff..]}: the local
     * part from the cell, the rest by walking the overflow chain.
     */
    static void read(Btree bt, MemPage page, CellInfo info, int offset, int amount, MemorySegment dst, long dstOff) {
        if (offset < 0 || amount < 0 || (long) offset + amount > info.nPayload) {
            throw Corrupt.page(page.pgno, "payload range");
        }
        if (offset < info.nLocal) {
            int n = Math.min(amount, info.nLocal - offset);
            MemorySegment.copy(page.data(), info.payloadOffset + offset, dst, dstOff, n);
            offset += n;
            amount -= n;
            dstOff += n;
        }
        if (amount == 0) {
            return;
        }
        int chunk = bt.usableSize - 4;
        int ovfl = info.overflowPgno;
        int pos = info.nLocal;
        int pages = overflowPageCount(bt, info.nPayload, info.nLocal);
        int owner = page.pgno;
        for (int k = 0; k < pages && amount > 0; k++) {
            if (ovfl < 2 || ovfl > bt.pager.pageCount()) {
                throw Corrupt.page(owner, "overflow page " + Integer.toUnsignedString(ovfl) + " out of range");
            }
            int end = pos + chunk;
            Page p = bt.pager.get(ovfl);
            try {
                MemorySegment d = p.data();
                if (offset < end) {
                    int from = offset - pos;
                    int n = Math.min(amount, chunk - from);
                    MemorySegment.copy(d, 4L + from, dst, dstOff, n);
                    offset += n;
                    amount -= n;
                    dstOff += n;
                }
                owner = ovfl;
                ovfl = Bytes.get4(d, 0);
            } finally {
                bt.pager.release(p);
            }
            pos = end;
        }
        if (amount > 0) {
            throw Corrupt.page(owner, "overflow chain too short");
        }
    }

    /** Frees the overflow chain of a cell (clearCell). */
    static void freeChain(Btree bt, MemPage page, CellInfo info) {
        if (info.overflowPgno == 0) {
            return;
        }
        int pages = overflowPageCount(bt, info.nPayload, info.nLocal);
        int ovfl = info.overflowPgno;
        for (int k = 0; k < pages; k++) {
            if (ovfl < 2 || ovfl > bt.pager.pageCount()) {
                throw Corrupt.page(page.pgno, "overflow page " + Integer.toUnsignedString(ovfl) + " out of range");
            }
            int next = 0;
            if (k + 1 < pages) {
                Page p = bt.pager.get(ovfl);
                next = Bytes.get4(p.data(), 0);
                bt.pager.release(p);
            }
            bt.freeList.free(ovfl);
            ovfl = next;
        }
    }
}
