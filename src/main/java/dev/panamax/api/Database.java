package dev.panamax.api;

import dev.panamax.io.IoBackend;
import dev.panamax.io.IoBackends;
import dev.panamax.storage.btree.BtreeConfig;
import dev.panamax.storage.pager.PageCacheBudget;
import dev.panamax.vdbe.DatabaseCore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open database: one file in SQLite's format (or an in-memory database), shared by any number of
 * {@link Connection}s.
 *
 * <p>Thread rules: a Database is thread-safe; {@link #connect()} may be called from any thread. A Connection (and
 * its Statements) must be used by one thread at a time; different connections run in different threads. Until
 * the WAL arrives, connections take turns on a database lock with SQLite's rollback-journal states (SHARED readers,
 * one RESERVED/EXCLUSIVE writer); a connection that cannot get a lock within its busy timeout fails with
 * {@code BUSY}. Opening the same file twice in one process shares one underlying database, as does
 * {@code file:name?mode=memory&cache=shared}; every plain {@code :memory:} open is a new private database.
 */
public final class Database implements AutoCloseable {
    private static final Map<String, Shared> OPEN = new HashMap<>();

    private record Shared(DatabaseCore core, int[] refs) {
    }

    private final DatabaseCore core;
    private final String key;
    private final DatabaseConfig config;
    private final boolean readOnly;
    private final List<Connection> connections = new ArrayList<>();
    private boolean closed;

    private Database(DatabaseCore core, String key, DatabaseConfig config, boolean readOnly) {
        this.core = core;
        this.key = key;
        this.config = config;
        this.readOnly = readOnly;
    }

    /** Opens a file path, {@code :memory:}, or a {@code file:} URI, with the default configuration. */
    public static Database open(String pathOrUri) {
        return open(pathOrUri, DatabaseConfig.defaults());
    }

    public static Database open(String pathOrUri, DatabaseConfig config) {
        DatabaseUri uri = DatabaseUri.parse(pathOrUri, config);
        IoBackend io = IoBackends.select();
        BtreeConfig bc = BtreeConfig.defaults().withPageSize(config.pageSizeBytes())
                .withCacheBudget(new PageCacheBudget(config.cacheSizeBytes())).withReadOnly(uri.readOnly());
        if (uri.memory() && !uri.shared()) {
            return new Database(DatabaseCore.open(io, null, bc), null, config, false);
        }
        String key = uri.memory() ? "memory:" + uri.path() : canonical(uri.path());
        synchronized (OPEN) {
            Shared s = OPEN.get(key);
            if (s == null) {
                if (!uri.memory()) {
                    checkOpenable(io, uri);
                }
                DatabaseCore core = DatabaseCore.open(io, uri.memory() ? null : uri.path(), bc);
                s = new Shared(core, new int[1]);
                OPEN.put(key, s);
            }
            s.refs()[0]++;
            return new Database(s.core(), key, config, uri.readOnly() || s.core().isReadOnly());
        }
    }

    private static void checkOpenable(IoBackend io, DatabaseUri uri) {
        try {
            if (!uri.create() && !io.exists(uri.path())) {
                throw new DbException(ResultCode.CANTOPEN, "unable to open database file");
            }
            if (java.nio.file.Files.isDirectory(Path.of(uri.path()))) {
                throw new DbException(ResultCode.CANTOPEN_ISDIR, "unable to open database file");
            }
        } catch (IOException e) {
            throw new DbException(ResultCode.CANTOPEN, "unable to open database file", e);
        }
    }

    private static String canonical(String path) {
        try {
            return "file:" + Path.of(path).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return "file:" + path;
        }
    }

    /** A new connection to this database. */
    public Connection connect() {
        synchronized (connections) {
            if (closed) {
                throw new DbException(ResultCode.MISUSE, "database is closed");
            }
            Connection c = new Connection(this, core, config.busyTimeoutMillis(), readOnly);
            connections.add(c);
            return c;
        }
    }

    void forget(Connection c) {
        synchronized (connections) {
            connections.remove(c);
        }
    }

    /** The file path, or null for an in-memory database. */
    public String path() {
        return core.path();
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isMemory() {
        return core.isMemory();
    }

    /** Closes the connections still open and releases the database. */
    @Override
    public void close() {
        List<Connection> open;
        synchronized (connections) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(connections);
        }
        for (Connection c : open) {
            c.close();
        }
        if (key == null) {
            core.close();
            return;
        }
        synchronized (OPEN) {
            Shared s = OPEN.get(key);
            if (s != null && --s.refs()[0] == 0) {
                OPEN.remove(key);
                s.core().close();
            }
        }
    }
}
