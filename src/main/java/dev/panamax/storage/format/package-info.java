/**
 * Bytes only: the database header ({@link dev.panamax.storage.format.DbHeader}), varints
 * ({@link dev.panamax.storage.format.Varint}), serial types, and the record format: encoding values into a record
 * ({@link dev.panamax.storage.format.RecordEncoder}, SQLite's OP_MakeRecord), decoding one field of a record into a
 * {@link dev.panamax.value.Mem} ({@link dev.panamax.storage.format.RecordDecoder}, OP_Column), and comparing a record
 * with a search key ({@link dev.panamax.storage.format.RecordComparator} over an
 * {@link dev.panamax.storage.format.UnpackedRecord} ordered by a {@link dev.panamax.storage.format.KeyInfo},
 * sqlite3VdbeRecordCompare).
 *
 * <p>Invariants: every multi-byte integer is big-endian; text inside a record is in the database encoding
 * ({@link dev.panamax.storage.format.TextEncoding}) and every {@code Mem} holds UTF-8, so decoding converts UTF-16
 * and encoding converts back; BINARY comparison in a UTF-16 database is memcmp of the UTF-16 bytes, as in SQLite.
 * Decoding and comparing allocate nothing once their reusable buffers have grown. Malformed bytes raise CORRUPT
 * naming the page ({@link dev.panamax.storage.format.Corrupt}), never another exception.
 *
 * <p>Mirrors SQLite's fileformat2 document (sections 1.3 and 2.1) and vdbeaux.c (serial types, record compare).
 */
package dev.panamax.storage.format;
