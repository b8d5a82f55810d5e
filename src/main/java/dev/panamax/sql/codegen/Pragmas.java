package dev.panamax.sql.codegen;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PRAGMAs SQLite 3.53 knows (pragma.h, generated there by mkpragmatab.tcl): each name with its property flags and
 * result column names. The flags decide the statement's result columns (a pragma that sets a value usually returns
 * nothing), whether it needs the schema, and which hidden columns its {@code pragma_NAME} table has.
 */
final class Pragmas {
    /** Read the schema first (the statement opens a read transaction). */
    static final int NEED_SCHEMA = 0x01;
    /** Never returns rows. */
    static final int NO_COLUMNS = 0x02;
    /** Returns no rows when it has an argument. */
    static final int NO_COLUMNS1 = 0x04;
    /** A header value that cannot be written. */
    static final int READ_ONLY = 0x08;
    /** Acts as a query without an argument (it has a pragma_NAME table). */
    static final int RESULT0 = 0x10;
    /** Acts as a query with an argument (its table has an {@code arg} column). */
    static final int RESULT1 = 0x20;
    /** A schema name restricts the lookup (its table has a {@code schema} column). */
    static final int SCHEMA_OPT = 0x40;
    /** Applies to one schema, main by default (its table has a {@code schema} column). */
    static final int SCHEMA_REQ = 0x80;

    /** One pragma: {@code columns} empty means one column named like the pragma. */
    record Def(String name, int flags, List<String> columns) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        List<String> resultColumns() {
            return columns.isEmpty() ? List.of(name) : columns;
        }

        /** Whether {@code PRAGMA name[=value]} has result columns. */
        boolean returnsRows(boolean withValue) {
            return !has(NO_COLUMNS) && !(has(NO_COLUMNS1) && withValue);
        }

        /** Whether {@code pragma_NAME} exists as a table. */
        boolean isTable() {
            return has(RESULT0) || has(RESULT1);
        }
    }

    private static final int FLAG = RESULT0 | NO_COLUMNS1;
    private static final Map<String, Def> DEFS = new TreeMap<>();

    static {
        def("analysis_limit", RESULT0);
        def("application_id", NO_COLUMNS1 | RESULT0);
        def("auto_vacuum", NEED_SCHEMA | RESULT0 | SCHEMA_REQ | NO_COLUMNS1);
        def("automatic_index", FLAG);
        def("busy_timeout", RESULT0, "timeout");
        def("cache_size", NEED_SCHEMA | RESULT0 | SCHEMA_REQ | NO_COLUMNS1);
        def("cache_spill", RESULT0 | SCHEMA_REQ | NO_COLUMNS1);
        def("case_sensitive_like", NO_COLUMNS);
        def("cell_size_check", FLAG);
        def("checkpoint_fullfsync", FLAG);
        def("collation_list", RESULT0, "seq", "name");
        def("compile_options", RESULT0);
        def("count_changes", FLAG);
        def("data_version", READ_ONLY | RESULT0);
        def("database_list", RESULT0, "seq", "name", "file");
        def("default_cache_size", NEED_SCHEMA | RESULT0 | SCHEMA_REQ | NO_COLUMNS1, "cache_size");
        def("defer_foreign_keys", FLAG);
        def("empty_result_callbacks", FLAG);
        def("encoding", RESULT0 | NO_COLUMNS1);
        def("foreign_key_check", NEED_SCHEMA | RESULT0 | RESULT1 | SCHEMA_OPT, "table", "rowid", "parent", "fkid");
        def("foreign_key_list", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "id", "seq", "table", "from", "to", "on_update",
                "on_delete", "match");
        def("foreign_keys", FLAG);
        def("freelist_count", READ_ONLY | RESULT0);
        def("full_column_names", FLAG);
        def("fullfsync", FLAG);
        def("function_list", RESULT0, "name", "builtin", "type", "enc", "narg", "flags");
        def("hard_heap_limit", RESULT0);
        def("ignore_check_constraints", FLAG);
        def("incremental_vacuum", NEED_SCHEMA | NO_COLUMNS);
        def("index_info", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "seqno", "cid", "name");
        def("index_list", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "seq", "name", "unique", "origin", "partial");
        def("index_xinfo", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "seqno", "cid", "name", "desc", "coll", "key");
        def("integrity_check", NEED_SCHEMA | RESULT0 | RESULT1 | SCHEMA_OPT);
        def("journal_mode", NEED_SCHEMA | RESULT0 | SCHEMA_REQ);
        def("journal_size_limit", RESULT0 | SCHEMA_REQ);
        def("legacy_alter_table", FLAG);
        def("locking_mode", RESULT0 | SCHEMA_REQ);
        def("max_page_count", NEED_SCHEMA | RESULT0 | SCHEMA_REQ);
        def("mmap_size", 0);
        def("module_list", RESULT0, "name");
        def("optimize", RESULT1 | NEED_SCHEMA);
        def("page_count", NEED_SCHEMA | RESULT0 | SCHEMA_REQ);
        def("page_size", RESULT0 | SCHEMA_REQ | NO_COLUMNS1);
        def("pragma_list", RESULT0, "name");
        def("query_only", FLAG);
        def("quick_check", NEED_SCHEMA | RESULT0 | RESULT1 | SCHEMA_OPT);
        def("read_uncommitted", FLAG);
        def("recursive_triggers", FLAG);
        def("reverse_unordered_selects", FLAG);
        def("schema_version", NO_COLUMNS1 | RESULT0);
        def("secure_delete", RESULT0);
        def("short_column_names", FLAG);
        def("shrink_memory", NO_COLUMNS);
        def("soft_heap_limit", RESULT0);
        def("synchronous", NEED_SCHEMA | RESULT0 | SCHEMA_REQ | NO_COLUMNS1);
        def("table_info", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "cid", "name", "type", "notnull", "dflt_value", "pk");
        def("table_list", NEED_SCHEMA | RESULT1, "schema", "name", "type", "ncol", "wr", "strict");
        def("table_xinfo", NEED_SCHEMA | RESULT1 | SCHEMA_OPT, "cid", "name", "type", "notnull", "dflt_value", "pk",
                "hidden");
        def("temp_store", RESULT0 | NO_COLUMNS1);
        def("temp_store_directory", NO_COLUMNS1);
        def("threads", RESULT0);
        def("trusted_schema", FLAG);
        def("user_version", NO_COLUMNS1 | RESULT0);
        def("wal_autocheckpoint", 0);
        def("wal_checkpoint", NEED_SCHEMA, "busy", "log", "checkpointed");
        def("writable_schema", FLAG);
    }

    private Pragmas() {
    }

    private static void def(String name, int flags, String... columns) {
        DEFS.put(name, new Def(name, flags, List.of(columns)));
    }

    /** The pragma with this name (any case), or null. */
    static Def find(String name) {
        return DEFS.get(dev.panamax.schema.Schema.key(name));
    }

    /** Every pragma name in SQLite's order (PRAGMA pragma_list). */
    static List<String> names() {
        return List.copyOf(DEFS.keySet());
    }
}
