package dev.panamax.io;

import static dev.panamax.io.DbFileContractTest.PAGE;
import static dev.panamax.io.DbFileContractTest.nativeCopy;
import static dev.panamax.io.DbFileContractTest.pageBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping scheme of the mmap backend: remap policy, view lifetimes, and files shrunk behind its back. */
class MappedFileTest {
    static final long CHUNK = 1L << 20;

    @TempDir
    Path dir;

    private MappedFile open(String name) throws IOException {
        return (MappedFile) new FileBackend(CHUNK).open(dir.resolve(name).toString(), false, true);
    }

    @Test
    void growingPageByPageKeepsFewMappingsAndOldViewsValid() throws IOException {
        try (Arena arena = Arena.ofConfined(); MappedFile f = open("grow.db")) {
            f.write(0, nativeCopy(arena, pageBytes(0, PAGE)));
            MemorySegment first = f.view(0, PAGE);
            assertNotNull(first);
            int pages = 4 * (int) (CHUNK / PAGE) + 10;
            for (int p = 1; p < pages; p++) {
                f.write((long) p * PAGE, nativeCopy(arena, pageBytes(p, PAGE)));
                assertArrayEquals(pageBytes(p, PAGE), DbFileContractTest.readBytes(f, (long) p * PAGE, PAGE));
                f.view((long) p * PAGE, PAGE);
            }
            assertTrue(f.liveMappings() <= 4 * 12, "geometric remapping, not one mapping per page: "
                    + f.liveMappings());
            assertArrayEquals(pageBytes(0, PAGE), first.toArray(ValueLayout.JAVA_BYTE), "the first view survived");
            f.write(0, nativeCopy(arena, pageBytes(1000, PAGE)));
            assertArrayEquals(pageBytes(1000, PAGE), first.toArray(ValueLayout.JAVA_BYTE), "and sees writes");
        }
    }

    @Test
    void truncationInvalidatesTheViewsItCutsAndCloseInvalidatesAll() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MappedFile f = open("cut.db");
            f.write(0, nativeCopy(arena, pageBytes(1, (int) (3 * CHUNK))));
            MemorySegment low = f.view(PAGE, PAGE);
            MemorySegment high = f.view(2 * CHUNK + PAGE, PAGE);
            f.truncate(CHUNK + PAGE);
            assertThrows(IllegalStateException.class, () -> high.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(pageBytes(1, (int) (3 * CHUNK))[PAGE], low.get(ValueLayout.JAVA_BYTE, 0),
                    "a whole chunk below the cut keeps its mapping");
            f.close();
            assertThrows(IllegalStateException.class, () -> low.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(0, f.liveMappings());
        }
    }

    /** Another process shrinking the file makes mapped pages fault (SIGBUS): reads must fall back, not crash. */
    @Test
    void aFileShrunkBehindOurBackReadsShortInsteadOfCrashing() throws IOException {
        try (Arena arena = Arena.ofConfined(); MappedFile f = open("shrunk.db")) {
            byte[] data = pageBytes(2, 64 * PAGE);
            f.write(0, nativeCopy(arena, data));
            assertNotNull(f.view(0, PAGE), "mapped");
            try (FileChannel other = FileChannel.open(dir.resolve("shrunk.db"), StandardOpenOption.WRITE)) {
                other.truncate(2 * PAGE);
            }
            MemorySegment dst = arena.allocate(PAGE);
            assertEquals(0, f.read(10L * PAGE, dst));
            assertEquals(PAGE, f.read(PAGE, dst));
            assertEquals(data[PAGE], dst.get(ValueLayout.JAVA_BYTE, 0));
        }
    }
}
