package dev.panamax.storage.pager;

import java.lang.foreign.MemorySegment;

/**
 * A transform applied to every page image between the cache and the file: the hook for page encryption, which
 * keeps its nonce and tag in the page's reserved tail (header byte 20). The pager calls {@link #decode} after each
 * page is read from the file and {@link #encode} on each page it writes (database file and journal), so the cache
 * always holds plaintext. {@link #IDENTITY} (the default) leaves the bytes alone and lets the pager map pages
 * without copying.
 */
public interface PageTransform {
    /** The reserved bytes per page this transform needs (0 for none). */
    int reservedBytes();

    /** Turns the file image of page {@code pgno} into plaintext, in place; CORRUPT when it does not authenticate. */
    void decode(int pgno, MemorySegment page);

    /** Writes the file image of page {@code pgno} from the plaintext {@code src} into {@code dst} (same size). */
    void encode(int pgno, MemorySegment src, MemorySegment dst);

    PageTransform IDENTITY = new PageTransform() {
        @Override
        public int reservedBytes() {
            return 0;
        }

        @Override
        public void decode(int pgno, MemorySegment page) {
        }

        @Override
        public void encode(int pgno, MemorySegment src, MemorySegment dst) {
            MemorySegment.copy(src, 0, dst, 0, src.byteSize());
        }
    };
}
