package dev.panamax.io;

import dev.panamax.io.memory.MemoryFileSystem;
import dev.panamax.io.uring.UringBackend;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Chooses the I/O backend. The system property {@code panamax.io} forces one: {@code mmap} (the default),
 * {@code uring} (falls back to {@code mmap} when refused, saying why), or {@code memory} (a simulated file system
 * seeded by {@code panamax.io.seed}, default 0). The process-wide choice is made once, by the first
 * {@link #select()}, and logged in one line through {@code System.Logger} ({@code dev.panamax.io}): INFO, or
 * WARNING when the backend asked for is not the one chosen (io_uring refused, an unknown name).
 */
public final class IoBackends {
    public static final String PROPERTY = "panamax.io";
    public static final String SEED_PROPERTY = "panamax.io.seed";

    private static final Logger LOG = System.getLogger("dev.panamax.io");

    /** The process-wide backend, created on first use (the holder idiom makes the choice happen once). */
    private static final class Selected {
        static final IoBackend BACKEND = choose();
    }

    private IoBackends() {
    }

    /**
     * The process-wide backend named by {@code panamax.io}. It lives as long as the process: do not close it (if
     * closed anyway, its files keep working; an io_uring backend then degrades to positional I/O).
     */
    public static IoBackend select() {
        return Selected.BACKEND;
    }

    /**
     * A new backend by name ({@code mmap}, {@code uring}, {@code memory}); the caller closes it. {@code uring} falls
     * back to a {@code mmap} backend when io_uring is refused.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static IoBackend forName(String name) {
        Choice choice = create(name);
        if (choice.fallback) {
            LOG.log(Level.DEBUG, "Panamax I/O backend " + name + ": " + choice.note);
        }
        return choice.backend;
    }

    /** A backend, what to say about it (the seed, a fallback's reason) or null, and whether it is a fallback. */
    record Choice(IoBackend backend, String note, boolean fallback) {
    }

    /** Opens the io_uring backend over a file backend; a seam for tests that make the probe fail. */
    @FunctionalInterface
    interface UringOpener {
        IoBackend open(FileBackend files) throws IOException;
    }

    private static IoBackend choose() {
        String forced = System.getProperty(PROPERTY);
        Choice choice = choose(forced);
        String origin = forced == null ? "default" : PROPERTY + "=" + forced;
        LOG.log(choice.fallback ? Level.WARNING : Level.INFO, "Panamax I/O backend: " + choice.backend.name()
                + " (" + origin + ")" + (choice.note == null ? "" : "; " + choice.note));
        return choice.backend;
    }

    /** The process-wide choice for a {@code panamax.io} value: a value naming no backend means mmap, said so. */
    static Choice choose(String forced) {
        try {
            return create(forced == null ? "mmap" : forced);
        } catch (IllegalArgumentException e) {
            return new Choice(new FileBackend(), e.getMessage() + "; using mmap", true);
        }
    }

    private static Choice create(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "mmap" -> new Choice(new FileBackend(), null, false);
            case "uring" -> uringOrFallback(new FileBackend(), UringBackend::open);
            case "memory" -> new Choice(new MemoryFileSystem(Long.getLong(SEED_PROPERTY, 0L)),
                    "seed " + Long.getLong(SEED_PROPERTY, 0L), false);
            default -> throw new IllegalArgumentException(
                    "unknown " + PROPERTY + " backend '" + name + "': expected mmap, uring or memory");
        };
    }

    static Choice uringOrFallback(FileBackend files, UringOpener opener) {
        try {
            return new Choice(opener.open(files), null, false);
        } catch (IOException e) {
            return new Choice(files, "io_uring unavailable, fell back to mmap: " + e.getMessage(), true);
        }
    }
}
