package dev.panamax.cli;

import java.nio.charset.StandardCharsets;

/**
 * Prints one statement's rows in the row-at-a-time modes, byte for byte as {@code shell.c}'s
 * {@code shell_callback} of SQLite 3.40: list, line, csv, tcl, html, ascii, quote, insert, json
 * and explain ({@code .schema}'s semi and prettyprint modes are {@link SchemaText}'s). The columnar modes are {@link ColumnarPrinter}'s. A new printer starts for each statement; headers
 * go before its first row.
 */
final class RowPrinter {
    private static final int[] EXPLAIN_WIDTHS = {4, 13, 4, 4, 4, 13, 2, 13};
    private static final byte[] NULL_LITERAL = "NULL".getBytes(StandardCharsets.US_ASCII);
    private static final long TWO_TO_63_BITS = Double.doubleToRawLongBits(0x1p63);

    private final OutputSettings settings;
    private final Mode mode;
    private final ShellOut out;
    private final Engine engine;
    private final boolean newlines;
    private final int[] explainIndent;
    private final byte[] nullValue;
    private int count;

    /**
     * @param newlines keep newlines in quoted strings ({@code .dump --newlines}) instead of
     *     {@code replace(...,char(10))}
     * @param explainIndent indentation of each EXPLAIN row's opcode, or {@code null}
     */
    RowPrinter(OutputSettings settings, Mode mode, ShellOut out, Engine engine, boolean newlines,
            int[] explainIndent) {
        this.settings = settings;
        this.mode = mode;
        this.out = out;
        this.engine = engine;
        this.newlines = newlines;
        this.explainIndent = explainIndent;
        this.nullValue = CText.of(settings.nullValue);
    }

    /** Rows printed so far. */
    int count() {
        return count;
    }

    void row(ResultRow r) {
        switch (mode) {
            case LINE -> line(r);
            case EXPLAIN -> explain(r);
            case LIST -> list(r);
            case HTML -> html(r);
            case TCL -> tcl(r);
            case CSV -> csv(r);
            case INSERT -> insert(r);
            case JSON -> json(r);
            case QUOTE -> quote(r);
            case ASCII -> ascii(r);
            case COUNT, OFF, EQP -> count++;
            default -> throw new AssertionError(mode);
        }
    }

    /** What follows the last row: the closing bracket of json mode. */
    void finish() {
        if (mode == Mode.JSON && count > 0) {
            out.print("]\n");
        }
    }

    private byte[] valueOrNull(byte[] text) {
        return text == null ? nullValue : text;
    }

    private void line(ResultRow r) {
        int w = 5;
        for (byte[] name : r.nameBytes) {
            w = Math.max(w, name.length);
        }
        if (count++ > 0) {
            out.print(settings.rowSeparator);
        }
        for (int i = 0; i < r.columns; i++) {
            out.repeat(' ', w - r.nameBytes[i].length).bytes(r.nameBytes[i]).print(" = ")
                    .bytes(valueOrNull(r.texts[i])).print(settings.rowSeparator);
        }
    }

    private void explain(ResultRow r) {
        int n = Math.min(r.columns, EXPLAIN_WIDTHS.length);
        if (count == 0) {
            for (int i = 0; i < n; i++) {
                CText.widthPrint(out, EXPLAIN_WIDTHS[i], r.nameBytes[i]);
                out.print(i == n - 1 ? "\n" : "  ");
            }
            for (int i = 0; i < n; i++) {
                out.repeat('-', EXPLAIN_WIDTHS[i]);
                out.print(i == n - 1 ? "\n" : "  ");
            }
        }
        for (int i = 0; i < n; i++) {
            byte[] z = valueOrNull(r.texts[i]);
            int w = i == n - 1 ? 0 : EXPLAIN_WIDTHS[i];
            if (r.texts[i] != null) {
                w = Math.max(w, CText.chars(r.texts[i]));
            }
            if (i == 1 && explainIndent != null && count < explainIndent.length) {
                out.repeat(' ', explainIndent[count]);
            }
            CText.widthPrint(out, w, z);
            out.print(i == n - 1 ? "\n" : "  ");
        }
        count++;
    }

    private void list(ResultRow r) {
        if (count++ == 0 && settings.showHeader) {
            for (int i = 0; i < r.columns; i++) {
                out.bytes(r.nameBytes[i]).print(i == r.columns - 1 ? settings.rowSeparator : settings.colSeparator);
            }
        }
        for (int i = 0; i < r.columns; i++) {
            out.bytes(valueOrNull(r.texts[i]));
            out.print(i < r.columns - 1 ? settings.colSeparator : settings.rowSeparator);
        }
    }

    private void html(ResultRow r) {
        if (count++ == 0 && settings.showHeader) {
            out.print("<TR>");
            for (byte[] name : r.nameBytes) {
                out.print("<TH>");
                htmlEscaped(name);
                out.print("</TH>\n");
            }
            out.print("</TR>\n");
        }
        out.print("<TR>");
        for (byte[] text : r.texts) {
            out.print("<TD>");
            htmlEscaped(valueOrNull(text));
            out.print("</TD>\n");
        }
        out.print("</TR>\n");
    }

    private void htmlEscaped(byte[] z) {
        for (byte b : z) {
            switch (b) {
                case '<' -> out.print("&lt;");
                case '&' -> out.print("&amp;");
                case '>' -> out.print("&gt;");
                case '"' -> out.print("&quot;");
                case '\'' -> out.print("&#39;");
                default -> out.write(b);
            }
        }
    }

    private void tcl(ResultRow r) {
        if (count++ == 0 && settings.showHeader) {
            for (int i = 0; i < r.columns; i++) {
                CText.cString(out, r.nameBytes[i]);
                if (i < r.columns - 1) {
                    out.print(settings.colSeparator);
                }
            }
            out.print(settings.rowSeparator);
        }
        for (int i = 0; i < r.columns; i++) {
            CText.cString(out, valueOrNull(r.texts[i]));
            if (i < r.columns - 1) {
                out.print(settings.colSeparator);
            }
        }
        out.print(settings.rowSeparator);
    }

    private void csv(ResultRow r) {
        if (count++ == 0 && settings.showHeader) {
            for (int i = 0; i < r.columns; i++) {
                csvField(r.nameBytes[i], i < r.columns - 1);
            }
            out.print(settings.rowSeparator);
        }
        if (r.columns > 0) {
            for (int i = 0; i < r.columns; i++) {
                csvField(r.texts[i], i < r.columns - 1);
            }
            out.print(settings.rowSeparator);
        }
    }

    /**
     * {@code output_csv}: quoted when the field is empty or holds a control character, a space, {@code "},
     * {@code '}, DEL, a non-ASCII byte or the column separator.
     */
    private void csvField(byte[] z, boolean separator) {
        if (z == null) {
            out.print(settings.nullValue);
        } else if (csvNeedsQuote(z)) {
            out.write('"');
            for (byte b : z) {
                if (b == '"') {
                    out.write('"');
                }
                out.write(b);
            }
            out.write('"');
        } else {
            out.bytes(z);
        }
        if (separator) {
            out.print(settings.colSeparator);
        }
    }

    private boolean csvNeedsQuote(byte[] z) {
        for (byte b : z) {
            int c = b & 0xff;
            if (c <= ' ' || c == '"' || c == '\'' || c >= 0x7f) {
                return true;
            }
        }
        if (z.length == 0) {
            return true;
        }
        byte[] sep = settings.colSeparator.getBytes(StandardCharsets.UTF_8);
        return sep.length == 0 || indexOf(z, sep) >= 0;
    }

    private static int indexOf(byte[] z, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= z.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (z[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void insert(ResultRow r) {
        out.print("INSERT INTO ").print(settings.destTable);
        if (settings.showHeader) {
            out.print("(");
            for (int i = 0; i < r.columns; i++) {
                if (i > 0) {
                    out.print(",");
                }
                out.print(CText.needsQuote(r.names[i], engine) ? CText.quoteIdentifier(r.names[i]) : r.names[i]);
            }
            out.print(")");
        }
        count++;
        for (int i = 0; i < r.columns; i++) {
            out.print(i > 0 ? "," : " VALUES(");
            switch (r.types[i]) {
                case Cursor.NULL -> out.bytes(NULL_LITERAL);
                case Cursor.TEXT -> {
                    if (newlines) {
                        SqlLiterals.quoted(out, r.texts[i]);
                    } else {
                        SqlLiterals.quotedEscaped(out, r.texts[i]);
                    }
                }
                case Cursor.INTEGER -> out.bytes(r.texts[i]);
                case Cursor.FLOAT -> out.print(insertReal(r.cursor.real(i)));
                default -> SqlLiterals.hexBlob(out, r.cursor.blob(i));
            }
        }
        out.print(");\n");
    }

    /** A REAL in insert mode: a whole number as {@code N.0}, infinities as {@code 1e999}, else {@code %!.20g}. */
    static String insertReal(double r) {
        if (r == Double.POSITIVE_INFINITY) {
            return "1e999";
        }
        if (r == Double.NEGATIVE_INFINITY) {
            return "-1e999";
        }
        if (fitsInt64(r) && r == (double) (long) r) {
            return (long) r + ".0";
        }
        return RealFormat.literal(r);
    }

    /** Whether C's {@code (sqlite3_int64)r} is defined: x86 turns anything else into INT64_MIN. */
    private static boolean fitsInt64(double r) {
        return Math.abs(r) < 0x1p63 || Double.doubleToRawLongBits(-r) == TWO_TO_63_BITS;
    }

    private void json(ResultRow r) {
        out.print(count == 0 ? "[{" : ",\n{");
        count++;
        for (int i = 0; i < r.columns; i++) {
            SqlLiterals.jsonString(out, r.nameBytes[i]);
            out.write(':');
            switch (r.types[i]) {
                case Cursor.NULL -> out.print("null");
                case Cursor.FLOAT -> out.print(jsonReal(r.cursor.real(i)));
                case Cursor.BLOB -> SqlLiterals.jsonString(out, r.cursor.blob(i));
                case Cursor.TEXT -> SqlLiterals.jsonString(out, r.texts[i]);
                default -> out.bytes(r.texts[i]);
            }
            if (i < r.columns - 1) {
                out.write(',');
            }
        }
        out.write('}');
    }

    private static String jsonReal(double r) {
        if (r == Double.POSITIVE_INFINITY) {
            return "1e999";
        }
        if (r == Double.NEGATIVE_INFINITY) {
            return "-1e999";
        }
        return RealFormat.literal(r);
    }

    private void quote(ResultRow r) {
        if (count == 0 && settings.showHeader) {
            for (int i = 0; i < r.columns; i++) {
                if (i > 0) {
                    out.print(settings.colSeparator);
                }
                SqlLiterals.quoted(out, r.nameBytes[i]);
            }
            out.print(settings.rowSeparator);
        }
        count++;
        for (int i = 0; i < r.columns; i++) {
            if (i > 0) {
                out.print(settings.colSeparator);
            }
            switch (r.types[i]) {
                case Cursor.NULL -> out.bytes(NULL_LITERAL);
                case Cursor.TEXT -> SqlLiterals.quoted(out, r.texts[i]);
                case Cursor.INTEGER -> out.bytes(r.texts[i]);
                case Cursor.FLOAT -> out.print(RealFormat.literal(r.cursor.real(i)));
                default -> SqlLiterals.hexBlob(out, r.cursor.blob(i));
            }
        }
        out.print(settings.rowSeparator);
    }

    private void ascii(ResultRow r) {
        if (count++ == 0 && settings.showHeader) {
            for (int i = 0; i < r.columns; i++) {
                if (i > 0) {
                    out.print(settings.colSeparator);
                }
                out.bytes(r.nameBytes[i]);
            }
            out.print(settings.rowSeparator);
        }
        for (int i = 0; i < r.columns; i++) {
            if (i > 0) {
                out.print(settings.colSeparator);
            }
            out.bytes(valueOrNull(r.texts[i]));
        }
        out.print(settings.rowSeparator);
    }
}
