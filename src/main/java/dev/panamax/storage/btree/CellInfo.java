package dev.panamax.storage.btree;

/**
 * What a parsed cell holds (SQLite's CellInfo): reused, filled by {@link MemPage#parseCell}.
 *
 * <pre>
 *   table leaf     : varint nPayload | varint rowid | local payload | [4 overflow pgno]
 *   table interior : 4 left child    | varint rowid
 *   index leaf     : varint nPayload | local payload | [4 overflow pgno]
 *   index interior : 4 left child    | varint nPayload | local payload | [4 overflow pgno]
 * </pre>
 */
final class CellInfo {
    /** The rowid (table trees), or the payload size (index trees). */
    long nKey;
    /** Total payload bytes (0 for table interior cells). */
    int nPayload;
    /** Payload bytes stored in the cell itself. */
    int nLocal;
    /** Offset of the payload's first byte within the page. */
    int payloadOffset;
    /** Bytes the cell occupies on its page. */
    int nSize;
    /** First overflow page, 0 when the payload is all local. */
    int overflowPgno;

    void copyFrom(CellInfo o) {
        nKey = o.nKey;
        nPayload = o.nPayload;
        nLocal = o.nLocal;
        payloadOffset = o.payloadOffset;
        nSize = o.nSize;
        overflowPgno = o.overflowPgno;
    }
}
