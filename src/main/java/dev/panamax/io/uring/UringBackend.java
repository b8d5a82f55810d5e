package dev.panamax.io.uring;

import dev.panamax.io.DbFile;
import dev.panamax.io.FileBackend;
import dev.panamax.io.IoBackend;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The io_uring backend ({@code uring}): reads, writes, batches and fsyncs go through io_uring rings driven by raw
 * syscalls over FFM; views, size and truncation come from a {@link FileBackend} file opened next to each ring file
 * (so views stay zero-copy), which also takes any request the rings cannot.
 *
 * <p>{@link #open} probes first: Linux on x86_64 or aarch64, working native calls, a ring the kernel agrees to set
 * up, the READ/WRITE/FSYNC opcodes, and a NOP round trip. Any refusal is a {@link UringUnavailableException} naming
 * it, and callers ({@code IoBackends}) fall back to the {@link FileBackend}. The rings belong to the backend, not to
 * the files: {@link #close()} releases them, and files still open then continue with positional I/O.
 *
 * <p>A blocking {@code io_uring_enter} pins the carrier of a virtual thread, as any native call does.
 */
public final class UringBackend implements IoBackend {
    /** Submission slots per ring: queue depth 32 fits twice. */
    static final int RING_ENTRIES = 64;

    /** Why libc cannot be called (native access denied, symbol missing), or null; decided once per process. */
    private static final String NATIVE_FAILURE = nativeFailure();

    private final FileBackend files;
    private final RingPool rings;

    private UringBackend(FileBackend files, RingPool rings) {
        this.files = files;
        this.rings = rings;
    }

    /**
     * Probes io_uring and opens the backend over {@code files}.
     *
     * @throws UringUnavailableException when the platform, the JVM or the kernel refuses io_uring
     */
    public static UringBackend open(FileBackend files) throws UringUnavailableException {
        return open(files, Ring::create);
    }

    static UringBackend open(FileBackend files, RingPool.RingFactory factory) throws UringUnavailableException {
        Ring first = probe(factory);
        int maxRings = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
        return new UringBackend(files, new RingPool(factory, RING_ENTRIES, maxRings, first));
    }

    private static String nativeFailure() {
        try {
            LibC.load();
            return null;
        } catch (ExceptionInInitializerError e) {
            return String.valueOf(e.getCause());
        } catch (LinkageError | RuntimeException e) {
            return e.toString();
        }
    }

    private static Ring probe(RingPool.RingFactory factory) throws UringUnavailableException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            throw new UringUnavailableException("io_uring syscalls are wired for Linux x86_64/aarch64, not "
                    + os + "/" + arch);
        }
        if (NATIVE_FAILURE != null) {
            throw new UringUnavailableException("native calls unavailable: " + NATIVE_FAILURE);
        }
        Ring ring = factory.create(RING_ENTRIES);
        try {
            if (!ring.supports(Ring.IORING_OP_READ, Ring.IORING_OP_WRITE, Ring.IORING_OP_FSYNC)) {
                throw new UringUnavailableException("io_uring lacks READ/WRITE/FSYNC (kernel before 5.6?)");
            }
            if (!ring.prepare(Ring.IORING_OP_NOP, -1, 0, 0, 0, 0, 0)) {
                throw new UringUnavailableException("io_uring submission ring full at start");
            }
            long r = ring.enter(1, 1, Ring.IORING_ENTER_GETEVENTS);
            if (r < 0 || ring.reap() != 1 || ring.reapedResult(0) != 0) {
                throw new UringUnavailableException("io_uring NOP round trip failed: "
                        + (r < 0 ? Errno.describe((int) -r) : "no completion"));
            }
            return ring;
        } catch (UringUnavailableException | RuntimeException e) {
            ring.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "uring";
    }

    @Override
    public DbFile open(String path, boolean readOnly, boolean create) throws IOException {
        DbFile mapped = files.open(path, readOnly, create);
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment capture = LibC.newErrnoSegment(scratch);
            int flags = (readOnly ? LibC.O_RDONLY : LibC.O_RDWR) | LibC.O_CLOEXEC;
            int fd = LibC.open(capture, scratch.allocateFrom(path), flags);
            if (fd < 0) {
                IOException e = new IOException("open(" + path + ") for io_uring failed: "
                        + Errno.describe(LibC.errno(capture)));
                mapped.close();
                throw e;
            }
            return new UringFile(mapped, fd, rings, readOnly);
        }
    }

    @Override
    public boolean exists(String path) throws IOException {
        return files.exists(path);
    }

    @Override
    public void delete(String path) throws IOException {
        files.delete(path);
    }

    @Override
    public long currentTimeMillis() {
        return files.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
        return files.nanoTime();
    }

    @Override
    public RandomGenerator random() {
        return files.random();
    }

    /** Rings created and still owned (for tests). */
    int rings() {
        return rings.size();
    }

    /** Releases the rings (each lent one as it comes back); open files continue with positional I/O. */
    @Override
    public void close() {
        rings.close();
    }
}
