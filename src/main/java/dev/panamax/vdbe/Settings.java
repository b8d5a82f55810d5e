package dev.panamax.vdbe;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A connection's PRAGMA settings (SQLite's {@code db->flags} bits and the per-connection numbers the pragmas keep):
 * on/off flags and numeric values, each starting at SQLite's default. The pragma code reads and writes them; the
 * VM itself honours {@link Flag#QUERY_ONLY} and clears {@link Flag#DEFER_FOREIGN_KEYS} when a transaction ends, as
 * SQLite does. Used by the connection's thread only.
 */
public final class Settings {
    /** Boolean pragmas; {@code on} is the default. */
    public enum Flag {
        AUTOMATIC_INDEX(true), CACHE_SPILL(true), CELL_SIZE_CHECK(false), CHECKPOINT_FULLFSYNC(false),
        COUNT_CHANGES(false), DEFER_FOREIGN_KEYS(false), EMPTY_RESULT_CALLBACKS(false), FOREIGN_KEYS(false),
        FULL_COLUMN_NAMES(false), FULLFSYNC(false), IGNORE_CHECK_CONSTRAINTS(false), LEGACY_ALTER_TABLE(false),
        QUERY_ONLY(false), READ_UNCOMMITTED(false), RECURSIVE_TRIGGERS(false), REVERSE_UNORDERED_SELECTS(false),
        SHORT_COLUMN_NAMES(true), TRUSTED_SCHEMA(true), WRITABLE_SCHEMA(false);

        final boolean on;

        Flag(boolean on) {
            this.on = on;
        }
    }

    /** Numeric pragmas with SQLite's defaults. */
    public enum Value {
        ANALYSIS_LIMIT(0), CACHE_SIZE(-2000), CACHE_SPILL_PAGES(1), JOURNAL_SIZE_LIMIT(-1), MAX_PAGE_COUNT(0xfffffffeL), MMAP_SIZE(0),
        SECURE_DELETE(0), SYNCHRONOUS(2), TEMP_STORE(0), THREADS(0), WAL_AUTOCHECKPOINT(1000);

        final long initial;

        Value(long initial) {
            this.initial = initial;
        }
    }

    private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
    private final Map<Value, Long> values = new EnumMap<>(Value.class);
    private String journalMode;
    private boolean exclusiveLocking;
    private boolean tempSchemaUsed;

    public Settings() {
        for (Flag f : Flag.values()) {
            if (f.on) {
                flags.add(f);
            }
        }
        for (Value v : Value.values()) {
            values.put(v, v.initial);
        }
    }

    public boolean flag(Flag f) {
        return flags.contains(f);
    }

    public void setFlag(Flag f, boolean on) {
        if (on) {
            flags.add(f);
        } else {
            flags.remove(f);
        }
    }

    public long value(Value v) {
        return values.get(v);
    }

    public void setValue(Value v, long x) {
        values.put(v, x);
    }

    /** The journal mode this connection set, or null for the database's default. */
    public String journalMode() {
        return journalMode;
    }

    public void setJournalMode(String mode) {
        journalMode = mode;
    }

    /** True once a statement used the temp schema (SQLite then lists it in PRAGMA database_list). */
    public boolean tempSchemaUsed() {
        return tempSchemaUsed;
    }

    public void markTempSchemaUsed() {
        tempSchemaUsed = true;
    }

    public boolean exclusiveLocking() {
        return exclusiveLocking;
    }

    public void setExclusiveLocking(boolean on) {
        exclusiveLocking = on;
    }
}
