package dev.panamax.sql.codegen;

import dev.panamax.func.FunctionDef;
import dev.panamax.func.FunctionRegistry;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pragmas that read or change a connection's settings (pragma.c: the FLAG pragmas, cache_size, cache_spill,
 * synchronous, temp_store, busy_timeout, locking_mode, journal_mode, ...), the process-wide heap limits, and the
 * lists (database_list, collation_list, function_list, pragma_list). Most settings are kept and reported as SQLite
 * reports them; which of them change how Panamax runs is said in {@link Settings}.
 */
final class SettingPragmas {
    /** sqlite3_soft_heap_limit64 and sqlite3_hard_heap_limit64 are process-wide. */
    private static final AtomicLong SOFT_HEAP_LIMIT = new AtomicLong();
    private static final AtomicLong HARD_HEAP_LIMIT = new AtomicLong();
    private static final AtomicReference<String> TEMP_DIRECTORY = new AtomicReference<>();
    /** SQLITE_MAX_WORKER_THREADS. */
    private static final int MAX_THREADS = 8;
    /** SQLite's page cache overhead per page beside the page itself, for cache sizes given in KiB. */
    private static final int PAGE_CACHE_EXTRA_BYTES = 136;
    private static final List<String> JOURNAL_MODES = List.of("delete", "persist", "off", "truncate", "memory",
            "wal", "wal2");

    private SettingPragmas() {
    }

    /** The FLAG pragmas: 1 or 0 without an argument; with one, sets or clears the flag and returns nothing. */
    static void flag(PragmaRun r, Settings.Flag flag) {
        Settings s = r.session.settings();
        if (r.value == null) {
            r.row(s.flag(flag));
            return;
        }
        if (flag == Settings.Flag.FOREIGN_KEYS && !r.session.isAutocommit()) {
            return;
        }
        s.setFlag(flag, PragmaRun.bool(r.value));
    }

    static void caseSensitiveLike(PragmaRun r) {
        if (r.value != null) {
            r.session.functions().setCaseSensitiveLike(PragmaRun.bool(r.value));
        }
    }

    static void cacheSize(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value == null) {
            r.row(s.value(Settings.Value.CACHE_SIZE));
        } else {
            s.setValue(Settings.Value.CACHE_SIZE, PragmaRun.atoi(r.value));
        }
    }

    /** cache_spill: the spill threshold in pages (never below the cache size), 0 when spilling is off. */
    static void cacheSpill(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value == null) {
            if (!s.flag(Settings.Flag.CACHE_SPILL)) {
                r.row(0);
                return;
            }
            long spill = s.value(Settings.Value.CACHE_SPILL_PAGES);
            r.row(Math.max(cachePages(r, s.value(Settings.Value.CACHE_SIZE)), spill));
            return;
        }
        Integer n = PragmaRun.int32(r.value);
        int size = n == null ? 1 : n;
        if (n != null) {
            s.setValue(Settings.Value.CACHE_SPILL_PAGES, size < 0 ? cachePages(r, size) : size);
        }
        s.setFlag(Settings.Flag.CACHE_SPILL, PragmaRun.safetyLevel(r.value, true, size != 0 ? 1 : 0) != 0);
    }

    /** A cache_size value in pages: itself when positive, else -N KiB divided by the per-page footprint. */
    private static long cachePages(PragmaRun r, long cacheSize) {
        if (cacheSize >= 0) {
            return cacheSize;
        }
        long perPage = r.session.database().btree().pageSizeBytes() + PAGE_CACHE_EXTRA_BYTES;
        return Math.min(1_000_000_000L, -1024L * cacheSize / perPage);
    }

    static void synchronous(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value == null) {
            r.row(s.value(Settings.Value.SYNCHRONOUS));
            return;
        }
        if (!r.session.isAutocommit()) {
            throw PragmaRun.error("Safety level may not be changed inside a transaction");
        }
        if (r.isTemp()) {
            return;
        }
        int level = (PragmaRun.safetyLevel(r.value, false, 1) + 1) & 0x07;
        s.setValue(Settings.Value.SYNCHRONOUS, (level == 0 ? 1 : level) - 1);
    }

    static void tempStore(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value == null) {
            r.row(s.value(Settings.Value.TEMP_STORE));
            return;
        }
        String z = r.value;
        int ts;
        if (!z.isEmpty() && z.charAt(0) >= '0' && z.charAt(0) <= '2') {
            ts = z.charAt(0) - '0';
        } else if (z.equalsIgnoreCase("file")) {
            ts = 1;
        } else if (z.equalsIgnoreCase("memory")) {
            ts = 2;
        } else {
            ts = 0;
        }
        s.setValue(Settings.Value.TEMP_STORE, ts);
    }

    static void tempStoreDirectory(PragmaRun r) {
        if (r.value == null) {
            String dir = TEMP_DIRECTORY.get();
            if (dir != null) {
                r.row(dir);
            }
            return;
        }
        if (!r.value.isEmpty()) {
            Path p = Path.of(r.value);
            if (!Files.isDirectory(p) || !Files.isWritable(p)) {
                throw PragmaRun.error("not a writable directory");
            }
        }
        TEMP_DIRECTORY.set(r.value.isEmpty() ? null : r.value);
    }

    static void secureDelete(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value != null) {
            s.setValue(Settings.Value.SECURE_DELETE, r.value.equalsIgnoreCase("fast") ? 2
                    : PragmaRun.bool(r.value) ? 1 : 0);
        }
        r.row(s.value(Settings.Value.SECURE_DELETE));
    }

    static void busyTimeout(PragmaRun r) {
        if (r.value != null) {
            r.session.setBusyTimeoutMillis(PragmaRun.atoi(r.value));
        }
        r.row(r.session.busyTimeoutMillis());
    }

    /** Numeric settings that return their (new) value: threads and analysis_limit take N >= 0 only. */
    static void limit(PragmaRun r, Settings.Value v, long max) {
        Settings s = r.session.settings();
        Long n = PragmaRun.decOrHex(r.value);
        if (n != null && n >= 0) {
            s.setValue(v, Math.min(n & 0x7fffffff, max));
        }
        r.row(s.value(v));
    }

    static void threads(PragmaRun r) {
        limit(r, Settings.Value.THREADS, MAX_THREADS);
    }

    static void walAutocheckpoint(PragmaRun r) {
        Settings s = r.session.settings();
        if (r.value != null) {
            s.setValue(Settings.Value.WAL_AUTOCHECKPOINT, Math.max(0, PragmaRun.atoi(r.value)));
        }
        r.row(s.value(Settings.Value.WAL_AUTOCHECKPOINT));
    }

    /** wal_checkpoint in rollback-journal mode: nothing to checkpoint (busy 0, log and checkpointed -1). */
    static void walCheckpoint(PragmaRun r) {
        r.row(0, -1, -1);
    }

    static void journalSizeLimit(PragmaRun r) {
        Settings s = r.session.settings();
        Long n = r.value == null ? null : PragmaRun.decOrHex(r.value);
        if (r.value != null) {
            long limit = n == null ? -1 : n;
            s.setValue(Settings.Value.JOURNAL_SIZE_LIMIT, limit < -1 ? -1 : limit);
        }
        r.row(s.value(Settings.Value.JOURNAL_SIZE_LIMIT));
    }

    static void mmapSize(PragmaRun r) {
        if (r.session.database().isMemory()) {
            return;
        }
        Settings s = r.session.settings();
        if (r.value != null) {
            Long n = PragmaRun.decOrHex(r.value);
            long sz = n == null ? 0 : n;
            s.setValue(Settings.Value.MMAP_SIZE, Math.max(0, sz));
        }
        r.row(s.value(Settings.Value.MMAP_SIZE));
    }

    static void softHeapLimit(PragmaRun r) {
        Long n = PragmaRun.decOrHex(r.value);
        if (n != null && n >= 0) {
            long hard = HARD_HEAP_LIMIT.get();
            SOFT_HEAP_LIMIT.set(hard > 0 && (n > hard || n == 0) ? hard : n);
        }
        r.row(SOFT_HEAP_LIMIT.get());
    }

    static void hardHeapLimit(PragmaRun r) {
        Long n = PragmaRun.decOrHex(r.value);
        if (n != null && n > 0) {
            long prior = HARD_HEAP_LIMIT.get();
            if (prior == 0 || prior > n) {
                HARD_HEAP_LIMIT.set(n);
                long soft = SOFT_HEAP_LIMIT.get();
                if (soft == 0 || soft > n) {
                    SOFT_HEAP_LIMIT.set(n);
                }
            }
        }
        r.row(HARD_HEAP_LIMIT.get());
    }

    /**
     * locking_mode: the connection's default without a schema name and argument; otherwise the main database's,
     * which for an in-memory database is always exclusive.
     */
    static void lockingMode(PragmaRun r) {
        Settings s = r.session.settings();
        String v = r.value == null ? null : r.value.toLowerCase(Locale.ROOT);
        boolean set = "exclusive".equals(v) || "normal".equals(v);
        if (set) {
            s.setExclusiveLocking(v.equals("exclusive"));
        }
        boolean exclusive = s.exclusiveLocking();
        if ((set || r.schemaName != null) && r.session.database().isMemory()) {
            exclusive = true;
        }
        r.row(exclusive ? "exclusive" : "normal");
    }

    /**
     * journal_mode: an in-memory database journals in memory (or not at all); a file database takes any rollback
     * mode. WAL is not available yet, so asking for it leaves the mode as it is, as SQLite does when it cannot
     * switch.
     */
    static void journalMode(PragmaRun r) {
        Settings s = r.session.settings();
        boolean memory = r.session.database().isMemory();
        String current = s.journalMode() != null ? s.journalMode() : memory ? "memory" : "delete";
        if (r.isTemp()) {
            r.row("delete");
            return;
        }
        String mode = null;
        if (r.value != null) {
            for (String m : JOURNAL_MODES) {
                if (m.regionMatches(true, 0, r.value, 0, r.value.length()) && r.value.length() <= m.length()) {
                    mode = m;
                    break;
                }
            }
        }
        if (mode != null && !mode.startsWith("wal") && (!memory || mode.equals("off") || mode.equals("memory"))) {
            s.setJournalMode(mode);
            current = mode;
        }
        r.row(current);
    }

    /**
     * database_list: main (its full path, empty for an in-memory database), then temp once the connection has used
     * it.
     */
    static void databaseList(PragmaRun r) {
        String path = r.session.database().path();
        String file = "";
        if (path != null) {
            Path p = Path.of(path).toAbsolutePath().normalize();
            try {
                file = p.toRealPath().toString();
            } catch (java.io.IOException e) {
                file = p.toString();
            }
        }
        r.row(0, "main", file);
        if (r.session.settings().tempSchemaUsed()) {
            r.row(1, "temp", "");
        }
    }

    /** collation_list: the built-ins and the connection's own, in SQLite's hash order. */
    static void collationList(PragmaRun r) {
        List<String> names = new ArrayList<>(List.of("BINARY", "NOCASE", "RTRIM"));
        for (Collation c : r.session.registeredCollations()) {
            names.add(c.name());
        }
        int seq = 0;
        for (String name : HashOrder.order(names, names)) {
            r.row(seq++, name);
        }
    }

    /** function_list: name, builtin, type (s, a, w), encoding, argument count, flags as SQLite reports them. */
    static void functionList(PragmaRun r) {
        List<FunctionDef> builtins = new ArrayList<>(FunctionRegistry.builtins());
        builtins.sort(Comparator.comparing(FunctionDef::name).thenComparingInt(FunctionDef::nArg));
        for (FunctionDef d : builtins) {
            functionRow(r, d, true);
        }
        for (FunctionDef d : r.session.functions().registered()) {
            functionRow(r, d, false);
        }
    }

    private static void functionRow(PragmaRun r, FunctionDef d, boolean builtin) {
        String type = !d.isAggregate() ? "s" : d.hasFlag(FunctionDef.WINDOW) ? "w" : "a";
        int narg = d.nArg() >= 0 ? d.nArg() : d.minArgs() == 0 ? -1 : -(d.minArgs() + 1);
        int flags = (d.hasFlag(FunctionDef.DETERMINISTIC) ? 0x800 : 0)
                | (d.hasFlag(FunctionDef.DIRECT_ONLY) ? 0x80000 : 0)
                | (d.hasFlag(FunctionDef.INNOCUOUS) == builtin ? 0x200000 : 0);
        r.row(d.name(), builtin, type, "utf8", narg, flags);
    }

    static void pragmaList(PragmaRun r) {
        for (String name : Pragmas.names()) {
            r.row(name);
        }
    }
}
