/**
 * The simulated backend: {@link dev.panamax.io.memory.MemoryFileSystem}, a deterministic in-memory file system
 * for crash and fault testing. One seed replays a whole run: faults, the survivors of a crash, the clock and
 * {@code random()} all come from it, and nothing depends on the host (time, threads, hash order).
 *
 * <h2>Fault model</h2>
 * Each file has a <em>current</em> image (what reads see) and a <em>durable</em> image (what the last successful
 * sync made permanent); the writes and truncations since are <em>pending</em>. Creating and deleting files is
 * durable at once (a created file survives a crash, possibly empty). A {@link dev.panamax.io.memory.FaultPlan}
 * injects:
 * <ul>
 *   <li><b>Crash</b> ({@code crashAtWrite(n)}, {@code crashAtSync(n)}, or {@code crash()} by hand): a power cut.
 *       The call that crashes throws {@link dev.panamax.io.memory.SimulatedCrashException}, and so does every later
 *       call on the file system and its open files (except {@code close}).</li>
 *   <li><b>Lost unsynced writes</b>: at a crash, each file keeps its durable image plus each pending operation
 *       that survives, in order, each with probability {@code unsyncedSurvival} (default 0: only synced data
 *       survives).</li>
 *   <li><b>Torn write</b> ({@code tornWrites(true)}): the write in flight at a {@code crashAtWrite} crash also
 *       leaves a prefix of itself in the durable image, cut at a seeded sector boundary (possibly empty, never
 *       whole; sectors of 512 bytes unless {@code sectorSize}).</li>
 *   <li><b>Failed sync</b> ({@code failSyncAt(n)}, {@code failSyncs(p)}): the sync throws an {@code IOException}.
 *       As on Linux, the writes it was flushing are lost: still readable now, never durable, even after a later
 *       successful sync ({@code failedSyncLosesWrites(false)} keeps them pending instead).</li>
 *   <li><b>Failed write</b> ({@code failWriteAt(n)}, {@code failWrites(p)}): throws, changes nothing.
 *       <b>Short write</b> ({@code shortWrites(p)}): stores a prefix cut at a sector boundary, then throws.</li>
 * </ul>
 * Writes are counted across all files: {@code write} calls, each request of a {@code writeBatch}, and truncations.
 *
 * <h2>Reboot</h2>
 * {@code reboot()} (crashing first if needed) returns a new file system holding the durable images, with its own
 * fault plan and a seed drawn from the crashed one. Typical test:
 * <pre>{@code
 * MemoryFileSystem fs = new MemoryFileSystem(seed, FaultPlan.none().crashAtWrite(n).tornWrites(true));
 * try { workload(fs); } catch (SimulatedCrashException expected) { }
 * MemoryFileSystem after = fs.reboot();
 * check(after);   // every committed transaction is there, integrity holds
 * }</pre>
 *
 * <h2>Time and randomness</h2>
 * The clock starts at 2025-01-01T00:00:00Z and advances by one microsecond at each reading (so a timeout loop ends)
 * and by {@code advanceMillis}; {@code random()} is a seeded stream apart from the fault stream.
 *
 * <p>Mirrors what SQLite's own crash tests simulate (test6.c, the crash VFS: unsynced writes lost or kept by
 * sector, torn sectors) and the Linux fsync-failure semantics.
 */
package dev.panamax.io.memory;
