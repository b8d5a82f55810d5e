/**
 * Bytes only: the database header, varints, the record format with its serial types, cell and frame
 * layouts. Mirrors SQLite's fileformat2 document.
 */
package dev.panamax.storage.format;
