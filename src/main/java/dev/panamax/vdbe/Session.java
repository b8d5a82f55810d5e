package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.func.FunctionRegistry;
import dev.panamax.schema.Schema;
import dev.panamax.storage.btree.Btree;
import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The state of one connection the VM works with (SQLite's {@code sqlite3} handle): transaction and lock level,
 * autocommit, savepoints, change counters, the schema as this connection sees it, its functions and collations.
 *
 * <pre>
 *   lock:  NONE -> SHARED (a statement or transaction reads) -> EXCLUSIVE (it writes) -> NONE (commit/rollback)
 *   autocommit: true outside BEGIN ... COMMIT; each statement is then its own transaction, ended when the last
 *               running statement of the connection finishes
 * </pre>
 *
 * <p>Used by one thread at a time; every method that touches the B-tree is called with the database mutex held.
 */
public final class Session {
    final DatabaseCore db;
    Schema schema;
    boolean autocommit = true;
    DatabaseLock.Level level = DatabaseLock.Level.NONE;
    /** Open SAVEPOINT names, oldest first; savepoint k is B-tree savepoint k. */
    final List<String> savepoints = new ArrayList<>();
    /** True when the oldest savepoint started the transaction (its RELEASE commits). */
    boolean savepointStartedTransaction;
    long changes;
    long totalChanges;
    long lastInsertRowid;
    long busyTimeoutMillis;
    final FunctionRegistry functions = new FunctionRegistry();
    final Map<String, Collation> collations = new LinkedHashMap<>();
    volatile boolean interrupted;
    final RandomGenerator random;
    int activeVms;
    int activeWriters;
    private final Deque<Btree> ephemeralPool = new ArrayDeque<>();
    final Settings settings = new Settings();
    /** Deferred foreign key violations of the open transaction (and those counted under defer_foreign_keys). */
    long fkDeferred;
    long fkDeferredImmediate;
    /** The two counts when each open savepoint began (ROLLBACK TO restores them). */
    final List<long[]> fkAtSavepoint = new ArrayList<>();
    /** PRAGMA data_version: bumped when a read transaction starts after another connection committed. */
    private long dataVersion = 1;
    private long commitsSeen;

    public Session(DatabaseCore db) {
        this.db = db;
        this.schema = db.schema();
        this.random = db.io.random();
        this.commitsSeen = db.commitCount;
    }

    /** The connection's PRAGMA settings. */
    public Settings settings() {
        return settings;
    }

    /** PRAGMA data_version: changes when another connection has committed since this one last looked. */
    public long dataVersion() {
        return dataVersion;
    }

    public DatabaseCore database() {
        return db;
    }

    /** The schema this connection compiles against (with its own uncommitted DDL). */
    public Schema schema() {
        if (level == DatabaseLock.Level.NONE) {
            schema = db.schema();
        }
        return schema;
    }

    /** The text encoding of the database (for KeyInfos). */
    public dev.panamax.storage.format.TextEncoding encoding() {
        return db.btree.encoding();
    }

    public FunctionRegistry functions() {
        return functions;
    }

    /** The collation with this name: a built-in or one registered on this connection; null when unknown. */
    public Collation collation(String name) {
        if (name == null) {
            return Collations.BINARY;
        }
        Collation c = Collations.builtin(name);
        return c != null ? c : collations.get(Schema.key(name));
    }

    /** The collations registered on this connection, oldest first (PRAGMA collation_list). */
    public List<Collation> registeredCollations() {
        return List.copyOf(collations.values());
    }

    public void registerCollation(String name, Collation c) {
        if (c == null) {
            collations.remove(Schema.key(name));
        } else {
            collations.put(Schema.key(name), c);
        }
    }

    public boolean isAutocommit() {
        return autocommit;
    }

    public long changes() {
        return changes;
    }

    public long totalChanges() {
        return totalChanges;
    }

    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    public void setLastInsertRowid(long rowid) {
        lastInsertRowid = rowid;
    }

    public long busyTimeoutMillis() {
        return busyTimeoutMillis;
    }

    public void setBusyTimeoutMillis(long millis) {
        busyTimeoutMillis = Math.max(0, millis);
    }

    public void interrupt() {
        interrupted = true;
    }

    /** True while a transaction is open (explicitly, or by a running statement). */
    public boolean inTransaction() {
        return level != DatabaseLock.Level.NONE;
    }

    /** Number of statements of this connection that have started and not finished. */
    public int activeStatements() {
        return activeVms;
    }

    void beginRead() {
        if (level == DatabaseLock.Level.NONE) {
            db.acquireShared(this, busyTimeoutMillis);
            level = DatabaseLock.Level.SHARED;
            schema = db.schema();
            if (db.commitCount != commitsSeen) {
                commitsSeen = db.commitCount;
                dataVersion++;
            }
        }
    }

    /** Takes the write lock; {@code mayWait} is false when this connection already read in its transaction. */
    void beginWrite() {
        if (db.isReadOnly() || settings.flag(Settings.Flag.QUERY_ONLY)) {
            throw new DbException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        boolean fresh = level == DatabaseLock.Level.NONE;
        beginRead();
        if (level == DatabaseLock.Level.EXCLUSIVE) {
            return;
        }
        try {
            db.lock.acquireReserved(this, busyTimeoutMillis, fresh || autocommit);
            db.lock.acquireExclusive(this, busyTimeoutMillis);
            db.btree.beginWrite();
            if (!savepoints.isEmpty()) {
                db.btree.openSavepoints(savepoints.size());
            }
        } catch (DbException e) {
            db.lock.downgradeToShared(this);
            if (fresh) {
                releaseRead();
            }
            throw e;
        }
        level = DatabaseLock.Level.EXCLUSIVE;
    }

    private void releaseRead() {
        db.releaseShared(this);
        level = DatabaseLock.Level.NONE;
    }

    /** Commits the transaction (or ends the read transaction) and publishes this connection's schema. */
    void commit() {
        if (level == DatabaseLock.Level.EXCLUSIVE) {
            try {
                db.btree.commit();
            } catch (DbException e) {
                rollbackAfterFailedCommit();
                throw e;
            }
            db.publishSchema(schema);
            commitsSeen = ++db.commitCount;
            finishTransaction();
        } else if (level == DatabaseLock.Level.SHARED) {
            if (activeVms == 0) {
                releaseRead();
            }
        }
        savepoints.clear();
        savepointStartedTransaction = false;
        autocommit = true;
        settings.setFlag(Settings.Flag.DEFER_FOREIGN_KEYS, false);
        clearForeignKeyCounts();
    }

    /** A transaction ended: no violation is outstanding any more. */
    private void clearForeignKeyCounts() {
        fkDeferred = 0;
        fkDeferredImmediate = 0;
        fkAtSavepoint.clear();
    }

    private void rollbackAfterFailedCommit() {
        try {
            db.btree.rollback();
        } finally {
            schema = db.schema();
            finishTransaction();
            savepoints.clear();
            autocommit = true;
        }
    }

    /** Rolls the transaction back; other running statements of this connection are aborted by the B-tree. */
    void rollback() {
        settings.setFlag(Settings.Flag.DEFER_FOREIGN_KEYS, false);
        clearForeignKeyCounts();
        if (level == DatabaseLock.Level.EXCLUSIVE) {
            try {
                db.btree.rollback();
            } finally {
                schema = db.schema();
                finishTransaction();
            }
        } else if (level == DatabaseLock.Level.SHARED && activeVms == 0) {
            releaseRead();
        }
        savepoints.clear();
        savepointStartedTransaction = false;
        autocommit = true;
    }

    private void finishTransaction() {
        boolean keep = activeVms > 0;
        db.afterTransaction(this, keep);
        level = keep ? DatabaseLock.Level.SHARED : DatabaseLock.Level.NONE;
    }

    /**
     * Ends the implicit transaction of autocommit mode: a write transaction commits when its last writing statement
     * ends, even while reading statements of this connection are still open (they keep a SHARED lock, as in
     * sqlite3VdbeHalt); a read transaction ends when no statement runs.
     */
    void endStatementTransaction() {
        if (autocommit && level != DatabaseLock.Level.NONE
                && (activeVms == 0 || (activeWriters == 0 && level == DatabaseLock.Level.EXCLUSIVE))) {
            commit();
        }
        if (autocommit && activeVms == 0) {
            settings.setFlag(Settings.Flag.DEFER_FOREIGN_KEYS, false);
        }
    }

    /** A memory B-tree for an ephemeral table, from a small pool; give it back with {@link #releaseEphemeral}. */
    Btree acquireEphemeral() {
        Btree bt = ephemeralPool.poll();
        if (bt == null) {
            bt = Btree.openMemory(db.io, db.config.withReadOnly(false));
        }
        return bt;
    }

    void releaseEphemeral(Btree bt) {
        if (ephemeralPool.size() < 8) {
            ephemeralPool.push(bt);
        } else {
            bt.close();
        }
    }

    /**
     * Copies the committed database page by page into a new file (the online backup): taken under a read lock, so
     * the copy is a consistent snapshot.
     */
    public void backupTo(String path) {
        db.mutex.lock();
        boolean started = level == DatabaseLock.Level.NONE;
        try {
            beginRead();
            dev.panamax.storage.pager.Pager pager = db.btree.pager();
            int pages = db.btree.pageCount();
            try (dev.panamax.io.DbFile out = db.io.open(path, false, true)) {
                out.truncate(0);
                long size = pager.pageSizeBytes();
                for (int pgno = 1; pgno <= pages; pgno++) {
                    dev.panamax.storage.pager.Page page = pager.get(pgno);
                    try {
                        out.write((pgno - 1) * size, page.data().asSlice(0, size));
                    } finally {
                        pager.release(page);
                    }
                }
                out.sync();
            } catch (java.io.IOException e) {
                throw new DbException(ResultCode.IOERR_WRITE, "disk I/O error", e);
            }
        } finally {
            if (started && activeVms == 0 && autocommit) {
                releaseRead();
            }
            db.mutex.unlock();
        }
    }

    /** Closes pooled resources; the connection is closing. */
    public void close() {
        db.mutex.lock();
        try {
            if (level != DatabaseLock.Level.NONE) {
                rollback();
            }
            while (!ephemeralPool.isEmpty()) {
                ephemeralPool.pop().close();
            }
        } finally {
            db.mutex.unlock();
        }
    }
}
