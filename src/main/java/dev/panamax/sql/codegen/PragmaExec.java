package dev.panamax.sql.codegen;

import dev.panamax.vdbe.Settings;

/** Runs a pragma implemented in Java (not as bytecode) by its name: the dispatch half of pragma.c's switch. */
final class PragmaExec {
    private PragmaExec() {
    }

    /** True when the pragma is run by {@link #run} (the others are compiled to bytecode by PragmaCode). */
    static boolean handles(String name) {
        return switch (name) {
            case "integrity_check", "quick_check", "foreign_key_check", "schema_version", "user_version",
                    "application_id", "freelist_count" -> false;
            default -> true;
        };
    }

    static void run(PragmaRun r) {
        Settings.Flag flag = flagOf(r.def.name());
        if (flag != null) {
            SettingPragmas.flag(r, flag);
            return;
        }
        switch (r.def.name()) {
            case "table_info" -> SchemaPragmas.tableInfo(r, false);
            case "table_xinfo" -> SchemaPragmas.tableInfo(r, true);
            case "table_list" -> SchemaPragmas.tableList(r);
            case "index_list" -> SchemaPragmas.indexList(r);
            case "index_info" -> SchemaPragmas.indexInfo(r, false);
            case "index_xinfo" -> SchemaPragmas.indexInfo(r, true);
            case "foreign_key_list" -> SchemaPragmas.foreignKeyList(r);
            case "database_list" -> SettingPragmas.databaseList(r);
            case "collation_list" -> SettingPragmas.collationList(r);
            case "function_list" -> SettingPragmas.functionList(r);
            case "pragma_list" -> SettingPragmas.pragmaList(r);
            default -> runSetting(r);
        }
    }

    private static void runSetting(PragmaRun r) {
        switch (r.def.name()) {
            case "case_sensitive_like" -> SettingPragmas.caseSensitiveLike(r);
            case "cache_size" -> SettingPragmas.cacheSize(r);
            case "cache_spill" -> SettingPragmas.cacheSpill(r);
            case "synchronous" -> SettingPragmas.synchronous(r);
            case "temp_store" -> SettingPragmas.tempStore(r);
            case "temp_store_directory" -> SettingPragmas.tempStoreDirectory(r);
            case "secure_delete" -> SettingPragmas.secureDelete(r);
            case "busy_timeout" -> SettingPragmas.busyTimeout(r);
            case "threads" -> SettingPragmas.threads(r);
            case "analysis_limit" -> SettingPragmas.limit(r, Settings.Value.ANALYSIS_LIMIT, Integer.MAX_VALUE);
            case "wal_autocheckpoint" -> SettingPragmas.walAutocheckpoint(r);
            case "wal_checkpoint" -> SettingPragmas.walCheckpoint(r);
            case "journal_size_limit" -> SettingPragmas.journalSizeLimit(r);
            case "journal_mode" -> SettingPragmas.journalMode(r);
            case "locking_mode" -> SettingPragmas.lockingMode(r);
            case "mmap_size" -> SettingPragmas.mmapSize(r);
            case "soft_heap_limit" -> SettingPragmas.softHeapLimit(r);
            case "hard_heap_limit" -> SettingPragmas.hardHeapLimit(r);
            default -> runFile(r);
        }
    }

    private static void runFile(PragmaRun r) {
        switch (r.def.name()) {
            case "page_size" -> FilePragmas.pageSize(r);
            case "page_count" -> FilePragmas.pageCount(r);
            case "max_page_count" -> FilePragmas.maxPageCount(r);
            case "encoding" -> FilePragmas.encoding(r);
            case "auto_vacuum" -> FilePragmas.autoVacuum(r);
            case "incremental_vacuum" -> FilePragmas.incrementalVacuum(r);
            case "data_version" -> FilePragmas.dataVersion(r);
            default -> {
                // compile_options, module_list, optimize, shrink_memory, default_cache_size: no rows here
            }
        }
    }

    /** The connection flag a FLAG pragma reads and writes, or null. */
    static Settings.Flag flagOf(String name) {
        return switch (name) {
            case "automatic_index" -> Settings.Flag.AUTOMATIC_INDEX;
            case "cell_size_check" -> Settings.Flag.CELL_SIZE_CHECK;
            case "checkpoint_fullfsync" -> Settings.Flag.CHECKPOINT_FULLFSYNC;
            case "count_changes" -> Settings.Flag.COUNT_CHANGES;
            case "defer_foreign_keys" -> Settings.Flag.DEFER_FOREIGN_KEYS;
            case "empty_result_callbacks" -> Settings.Flag.EMPTY_RESULT_CALLBACKS;
            case "foreign_keys" -> Settings.Flag.FOREIGN_KEYS;
            case "full_column_names" -> Settings.Flag.FULL_COLUMN_NAMES;
            case "fullfsync" -> Settings.Flag.FULLFSYNC;
            case "ignore_check_constraints" -> Settings.Flag.IGNORE_CHECK_CONSTRAINTS;
            case "legacy_alter_table" -> Settings.Flag.LEGACY_ALTER_TABLE;
            case "query_only" -> Settings.Flag.QUERY_ONLY;
            case "read_uncommitted" -> Settings.Flag.READ_UNCOMMITTED;
            case "recursive_triggers" -> Settings.Flag.RECURSIVE_TRIGGERS;
            case "reverse_unordered_selects" -> Settings.Flag.REVERSE_UNORDERED_SELECTS;
            case "short_column_names" -> Settings.Flag.SHORT_COLUMN_NAMES;
            case "trusted_schema" -> Settings.Flag.TRUSTED_SCHEMA;
            case "writable_schema" -> Settings.Flag.WRITABLE_SCHEMA;
            default -> null;
        };
    }
}
