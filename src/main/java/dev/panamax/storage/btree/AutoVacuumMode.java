package dev.panamax.storage.btree;

/** SQLite's auto_vacuum setting, fixed when a database is created (header offsets 52 and 64). */
public enum AutoVacuumMode {
    /** No pointer map; free pages stay in the file until VACUUM. */
    NONE,
    /** Pointer map kept; free pages are moved to the end and cut off at every commit. */
    FULL,
    /** Pointer map kept; free pages are cut off by {@link Btree#incrementalVacuumStep()}. */
    INCREMENTAL
}
