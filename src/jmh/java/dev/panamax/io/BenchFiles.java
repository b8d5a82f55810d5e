package dev.panamax.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** Benchmark input files: created once in java.io.tmpdir, then read through so that the page cache holds them. */
public final class BenchFiles {
    private static final int MIB = 1 << 20;

    private BenchFiles() {
    }

    /** A file of {@code mib} MiB of seeded random bytes, cached. */
    public static Path cached(int mib) throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "panamax-bench-" + mib + "mib.bin");
        long size = (long) mib * MIB;
        if (!Files.exists(file) || Files.size(file) != size) {
            write(file, mib);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            ByteBuffer buf = arena.allocate(MIB).asByteBuffer();
            for (long pos = 0; pos < size; pos += MIB) {
                ch.read(buf.clear(), pos);
            }
        }
        return file;
    }

    private static void write(Path file, int mib) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(mib);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); Arena arena = Arena.ofConfined()) {
            MemorySegment chunk = arena.allocate(MIB);
            byte[] bytes = new byte[MIB];
            for (int i = 0; i < mib; i++) {
                random.nextBytes(bytes);
                MemorySegment.copy(MemorySegment.ofArray(bytes), 0, chunk, 0, MIB);
                ByteBuffer buf = chunk.asByteBuffer();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            ch.force(true);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
