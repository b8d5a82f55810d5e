package dev.panamax.io.memory;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The bytes of one simulated file: what reads see now (current), what survives a crash with nothing else (durable,
 * as of the last successful sync), and the writes and truncations since (pending).
 *
 * <pre>
 *  current  [ b0 ][ b1 ][null][ b3 ] ...    64 KiB byte[] blocks, null reads as zeros; bytes at or past size are 0
 *  durable  [ b0 ][ b1'][null]              the same array where `shared` has the block's bit, else its own copy
 *  pending  write(off, bytes) | truncate(size) | ...     since the last successful sync, in order
 * </pre>
 *
 * <p>A sync shares every block (a pointer copy, no byte copy). Whichever image then writes a shared block, the
 * durable image gets the private copy, so the current image's arrays never change identity and the views handed out
 * from them keep seeing later writes. Once a failed sync has dropped writes ({@code diverged}), the durable image
 * can no longer be a copy of the current one: later syncs replay the pending operations onto it instead.
 *
 * <p>Not thread-safe: the owning {@link MemoryFileSystem} serializes every call.
 */
final class FileData {
    static final int BLOCK_SHIFT = 16;
    static final int BLOCK_BYTES = 1 << BLOCK_SHIFT;

    /** A write (bytes non-null) or a truncation, as replayed onto the durable image. */
    record Pending(long offset, byte[] bytes, long truncateSize) {
        static Pending write(long offset, byte[] bytes) {
            return new Pending(offset, bytes, -1);
        }

        static Pending truncate(long size) {
            return new Pending(-1, null, size);
        }
    }

    private static final class Image {
        byte[][] blocks;
        long size;

        Image(byte[][] blocks, long size) {
            this.blocks = blocks;
            this.size = size;
        }
    }

    private final Image current;
    private Image durable;
    private final BitSet shared = new BitSet();
    private final List<Pending> pending = new ArrayList<>();
    private boolean diverged;

    FileData() {
        current = new Image(new byte[0][], 0);
        durable = new Image(new byte[0][], 0);
    }

    /** A file whose current and durable contents are both {@code image} (after a reboot). */
    private FileData(Image image) {
        current = new Image(image.blocks.clone(), image.size);
        durable = new Image(image.blocks.clone(), image.size);
        shareAll();
    }

    long size() {
        return current.size;
    }

    int read(long offset, MemorySegment dst) {
        long n = Math.max(0, Math.min(dst.byteSize(), current.size - offset));
        long done = 0;
        while (done < n) {
            long pos = offset + done;
            int inBlock = (int) (pos & (BLOCK_BYTES - 1));
            int piece = (int) Math.min(n - done, BLOCK_BYTES - inBlock);
            int b = (int) (pos >>> BLOCK_SHIFT);
            byte[] block = b < current.blocks.length ? current.blocks[b] : null;
            if (block == null) {
                dst.asSlice(done, piece).fill((byte) 0);
            } else {
                MemorySegment.copy(MemorySegment.ofArray(block), inBlock, dst, done, piece);
            }
            done += piece;
        }
        return (int) n;
    }

    /** A read-only view inside one block of the current image, or null when the range crosses a block or the end. */
    MemorySegment view(long offset, long length) {
        int inBlock = (int) (offset & (BLOCK_BYTES - 1));
        if (length <= 0 || offset + length > current.size || inBlock + length > BLOCK_BYTES) {
            return null;
        }
        byte[] block = ownBlock(current, (int) (offset >>> BLOCK_SHIFT));
        return MemorySegment.ofArray(block).asSlice(inBlock, length).asReadOnly();
    }

    /** Applies a write to the current image and records it as pending. */
    void write(long offset, byte[] bytes) {
        writeImage(current, offset, bytes);
        pending.add(Pending.write(offset, bytes));
    }

    void truncate(long size) {
        if (size < current.size) {
            truncateImage(current, size);
            pending.add(Pending.truncate(size));
        }
    }

    /** A successful sync: everything pending becomes durable. */
    void sync() {
        if (diverged) {
            for (Pending p : pending) {
                apply(durable, p);
            }
        } else {
            durable = new Image(current.blocks.clone(), current.size);
            shareAll();
        }
        pending.clear();
    }

    /** A failed sync that lost the pending writes: they stay readable now, but never become durable. */
    void loseUnsynced() {
        if (!pending.isEmpty()) {
            pending.clear();
            diverged = true;
        }
    }

    /**
     * The durable contents after a crash: the last synced image, plus each pending operation that survives (with
     * probability {@code survival}, decided in order by {@code random}), plus {@code torn} (a cut write in flight at
     * the crash, or null). Consumes this object: it is not used again.
     */
    FileData afterCrash(RandomGenerator random, double survival, Pending torn) {
        for (Pending p : pending) {
            if (survival > 0 && random.nextDouble() < survival) {
                apply(durable, p);
            }
        }
        if (torn != null) {
            apply(durable, torn);
        }
        pending.clear();
        return new FileData(durable);
    }

    /** An independent file with the same current contents (a deep copy: two reboots must not share blocks). */
    FileData rebootCopy() {
        byte[][] blocks = new byte[current.blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = current.blocks[b] == null ? null : current.blocks[b].clone();
        }
        return new FileData(new Image(blocks, current.size));
    }

    byte[] contents() {
        byte[] out = new byte[Math.toIntExact(current.size)];
        read(0, MemorySegment.ofArray(out));
        return out;
    }

    private void apply(Image image, Pending p) {
        if (p.bytes != null) {
            writeImage(image, p.offset, p.bytes);
        } else if (p.truncateSize < image.size) {
            truncateImage(image, p.truncateSize);
        }
    }

    private void writeImage(Image image, long offset, byte[] bytes) {
        int length = bytes.length;
        if (length == 0) {
            return;
        }
        ensureBlocks(image, offset + length);
        int done = 0;
        while (done < length) {
            long pos = offset + done;
            int inBlock = (int) (pos & (BLOCK_BYTES - 1));
            int piece = Math.min(length - done, BLOCK_BYTES - inBlock);
            byte[] block = ownBlock(image, (int) (pos >>> BLOCK_SHIFT));
            System.arraycopy(bytes, done, block, inBlock, piece);
            done += piece;
        }
        image.size = Math.max(image.size, offset + length);
    }

    /** Shrinks an image, zeroing the cut tail of the last block so that a later extension reads zeros. */
    private void truncateImage(Image image, long size) {
        int keep = (int) ((size + BLOCK_BYTES - 1) >>> BLOCK_SHIFT);
        for (int b = keep; b < image.blocks.length; b++) {
            if (image.blocks[b] != null) {
                image.blocks[b] = null;
                shared.clear(b);
            }
        }
        int inBlock = (int) (size & (BLOCK_BYTES - 1));
        if (inBlock != 0 && image.blocks[keep - 1] != null) {
            Arrays.fill(ownBlock(image, keep - 1), inBlock, BLOCK_BYTES, (byte) 0);
        }
        image.size = size;
    }

    /** Block {@code b} of {@code image}, allocated if absent, and private to it unless it is the current image. */
    private byte[] ownBlock(Image image, int b) {
        byte[] block = image.blocks[b];
        if (block == null) {
            block = new byte[BLOCK_BYTES];
            image.blocks[b] = block;
            return block;
        }
        if (shared.get(b)) {
            shared.clear(b);
            durable.blocks[b] = block.clone();
            if (image == durable) {
                return durable.blocks[b];
            }
        }
        return block;
    }

    private static void ensureBlocks(Image image, long end) {
        int needed = (int) ((end + BLOCK_BYTES - 1) >>> BLOCK_SHIFT);
        if (needed > image.blocks.length) {
            image.blocks = Arrays.copyOf(image.blocks, Math.max(needed, image.blocks.length * 2));
        }
    }

    private void shareAll() {
        shared.clear();
        for (int b = 0; b < current.blocks.length; b++) {
            if (current.blocks[b] != null) {
                shared.set(b);
            }
        }
    }
}
