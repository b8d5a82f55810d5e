package dev.panamax.sql.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting pragmas against SQLite: each sequence of sets and reads must give the same rows (what a set returns,
 * the value read back, how arguments are parsed), on an in-memory and on a file database.
 */
class SettingPragmaTest {
    /** Flags: read, set with every spelling SQLite accepts, read again. */
    static List<String> flags() {
        List<String> out = new ArrayList<>();
        for (String f : List.of("automatic_index", "cell_size_check", "checkpoint_fullfsync", "count_changes",
                "defer_foreign_keys", "empty_result_callbacks", "foreign_keys", "full_column_names", "fullfsync",
                "ignore_check_constraints", "legacy_alter_table", "query_only", "read_uncommitted",
                "recursive_triggers", "reverse_unordered_selects", "short_column_names", "trusted_schema",
                "writable_schema")) {
            for (String v : List.of("1", "off", "yes", "no", "true", "false", "on", "0", "bogus", "2")) {
                out.add("PRAGMA " + f + " = " + v);
                out.add("PRAGMA " + f);
            }
            out.add("PRAGMA main." + f);
            out.add("SELECT * FROM pragma_" + f);
        }
        return out;
    }

    static final List<String> VALUES = List.of(
            "PRAGMA cache_size", "PRAGMA cache_spill", "PRAGMA cache_size = 100", "PRAGMA cache_size",
            "PRAGMA cache_spill", "PRAGMA cache_size = -7", "PRAGMA cache_spill", "PRAGMA cache_spill = 1000",
            "PRAGMA cache_spill", "PRAGMA cache_spill = off", "PRAGMA cache_spill", "PRAGMA cache_spill = on",
            "PRAGMA cache_spill", "PRAGMA cache_size = 0", "PRAGMA cache_spill = -50", "PRAGMA cache_spill",
            "PRAGMA cache_size = abc", "PRAGMA cache_size", "PRAGMA cache_size = 99999999999", "PRAGMA cache_size",
            "PRAGMA synchronous", "PRAGMA synchronous = 10", "PRAGMA synchronous", "PRAGMA synchronous = normal",
            "PRAGMA synchronous", "PRAGMA synchronous = off", "PRAGMA synchronous", "PRAGMA synchronous = extra",
            "PRAGMA synchronous", "PRAGMA synchronous = FULL", "PRAGMA synchronous", "PRAGMA synchronous = 7",
            "PRAGMA synchronous",
            "PRAGMA temp_store", "PRAGMA temp_store = memory", "PRAGMA temp_store", "PRAGMA temp_store = 1",
            "PRAGMA temp_store", "PRAGMA temp_store = bogus", "PRAGMA temp_store", "PRAGMA temp_store = FILE",
            "PRAGMA temp_store",
            "PRAGMA secure_delete", "PRAGMA secure_delete = fast", "PRAGMA secure_delete = yes",
            "PRAGMA secure_delete = 0", "PRAGMA secure_delete",
            "PRAGMA threads", "PRAGMA threads = 3", "PRAGMA threads = 20", "PRAGMA threads = -1", "PRAGMA threads",
            "PRAGMA analysis_limit", "PRAGMA analysis_limit = 77", "PRAGMA analysis_limit = -5",
            "PRAGMA analysis_limit = 0x10", "PRAGMA analysis_limit",
            "PRAGMA wal_autocheckpoint", "PRAGMA wal_autocheckpoint = 50", "PRAGMA wal_autocheckpoint = -3",
            "PRAGMA wal_autocheckpoint",
            "PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint(full)", "PRAGMA wal_checkpoint = truncate",
            "PRAGMA journal_size_limit", "PRAGMA journal_size_limit = 4096", "PRAGMA journal_size_limit = -9",
            "PRAGMA journal_size_limit",
            "PRAGMA busy_timeout", "PRAGMA busy_timeout = 250", "PRAGMA busy_timeout = -5", "PRAGMA busy_timeout",
            "PRAGMA locking_mode", "PRAGMA main.locking_mode", "PRAGMA locking_mode = exclusive",
            "PRAGMA locking_mode", "PRAGMA locking_mode = normal", "PRAGMA locking_mode = bogus",
            "PRAGMA temp_store_directory", "PRAGMA soft_heap_limit", "PRAGMA hard_heap_limit",
            "PRAGMA data_version", "PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA max_page_count",
            "PRAGMA encoding", "PRAGMA auto_vacuum", "PRAGMA page_size", "PRAGMA schema_version",
            "PRAGMA user_version", "PRAGMA user_version = 42", "PRAGMA user_version", "PRAGMA user_version = -3",
            "PRAGMA user_version", "PRAGMA user_version = abc", "PRAGMA user_version",
            "PRAGMA application_id = 0x7fffffff", "PRAGMA application_id", "PRAGMA temp.user_version",
            "PRAGMA freelist_count = 5", "PRAGMA shrink_memory", "PRAGMA optimize", "PRAGMA optimize(0xfffe)",
            "PRAGMA incremental_vacuum", "PRAGMA incremental_vacuum(5)", "PRAGMA case_sensitive_like = 1",
            "SELECT 'a' LIKE 'A'", "PRAGMA case_sensitive_like = 0", "SELECT 'a' LIKE 'A'",
            "PRAGMA case_sensitive_like");

    /** Rollback-journal modes; WAL is left out (SQLite switches a file to it, Panamax cannot yet). */
    static final List<String> JOURNAL = List.of("PRAGMA journal_mode", "PRAGMA journal_mode = trunc",
            "PRAGMA journal_mode", "PRAGMA journal_mode = bogus", "PRAGMA journal_mode = OFF",
            "PRAGMA journal_mode = persist", "PRAGMA journal_mode = memory", "PRAGMA main.journal_mode",
            "PRAGMA journal_mode = delete", "PRAGMA journal_mode");

    static final List<String> FILE_ONLY = List.of("PRAGMA mmap_size", "PRAGMA mmap_size = 1000000",
            "PRAGMA mmap_size = -5", "PRAGMA mmap_size", "PRAGMA max_page_count = 3", "PRAGMA max_page_count",
            "PRAGMA max_page_count = 0", "PRAGMA max_page_count = -7");

    @Test
    void inMemory() throws SQLException {
        try (Twin t = new Twin(null)) {
            t.exec("CREATE TABLE t(x)");
            SchemaPragmaTest.assertSame(t, flags());
            SchemaPragmaTest.assertSame(t, VALUES);
            SchemaPragmaTest.assertSame(t, JOURNAL);
            SchemaPragmaTest.assertSame(t, List.of("PRAGMA mmap_size", "PRAGMA mmap_size = 1000"));
        }
    }

    @Test
    void onFiles(@TempDir Path dir) throws SQLException {
        try (Twin t = new Twin(dir.resolve("a.db").toString(), dir.resolve("b.db").toString())) {
            t.exec("CREATE TABLE t(x)");
            SchemaPragmaTest.assertSame(t, VALUES);
            SchemaPragmaTest.assertSame(t, JOURNAL);
            SchemaPragmaTest.assertSame(t, FILE_ONLY);
        }
    }

    /** Without a WAL, journal_mode=wal answers as SQLite does when it cannot switch: the mode in force. */
    @Test
    void walIsRefusedWithTheCurrentMode(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("w.db").toString()); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x)");
            assertEquals("[journal_mode]\nt:delete\n", Twin.ours(c, "PRAGMA journal_mode = wal"));
            c.execute("PRAGMA journal_mode = truncate");
            assertEquals("[journal_mode]\nt:truncate\n", Twin.ours(c, "PRAGMA journal_mode = WAL"));
        }
    }

    /** incremental_vacuum(N) gives back N free pages of an incremental auto_vacuum database, or all of them. */
    @Test
    void incrementalVacuumFreesPages() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("PRAGMA auto_vacuum = incremental; CREATE TABLE t(x); INSERT INTO t VALUES (zeroblob(40000));"
                    + "DELETE FROM t");
            long free = c.prepare("PRAGMA freelist_count").all().get(0).getLong(0);
            long pages = c.prepare("PRAGMA page_count").all().get(0).getLong(0);
            assertTrue(free > 2, "free pages " + free);
            c.execute("PRAGMA incremental_vacuum(2)");
            assertEquals(free - 2, c.prepare("PRAGMA freelist_count").all().get(0).getLong(0));
            assertEquals(pages - 2, c.prepare("PRAGMA page_count").all().get(0).getLong(0));
            c.execute("PRAGMA incremental_vacuum");
            assertEquals(0, c.prepare("PRAGMA freelist_count").all().get(0).getLong(0));
            assertEquals("[integrity_check]\nt:ok\n", Twin.ours(c, "PRAGMA integrity_check"));
        }
    }

    /** page_size, encoding and auto_vacuum apply while the database has no page yet, and never after. */
    @Test
    void creationSettings(@TempDir Path dir) throws SQLException {
        for (List<String> script : List.of(
                List.of("PRAGMA page_size = 1024", "PRAGMA page_size", "PRAGMA page_count", "CREATE TABLE t(x)",
                        "PRAGMA page_size", "PRAGMA page_size = 8192", "PRAGMA page_size", "PRAGMA cache_spill"),
                List.of("PRAGMA page_size = 1000", "PRAGMA page_size", "PRAGMA page_size = 65536",
                        "PRAGMA page_size", "PRAGMA page_size = 131072", "PRAGMA page_size"),
                List.of("PRAGMA encoding = 'UTF-16be'", "PRAGMA encoding", "CREATE TABLE t(x)",
                        "INSERT INTO t VALUES ('héllo')", "SELECT x, length(x) FROM t", "PRAGMA encoding"),
                List.of("PRAGMA encoding = 'UTF16'", "PRAGMA encoding", "PRAGMA encoding = 'bogus'"),
                List.of("PRAGMA auto_vacuum = full", "PRAGMA page_count", "PRAGMA auto_vacuum",
                        "PRAGMA auto_vacuum = incremental", "PRAGMA auto_vacuum", "PRAGMA auto_vacuum = none",
                        "PRAGMA auto_vacuum", "CREATE TABLE t(x)", "INSERT INTO t VALUES (zeroblob(20000))",
                        "DELETE FROM t", "PRAGMA freelist_count", "PRAGMA auto_vacuum = 2", "PRAGMA auto_vacuum"),
                List.of("CREATE TABLE t(x)", "PRAGMA auto_vacuum = 1", "PRAGMA auto_vacuum", "PRAGMA page_count"))) {
            String name = "c" + Math.abs(script.hashCode());
            try (Twin t = new Twin(dir.resolve(name + "a.db").toString(), dir.resolve(name + "b.db").toString())) {
                SchemaPragmaTest.assertSame(t, script);
            }
        }
    }

    /** PRAGMA foreign_keys cannot change inside a transaction; synchronous refuses to. */
    @Test
    void insideATransaction() throws SQLException {
        try (Twin t = new Twin(null)) {
            t.exec("PRAGMA foreign_keys = 1");
            t.exec("BEGIN");
            SchemaPragmaTest.assertSame(t, List.of("PRAGMA foreign_keys = 0", "PRAGMA foreign_keys",
                    "PRAGMA synchronous = 1", "PRAGMA synchronous"));
            t.exec("COMMIT");
            SchemaPragmaTest.assertSame(t, List.of("PRAGMA foreign_keys = 0", "PRAGMA foreign_keys"));
        }
    }

    /** query_only makes every write fail with READONLY while reads go on; turning it off allows writes again. */
    @Test
    void queryOnlyRefusesWrites() {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA query_only = 1");
            DbException e = assertThrows(DbException.class, () -> c.execute("INSERT INTO t VALUES (2)"));
            assertEquals(ResultCode.READONLY, e.code());
            assertEquals("attempt to write a readonly database", e.getMessage());
            assertThrows(DbException.class, () -> c.execute("CREATE TABLE u(y)"));
            assertThrows(DbException.class, () -> c.execute("PRAGMA user_version = 3"));
            assertEquals("[x]\ni:1\n", Twin.ours(c, "SELECT * FROM t"));
            c.execute("PRAGMA query_only = 0; INSERT INTO t VALUES (2)");
            assertEquals("[count(*)]\ni:2\n", Twin.ours(c, "SELECT count(*) FROM t"));
        }
    }

    /** data_version changes when another connection commits, not when this one does. */
    @Test
    void dataVersionSeesOtherConnections(@TempDir Path dir) throws SQLException {
        String path = dir.resolve("dv.db").toString();
        try (Database db = Database.open(path); Connection a = db.connect(); Connection b = db.connect()) {
            a.execute("CREATE TABLE t(x)");
            String before = Twin.ours(a, "PRAGMA data_version");
            a.execute("INSERT INTO t VALUES (1)");
            assertEquals(before, Twin.ours(a, "PRAGMA data_version"));
            String other = Twin.ours(b, "PRAGMA data_version");
            b.execute("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)");
            assertEquals(other, Twin.ours(b, "PRAGMA data_version"));
            assertEquals("[data_version]\ni:2\n", Twin.ours(a, "PRAGMA data_version"));
        }
    }
}
