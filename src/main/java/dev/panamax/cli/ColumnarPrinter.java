package dev.panamax.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The column, table, markdown and box modes: SQLite 3.40's {@code exec_prepared_stmt_columnar}. The whole result
 * is read first to size the columns; a value wider than its column wraps onto continuation lines (at
 * {@code --wrap} characters, 60 by default, optionally at word boundaries), tabs expand to stops of eight, and
 * control characters end a line. Widths count UTF-8 characters, as {@link CText} explains.
 *
 * <pre>
 *   box:   ┌───┬───┐      table:  +---+---+      markdown:  | a | b |      column:  a  b
 *          │ a │ b │              | a | b |                 |---|---|               -  -
 *          ├───┼───┤              +---+---+                 | 1 | 2 |               1  2
 *          │ 1 │ 2 │              | 1 | 2 |
 *          └───┴───┘              +---+---+
 * </pre>
 */
final class ColumnarPrinter {
    private static final String BOX_H = "\u2500";
    private static final String BOX_V = "\u2502";
    private static final int NO_LIMIT = 1_000_000;
    /** What a finished column shows on the continuation lines of a row. */
    private static final byte[] EMPTY = new byte[0];

    private final OutputSettings settings;
    private final Mode mode;
    private final ShellOut out;
    private final byte[] nullValue;
    private int columns;
    private int[] requested;
    private int[] actual;
    /** Cells row by row, the header first; a {@code null} cell prints as the NULL text. */
    private final List<byte[]> cells = new ArrayList<>();
    /** For each data line: true when it ends a row (a separator may follow it). */
    private final List<Boolean> rowEnds = new ArrayList<>();
    private boolean multiLine;
    /** Where the line after the last {@link #displayLine} starts, -1 when there is none. */
    private int lastTail;

    ColumnarPrinter(OutputSettings settings, Mode mode, ShellOut out) {
        this.settings = settings;
        this.mode = mode;
        this.out = out;
        this.nullValue = CText.of(settings.nullValue);
    }

    /** Takes the column names; called before the first row. */
    void start(ResultRow r) {
        columns = r.columns;
        if (settings.widths.length < columns) {
            settings.widths = Arrays.copyOf(settings.widths, columns);
        }
        requested = Arrays.copyOf(settings.widths, columns);
        for (int i = 0; i < columns; i++) {
            cells.add(displayLine(r.nameBytes[i], 0, wrapWidth(i)));
        }
    }

    /** Adds a row, split over as many display lines as its longest value needs. */
    void row(ResultRow r) {
        byte[][] values = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            values[i] = settings.quote ? quoted(r, i) : r.texts[i];
        }
        int[] from = new int[columns];
        while (true) {
            int[] next = new int[columns];
            boolean more = false;
            rowEnds.add(Boolean.TRUE);
            for (int i = 0; i < columns; i++) {
                byte[] v = from[i] < 0 ? EMPTY : values[i];
                cells.add(displayLine(v, Math.max(from[i], 0), wrapWidth(i)));
                next[i] = v == null || from[i] < 0 ? -1 : lastTail;
                more |= next[i] >= 0;
            }
            if (!more) {
                return;
            }
            rowEnds.set(rowEnds.size() - 1, Boolean.FALSE);
            multiLine = true;
            from = next;
        }
    }

    private int wrapWidth(int column) {
        int w = requested[column];
        return Math.abs(w == 0 ? settings.wrap : w);
    }

    /** Prints the table; also when a step failed part way, like the reference shell. */
    void finish() {
        if (columns == 0 || cells.isEmpty()) {
            return;
        }
        actual = new int[columns];
        for (int i = 0; i < columns; i++) {
            actual[i] = Math.abs(requested[i]);
        }
        for (int i = 0; i < cells.size(); i++) {
            byte[] z = cells.get(i) == null ? nullValue : cells.get(i);
            actual[i % columns] = Math.max(actual[i % columns], CText.chars(z));
        }
        header();
        body();
        if (mode == Mode.TABLE) {
            separator("+");
        } else if (mode == Mode.BOX) {
            boxSeparator("\u2514", "\u2534", "\u2518");
        }
    }

    private void header() {
        switch (mode) {
            case COLUMN -> {
                if (settings.showHeader) {
                    for (int i = 0; i < columns; i++) {
                        CText.widthPrint(out, requested[i] < 0 ? -actual[i] : actual[i], cells.get(i));
                        out.print(i == columns - 1 ? "\n" : "  ");
                    }
                    for (int i = 0; i < columns; i++) {
                        out.repeat('-', actual[i]).print(i == columns - 1 ? "\n" : "  ");
                    }
                }
            }
            case TABLE -> {
                separator("+");
                centeredHeader("| ", " | ", " |\n");
                separator("+");
            }
            case MARKDOWN -> {
                centeredHeader("| ", " | ", " |\n");
                separator("|");
            }
            default -> {
                boxSeparator("\u250c", "\u252c", "\u2510");
                centeredHeader(BOX_V + " ", " " + BOX_V + " ", " " + BOX_V + "\n");
                boxSeparator("\u251c", "\u253c", "\u2524");
            }
        }
    }

    private void centeredHeader(String open, String between, String close) {
        out.print(open);
        for (int i = 0; i < columns; i++) {
            byte[] name = cells.get(i);
            int pad = actual[i] - CText.chars(name);
            out.repeat(' ', pad / 2).bytes(name).repeat(' ', (pad + 1) / 2);
            out.print(i == columns - 1 ? close : between);
        }
    }

    private void body() {
        String colSep = switch (mode) {
            case COLUMN -> "  ";
            case BOX -> " " + BOX_V + " ";
            default -> " | ";
        };
        String rowSep = switch (mode) {
            case COLUMN -> "\n";
            case BOX -> " " + BOX_V + "\n";
            default -> " |\n";
        };
        int total = cells.size();
        for (int i = columns, j = 0; i < total; i++, j++) {
            if (j == 0 && mode != Mode.COLUMN) {
                out.print(mode == Mode.BOX ? BOX_V + " " : "| ");
            }
            byte[] z = cells.get(i) == null ? nullValue : cells.get(i);
            CText.widthPrint(out, requested[j] < 0 ? -actual[j] : actual[j], z);
            if (j == columns - 1) {
                out.print(rowSep);
                if (multiLine && rowEnds.get(i / columns - 1) && i + 1 < total) {
                    rowDivider();
                }
                j = -1;
            } else {
                out.print(colSep);
            }
        }
    }

    private void rowDivider() {
        switch (mode) {
            case TABLE -> separator("+");
            case BOX -> boxSeparator("\u251c", "\u253c", "\u2524");
            case COLUMN -> out.print("\n");
            default -> {
            }
        }
    }

    private void separator(String sep) {
        out.print(sep);
        for (int i = 0; i < columns; i++) {
            out.repeat('-', actual[i] + 2).print(sep);
        }
        out.print("\n");
    }

    private void boxSeparator(String left, String middle, String right) {
        out.print(left);
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                out.print(middle);
            }
            out.print(BOX_H.repeat(actual[i] + 2));
        }
        out.print(right).print("\n");
    }

    /** {@code quoted_column}: the value as an SQL literal for {@code --quote}. */
    private static byte[] quoted(ResultRow r, int i) {
        return switch (r.types[i]) {
            case Cursor.NULL -> "NULL".getBytes(StandardCharsets.US_ASCII);
            case Cursor.INTEGER, Cursor.FLOAT -> r.texts[i];
            case Cursor.TEXT -> CText.of(CText.quoteLiteral(new String(r.texts[i], StandardCharsets.UTF_8)));
            default -> {
                StringBuilder sb = new StringBuilder("x'");
                for (byte b : r.cursor.blob(i)) {
                    sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
                }
                yield sb.append('\'').toString().getBytes(StandardCharsets.US_ASCII);
            }
        };
    }

    /**
     * {@code translateForDisplayAndDup}: the first display line of {@code z} from {@code start}, at most
     * {@code maxWidth} characters, tabs expanded; sets {@link #lastTail} to where the next line starts.
     */
    private byte[] displayLine(byte[] z, int start, int maxWidth) {
        lastTail = -1;
        if (z == null) {
            return null;
        }
        int limit = maxWidth == 0 ? NO_LIMIT : maxWidth;
        int i = start;
        int n = 0;
        while (n < limit) {
            int c = at(z, i);
            if (c >= ' ') {
                n++;
                do {
                    i++;
                } while ((at(z, i) & 0xc0) == 0x80);
            } else if (c == '\t') {
                do {
                    n++;
                } while ((n & 7) != 0 && n < limit);
                i++;
            } else {
                break;
            }
        }
        int k = i;
        if (n >= limit && settings.wordWrap) {
            int[] ik = wordBreak(z, start, i);
            i = ik[0];
            k = ik[1];
        }
        lastTail = tail(z, i, n >= limit);
        return expand(z, start, k, limit);
    }

    /** Backs the break up to a space or a word boundary in the second half of the line, if there is one. */
    private static int[] wordBreak(byte[] z, int start, int i) {
        int half = start + (i - start) / 2;
        int k;
        for (k = i; k > half; k--) {
            if (CText.isSpace((char) at(z, k - 1))) {
                break;
            }
        }
        if (k <= half) {
            for (k = i; k > half; k--) {
                if (isAlnum(at(z, k - 1)) != isAlnum(at(z, k)) && (at(z, k) & 0xc0) != 0x80) {
                    break;
                }
            }
        }
        if (k <= half) {
            return new int[] {i, i};
        }
        i = k;
        while (at(z, i) == ' ') {
            i++;
        }
        return new int[] {i, k};
    }

    private static int tail(byte[] z, int i, boolean full) {
        if (full && at(z, i) >= ' ') {
            return i;
        }
        if (at(z, i) == '\r' && at(z, i + 1) == '\n') {
            return at(z, i + 2) != 0 ? i + 2 : -1;
        }
        if (at(z, i) == 0 || at(z, i + 1) == 0) {
            return -1;
        }
        return i + 1;
    }

    private static byte[] expand(byte[] z, int start, int k, int limit) {
        byte[] line = new byte[(k - start) * 8 + 8];
        int j = 0;
        int n = 0;
        for (int i = start; i < k; ) {
            int c = at(z, i);
            if (c >= ' ') {
                n++;
                do {
                    line[j++] = z[i++];
                } while ((at(z, i) & 0xc0) == 0x80);
            } else if (c == '\t') {
                do {
                    n++;
                    line[j++] = ' ';
                } while ((n & 7) != 0 && n < limit);
                i++;
            } else {
                break;
            }
        }
        return Arrays.copyOf(line, j);
    }

    /** The byte at {@code i} as an unsigned value, 0 past the end like C's terminator. */
    private static int at(byte[] z, int i) {
        return i < z.length ? z[i] & 0xff : 0;
    }

    private static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
