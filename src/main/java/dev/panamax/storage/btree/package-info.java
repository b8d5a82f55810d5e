/**
 * SQLite's B-tree: table and index trees, cursors, cells, overflow chains, freelist, balancing,
 * pointer maps and the integrity check. Mirrors SQLite's btree.c.
 */
package dev.panamax.storage.btree;
