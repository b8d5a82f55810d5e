package dev.panamax.storage.btree;

import dev.panamax.storage.format.Bytes;
import dev.panamax.storage.format.Corrupt;
import dev.panamax.storage.format.Varint;
import dev.panamax.storage.pager.Page;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One B-tree page as the B-tree sees it (SQLite's MemPage): the parsed page header, cell access, and the space
 * management of the cell content area. Kept in {@link Page#extra} so a cached page is parsed once.
 *
 * <pre>
 *   hdrOffset (100 on page 1, else 0)
 *   +0  1  flags: 2 index interior, 5 table interior, 10 index leaf, 13 table leaf
 *   +1  2  first freeblock (0 = none)         freeblock: 2 next freeblock | 2 size | unused bytes
 *   +3  2  number of cells
 *   +5  2  start of the cell content area (0 means 65536)
 *   +7  1  fragmented free bytes (runs of 1..3 bytes not in any freeblock)
 *   +8  4  right child (interior pages only)
 *   then the cell pointer array (2 bytes per cell, in key order), unallocated space,
 *   then the cell content area up to the usable size; the reserved tail follows.
 * </pre>
 *
 * <p>While a cell is being inserted or the page balanced, cells that do not fit wait in the overflow list
 * ({@link #nOverflow}); a page with overflow cells is always balanced before the operation returns.
 */
final class MemPage {
    static final int FLAG_INTKEY = 1;
    static final int FLAG_ZERODATA = 2;
    static final int FLAG_LEAFDATA = 4;
    static final int FLAG_LEAF = 8;
    static final int TABLE_LEAF = FLAG_INTKEY | FLAG_LEAFDATA | FLAG_LEAF;
    static final int TABLE_INTERIOR = FLAG_INTKEY | FLAG_LEAFDATA;
    static final int INDEX_LEAF = FLAG_ZERODATA | FLAG_LEAF;
    static final int INDEX_INTERIOR = FLAG_ZERODATA;
    /** SQLite never lets fragmented bytes exceed 60; past 57 it defragments instead of fragmenting further. */
    private static final int MAX_FRAG = 57;

    final Btree bt;
    final Page page;
    final int pgno;
    boolean isInit;
    boolean leaf;
    boolean intKey;
    boolean intKeyLeaf;
    int hdrOffset;
    int childPtrSize;
    int cellOffset;
    int nCell;
    int nFree = -1;
    int maxLocal;
    int minLocal;

    int nOverflow;
    final byte[][] ovflCell = new byte[6][];
    final int[] ovflIdx = new int[6];

    MemPage(Btree bt, Page page) {
        this.bt = bt;
        this.page = page;
        this.pgno = page.pgno();
        this.hdrOffset = pgno == 1 ? 100 : 0;
    }

    MemorySegment data() {
        return page.data();
    }

    /** Parses the page header (btreeInitPage); CORRUPT when it does not describe a B-tree page. */
    void init() {
        MemorySegment d = data();
        int flags = Bytes.get1(d, hdrOffset);
        decodeFlags(flags);
        int usable = bt.usableSize;
        nCell = Bytes.get2(d, hdrOffset + 3);
        if (nCell > (usable - 8) / 6) {
            throw Corrupt.page(pgno, "too many cells (" + nCell + ")");
        }
        if (cellOffset + 2 * nCell > usable) {
            throw Corrupt.page(pgno, "cell pointer array extends past the page");
        }
        nFree = -1;
        nOverflow = 0;
        isInit = true;
    }

    private void decodeFlags(int flags) {
        switch (flags) {
            case 13 -> setType(true, true);
            case 5 -> setType(true, false);
            case 10 -> setType(false, true);
            case 2 -> setType(false, false);
            default -> throw Corrupt.page(pgno, "not a b-tree page (flags " + flags + ")");
        }
    }

    private void setType(boolean isIntKey, boolean isLeaf) {
        leaf = isLeaf;
        intKey = isIntKey;
        intKeyLeaf = isIntKey && isLeaf;
        childPtrSize = isLeaf ? 0 : 4;
        cellOffset = hdrOffset + (isLeaf ? 8 : 12);
        if (isIntKey) {
            maxLocal = bt.maxLeaf;
            minLocal = bt.minLeaf;
        } else {
            maxLocal = bt.maxLocal;
            minLocal = bt.minLocal;
        }
    }

    /** Type byte (13, 5, 10, 2). */
    int flagsByte() {
        return Bytes.get1(data(), hdrOffset);
    }

    /**
     * Makes the page an empty page of the given type ({@link #TABLE_LEAF} etc. as SQLite's PTF flags). Caller has
     * made the page writable.
     */
    void zero(int ptfFlags) {
        MemorySegment d = data();
        int usable = bt.usableSize;
        int typeByte = switch (ptfFlags) {
            case TABLE_LEAF -> 13;
            case TABLE_INTERIOR -> 5;
            case INDEX_LEAF -> 10;
            case INDEX_INTERIOR -> 2;
            default -> throw new AssertionError(ptfFlags);
        };
        d.asSlice(hdrOffset, usable - hdrOffset).fill((byte) 0);
        Bytes.put1(d, hdrOffset, typeByte);
        Bytes.put2(d, hdrOffset + 5, usable == 65536 ? 0 : usable);
        decodeFlags(typeByte);
        nCell = 0;
        nOverflow = 0;
        nFree = usable - cellOffset;
        isInit = true;
    }

    /** The PTF flags of this page's type. */
    int ptfFlags() {
        if (intKey) {
            return leaf ? TABLE_LEAF : TABLE_INTERIOR;
        }
        return leaf ? INDEX_LEAF : INDEX_INTERIOR;
    }

    int contentStart() {
        int v = Bytes.get2(data(), hdrOffset + 5);
        return v == 0 ? 65536 : v;
    }

    int rightChild() {
        return Bytes.get4(data(), hdrOffset + 8);
    }

    void setRightChild(int pgno) {
        Bytes.put4(data(), hdrOffset + 8, pgno);
    }

    /** Offset of cell {@code i} within the page, validated against the page bounds. */
    int cellPtr(int i) {
        MemorySegment d = data();
        int off = Bytes.get2(d, cellOffset + 2 * i);
        if (off < cellOffset + 2 * nCell || off > bt.usableSize - 4) {
            throw Corrupt.page(pgno, "cell " + i + " offset " + off + " out of range");
        }
        return off;
    }

    /** The left child page of interior cell {@code i}. */
    int childPgno(int i) {
        return Bytes.get4(data(), cellPtr(i));
    }

    /** The rowid of table cell {@code i} (leaf or interior). */
    long intKeyAt(int i) {
        MemorySegment d = data();
        int off = cellPtr(i);
        if (!leaf) {
            return Varint.get(d, off + 4);
        }
        return Varint.get(d, off + Varint.length(d, off));
    }

    /** Parses the cell at {@code off} into {@code info}. */
    void parseCell(int off, CellInfo info) {
        MemorySegment d = data();
        int p = off + childPtrSize;
        if (intKey && !leaf) {
            info.nKey = Varint.get(d, p);
            info.nPayload = 0;
            info.nLocal = 0;
            info.payloadOffset = p;
            info.nSize = 4 + Varint.length(d, p);
            info.overflowPgno = 0;
            return;
        }
        long h = Varint.get32(d, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            info.nKey = Varint.get(d, p);
            p += Varint.length(d, p);
        } else {
            info.nKey = nPayload & 0xffffffffL;
        }
        if (nPayload < 0) {
            throw Corrupt.page(pgno, "payload size " + Integer.toUnsignedString(nPayload));
        }
        info.nPayload = nPayload;
        info.payloadOffset = p;
        int local = localSize(nPayload);
        info.nLocal = local;
        if (local < nPayload) {
            info.nSize = p - off + local + 4;
            if (off + info.nSize > bt.usableSize) {
                throw Corrupt.page(pgno, "cell extends past the page");
            }
            info.overflowPgno = Bytes.get4(d, p + local);
        } else {
            info.nSize = Math.max(4, p - off + local);
            info.overflowPgno = 0;
            if (p + local > bt.usableSize) {
                throw Corrupt.page(pgno, "cell extends past the page");
            }
        }
    }

    /** The size in bytes of the cell at {@code off} (cellSizePtr). */
    int cellSize(int off) {
        MemorySegment d = data();
        int p = off + childPtrSize;
        if (intKey && !leaf) {
            return 4 + Varint.length(d, p);
        }
        long h = Varint.get32(d, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            p += Varint.length(d, p);
        }
        if (nPayload < 0) {
            throw Corrupt.page(pgno, "payload size " + Integer.toUnsignedString(nPayload));
        }
        int local = localSize(nPayload);
        int size = local < nPayload ? p - off + local + 4 : Math.max(4, p - off + local);
        if (off + size > bt.usableSize) {
            throw Corrupt.page(pgno, "cell extends past the page");
        }
        return size;
    }

    /** Bytes of a payload of {@code nPayload} bytes kept in the cell on this kind of page (fileformat2 2.3). */
    int localSize(int nPayload) {
        if (nPayload <= maxLocal) {
            return nPayload;
        }
        int surplus = minLocal + (int) ((nPayload - (long) minLocal) % (bt.usableSize - 4));
        return surplus <= maxLocal ? surplus : minLocal;
    }

    // ------------------------------------------------------------------ free space

    /** Free bytes on the page (btreeComputeFreeSpace), validating the freeblock list. */
    int freeSpace() {
        if (nFree >= 0) {
            return nFree;
        }
        MemorySegment d = data();
        int usable = bt.usableSize;
        int top = contentStart();
        int firstCell = cellOffset + 2 * nCell;
        int total = Bytes.get1(d, hdrOffset + 7) + top;
        int pc = Bytes.get2(d, hdrOffset + 1);
        if (pc > 0) {
            if (pc < top) {
                throw Corrupt.page(pgno, "freeblock before the cell content area");
            }
            while (true) {
                if (pc > usable - 4) {
                    throw Corrupt.page(pgno, "freeblock offset " + pc);
                }
                int next = Bytes.get2(d, pc);
                int size = Bytes.get2(d, pc + 2);
                total += size;
                if (next <= pc + size + 3) {
                    if (next > 0) {
                        throw Corrupt.page(pgno, "freeblocks out of order");
                    }
                    if (pc + size > usable) {
                        throw Corrupt.page(pgno, "freeblock extends past the page");
                    }
                    break;
                }
                pc = next;
            }
        }
        if (total > usable || total < firstCell) {
            throw Corrupt.page(pgno, "free space " + total);
        }
        nFree = total - firstCell;
        return nFree;
    }

    /**
     * Takes {@code n} bytes of the content area for a new cell (allocateSpace): from a freeblock when one is big
     * enough, else from the gap (defragmenting first if needed). The caller ensured {@code n + 2 <= freeSpace()}.
     */
    int allocateSpace(int n) {
        MemorySegment d = data();
        int gap = cellOffset + 2 * nCell;
        int top = contentStart();
        if (gap > top) {
            throw Corrupt.page(pgno, "cell content area overlaps the cell pointers");
        }
        if (Bytes.get2(d, hdrOffset + 1) != 0 && gap + 2 <= top) {
            int slot = findSlot(n);
            if (slot > 0) {
                nFree -= n;
                return slot;
            }
        }
        if (gap + 2 + n > top) {
            defragment();
            top = contentStart();
        }
        top -= n;
        Bytes.put2(d, hdrOffset + 5, top);
        nFree -= n;
        return top;
    }

    /** First-fit search of the freeblock list; 0 when nothing fits (pageFindSlot). */
    private int findSlot(int n) {
        MemorySegment d = data();
        int prev = hdrOffset + 1;
        int pc = Bytes.get2(d, prev);
        int guard = bt.usableSize;
        while (pc > 0 && guard-- > 0) {
            if (pc > bt.usableSize - 4) {
                throw Corrupt.page(pgno, "freeblock offset " + pc);
            }
            int size = Bytes.get2(d, pc + 2);
            int x = size - n;
            if (x >= 0) {
                if (x < 4) {
                    int frag = Bytes.get1(d, hdrOffset + 7);
                    if (frag > MAX_FRAG) {
                        return 0;
                    }
                    Bytes.put2(d, prev, Bytes.get2(d, pc));
                    Bytes.put1(d, hdrOffset + 7, frag + x);
                    return pc;
                }
                if (pc + x + n > bt.usableSize) {
                    throw Corrupt.page(pgno, "freeblock extends past the page");
                }
                Bytes.put2(d, pc + 2, x);
                return pc + x;
            }
            prev = pc;
            int next = Bytes.get2(d, pc);
            if (next != 0 && next <= pc) {
                throw Corrupt.page(pgno, "freeblocks out of order");
            }
            pc = next;
        }
        return 0;
    }

    /**
     * Returns {@code size} bytes at {@code start} to the free space (freeSpace): inserted into the sorted freeblock
     * list, merged with neighbours (absorbing fragments between them), or folded into the gap when at its edge.
     * The caller keeps {@link #nFree} up to date.
     */
    void freeSpace(int start, int size) {
        MemorySegment d = data();
        int hdr = hdrOffset;
        int end = start + size;
        int frag = 0;
        int ptr = hdr + 1;
        int next;
        while ((next = Bytes.get2(d, ptr)) != 0 && next < start) {
            if (next <= ptr) {
                throw Corrupt.page(pgno, "freeblocks out of order");
            }
            ptr = next;
        }
        if (next > bt.usableSize - 4) {
            throw Corrupt.page(pgno, "freeblock offset " + next);
        }
        if (next != 0 && end + 3 >= next) {
            if (end > next) {
                throw Corrupt.page(pgno, "freed space overlaps a freeblock");
            }
            frag = next - end;
            end = next + Bytes.get2(d, next + 2);
            if (end > bt.usableSize) {
                throw Corrupt.page(pgno, "freeblock extends past the page");
            }
            next = Bytes.get2(d, next);
        }
        if (ptr > hdr + 1) {
            int ptrEnd = ptr + Bytes.get2(d, ptr + 2);
            if (ptrEnd + 3 >= start) {
                if (ptrEnd > start) {
                    throw Corrupt.page(pgno, "freed space overlaps a freeblock");
                }
                frag += start - ptrEnd;
                start = ptr;
            }
        }
        int f = Bytes.get1(d, hdr + 7);
        if (frag > f) {
            throw Corrupt.page(pgno, "fragment count");
        }
        Bytes.put1(d, hdr + 7, f - frag);
        int top = contentStart();
        if (start <= top) {
            if (start < top || ptr != hdr + 1) {
                throw Corrupt.page(pgno, "freed space before the content area");
            }
            Bytes.put2(d, hdr + 1, next);
            Bytes.put2(d, hdr + 5, end);
        } else {
            Bytes.put2(d, ptr, start);
            Bytes.put2(d, start, next);
            Bytes.put2(d, start + 2, end - start);
        }
    }

    /** Rewrites the content area with every cell packed at its end: no freeblocks, no fragments. */
    void defragment() {
        MemorySegment d = data();
        int usable = bt.usableSize;
        MemorySegment tmp = bt.scratchPage();
        MemorySegment.copy(d, 0, tmp, 0, usable);
        int top = usable;
        for (int i = 0; i < nCell; i++) {
            int off = Bytes.get2(tmp, cellOffset + 2 * i);
            if (off < cellOffset + 2 * nCell || off > usable - 4) {
                throw Corrupt.page(pgno, "cell " + i + " offset " + off + " out of range");
            }
            int size = cellSizeAt(tmp, off);
            top -= size;
            if (top < cellOffset + 2 * nCell) {
                throw Corrupt.page(pgno, "cells overflow the page");
            }
            MemorySegment.copy(tmp, off, d, top, size);
            Bytes.put2(d, cellOffset + 2 * i, top);
        }
        Bytes.put2(d, hdrOffset + 1, 0);
        Bytes.put2(d, hdrOffset + 5, top == 65536 ? 0 : top);
        Bytes.put1(d, hdrOffset + 7, 0);
        int gap = cellOffset + 2 * nCell;
        d.asSlice(gap, top - gap).fill((byte) 0);
        nFree = top - gap;
    }

    /** The size of a cell of this page's type held at {@code seg[off]} (any segment). */
    int cellSizeAt(MemorySegment seg, int off) {
        int p = off + childPtrSize;
        if (intKey && !leaf) {
            return 4 + Varint.length(seg, p);
        }
        long h = Varint.get32(seg, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            p += Varint.length(seg, p);
        }
        if (nPayload < 0) {
            throw Corrupt.page(pgno, "payload size " + Integer.toUnsignedString(nPayload));
        }
        int local = localSize(nPayload);
        int size = local < nPayload ? p - off + local + 4 : Math.max(4, p - off + local);
        if (off + size > bt.usableSize) {
            throw Corrupt.page(pgno, "cell extends past the page");
        }
        return size;
    }

    /** The size of a cell of this page's type held in {@code a[off..]} (cellSizePtr over a heap copy). */
    int cellSizeAt(byte[] a, int off) {
        int p = off + childPtrSize;
        if (intKey && !leaf) {
            return 4 + Varint.length(a, p);
        }
        long h = Varint.get32(a, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            p += Varint.length(a, p);
        }
        if (nPayload < 0) {
            throw Corrupt.page(pgno, "payload size " + Integer.toUnsignedString(nPayload));
        }
        int local = localSize(nPayload);
        int size = local < nPayload ? p - off + local + 4 : Math.max(4, p - off + local);
        if (off + size > bt.usableSize) {
            throw Corrupt.page(pgno, "cell extends past the page");
        }
        return size;
    }

    /** The first overflow page of a cell of this page's type held in {@code a[off..]}, or 0. */
    int overflowPgnoAt(byte[] a, int off) {
        if (intKey && !leaf) {
            return 0;
        }
        int p = off + childPtrSize;
        long h = Varint.get32(a, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            p += Varint.length(a, p);
        }
        int local = localSize(nPayload);
        return local < nPayload ? Bytes.get4(a, p + local) : 0;
    }

    /** The first overflow page of a cell of this page's type held at {@code seg[off]}, or 0. */
    int overflowPgnoAt(MemorySegment seg, int off) {
        if (intKey && !leaf) {
            return 0;
        }
        int p = off + childPtrSize;
        long h = Varint.get32(seg, p);
        int nPayload = Varint.value32(h);
        p += Varint.length32(h);
        if (intKey) {
            p += Varint.length(seg, p);
        }
        int local = localSize(nPayload);
        return local < nPayload ? Bytes.get4(seg, p + local) : 0;
    }

    // ------------------------------------------------------------------ cell insert / drop

    /**
     * Inserts a cell at index {@code i} (insertCell). When it does not fit, it is kept as an overflow cell (a copy
     * in {@code overflowBuf}) and the caller must balance. {@code childPgno}, when nonzero, overwrites the cell's
     * first 4 bytes (interior cells).
     */
    void insertCell(int i, MemorySegment cell, long cellOff, int size, int childPgno) {
        if (nOverflow > 0 || size + 2 > freeSpace()) {
            if (nOverflow == ovflCell.length) {
                throw Corrupt.page(pgno, "too many overflow cells");
            }
            byte[] copy = new byte[size];
            MemorySegment.copy(cell, ValueLayout.JAVA_BYTE, cellOff, copy, 0, size);
            if (childPgno != 0) {
                Bytes.put4(copy, 0, childPgno);
            }
            ovflCell[nOverflow] = copy;
            ovflIdx[nOverflow] = i;
            nOverflow++;
            return;
        }
        int idx = allocateSpace(size);
        nFree -= 2;
        MemorySegment d = data();
        MemorySegment.copy(cell, cellOff, d, idx, size);
        if (childPgno != 0) {
            Bytes.put4(d, idx, childPgno);
        }
        int ptr = cellOffset + 2 * i;
        int end = cellOffset + 2 * nCell;
        if (ptr < end) {
            MemorySegment.copy(d, ptr, d, ptr + 2, end - ptr);
        }
        Bytes.put2(d, ptr, idx);
        nCell++;
        Bytes.put2(d, hdrOffset + 3, nCell);
    }

    /** Removes cell {@code i} whose size is {@code size} (dropCell). */
    void dropCell(int i, int size) {
        MemorySegment d = data();
        int ptr = cellOffset + 2 * i;
        int off = Bytes.get2(d, ptr);
        if (off < cellOffset + 2 * nCell || off + size > bt.usableSize) {
            throw Corrupt.page(pgno, "cell " + i + " offset " + off + " out of range");
        }
        int nFreeBefore = freeSpace();
        freeSpace(off, size);
        nCell--;
        if (nCell == 0) {
            Bytes.put1(d, hdrOffset + 7, 0);
            Bytes.put2(d, hdrOffset + 1, 0);
            Bytes.put2(d, hdrOffset + 5, bt.usableSize == 65536 ? 0 : bt.usableSize);
            nFree = bt.usableSize - cellOffset;
        } else {
            int end = cellOffset + 2 * nCell;
            if (ptr < end) {
                MemorySegment.copy(d, ptr + 2, d, ptr, end - ptr);
            }
            nFree = nFreeBefore + size + 2;
        }
        Bytes.put2(d, hdrOffset + 3, nCell);
    }
}
