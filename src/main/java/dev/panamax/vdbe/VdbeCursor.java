package dev.panamax.vdbe;

import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.btree.Btree;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordDecoder;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;

/**
 * A cursor of a running program (SQLite's VdbeCursor): over a B-tree of the database, over an ephemeral B-tree in
 * memory, over a sorter, over a record held in a register (a pseudo-table), or over the rows of a table-valued
 * function (a virtual table).
 *
 * <pre>
 *   kind      BTREE | EPHEMERAL | SORTER | PSEUDO | VIRTUAL
 *   nullRow   the cursor reads as all-NULL (NullRow, or positioned nowhere)
 *   deferred  a table cursor whose move to {@code deferredRowid} waits until a column is read (DeferredSeek)
 * </pre>
 */
final class VdbeCursor {
    static final byte BTREE = 0;
    static final byte EPHEMERAL = 1;
    static final byte SORTER = 2;
    static final byte PSEUDO = 3;
    static final byte VIRTUAL = 4;

    final byte kind;
    final KeyInfo keyInfo;
    BtCursor bt;
    Btree ephemeralTree;
    int ephemeralRoot;
    Sorter sorter;
    int pseudoRegister;
    /** For a VIRTUAL cursor: the scan of the table-valued function (VFilter), null before the first. */
    TableFunction.Scan scan;
    boolean nullRow = true;
    /** Set by NullRow: the cursor is nowhere, so Next and Prev end the loop (sqlite3BtreeClearCursor). */
    boolean cleared;
    /** A pseudo cursor whose register got a new record (SorterData): the record header must be read again. */
    boolean stale = true;
    boolean deferred;
    long deferredRowid;
    /** For a deferred table cursor: the index cursor whose rowid it follows (DeferredSeek). */
    VdbeCursor deferredFrom;
    long sequence;
    final RecordDecoder decoder;
    private MemorySegment recordSeg;
    private byte[] recordBytes;
    /** Key scratch for seeks and comparisons, reused row after row. */
    UnpackedRecord key;
    /** The largest rowid this program handed out (NewRowid), -1 when unknown. */
    long lastRowid = -1;
    boolean seekHit;

    VdbeCursor(byte kind, KeyInfo keyInfo, TextEncoding encoding) {
        this.kind = kind;
        this.keyInfo = keyInfo;
        this.decoder = kind == SORTER || kind == PSEUDO ? new RecordDecoder(encoding) : null;
    }

    boolean isTable() {
        return keyInfo == null;
    }

    /** Points a pseudo or sorter cursor's decoder at a record. */
    void setRecord(byte[] bytes, int length) {
        if (recordBytes != bytes) {
            recordBytes = bytes;
            recordSeg = MemorySegment.ofArray(bytes);
        }
        decoder.reset(recordSeg, 0, length, 0);
        nullRow = false;
    }

    /** Reads column {@code i} of the current row into {@code out}. */
    void column(int i, Mem out) {
        if (nullRow) {
            out.setNull();
            return;
        }
        if (bt != null) {
            bt.column(i, out);
        } else {
            decoder.column(i, out);
        }
    }

    /** An unpacked key over {@code n} fields for this cursor's KeyInfo (the fields point at the given Mems). */
    UnpackedRecord key(Mem[] regs, int start, int n) {
        UnpackedRecord k = key;
        if (k == null || k.fields.length < n) {
            k = new UnpackedRecord(keyInfo, new Mem[Math.max(n, 4)], n);
            key = k;
        }
        System.arraycopy(regs, start, k.fields, 0, n);
        k.fieldCount = n;
        k.defaultRc = 0;
        k.eqSeen = false;
        return k;
    }

    void close(Session session) {
        if (bt != null) {
            bt.close();
            bt = null;
        }
        if (ephemeralTree != null) {
            ephemeralTree.rollback();
            session.releaseEphemeral(ephemeralTree);
            ephemeralTree = null;
        }
        if (sorter != null) {
            sorter.close();
            sorter = null;
        }
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }
}
