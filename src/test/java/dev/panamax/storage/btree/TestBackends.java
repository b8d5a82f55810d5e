package dev.panamax.storage.btree;

import dev.panamax.io.DbFile;
import dev.panamax.io.FileBackend;
import dev.panamax.io.IoBackend;
import dev.panamax.io.IoBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

/**
 * The I/O backend the storage tests run over. {@code -Dpanamax.io=mmap|uring|memory} selects the io package's
 * process-wide backend ({@link IoBackends#select()}, the one the engine itself opens databases with), a class name
 * picks a test backend, and without the property the tests run over {@link FileBackend} (files on disk) or, where a
 * test works on in-memory images, a {@link HeapBackend}.
 *
 * <p>When io_uring is asked for but the kernel or the JVM refused it, the io package falls back to mmap; here that
 * fails every test instead, so a run meant for io_uring cannot pass on the mapped backend by accident.
 * {@code -Dpanamax.io.allowFallback=true} accepts the fallback (for machines without io_uring).
 *
 * <p>{@code -Dpanamax.test.sizeDivisor=N} divides the sizes of the heaviest seeded tests (a million rows, ten
 * thousand damaged files) by N, for a second run of the suite over another backend.
 */
final class TestBackends {
    static final String ALLOW_FALLBACK_PROPERTY = "panamax.io.allowFallback";

    private TestBackends() {
    }

    private static volatile boolean announced;

    /** The backend named by {@code panamax.io}, or a {@link FileBackend}. */
    static IoBackend backend() {
        return selectedOr(FileBackend::new);
    }

    /** The backend named by {@code panamax.io}, or {@code unselected}'s when the property is not set. */
    static IoBackend selectedOr(Supplier<IoBackend> unselected) {
        if (!selected()) {
            return unselected.get();
        }
        IoBackend b = create();
        if (!announced) {
            announced = true;
            System.out.println("storage tests run over the " + b.name() + " backend");
        }
        return b;
    }

    /** For files another program (sqlite3) reads or writes: the selected backend if its files are real, else mmap. */
    static IoBackend diskBackend() {
        return realFiles() ? backend() : new FileBackend();
    }

    /** True when {@code -Dpanamax.io} names a backend. */
    static boolean selected() {
        String name = System.getProperty(IoBackends.PROPERTY, "");
        return !name.isEmpty() && !name.equals("file");
    }

    private static IoBackend create() {
        String name = System.getProperty(IoBackends.PROPERTY);
        if (!name.contains(".")) {
            IoBackend b = IoBackends.select();
            if (!b.name().equals(name.trim()) && !Boolean.getBoolean(ALLOW_FALLBACK_PROPERTY)) {
                throw new IllegalStateException(IoBackends.PROPERTY + "=" + name + " was asked for but the "
                        + b.name() + " backend was chosen (see the 'Panamax I/O backend' log line for why); set -D"
                        + ALLOW_FALLBACK_PROPERTY + "=true to run over the fallback");
            }
            return b;
        }
        try {
            Class<?> c = Class.forName(name);
            return (IoBackend) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(IoBackends.PROPERTY + "=" + name + ": give a backend class name", e);
        }
    }

    /** False for the simulated file system: the sqlite3 shell cannot see its files. */
    static boolean realFiles() {
        return !System.getProperty(IoBackends.PROPERTY, "").equals("memory");
    }

    /** {@code full}, divided by {@code panamax.test.sizeDivisor} (default 1), at least 1. */
    static int size(int full) {
        return Math.max(1, full / Math.max(1, Integer.getInteger("panamax.test.sizeDivisor", 1)));
    }

    /** The whole content of a file, read through {@code io}. */
    static byte[] readAll(IoBackend io, String path) {
        try (DbFile f = io.open(path, true, false)) {
            byte[] out = new byte[Math.toIntExact(f.size())];
            MemorySegment dst = MemorySegment.ofArray(out);
            int n = f.read(0, dst);
            if (n != out.length) {
                throw new IOException(path + ": read " + n + " of " + out.length + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the content of a file (created when missing) with {@code image}, through {@code io}. */
    static void writeAll(IoBackend io, String path, byte[] image) {
        try (DbFile f = io.open(path, false, true)) {
            f.truncate(0);
            MemorySegment src = MemorySegment.ofArray(image);
            if (image.length > 0) {
                f.write(0, src);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed for a randomized test: {@code -Dpanamax.seed=N} replays a run; otherwise a fresh one, printed. */
    static long seed(String test) {
        String s = System.getProperty("panamax.seed");
        long seed = s != null ? Long.parseLong(s) : System.nanoTime() ^ 0x5DEECE66DL;
        System.out.println(test + " seed=" + seed + " (replay with -Dpanamax.seed=" + seed + ")");
        return seed;
    }
}
