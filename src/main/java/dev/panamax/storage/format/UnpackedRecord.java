package dev.panamax.storage.format;

import dev.panamax.value.Mem;

/**
 * A search key as separate values (SQLite's UnpackedRecord): the first {@link #fieldCount} of {@link #fields},
 * ordered by {@link #keyInfo}. Reusable: set the fields and counts, then seek or compare.
 *
 * <p>{@link #defaultRc} is what a comparison returns when every compared field is equal: 0 for an exact match,
 * -1 to place the key after all equal records (SeekGT, SeekLE), +1 to place it before them (SeekGE, SeekLT).
 * {@link #eqSeen} is set when a comparison found all compared fields equal.
 */
public final class UnpackedRecord {
    public KeyInfo keyInfo;
    public Mem[] fields;
    public int fieldCount;
    public int defaultRc;
    public boolean eqSeen;

    public UnpackedRecord(KeyInfo keyInfo, Mem[] fields, int fieldCount) {
        this.keyInfo = keyInfo;
        this.fields = fields;
        this.fieldCount = fieldCount;
    }

    /** A record of {@code n} fresh Mems. */
    public static UnpackedRecord allocate(KeyInfo keyInfo, int n) {
        Mem[] m = new Mem[n];
        for (int k = 0; k < n; k++) {
            m[k] = new Mem();
        }
        return new UnpackedRecord(keyInfo, m, n);
    }
}
