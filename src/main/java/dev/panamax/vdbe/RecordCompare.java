package dev.panamax.vdbe;

import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordDecoder;
import dev.panamax.value.Comparison;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;

/**
 * Compares two packed records field by field under a {@link KeyInfo} (the sorter's vdbeSorterCompare), including
 * descending fields and NULLS FIRST/LAST. Reuses its decoders and cells: nothing is allocated per comparison once
 * the arrays compared are known.
 */
final class RecordCompare {
    private final KeyInfo keyInfo;
    private final RecordDecoder da;
    private final RecordDecoder db;
    private final Mem ma = new Mem();
    private final Mem mb = new Mem();
    private byte[] lastA;
    private byte[] lastB;
    private MemorySegment segA;
    private MemorySegment segB;

    RecordCompare(KeyInfo keyInfo) {
        this.keyInfo = keyInfo;
        this.da = new RecordDecoder(keyInfo.encoding());
        this.db = new RecordDecoder(keyInfo.encoding());
    }

    int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        if (a != lastA) {
            lastA = a;
            segA = MemorySegment.ofArray(a);
        }
        if (b != lastB) {
            lastB = b;
            segB = MemorySegment.ofArray(b);
        }
        da.reset(segA, aOff, aLen, 0);
        db.reset(segB, bOff, bLen, 0);
        int n = Math.min(Math.min(da.fieldCount(), db.fieldCount()), keyInfo.fieldCount());
        for (int k = 0; k < n; k++) {
            da.column(k, ma);
            db.column(k, mb);
            int c = compareField(ma, mb, k);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Compares one field with the KeyInfo's collation and sort flags of field {@code k}. */
    int compareField(Mem x, Mem y, int k) {
        int c = Comparison.compare(x, y, keyInfo.collation(k));
        if (c == 0) {
            return 0;
        }
        int flags = keyInfo.sortFlags(k);
        if (flags != 0) {
            boolean desc = (flags & KeyInfo.SORT_DESC) != 0;
            boolean bigNull = (flags & KeyInfo.SORT_BIGNULL) != 0;
            if (!bigNull || desc != (x.isNull() || y.isNull())) {
                c = -c;
            }
        }
        return c;
    }
}
