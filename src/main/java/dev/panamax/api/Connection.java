package dev.panamax.api;

import dev.panamax.func.Accumulator;
import dev.panamax.func.FunctionDef;
import dev.panamax.sql.parser.Parsed;
import dev.panamax.sql.parser.Parser;
import dev.panamax.value.Collation;
import dev.panamax.value.Mem;
import dev.panamax.vdbe.DatabaseCore;
import dev.panamax.vdbe.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A connection to a {@link Database} (SQLite's {@code sqlite3} handle): prepares and runs statements, owns the
 * transaction state, the change counters, and the user functions and collations. Use it from one thread at a
 * time; {@link #interrupt()} may be called from any thread.
 */
public final class Connection implements AutoCloseable {
    private final Database database;
    final Session session;
    final boolean readOnly;
    private final List<Statement> statements = new ArrayList<>();
    private volatile boolean closed;

    Connection(Database database, DatabaseCore core, long busyTimeoutMillis, boolean readOnly) {
        this.database = database;
        this.session = new Session(core);
        this.session.setBusyTimeoutMillis(busyTimeoutMillis);
        this.readOnly = readOnly;
    }

    public Database database() {
        return database;
    }

    void checkOpen() {
        if (closed) {
            throw new DbException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
    }

    /**
     * Prepares the first statement of {@code sql}; {@link Statement#tailOffset()} tells where the next one starts.
     * Text holding no statement (only spaces, comments or semicolons) gives a statement that returns no rows.
     */
    public Statement prepare(String sql) {
        checkOpen();
        Parsed parsed = Parser.parse(sql);
        Statement s = new Statement(this, sql, parsed);
        synchronized (statements) {
            statements.add(s);
        }
        return s;
    }

    void forget(Statement s) {
        synchronized (statements) {
            statements.remove(s);
        }
    }

    /** Runs every statement of a script, discarding rows (sqlite3_exec); stops at the first error. */
    public void execute(String script) {
        checkOpen();
        String rest = script;
        while (true) {
            try (Statement s = prepare(rest)) {
                if (s.isEmpty()) {
                    return;
                }
                while (s.step()) {
                    continue;
                }
                int tail = s.tailOffset();
                if (tail >= rest.length()) {
                    return;
                }
                rest = rest.substring(tail);
            }
        }
    }

    /** Rows changed by the most recent INSERT, UPDATE or DELETE (sqlite3_changes64). */
    public long changes() {
        return session.changes();
    }

    /** Rows changed since the connection opened (sqlite3_total_changes64). */
    public long totalChanges() {
        return session.totalChanges();
    }

    /** The rowid of the most recent successful INSERT (sqlite3_last_insert_rowid). */
    public long lastInsertRowid() {
        return session.lastInsertRowid();
    }

    /** True outside an explicit transaction (sqlite3_get_autocommit). */
    public boolean isAutoCommit() {
        return session.isAutocommit();
    }

    public long busyTimeoutMillis() {
        return session.busyTimeoutMillis();
    }

    /** How long to wait for a lock before failing with BUSY (sqlite3_busy_timeout). */
    public void setBusyTimeoutMillis(long millis) {
        session.setBusyTimeoutMillis(millis);
    }

    /** Makes running statements fail with INTERRUPT as soon as possible (sqlite3_interrupt); any thread. */
    public void interrupt() {
        session.interrupt();
    }

    /**
     * Registers a scalar function; {@code nArg} -1 accepts any number of arguments. A deterministic function may be
     * used in indexes and CHECK constraints.
     */
    public void createFunction(String name, int nArg, boolean deterministic, ScalarFunction fn) {
        checkOpen();
        int flags = deterministic ? FunctionDef.DETERMINISTIC : 0;
        session.functions().register(FunctionDef.scalar(name, nArg, flags, (ctx, args, result) -> {
            Object r = call(() -> fn.apply(values(args)));
            Value.ofObject(r).store(result);
        }));
    }

    /** Registers an aggregate function; {@code factory} makes the state of each group. */
    public void createAggregate(String name, int nArg, Supplier<? extends AggregateFunction> factory) {
        checkOpen();
        session.functions().register(FunctionDef.aggregate(name, nArg, 0, () -> new Accumulator() {
            private final AggregateFunction state = factory.get();

            @Override
            public void step(dev.panamax.func.FunctionContext ctx, Mem[] args) {
                Value[] v = values(args);
                call(() -> {
                    state.step(v);
                    return null;
                });
            }

            @Override
            public void value(dev.panamax.func.FunctionContext ctx, Mem out) {
                Value.ofObject(call(state::finish)).store(out);
            }
        }));
    }

    private static Value[] values(Mem[] args) {
        Value[] v = new Value[args.length];
        for (int k = 0; k < args.length; k++) {
            v[k] = Value.of(args[k]);
        }
        return v;
    }

    private static Object call(Supplier<Object> body) {
        try {
            return body.get();
        } catch (DbException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DbException(ResultCode.ERROR, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** Registers a collating sequence usable in COLLATE clauses (sqlite3_create_collation); null removes it. */
    public void createCollation(String name, Comparator<String> comparator) {
        checkOpen();
        if (comparator == null) {
            session.registerCollation(name, null);
            return;
        }
        session.registerCollation(name, new Collation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int compare(byte[] a, int aLen, byte[] b, int bLen) {
                return comparator.compare(new String(a, 0, aLen, StandardCharsets.UTF_8),
                        new String(b, 0, bLen, StandardCharsets.UTF_8));
            }
        });
    }

    /** Copies the committed database, page for page, into a new file at {@code path} (the online backup). */
    public void backupTo(String path) {
        checkOpen();
        session.backupTo(path);
    }

    /** Closes the connection: its statements are finalized and an open transaction is rolled back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<Statement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
        }
        for (Statement s : open) {
            s.close();
        }
        closed = true;
        session.close();
        database.forget(this);
    }

    public boolean isClosed() {
        return closed;
    }
}
