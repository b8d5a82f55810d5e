package dev.panamax.cli;

import java.util.Locale;

/**
 * The progress bar of {@code .import} on a terminal, on stderr so that it never mixes with results:
 *
 * <pre>
 *   [##########..........]  50%  1,234,567 rows
 * </pre>
 *
 * Redrawn in place with a carriage return at most ten times a second, and erased when the import ends.
 */
final class ProgressBar {
    /** Files smaller than this load too fast to need a bar. */
    static final long MIN_BYTES = 1 << 20;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final ShellOut err;
    private final long total;
    private long lastDraw;
    private int lastLength;

    ProgressBar(ShellOut err, long total) {
        this.err = err;
        this.total = total;
    }

    /** A bar for importing a file of {@code size} bytes, or null when none is wanted. */
    static ProgressBar forImport(Shell shell, long size) {
        return shell.stdinInteractive && size >= MIN_BYTES ? new ProgressBar(shell.stderr(), size) : null;
    }

    void update(long done, long rows) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(done, rows);
    }

    /** The line for {@code done} bytes of the total. */
    String line(long done, long rows) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  %,d rows", percent, rows);
    }

    private void draw(long done, long rows) {
        String s = line(done, rows);
        err.print("\r" + s + " ".repeat(Math.max(0, lastLength - s.length())));
        err.flush();
        lastLength = s.length();
    }

    void finish() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
    }
}
