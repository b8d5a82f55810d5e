package dev.panamax.storage.pager;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only in-memory log of page images (SQLite's sub-journal): the content a page had before a savepoint
 * (or, for an in-memory database, the transaction) first changed it. Records are kept off-heap in chunks that are
 * reused by later transactions.
 *
 * <pre>
 *   record k:  pgnos[k]  and  chunk[k / perChunk] bytes [(k % perChunk) * pageSize, +pageSize)
 * </pre>
 */
final class SubJournal {
    private final int pageSize;
    private final int perChunk;
    private final List<MemorySegment> chunks = new ArrayList<>();
    private int[] pgnos = new int[64];
    private int count;

    SubJournal(int pageSize) {
        this.pageSize = pageSize;
        this.perChunk = Math.max(1, (256 * 1024) / pageSize);
    }

    int size() {
        return count;
    }

    void append(int pgno, MemorySegment image) {
        int chunk = count / perChunk;
        if (chunk == chunks.size()) {
            chunks.add(Arena.ofAuto().allocate((long) perChunk * pageSize, 8));
        }
        if (count == pgnos.length) {
            pgnos = Arrays.copyOf(pgnos, count * 2);
        }
        pgnos[count] = pgno;
        MemorySegment.copy(image, 0, chunks.get(chunk), (long) (count % perChunk) * pageSize, pageSize);
        count++;
    }

    int pgno(int k) {
        return pgnos[k];
    }

    MemorySegment image(int k) {
        return chunks.get(k / perChunk).asSlice((long) (k % perChunk) * pageSize, pageSize);
    }

    /** Forgets records from {@code k} on. Chunks beyond a few are dropped so one huge transaction does not pin memory. */
    void truncate(int k) {
        count = k;
        if (k == 0 && chunks.size() > 4) {
            chunks.subList(4, chunks.size()).clear();
            if (pgnos.length > 1024) {
                pgnos = new int[64];
            }
        }
    }
}
