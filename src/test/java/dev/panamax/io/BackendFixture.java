package dev.panamax.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.panamax.io.memory.MemoryFileSystem;
import dev.panamax.io.uring.UringBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The backends the contract suite runs against, with how each names its files. Disk backends map in 64 KiB chunks,
 * so that small test files cross chunk boundaries and grow through several remaps.
 */
enum BackendFixture {
    MMAP {
        @Override
        IoBackend create() {
            return new FileBackend(FileBackend.MIN_MAP_CHUNK_BYTES);
        }
    },
    URING {
        @Override
        IoBackend create() throws IOException {
            try {
                return UringBackend.open(new FileBackend(FileBackend.MIN_MAP_CHUNK_BYTES));
            } catch (IOException e) {
                assumeTrue(false, "io_uring unavailable here: " + e.getMessage());
                throw e;
            }
        }
    },
    MEMORY {
        @Override
        IoBackend create() {
            return new MemoryFileSystem(42);
        }

        @Override
        String path(Path dir, String name) {
            return name;
        }
    };

    abstract IoBackend create() throws IOException;

    String path(Path dir, String name) {
        return dir.resolve(name).toString();
    }

    static Stream<BackendFixture> all() {
        return Stream.of(values());
    }

    /** The backends whose files live on disk (views come from mappings). */
    static Stream<BackendFixture> disk() {
        return Stream.of(MMAP, URING);
    }
}
