/**
 * Where bytes live: {@link dev.panamax.io.IoBackend} hands out {@link dev.panamax.io.DbFile}s, and is the single
 * source of time and randomness. Imports nothing of Panamax. Mirrors SQLite's VFS (os_unix.c).
 */
package dev.panamax.io;
