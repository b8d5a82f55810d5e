/**
 * SQLite's B-tree: table (intkey) and index trees, cursors, cells and overflow chains, freeblocks and
 * defragmentation, the freelist, balancing, pointer maps for auto_vacuum, and the integrity check. Mirrors SQLite's
 * btree.c (our own code) and fileformat2 sections 1.5 to 1.8.
 *
 * <h2>How the VDBE uses it</h2>
 * <pre>
 *   open / create    Btree.open(io, path, BtreeConfig)   (path null: in-memory); BtreeConfig.defaults()
 *                      .withPageSize(n).withReservedBytes(r).withAutoVacuum(FULL).withEncoding(UTF16LE)
 *   Transaction      bt.beginRead() / bt.beginWrite(); bt.commit() / bt.rollback(); bt.txnState()
 *   Savepoint        bt.openSavepoints(n); bt.releaseSavepoint(i); bt.rollbackToSavepoint(i)
 *   Read/SetCookie   bt.getMeta(DbHeader.META_SCHEMA_VERSION) / bt.updateMeta(...)  (also USER_VERSION,
 *                    APPLICATION_ID, DEFAULT_CACHE_SIZE, TEXT_ENCODING, FILE_FORMAT, INCR_VACUUM)
 *   CreateBtree      bt.createTree(Btree.CREATE_TABLE | CREATE_INDEX) -> root page
 *   Destroy          bt.dropTree(root) -> root page that moved into 'root' (auto_vacuum) or 0: update sqlite_schema
 *   Clear            bt.clearTree(root) -> rows deleted
 *   OpenRead/Write   bt.cursor(root, write, keyInfo)     (keyInfo null for tables); close() when done
 *   Rewind / Last    c.first() / c.last()                -> false when empty
 *   Next / Prev      c.next() / c.prev()                 -> false at the end (c.eof())
 *   SeekRowid        c.seekRowid(k) == 0
 *   SeekGE..LT       table: res = c.seekRowid(k); GE: res&lt;0 -> next(); GT: res&lt;=0 -> next();
 *                                                  LE: res&gt;0 -> prev(); LT: res&gt;=0 -> prev()
 *                    index: key.defaultRc = +1 (GE, LT) or -1 (GT, LE); res = c.seek(key);
 *                           GE/GT: res&lt;0 -> next();   LE/LT: res&gt;0 -> prev()
 *   Found/NotFound   key.defaultRc = 0; c.seek(key) == 0 (NoConflict likewise, on the key's prefix)
 *   IdxGE/GT/LE/LT   c.compareCurrent(key) with key.defaultRc as OP_IdxGE etc. set it
 *   Column           c.column(i, mem)   record header parsed once per row, no allocation, NULL past the end
 *   Rowid / IdxRowid c.rowid() / c.column(lastField, mem)
 *   NewRowid         c.maxRowid() + 1   (0 for an empty table; leaves the cursor at the last row)
 *   MakeRecord       RecordEncoder(bt.encoding(), bt.constIntSerialTypes()).encode(regs, first, n)
 *   Insert           c.insert(rowid, record, off, len, appendHint)   (replaces an existing rowid)
 *   IdxInsert        c.insertKey(record, off, len)
 *   Delete           c.delete()  then next()/prev() continue from the deleted entry's neighbours
 *   Count            c.count()
 *   IntegrityCk      bt.integrityCheck(roots, keyInfos, maxErrors, rowCountsOut)  SQLite 3.53's message texts
 *   IncrVacuum       bt.incrementalVacuumStep() -> false when done
 *   PageCount        bt.pageCount(); bt.freelistCount()
 * </pre>
 *
 * <p>Invariants: cells of a page are in key order; every page except the root holds at least one cell; all leaves
 * are at the same depth; divider keys of table interior pages are the largest rowid of their left subtree at the time
 * of the split and bound it; a page with overflow cells exists only inside an insert or delete, which balances it
 * before returning; in auto_vacuum databases every page's pointer-map entry names its parent. Cursors pin the pages on
 * their path; any change to a tree first saves the position (by key) of every other cursor on that tree, which
 * re-seeks on its next use. Anything malformed read from the file raises CORRUPT naming the page; cycles are caught by
 * bounded depth and by walking chains only as far as their sizes allow.
 */
package dev.panamax.storage.btree;
