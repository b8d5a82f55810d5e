package dev.panamax.sql.codegen;

import dev.panamax.storage.btree.AutoVacuumMode;
import dev.panamax.storage.btree.Btree;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.vdbe.Settings;
import java.util.Locale;

/**
 * The pragmas about the database file (pragma.c: page_size, page_count, max_page_count, encoding, auto_vacuum,
 * incremental_vacuum, data_version). The settings a database takes when it is created (page size, encoding,
 * auto_vacuum) are applied at prepare time, as SQLite does, and only while the file is still empty.
 */
final class FilePragmas {
    /** The largest max_page_count (SQLITE_MAX_PAGE_COUNT). */
    static final long MAX_PAGE_COUNT = 0xfffffffeL;

    private FilePragmas() {
    }

    private static Btree btree(PragmaRun r) {
        return r.session.database().btree();
    }

    static void pageSize(PragmaRun r) {
        if (r.value == null) {
            r.row(btree(r).pageSizeBytes());
        }
    }

    static void pageCount(PragmaRun r) {
        r.row(btree(r).pageCount());
    }

    /** max_page_count: kept per connection; a new limit is never below the current size. */
    static void maxPageCount(PragmaRun r) {
        Settings s = r.session.settings();
        long x = 0;
        Long n = PragmaRun.decOrHex(r.value);
        if (n != null) {
            x = Math.max(0, Math.min(n, MAX_PAGE_COUNT));
        }
        if (x > 0) {
            s.setValue(Settings.Value.MAX_PAGE_COUNT, Math.max(btree(r).pageCount(), x));
        }
        r.row(s.value(Settings.Value.MAX_PAGE_COUNT));
    }

    static void encoding(PragmaRun r) {
        if (r.value == null) {
            r.row(switch (btree(r).encoding()) {
                case UTF8 -> "UTF-8";
                case UTF16LE -> "UTF-16le";
                case UTF16BE -> "UTF-16be";
            });
        }
    }

    /** The encoding a name stands for (pragma.c's encnames; UTF-16 alone is little-endian here). */
    static TextEncoding encodingNamed(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UTF8", "UTF-8" -> TextEncoding.UTF8;
            case "UTF-16LE", "UTF16LE", "UTF-16", "UTF16" -> TextEncoding.UTF16LE;
            case "UTF-16BE", "UTF16BE" -> TextEncoding.UTF16BE;
            default -> throw PragmaRun.error("unsupported encoding: " + name);
        };
    }

    static void autoVacuum(PragmaRun r) {
        if (r.value == null) {
            r.row(btree(r).autoVacuumMode().ordinal());
        }
    }

    /** getAutoVacuum: none, full, incremental or 0..2; anything else is none. */
    static AutoVacuumMode autoVacuumNamed(String z) {
        if (z.equalsIgnoreCase("none")) {
            return AutoVacuumMode.NONE;
        }
        if (z.equalsIgnoreCase("full")) {
            return AutoVacuumMode.FULL;
        }
        if (z.equalsIgnoreCase("incremental")) {
            return AutoVacuumMode.INCREMENTAL;
        }
        long i = PragmaRun.atoi(z);
        return i == 1 ? AutoVacuumMode.FULL : i == 2 ? AutoVacuumMode.INCREMENTAL : AutoVacuumMode.NONE;
    }

    /** incremental_vacuum(N): frees up to N pages (all when N is missing or not positive). */
    static void incrementalVacuum(PragmaRun r) {
        Integer n = PragmaRun.int32(r.value);
        long limit = n == null || n <= 0 ? Integer.MAX_VALUE : n;
        long freed = 0;
        while (freed < limit && btree(r).incrementalVacuumStep()) {
            freed++;
        }
    }

    static void dataVersion(PragmaRun r) {
        r.row(r.session.dataVersion());
    }
}
