package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.io.IoBackend;
import dev.panamax.schema.Schema;
import dev.panamax.schema.SchemaLoader;
import dev.panamax.schema.SchemaTable;
import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.btree.Btree;
import dev.panamax.storage.btree.BtreeConfig;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.value.Mem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state one open database shares between its connections: the B-tree file, the committed schema, the
 * database lock and the mutex that serialises every use of the B-tree (a {@link Btree} is driven by one thread at a
 * time).
 *
 * <p>The B-tree's read transaction is shared: it opens when the first connection takes SHARED and ends when the
 * last one leaves. A writer holds EXCLUSIVE, so it is alone when it changes pages and when it commits.
 */
public final class DatabaseCore implements AutoCloseable {
    /** Replaced only by {@link #reconfigureIfEmpty}, while no connection uses it. */
    Btree btree;
    final DatabaseLock lock;
    final ReentrantLock mutex = new ReentrantLock();
    final IoBackend io;
    BtreeConfig config;
    final String path;
    private volatile Schema schema;
    private int readers;
    /** Write transactions committed so far (for PRAGMA data_version); changed with the mutex held. */
    long commitCount;

    private DatabaseCore(Btree btree, IoBackend io, BtreeConfig config, String path) {
        this.btree = btree;
        this.io = io;
        this.config = config;
        this.path = path;
        this.lock = new DatabaseLock(mutex);
    }

    /** Opens a database file, or a private in-memory database when {@code path} is null. */
    public static DatabaseCore open(IoBackend io, String path, BtreeConfig config) {
        Btree bt = Btree.open(io, path, config);
        DatabaseCore core = new DatabaseCore(bt, io, config, path);
        core.mutex.lock();
        try {
            bt.beginRead();
            core.schema = core.readSchema();
            bt.commit();
        } catch (RuntimeException e) {
            core.mutex.unlock();
            bt.close();
            throw e;
        }
        core.mutex.unlock();
        return core;
    }

    public String path() {
        return path;
    }

    public boolean isReadOnly() {
        return btree.isReadOnly();
    }

    public boolean isMemory() {
        return btree.isMemory();
    }

    public IoBackend io() {
        return io;
    }

    /** The committed schema. */
    public Schema schema() {
        return schema;
    }

    void publishSchema(Schema s) {
        schema = s;
    }

    /** The B-tree; only for callers holding the mutex (backup, integrity checks). */
    public Btree btree() {
        return btree;
    }

    public ReentrantLock mutex() {
        return mutex;
    }

    /** Takes SHARED for {@code owner}; the first reader opens the B-tree's read transaction. Holds the mutex. */
    void acquireShared(Object owner, long busyTimeoutMillis) {
        lock.acquireShared(owner, busyTimeoutMillis);
        if (readers++ == 0) {
            try {
                btree.beginRead();
                int cookie = btree.getMeta(DbHeader.META_SCHEMA_VERSION);
                if (cookie != schema.cookie()) {
                    schema = readSchema();
                }
            } catch (RuntimeException e) {
                releaseShared(owner);
                throw e;
            }
        }
    }

    /** Drops {@code owner}'s lock entirely; the last reader ends the B-tree's read transaction. */
    void releaseShared(Object owner) {
        lock.release(owner);
        if (--readers == 0 && btree.txnState() == Btree.TxnState.READ) {
            btree.commit();
        }
    }

    /**
     * Ends {@code owner}'s write or read transaction after the B-tree committed or rolled back (which also ended its
     * read transaction): with {@code keepShared} the owner stays a reader (its other statements still run).
     */
    void afterTransaction(Object owner, boolean keepShared) {
        if (keepShared) {
            lock.downgradeToShared(owner);
            btree.beginRead();
        } else {
            lock.release(owner);
            readers--;
            if (readers > 0) {
                btree.beginRead();
            }
        }
    }

    /**
     * Opens the database again with other creation settings (page size, auto_vacuum, text encoding) while the file
     * still has no page and no connection reads it: SQLite lets these PRAGMAs change a database only before it is
     * created. Returns false, changing nothing, otherwise.
     */
    public boolean reconfigureIfEmpty(UnaryOperator<BtreeConfig> change) {
        mutex.lock();
        try {
            if (readers > 0 || btree.isReadOnly() || btree.txnState() != Btree.TxnState.NONE) {
                return false;
            }
            btree.beginRead();
            int pages;
            try {
                pages = btree.pageCount();
            } finally {
                btree.commit();
            }
            if (pages > 0) {
                return false;
            }
            BtreeConfig next = change.apply(config);
            btree.close();
            config = next;
            btree = Btree.open(io, path, next);
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /** Reads sqlite_schema into a Schema; needs a read transaction. */
    Schema readSchema() {
        List<SchemaLoader.Row> rows = new ArrayList<>();
        if (btree.pageCount() > 0) {
            try (BtCursor c = btree.cursor(SchemaTable.ROOT_PAGE, false, null)) {
                Mem m = new Mem();
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    rows.add(new SchemaLoader.Row(text(c, 0, m), text(c, 1, m), text(c, 2, m),
                            (int) integer(c, 3, m), text(c, 4, m)));
                }
            }
        }
        return SchemaLoader.load(rows, btree.getMeta(DbHeader.META_SCHEMA_VERSION));
    }

    private static String text(BtCursor c, int i, Mem m) {
        c.column(i, m);
        return m.isNull() ? null : m.stringValue();
    }

    private static long integer(BtCursor c, int i, Mem m) {
        c.column(i, m);
        return m.intValue();
    }

    @Override
    public void close() {
        mutex.lock();
        try {
            btree.close();
        } catch (DbException e) {
            throw e;
        } finally {
            mutex.unlock();
        }
    }
}
