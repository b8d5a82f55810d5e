/**
 * The pager: one database's pages through an off-heap page cache, transactions, the rollback journal and
 * savepoints. {@link dev.panamax.storage.pager.Pager} is the state machine (NONE, READ, WRITE, ERROR);
 * {@link dev.panamax.storage.pager.Page} is a cached page; the cache's frames live in slab chunks of one
 * {@code Arena} per database, bounded by a {@link dev.panamax.storage.pager.PageCacheBudget} that many databases may
 * share; {@link dev.panamax.storage.pager.PageTransform} is the hook for page encryption in the reserved tail of
 * each page.
 *
 * <p>Invariants: a page is journaled (its original image appended to {@code <db>-journal}) before its first change in
 * a transaction; the journal is synced before the database file is written, and deleting it is the commit point, so a
 * crash at any write leaves the old or the new database after the next open plays a hot journal back. Savepoints keep
 * the image a page had when the savepoint opened in an in-memory sub-journal; rolling back restores those images and
 * the page count exactly. In-memory databases have no file and no journal: their transaction is itself rolled back
 * from the sub-journal. Every read and write of the file goes through {@link dev.panamax.io.DbFile}, so any
 * {@link dev.panamax.io.IoBackend} plugs in; mapped views are used for clean pages when the backend offers them.
 * The WAL will plug in at the pager's store seam (reading committed pages, committing dirty ones).
 *
 * <p>Mirrors SQLite's pager.c (journal format, hot-journal rollback, savepoints) and pcache.c.
 */
package dev.panamax.storage.pager;
