package dev.panamax.storage.pager;

import java.lang.foreign.MemorySegment;

/**
 * One page held by the {@link Pager}: its number, its image and the bookkeeping of the cache.
 *
 * <pre>
 *   data:  [ page content ............................ | reserved tail (header byte 20) ]
 *          0                                  usableSize                          pageSize
 * </pre>
 *
 * <p>{@link #data()} is the plaintext image (after the page transform). It may be a mapped read-only view of the
 * file until the page is made writable with {@link Pager#write}; re-read {@code data()} after that call rather than
 * keeping the old segment. A page is valid while pinned: between {@link Pager#get} and {@link Pager#release}.
 * {@link #extra} is a slot for the layer above (the B-tree keeps its parsed page header there); the pager clears it
 * whenever the content changes under it (rollback, reload).
 */
public final class Page {
    int pgno;
    MemorySegment data;
    /** The cache frame owned by this page, or null while {@link #data} is a mapped view of the file. */
    MemorySegment frame;
    int refCount;
    boolean dirty;
    Page lruPrev;
    Page lruNext;
    Page hashNext;
    int slot;
    /** The layer above's parsed state of this page; the pager nulls it when the content is replaced. */
    public Object extra;

    Page() {
    }

    public int pgno() {
        return pgno;
    }

    /** The page image; only valid while the page is pinned. */
    public MemorySegment data() {
        return data;
    }

    public boolean isDirty() {
        return dirty;
    }

    @Override
    public String toString() {
        return "Page " + pgno + (dirty ? " dirty" : "") + " ref=" + refCount;
    }
}
