package dev.panamax.storage.format;

import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import java.util.Arrays;

/**
 * How the keys of an index B-tree are ordered (SQLite's KeyInfo): one collation and one sort flag per field, the
 * number of fields that take part in comparisons, and the database text encoding. Immutable; share freely.
 */
public final class KeyInfo {
    /** Sort flag: the field is sorted in descending order. */
    public static final byte SORT_DESC = 1;
    /** Sort flag: NULL sorts after every other value in this field (NULLS LAST for ASC, NULLS FIRST for DESC). */
    public static final byte SORT_BIGNULL = 2;

    private final Collation[] collations;
    private final byte[] sortFlags;
    private final int keyFieldCount;
    private final TextEncoding encoding;

    /**
     * @param collations    one per field (null entries mean BINARY); the last may be the rowid's
     * @param sortFlags     one per field ({@link #SORT_DESC}, {@link #SORT_BIGNULL}); null means all ascending
     * @param keyFieldCount fields before the rowid in an index key (SQLite's nKeyField); comparisons may go further
     * @param encoding      the database text encoding of the records this KeyInfo compares
     */
    public KeyInfo(Collation[] collations, byte[] sortFlags, int keyFieldCount, TextEncoding encoding) {
        this.collations = collations.clone();
        for (int k = 0; k < this.collations.length; k++) {
            if (this.collations[k] == null) {
                this.collations[k] = Collations.BINARY;
            }
        }
        this.sortFlags = sortFlags == null ? new byte[collations.length] : Arrays.copyOf(sortFlags, collations.length);
        this.keyFieldCount = keyFieldCount;
        this.encoding = encoding;
    }

    /** All-BINARY, all-ascending KeyInfo over {@code fields} fields, every one a key field. */
    public static KeyInfo binary(int fields, TextEncoding encoding) {
        return new KeyInfo(new Collation[fields], null, fields, encoding);
    }

    /** Number of fields described (SQLite's nAllField). */
    public int fieldCount() {
        return collations.length;
    }

    public int keyFieldCount() {
        return keyFieldCount;
    }

    /** The collation of field {@code i}; BINARY past the described fields. */
    public Collation collation(int i) {
        return i < collations.length ? collations[i] : Collations.BINARY;
    }

    /** The sort flags of field {@code i}; 0 past the described fields. */
    public byte sortFlags(int i) {
        return i < sortFlags.length ? sortFlags[i] : 0;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** This KeyInfo for another encoding (used when a database's encoding is learned after the schema). */
    public KeyInfo withEncoding(TextEncoding enc) {
        return enc == encoding ? this : new KeyInfo(collations, sortFlags, keyFieldCount, enc);
    }
}
