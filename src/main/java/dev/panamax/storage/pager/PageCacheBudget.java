package dev.panamax.storage.pager;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A byte budget for page caches, shareable by many open databases. A pager asks the budget before it grows its
 * slab; when the budget is spent it recycles its own clean, unpinned pages, and in a large write transaction on a
 * file it spills dirty pages to the file (after syncing the journal) to recycle those too. Pinned pages and every
 * page of an in-memory database are kept even past the budget: the budget bounds the cache, never correctness.
 */
public final class PageCacheBudget {
    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    public PageCacheBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** A budget for one database: SQLite's default cache of 2000 KiB, rounded up to whole chunks by the pager. */
    public static PageCacheBudget defaultBudget() {
        return new PageCacheBudget(2048L * 1024);
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long usedBytes() {
        return usedBytes.get();
    }

    /** Takes {@code n} bytes if they fit in the budget. */
    boolean tryReserve(long n) {
        while (true) {
            long u = usedBytes.get();
            if (u + n > limitBytes) {
                return false;
            }
            if (usedBytes.compareAndSet(u, u + n)) {
                return true;
            }
        }
    }

    /** Takes {@code n} bytes whether or not they fit (pages that cannot be recycled). */
    void forceReserve(long n) {
        usedBytes.addAndGet(n);
    }

    void release(long n) {
        usedBytes.addAndGet(-n);
    }
}
