package dev.panamax.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a file, a pipe or a non-interactive stdin, as {@code local_getline} reads them: up to a newline, with
 * one carriage return before it dropped; a last line without newline still counts.
 */
final class StreamLineSource implements LineSource {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;
    private boolean eof;

    StreamLineSource(InputStream in) {
        this.in = in;
    }

    @Override
    public String readLine(boolean continuation) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                return any ? decode(line) : null;
            }
            any = true;
            byte b = buffer[pos++];
            if (b == '\n') {
                return decode(line);
            }
            line.write(b);
        }
    }

    @Override
    public boolean interactive() {
        return false;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
