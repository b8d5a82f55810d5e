package dev.panamax.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code .dbtotxt ?--page N?}: the database file as SQLite's {@code dbtotxt} tool prints it, the text that
 * {@code sqlite3}'s {@code .open --hexdb} reads back. Pages and 16-byte lines that are all zero are left out.
 *
 * <pre>
 *   | size 8192 pagesize 4096 filename test.db
 *   | page 1 offset 0
 *   |      0: 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00   SQLite format 3.
 *   | end test.db
 * </pre>
 *
 * It reads the file as it is on disk: what an open transaction has not committed is not in it.
 */
final class DbToTxt {
    private static final int LINE = 16;

    private DbToTxt() {
    }

    static int run(Shell shell, List<String> args) {
        int onlyPage = 0;
        for (int i = 1; i < args.size(); i++) {
            if (DotCommands.optionMatch(args.get(i), "page") && i + 1 < args.size()) {
                onlyPage = (int) DotCommands.integerValue(args.get(++i));
            } else {
                shell.stderr().print("Usage: .dbtotxt ?--page N?\n");
                return 1;
            }
        }
        String name = shell.session().filename();
        if (name.isEmpty()) {
            shell.stderr().print("Error: .dbtotxt needs a database file, not an in-memory database\n");
            return 1;
        }
        try (InputStream in = Files.newInputStream(Path.of(name))) {
            print(shell.out(), in, Files.size(Path.of(name)), Path.of(name).getFileName().toString(), onlyPage);
            return 0;
        } catch (IOException e) {
            shell.stderr().print("Error: cannot read \"" + name + "\": " + e.getMessage() + "\n");
            return 1;
        }
    }

    static void print(ShellOut out, InputStream in, long size, String baseName, int onlyPage) throws IOException {
        byte[] header = in.readNBytes(100);
        int pageSize = header.length >= 18 ? ((header[16] & 0xff) << 8) | (header[17] & 0xff) : 4096;
        if (pageSize == 1) {
            pageSize = 65536;
        } else if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
            pageSize = 4096;
        }
        out.print("| size " + size + " pagesize " + pageSize + " filename " + baseName + "\n");
        byte[] page = new byte[pageSize];
        System.arraycopy(header, 0, page, 0, header.length);
        int n = header.length + in.readNBytes(page, header.length, pageSize - header.length);
        for (int pgno = 1; n > 0; pgno++) {
            if (onlyPage == 0 || onlyPage == pgno) {
                printPage(out, page, n, pgno, pageSize);
            }
            Arrays.fill(page, (byte) 0);
            n = in.readNBytes(page, 0, pageSize);
        }
        out.print("| end " + baseName + "\n");
    }

    private static void printPage(ShellOut out, byte[] page, int n, int pgno, int pageSize) {
        boolean shown = false;
        for (int off = 0; off < n; off += LINE) {
            if (allZero(page, off)) {
                continue;
            }
            if (!shown) {
                out.print("| page " + pgno + " offset " + (long) (pgno - 1) * pageSize + "\n");
                shown = true;
            }
            out.print(String.format("|  %5d:", off));
            for (int k = 0; k < LINE; k++) {
                out.print(String.format(" %02x", page[off + k] & 0xff));
            }
            out.print("   ");
            for (int k = 0; k < LINE; k++) {
                int c = page[off + k] & 0xff;
                out.write(c >= 0x20 && c <= 0x7e ? c : '.');
            }
            out.print("\n");
        }
    }

    private static boolean allZero(byte[] page, int off) {
        for (int k = 0; k < LINE; k++) {
            if (page[off + k] != 0) {
                return false;
            }
        }
        return true;
    }
}
