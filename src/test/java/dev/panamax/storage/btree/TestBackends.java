package dev.panamax.storage.btree;

import dev.panamax.io.FileBackend;
import dev.panamax.io.IoBackends;
import dev.panamax.io.IoBackend;

/**
 * The I/O backend the storage tests run over: {@code -Dpanamax.io=mmap|uring|memory} picks one of the io package's
 * backends ({@link IoBackends#forName}), a class name picks a test backend; the default is {@link FileBackend}.
 * Tests that hand the file to the {@code sqlite3} shell need a backend with real files ({@link #realFiles()}).
 */
final class TestBackends {
    private TestBackends() {
    }

    private static volatile boolean announced;

    static IoBackend backend() {
        IoBackend b = create();
        if (!announced) {
            announced = true;
            System.out.println("storage tests run over the " + b.name() + " backend");
        }
        return b;
    }

    private static IoBackend create() {
        String name = System.getProperty("panamax.io", "");
        if (name.isEmpty() || name.equals("file")) {
            return new FileBackend();
        }
        if (!name.contains(".")) {
            return IoBackends.forName(name);
        }
        try {
            Class<?> c = Class.forName(name);
            return (IoBackend) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("panamax.io=" + name + ": give a backend class name", e);
        }
    }

    /** False for the simulated file system: the sqlite3 shell cannot see its files. */
    static boolean realFiles() {
        return !System.getProperty("panamax.io", "").equals("memory");
    }

    /** The seed for a randomized test: {@code -Dpanamax.seed=N} replays a run; otherwise a fresh one, printed. */
    static long seed(String test) {
        String s = System.getProperty("panamax.seed");
        long seed = s != null ? Long.parseLong(s) : System.nanoTime() ^ 0x5DEECE66DL;
        System.out.println(test + " seed=" + seed + " (replay with -Dpanamax.seed=" + seed + ")");
        return seed;
    }
}
