/**
 * The pager: an off-heap page cache, transactions and the journal. Mirrors SQLite's pager.c and pcache.c.
 */
package dev.panamax.storage.pager;
