package dev.panamax.storage.pager;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The page cache of one database (SQLite's pcache): page frames carved from slab chunks owned by one {@link Arena},
 * a hash from page number to {@link Page}, and LRU eviction of clean unpinned pages.
 *
 * <pre>
 *   arena ── chunk 0: [frame][frame][frame]...    chunk = max(pageSize, 64 KiB), taken from the budget
 *         ── chunk 1: [frame][frame]...
 *   buckets[hash(pgno)] -> Page -> Page ...       chained through Page.hashNext
 *   resident[0..count)                            every cached page; Page.slot is its index here
 *   lruHead .. lruTail                            clean unpinned pages, least recently released first
 * </pre>
 *
 * <p>Invariants: a page in the hash has a frame or a mapped view as data; a free frame belongs to no page; a
 * dirty or pinned page is never evicted; the pages of an in-memory database are never evicted.
 */
final class PageCache {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final int pageSize;
    private final Arena arena;
    private final PageCacheBudget budget;
    private final boolean evictable;
    private final ArrayDeque<MemorySegment> freeFrames = new ArrayDeque<>();
    private final ArrayDeque<Page> freePages = new ArrayDeque<>();
    private Page[] buckets = new Page[64];
    private Page[] resident = new Page[64];
    private int count;
    private long reservedBytes;
    private Spiller spiller;
    private Page lruHead;
    private Page lruTail;

    PageCache(int pageSize, PageCacheBudget budget, boolean evictable) {
        this.pageSize = pageSize;
        this.arena = Arena.ofShared();
        this.budget = budget;
        this.evictable = evictable;
    }

    int size() {
        return count;
    }

    Page lookup(int pgno) {
        for (Page p = buckets[hash(pgno)]; p != null; p = p.hashNext) {
            if (p.pgno == pgno) {
                return p;
            }
        }
        return null;
    }

    /** A new resident page for {@code pgno} backed by a frame; its content is undefined. */
    Page allocate(int pgno) {
        Page p = newPage(pgno);
        p.frame = takeFrame();
        p.data = p.frame;
        insert(p);
        return p;
    }

    /** A new resident page for {@code pgno} whose data is a read-only mapped view of the file. */
    Page allocateView(int pgno, MemorySegment view) {
        if (evictable && count >= capacityPages()) {
            evictOne();
        }
        Page p = newPage(pgno);
        p.frame = null;
        p.data = view;
        insert(p);
        return p;
    }

    /** Gives a view-backed page a frame of its own holding the same bytes, so that it can be written. */
    void materialize(Page p) {
        if (p.frame == null) {
            MemorySegment f = takeFrame();
            MemorySegment.copy(p.data, 0, f, 0, pageSize);
            p.frame = f;
            p.data = f;
        }
    }

    /** Drops a page from the cache; its frame goes back to the free list. The page must not be pinned. */
    void remove(Page p) {
        makeUnevictable(p);
        int h = hash(p.pgno);
        Page prev = null;
        for (Page q = buckets[h]; q != null; prev = q, q = q.hashNext) {
            if (q == p) {
                if (prev == null) {
                    buckets[h] = q.hashNext;
                } else {
                    prev.hashNext = q.hashNext;
                }
                break;
            }
        }
        int slot = slotOf(p);
        Page last = resident[--count];
        resident[slot] = last;
        setSlot(last, slot);
        resident[count] = null;
        if (p.frame != null) {
            freeFrames.push(p.frame);
        }
        p.frame = null;
        p.data = null;
        p.hashNext = null;
        p.extra = null;
        p.dirty = false;
        p.refCount = 0;
        p.pgno = 0;
        freePages.push(p);
    }

    /** Calls {@code action} for every resident page (the action must not add or remove pages). */
    void forEach(Consumer<Page> action) {
        for (int k = 0; k < count; k++) {
            action.accept(resident[k]);
        }
    }

    /** A snapshot of the resident pages, for callers that remove pages while walking. */
    Page[] snapshot() {
        return Arrays.copyOf(resident, count);
    }

    void close() {
        budget.release(reservedBytes);
        reservedBytes = 0;
        arena.close();
    }

    private Page newPage(int pgno) {
        Page p = freePages.poll();
        if (p == null) {
            p = new Page();
        }
        p.pgno = pgno;
        p.refCount = 0;
        p.dirty = false;
        p.extra = null;
        p.lruPrev = null;
        p.lruNext = null;
        return p;
    }

    private void insert(Page p) {
        if (count == resident.length) {
            resident = Arrays.copyOf(resident, count * 2);
        }
        if (count >= buckets.length) {
            rehash(buckets.length * 2);
        }
        int h = hash(p.pgno);
        p.hashNext = buckets[h];
        buckets[h] = p;
        resident[count] = p;
        setSlot(p, count);
        count++;
    }

    private MemorySegment takeFrame() {
        MemorySegment f = freeFrames.poll();
        if (f != null) {
            return f;
        }
        long chunk = Math.max(pageSize, CHUNK_BYTES);
        if (!evictable || budget.tryReserve(chunk)) {
            if (!evictable) {
                budget.forceReserve(chunk);
            }
            return newChunk(chunk);
        }
        while (evictOne() || (spiller != null && spiller.spill())) {
            f = freeFrames.poll();
            if (f != null) {
                return f;
            }
        }
        budget.forceReserve(chunk);
        return newChunk(chunk);
    }

    /** Writes dirty pages out early so that their frames can be reused (SQLite's cache spill). */
    interface Spiller {
        /** Makes at least one dirty page clean and evictable; false when none can be. */
        boolean spill();
    }

    void setSpiller(Spiller s) {
        this.spiller = s;
    }

    private MemorySegment newChunk(long chunk) {
        reservedBytes += chunk;
        MemorySegment seg = arena.allocate(chunk, 8);
        for (long off = pageSize; off < chunk; off += pageSize) {
            freeFrames.push(seg.asSlice(off, pageSize));
        }
        return seg.asSlice(0, pageSize);
    }

    private int capacityPages() {
        return (int) Math.max(16, budget.limitBytes() / pageSize);
    }

    /** Marks a page evictable (clean and unpinned): it joins the LRU list's tail. */
    void makeEvictable(Page p) {
        if (p.lruPrev != null || lruHead == p || !evictable) {
            return;
        }
        p.lruNext = null;
        p.lruPrev = lruTail;
        if (lruTail == null) {
            lruHead = p;
        } else {
            lruTail.lruNext = p;
        }
        lruTail = p;
    }

    /** Takes a page off the LRU list (it was pinned or made dirty). */
    void makeUnevictable(Page p) {
        if (p.lruPrev == null && lruHead != p) {
            return;
        }
        if (p.lruPrev == null) {
            lruHead = p.lruNext;
        } else {
            p.lruPrev.lruNext = p.lruNext;
        }
        if (p.lruNext == null) {
            lruTail = p.lruPrev;
        } else {
            p.lruNext.lruPrev = p.lruPrev;
        }
        p.lruPrev = null;
        p.lruNext = null;
    }

    /** Evicts the least recently released clean unpinned page; false when there is none. */
    private boolean evictOne() {
        Page p = lruHead;
        if (p == null) {
            return false;
        }
        assert p.refCount == 0 && !p.dirty : p;
        remove(p);
        return true;
    }

    private void rehash(int n) {
        Page[] old = buckets;
        buckets = new Page[n];
        for (Page head : old) {
            Page p = head;
            while (p != null) {
                Page next = p.hashNext;
                int h = hash(p.pgno);
                p.hashNext = buckets[h];
                buckets[h] = p;
                p = next;
            }
        }
    }

    private int hash(int pgno) {
        return (pgno * 0x9E3779B1) >>> (32 - Integer.numberOfTrailingZeros(buckets.length));
    }

    private int slotOf(Page p) {
        return p.slot;
    }

    private void setSlot(Page p, int slot) {
        p.slot = slot;
    }
}
