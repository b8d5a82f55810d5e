package dev.panamax.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Schema statements as {@code .schema} and {@code .dump} print them: one per line with a semicolon
 * ({@code printSchemaLine}), or re-indented with {@code --indent} ({@code MODE_Pretty}: whitespace collapsed, then
 * a long CREATE TABLE broken after its opening parenthesis and after each top-level comma). A statement ending in
 * a comment gets what it takes ({@code *}{@code /} or a newline) for the semicolon to end it; the caller passes
 * the engine's {@code sqlite3_complete} to find out.
 */
final class SchemaText {
    private static final byte[] QUOTED_TABLE_1 = "CREATE TABLE '".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTED_TABLE_2 = "CREATE TABLE \"".getBytes(StandardCharsets.US_ASCII);

    private SchemaText() {
    }

    /**
     * {@code printSchemaLine}: the statement and {@code tail}; a CREATE TABLE with a quoted name (an FTS shadow
     * table) becomes CREATE TABLE IF NOT EXISTS.
     */
    static void printLine(ShellOut out, byte[] z, String tail, Predicate<String> complete) {
        if (z == null) {
            return;
        }
        printLine(out, terminated(z, tail, complete), tail);
    }

    private static byte[] terminated(byte[] z, String tail, Predicate<String> complete) {
        String s = new String(z, StandardCharsets.UTF_8);
        if (!tail.startsWith(";") || (!s.contains("/*") && !s.contains("--"))) {
            return z;
        }
        for (String term : new String[] {"", "*/", "\n"}) {
            if (complete.test(s + term + ";")) {
                return (s + term).getBytes(StandardCharsets.UTF_8);
            }
        }
        return z;
    }

    private static void printLine(ShellOut out, byte[] z, String tail) {
        printLine(out, z, z.length, tail);
    }

    private static void printLine(ShellOut out, byte[] z, int n, String tail) {
        if (startsWith(z, n, QUOTED_TABLE_1) || startsWith(z, n, QUOTED_TABLE_2)) {
            out.print("CREATE TABLE IF NOT EXISTS ").bytes(z, 13, n - 13);
        } else {
            out.bytes(z, 0, n);
        }
        out.print(tail);
    }

    private static boolean startsWith(byte[] z, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (z[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code MODE_Pretty}: {@code .schema --indent}. */
    static void printPretty(ShellOut out, byte[] sql, Predicate<String> complete) {
        if (sql == null) {
            return;
        }
        String head = new String(sql, 0, Math.min(sql.length, 11), StandardCharsets.ISO_8859_1).toUpperCase();
        if (head.startsWith("CREATE VIEW") || head.startsWith("CREATE TRIG")) {
            out.bytes(sql).print(";\n");
            return;
        }
        byte[] z = collapse(sql);
        if (z.length >= 79) {
            z = breakLines(out, z);
        }
        printLine(out, z, ";\n", complete);
    }

    /** Drops leading and trailing space, runs of space and space after {@code (} or before {@code (}/{@code )}. */
    private static byte[] collapse(byte[] src) {
        byte[] z = new byte[src.length];
        int j = 0;
        int i = 0;
        while (i < src.length && isSpace(src[i])) {
            i++;
        }
        for (; i < src.length; i++) {
            byte c = src[i];
            if (isSpace(c)) {
                if (z[j - 1] == '\r') {
                    z[j - 1] = '\n';
                }
                if (isSpace(z[j - 1]) || z[j - 1] == '(') {
                    continue;
                }
            } else if ((c == '(' || c == ')') && j > 0 && isSpace(z[j - 1])) {
                j--;
            }
            z[j++] = c;
        }
        while (j > 0 && isSpace(z[j - 1])) {
            j--;
        }
        return Arrays.copyOf(z, j);
    }

    /**
     * Prints the lines before the last of a long statement broken at its top-level structure and returns the
     * last line.
     */
    private static byte[] breakLines(ShellOut out, byte[] z) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte end = 0;
        int paren = 0;
        int lines = 0;
        for (int i = 0; i < z.length; i++) {
            byte c = z[i];
            if (c == end) {
                end = 0;
            } else if (c == '"' || c == '\'' || c == '`') {
                end = c;
            } else if (c == '[') {
                end = ']';
            } else if (c == '-' && i + 1 < z.length && z[i + 1] == '-') {
                end = '\n';
            } else if (c == '(') {
                paren++;
            } else if (c == ')') {
                paren--;
                if (lines > 0 && paren == 0 && line.size() > 0) {
                    byte[] l = line.toByteArray();
                    printLine(out, l, l.length, "\n");
                    line.reset();
                }
            }
            line.write(c);
            if (paren == 1 && end == 0 && (c == '(' || c == '\n' || (c == ',' && !spaceToEndOfLine(z, i + 1)))) {
                byte[] l = line.toByteArray();
                printLine(out, l, c == '\n' ? l.length - 1 : l.length, "\n  ");
                line.reset();
                lines++;
                while (i + 1 < z.length && isSpace(z[i + 1])) {
                    i++;
                }
            }
        }
        return line.toByteArray();
    }

    /** {@code wsToEol}: only spaces or a {@code --} comment before the end of the line. */
    private static boolean spaceToEndOfLine(byte[] z, int from) {
        for (int i = from; i < z.length; i++) {
            if (z[i] == '\n') {
                return true;
            }
            if (isSpace(z[i])) {
                continue;
            }
            return z[i] == '-' && i + 1 < z.length && z[i + 1] == '-';
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return CText.isSpace((char) (b & 0xff));
    }
}
