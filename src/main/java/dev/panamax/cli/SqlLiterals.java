package dev.panamax.cli;

import java.nio.charset.StandardCharsets;

/**
 * Values written as SQL and JSON literals, the way {@code shell.c} writes them in quote, insert and json modes
 * and in {@code .dump}: {@code 'it''s'}, newlines as {@code replace('a\nb','\n',char(10))}, blobs as
 * {@code X'0a1b'}, JSON strings with {@code \\uXXXX} escapes for control bytes.
 */
final class SqlLiterals {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SqlLiterals() {
    }

    /** {@code output_quoted_string}: single quotes around, inner ones doubled. */
    static void quoted(ShellOut out, byte[] z) {
        out.write('\'');
        for (byte b : z) {
            if (b == '\'') {
                out.write('\'');
            }
            out.write(b);
        }
        out.write('\'');
    }

    /**
     * {@code output_quoted_escaped_string}: like {@link #quoted} but newlines and carriage returns are written as a
     * marker (one not occurring in the text) undone by {@code replace(..., char(10))}, so the literal stays on
     * one line.
     */
    static void quotedEscaped(ShellOut out, byte[] z) {
        int nl = 0;
        int cr = 0;
        for (byte b : z) {
            if (b == '\n') {
                nl++;
            } else if (b == '\r') {
                cr++;
            }
        }
        if (nl == 0 && cr == 0) {
            quoted(out, z);
            return;
        }
        String text = new String(z, StandardCharsets.ISO_8859_1);
        String nlMark = nl > 0 ? unusedMarker(text, "\\n", "\\012") : null;
        String crMark = cr > 0 ? unusedMarker(text, "\\r", "\\015") : null;
        if (nl > 0) {
            out.print("replace(");
        }
        if (cr > 0) {
            out.print("replace(");
        }
        out.write('\'');
        for (byte b : z) {
            if (b == '\n') {
                out.print(nlMark);
            } else if (b == '\r') {
                out.print(crMark);
            } else {
                if (b == '\'') {
                    out.write('\'');
                }
                out.write(b);
            }
        }
        out.write('\'');
        if (cr > 0) {
            out.print(",'" + crMark + "',char(13))");
        }
        if (nl > 0) {
            out.print(",'" + nlMark + "',char(10))");
        }
    }

    /** {@code unused_string}: the first of two markers absent from the text, else {@code (A0)}, {@code (A1)}... */
    private static String unusedMarker(String text, String a, String b) {
        if (!text.contains(a)) {
            return a;
        }
        if (!text.contains(b)) {
            return b;
        }
        for (int i = 0; ; i++) {
            String candidate = "(" + a + i + ")";
            if (!text.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** {@code output_hex_blob}: {@code X'...'} with lower-case digits. */
    static void hexBlob(ShellOut out, byte[] blob) {
        out.print("X'");
        for (byte b : blob) {
            out.write(HEX[(b >> 4) & 0xf]).write(HEX[b & 0xf]);
        }
        out.write('\'');
    }

    /** {@code output_json_string}: double quotes, backslash escapes, control bytes as {@code \\u00XX}. */
    static void jsonString(ShellOut out, byte[] z) {
        out.write('"');
        for (byte b : z) {
            int c = b & 0xff;
            if (c == '\\' || c == '"') {
                out.write('\\').write(c);
            } else if (c <= 0x1f) {
                out.write('\\');
                switch (c) {
                    case '\b' -> out.write('b');
                    case '\f' -> out.write('f');
                    case '\n' -> out.write('n');
                    case '\r' -> out.write('r');
                    case '\t' -> out.write('t');
                    default -> out.print("u00").write(HEX[c >> 4]).write(HEX[c & 0xf]);
                }
            } else {
                out.write(c);
            }
        }
        out.write('"');
    }
}
