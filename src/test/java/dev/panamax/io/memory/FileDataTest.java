package dev.panamax.io.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FileData} against a plain model that keeps full byte arrays: the current contents, the durable contents,
 * and the pending operations, replayed onto the durable copy at each sync. Seeded random operations over several
 * 64 KiB blocks; the shared-block bookkeeping must never let one image see the other's writes.
 */
class FileDataTest {

    /** The model: byte arrays and replay, nothing shared. */
    private static final class Model {
        byte[] current = new byte[0];
        byte[] durable = new byte[0];
        final List<Object[]> pending = new ArrayList<>();

        static byte[] write(byte[] image, long offset, byte[] bytes) {
            byte[] out = Arrays.copyOf(image, (int) Math.max(image.length, offset + bytes.length));
            System.arraycopy(bytes, 0, out, (int) offset, bytes.length);
            return bytes.length == 0 ? image : out;
        }

        static byte[] truncate(byte[] image, long size) {
            return size < image.length ? Arrays.copyOf(image, (int) size) : image;
        }

        void sync() {
            for (Object[] p : pending) {
                durable = p[1] == null ? truncate(durable, (Long) p[0]) : write(durable, (Long) p[0], (byte[]) p[1]);
            }
            pending.clear();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void matchesThePlainModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FileData data = new FileData();
        Model model = new Model();
        List<MemorySegment> views = new ArrayList<>();
        List<Long> viewOffsets = new ArrayList<>();
        for (int op = 0; op < 300; op++) {
            int kind = random.nextInt(20);
            if (kind < 12) {
                long offset = random.nextLong(5 * FileData.BLOCK_BYTES);
                byte[] bytes = new byte[random.nextInt(kind == 0 ? 3 * FileData.BLOCK_BYTES : 3000)];
                random.nextBytes(bytes);
                data.write(offset, bytes);
                model.current = Model.write(model.current, offset, bytes);
                model.pending.add(new Object[] {offset, bytes});
            } else if (kind < 14) {
                long size = random.nextLong(5 * FileData.BLOCK_BYTES);
                data.truncate(size);
                for (int v = views.size() - 1; v >= 0; v--) {
                    if (viewOffsets.get(v) + 512 > size) {
                        views.remove(v);
                        viewOffsets.remove(v);
                    }
                }
                if (size < model.current.length) {
                    model.current = Model.truncate(model.current, size);
                    model.pending.add(new Object[] {size, null});
                }
            } else if (kind < 17) {
                data.sync();
                model.sync();
            } else if (kind < 18) {
                data.loseUnsynced();
                model.pending.clear();
            } else {
                long offset = random.nextLong(Math.max(1, model.current.length));
                MemorySegment view = data.view(offset, 512);
                if (view != null) {
                    views.add(view);
                    viewOffsets.add(offset);
                }
            }
            assertEquals(model.current.length, data.size());
        }
        assertArrayEquals(model.current, data.contents());
        for (int i = 0; i < views.size(); i++) {
            long offset = viewOffsets.get(i);
            assertArrayEquals(Arrays.copyOfRange(model.current, (int) offset, (int) offset + 512),
                    views.get(i).toArray(ValueLayout.JAVA_BYTE), "view at " + offset + " sees the current bytes");
        }
        FileData afterCrash = data.afterCrash(random, 0, null).rebootCopy();
        assertArrayEquals(model.durable, afterCrash.contents(), "seed " + seed);
    }
}
