package dev.panamax.cli;

import java.nio.charset.StandardCharsets;

/**
 * The current row of a statement as the printers see it: column names, value types and the text of each value
 * (what {@code sqlite3_column_text} would give C code: NUL-terminated UTF-8, {@code null} for NULL).
 *
 * <p>REAL values are printed with {@link RealFormat}, SQLite 3.40's {@code %!.15g}, never with the engine's own
 * conversion, so that the shell's bytes match the reference shell's.
 */
final class ResultRow {
    final Cursor cursor;
    final int columns;
    final String[] names;
    final byte[][] nameBytes;
    final int[] types;
    final byte[][] texts;

    ResultRow(Cursor cursor) {
        this.cursor = cursor;
        this.columns = cursor.columnCount();
        this.names = new String[columns];
        this.nameBytes = new byte[columns][];
        this.types = new int[columns];
        this.texts = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            String name = cursor.columnName(i);
            names[i] = name == null ? "" : name;
            nameBytes[i] = CText.of(names[i]);
        }
    }

    /** Reads the cursor's current row. */
    void load() {
        for (int i = 0; i < columns; i++) {
            int type = cursor.type(i);
            types[i] = type;
            texts[i] = textOf(cursor, i, type);
        }
    }

    /** The text of column {@code i} of the cursor's row in the shell's form. */
    static byte[] textOf(Cursor cursor, int i, int type) {
        return switch (type) {
            case Cursor.NULL -> null;
            case Cursor.INTEGER -> Long.toString(cursor.integer(i)).getBytes(StandardCharsets.US_ASCII);
            case Cursor.FLOAT -> RealFormat.text(cursor.real(i)).getBytes(StandardCharsets.US_ASCII);
            case Cursor.BLOB -> CText.ofBlob(cursor.blob(i));
            default -> CText.of(cursor.text(i));
        };
    }
}
