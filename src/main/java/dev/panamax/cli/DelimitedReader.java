package dev.panamax.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of a delimited file for {@code .import}, one at a time, as {@code csv_read_one_field} and
 * {@code ascii_read_one_field} of the reference shell do.
 *
 * <p>CSV (RFC 4180 with any one-byte separators): a field may be quoted with {@code "}, doubling inner quotes;
 * a carriage return before the row separator is dropped; a UTF-8 byte order mark before the first field is
 * skipped. ASCII: separators only, no quoting. After each field {@link #terminator()} tells what ended it: the
 * column separator, the row separator, or {@link #EOF}.
 */
final class DelimitedReader {
    static final int EOF = -1;

    private final InputStream in;
    private final String fileName;
    private final int colSep;
    private final int rowSep;
    private final boolean csv;
    private final ShellOut errors;
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private int line = 1;
    private int terminator;
    private boolean notFirst;
    private long bytesRead;

    DelimitedReader(InputStream in, String fileName, int colSep, int rowSep, boolean csv, ShellOut errors) {
        this.in = in;
        this.fileName = fileName;
        this.colSep = colSep;
        this.rowSep = rowSep;
        this.csv = csv;
        this.errors = errors;
    }

    /** The line the reader is on, counting from 1. */
    int line() {
        return line;
    }

    /** What ended the last field: the column separator, the row separator or {@link #EOF}. */
    int terminator() {
        return terminator;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The next field, or {@code null} at the end of input. */
    String next() {
        field.reset();
        int c = read();
        if (c == EOF) {
            terminator = EOF;
            return null;
        }
        if (!csv) {
            plain(c);
            return field.toString(StandardCharsets.UTF_8);
        }
        if (c == '"') {
            quoted();
        } else {
            if (c == 0xef && !notFirst) {
                c = read();
                if (c == 0xbb) {
                    c = read();
                    if (c == 0xbf) {
                        notFirst = true;
                        return next();
                    }
                    field.write(0xef);
                    field.write(0xbb);
                } else {
                    field.write(0xef);
                }
            }
            plain(c);
            if (terminator == rowSep) {
                byte[] b = field.toByteArray();
                if (b.length > 0 && b[b.length - 1] == '\r') {
                    field.reset();
                    field.write(b, 0, b.length - 1);
                }
            }
        }
        notFirst = true;
        return field.toString(StandardCharsets.UTF_8);
    }

    private void plain(int c) {
        while (c != EOF && c != colSep && c != rowSep) {
            field.write(c);
            c = read();
        }
        if (c == rowSep) {
            line++;
        }
        terminator = c;
    }

    /** A quoted field: up to a quote followed by a separator, a CR-LF or the end of input. */
    private void quoted() {
        int startLine = line;
        int pc = 0;
        int ppc = 0;
        while (true) {
            int c = read();
            if (c == rowSep) {
                line++;
            }
            if (c == '"' && pc == '"') {
                pc = 0;
                continue;
            }
            if ((c == colSep && pc == '"') || (c == rowSep && pc == '"') || (c == rowSep && pc == '\r'
                    && ppc == '"') || (c == EOF && pc == '"')) {
                dropThroughClosingQuote();
                terminator = c;
                return;
            }
            if (pc == '"' && c != '\r') {
                errors.print(fileName + ":" + line + ": unescaped \" character\n");
            }
            if (c == EOF) {
                errors.print(fileName + ":" + startLine + ": unterminated \"-quoted field\n");
                terminator = EOF;
                return;
            }
            field.write(c);
            ppc = pc;
            pc = c;
        }
    }

    /** Removes the closing quote (and a CR after it) from the end of the field. */
    private void dropThroughClosingQuote() {
        byte[] b = field.toByteArray();
        int n = b.length - 1;
        while (n >= 0 && b[n] != '"') {
            n--;
        }
        field.reset();
        field.write(b, 0, Math.max(n, 0));
    }

    private int read() {
        try {
            int c = in.read();
            if (c >= 0) {
                bytesRead++;
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
