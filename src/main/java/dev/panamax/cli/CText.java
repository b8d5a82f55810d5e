package dev.panamax.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text as the {@code sqlite3} shell handles it: NUL-terminated UTF-8 bytes. Widths count characters (bytes that are
 * not UTF-8 continuation bytes), not display columns, exactly as the 3.40 shell's {@code strlenChar} and
 * {@code utf8_width_print} do; a wide East Asian character therefore counts one.
 */
final class CText {
    private CText() {
    }

    /** UTF-8 bytes of a string up to its first NUL, as {@code sqlite3_column_text} would hand them to C code. */
    static byte[] of(String s) {
        int nul = s.indexOf('\0');
        return (nul < 0 ? s : s.substring(0, nul)).getBytes(StandardCharsets.UTF_8);
    }

    /** A BLOB's bytes up to the first NUL: what {@code %s} prints of them. */
    static byte[] ofBlob(byte[] blob) {
        for (int i = 0; i < blob.length; i++) {
            if (blob[i] == 0) {
                return Arrays.copyOf(blob, i);
            }
        }
        return blob;
    }

    /** {@code strlenChar}: the number of UTF-8 characters. */
    static int chars(byte[] z) {
        int n = 0;
        for (byte b : z) {
            if ((b & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code utf8_width_print}: {@code z} cut or padded to {@code |w|} characters, right-justified when {@code w}
     * is negative.
     */
    static void widthPrint(ShellOut out, int w, byte[] z) {
        int aw = Math.abs(w);
        int n = 0;
        int i = 0;
        for (; i < z.length; i++) {
            if ((z[i] & 0xc0) != 0x80) {
                n++;
                if (n == aw) {
                    do {
                        i++;
                    } while (i < z.length && (z[i] & 0xc0) == 0x80);
                    break;
                }
            }
        }
        if (n >= aw) {
            out.bytes(z, 0, i);
        } else if (w < 0) {
            out.repeat(' ', aw - n).bytes(z);
        } else {
            out.bytes(z).repeat(' ', aw - n);
        }
    }

    /** A C-style quoted string: {@code output_c_string}, for tcl mode and {@code .show}. */
    static void cString(ShellOut out, byte[] z) {
        out.write('"');
        for (byte b : z) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.write('\\').write('\\');
                case '"' -> out.write('\\').write('"');
                case '\t' -> out.write('\\').write('t');
                case '\n' -> out.write('\\').write('n');
                case '\r' -> out.write('\\').write('r');
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.write('\\').print(String.format("%03o", c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    /** True for C's {@code isspace}. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /**
     * Whether an identifier must be quoted in generated SQL ({@code quoteChar}): it does not start with a letter or
     * underscore, holds another character than letters, digits and underscores, or is a keyword.
     */
    static boolean needsQuote(String name, Engine engine) {
        if (name.isEmpty()) {
            return true;
        }
        char first = name.charAt(0);
        if (!isAsciiAlpha(first) && first != '_') {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        return engine.isKeyword(name);
    }

    /** The name quoted with {@code "} when {@link #needsQuote} says so, inner quotes doubled. */
    static String quoteIfNeeded(String name, Engine engine) {
        return needsQuote(name, engine) ? quoteIdentifier(name) : name;
    }

    /** {@code "%w"}: the name in double quotes, inner double quotes doubled. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code %Q}: an SQL string literal. */
    static String quoteLiteral(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
