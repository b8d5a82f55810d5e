/**
 * Where bytes live: {@link dev.panamax.io.IoBackend} hands out {@link dev.panamax.io.DbFile}s, and is the single
 * source of time and randomness, so that a seeded backend replays a whole run. Imports nothing of Panamax.
 * Mirrors SQLite's VFS layer (os.h, os_unix.c: xRead/xWrite/xTruncate/xSync/xFileSize, xFetch for mapped pages,
 * xCurrentTime, xRandomness).
 *
 * <p>Backends, chosen by {@link dev.panamax.io.IoBackends} ({@code panamax.io=mmap|uring|memory}):
 * <ul>
 *   <li>{@code mmap}, {@link dev.panamax.io.FileBackend} (default): reads copy from read-only mappings, or are
 *       zero-copy {@code view}s; writes are positional; sync is {@code fdatasync}.</li>
 *   <li>{@code uring}, {@code dev.panamax.io.uring}: reads, writes, batches and syncs through io_uring, views from
 *       the same mappings; falls back to {@code mmap} when the kernel refuses.</li>
 *   <li>{@code memory}, {@code dev.panamax.io.memory}: the deterministic simulated file system with faults.</li>
 * </ul>
 *
 * <p>Invariants: no mapping ever reaches past the end of its file (SIGBUS); no access to a mapping survives its
 * unmapping (each mapping is owned by a shared {@code Arena}, closed before the file shrinks); no asynchronous
 * request outlives the call that submitted it. A bad syscall, a refused ring or a truncated mapping yields an
 * {@code IOException} or {@code IllegalStateException}, never a JVM crash.
 */
package dev.panamax.io;
