package dev.panamax.api;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sqlite.SQLiteException;

/**
 * Two fresh in-memory databases, Panamax's (through the public api) and SQLite's (sqlite-jdbc), that receive the same
 * statements. Panamax runs on a worker thread watched by a timer: past {@code timeoutMillis} its connection is
 * interrupted, and a statement that still does not return is a HANG (the worker is then abandoned). SQLite's
 * statements are cancelled past the same limit.
 */
final class FuzzPair implements AutoCloseable {
    static final int MAX_ROWS = 300;
    private static final int MAX_RENDERED_BYTES = 64;

    private final long timeoutMillis;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-panamax");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer;
    final Database db;
    final Connection panamax;
    final java.sql.Connection sqlite;
    private boolean abandoned;

    /** A pair; without {@code withSqlite} only Panamax runs (to replay and shrink a finding). */
    FuzzPair(long timeoutMillis, ScheduledExecutorService timer, boolean withSqlite) {
        this.timeoutMillis = timeoutMillis;
        this.timer = timer;
        this.db = Database.open(":memory:");
        this.panamax = db.connect();
        try {
            this.sqlite = withSqlite ? DriverManager.getConnection("jdbc:sqlite::memory:") : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True after a HANG: the worker thread is stuck, nothing more can run on this pair. */
    boolean abandoned() {
        return abandoned;
    }

    /** Runs one statement's text on Panamax (every statement in it, in turn), rows rendered. */
    FuzzOutcome panamax(String sql) {
        if (abandoned) {
            return FuzzOutcome.of(FuzzOutcome.Kind.HANG);
        }
        Future<FuzzOutcome> f = worker.submit(() -> runPanamax(sql));
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            panamax.interrupt();
            try {
                FuzzOutcome late = f.get(Math.max(5_000, timeoutMillis * 4), TimeUnit.MILLISECONDS);
                return late.kind() == FuzzOutcome.Kind.CRASH ? late : FuzzOutcome.of(FuzzOutcome.Kind.TIMEOUT);
            } catch (TimeoutException stuck) {
                abandoned = true;
                worker.shutdownNow();
                return FuzzOutcome.of(FuzzOutcome.Kind.HANG);
            } catch (InterruptedException | ExecutionException x) {
                return FuzzOutcome.crash(x);
            }
        } catch (ExecutionException e) {
            return FuzzOutcome.crash(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FuzzOutcome.crash(e);
        }
    }

    private FuzzOutcome runPanamax(String sql) {
        List<List<String>> rows = new ArrayList<>();
        String rest = sql;
        try {
            while (true) {
                try (Statement s = panamax.prepare(rest)) {
                    if (s.isEmpty()) {
                        return FuzzOutcome.rows(rows);
                    }
                    while (rows.size() < MAX_ROWS && s.step()) {
                        rows.add(row(s));
                    }
                    int tail = s.tailOffset();
                    if (tail >= rest.length()) {
                        return FuzzOutcome.rows(rows);
                    }
                    rest = rest.substring(tail);
                }
            }
        } catch (DbException e) {
            return FuzzOutcome.error(e.code().code(), e.getMessage());
        } catch (Throwable t) {
            return FuzzOutcome.crash(t);
        }
    }

    private static List<String> row(Statement s) {
        int n = s.columnCount();
        List<String> r = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            r.add(switch (s.columnType(c)) {
                case NULL -> "N";
                case INTEGER -> "I" + s.getLong(c);
                case REAL -> "R" + s.getDouble(c);
                case TEXT -> "T" + text(s.getText(c));
                case BLOB -> "B" + blob(s.getBlob(c));
            });
        }
        return r;
    }

    static String text(String t) {
        return t.length() <= MAX_RENDERED_BYTES ? t : t.length() + ":" + t.hashCode();
    }

    static String blob(byte[] b) {
        return b.length <= MAX_RENDERED_BYTES ? HexFormat.of().formatHex(b) : b.length + ":" + Arrays.hashCode(b);
    }

    /** Runs one statement's text on SQLite (every statement in it, in turn, like Panamax), rows rendered. */
    FuzzOutcome sqlite(String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (java.sql.Statement s = sqlite.createStatement()) {
            ScheduledFuture<?> cancel = timer.schedule(() -> cancel(s), timeoutMillis, TimeUnit.MILLISECONDS);
            try {
                for (String part : FuzzCorpus.statements(sql)) {
                    if (s.execute(part)) {
                        readRows(s.getResultSet(), rows);
                    }
                }
            } finally {
                cancel.cancel(false);
            }
            return FuzzOutcome.rows(rows);
        } catch (SQLiteException e) {
            if (e.getResultCode().code == ResultCode.INTERRUPT.code()) {
                return FuzzOutcome.of(FuzzOutcome.Kind.TIMEOUT);
            }
            String prefix = e.getResultCode() + " (";
            String m = e.getMessage();
            String text = m.startsWith(prefix) && m.endsWith(")") ? m.substring(prefix.length(), m.length() - 1) : m;
            return FuzzOutcome.error(e.getResultCode().code, text);
        } catch (SQLException e) {
            return FuzzOutcome.error(e.getErrorCode(), e.getMessage());
        }
    }

    private static void cancel(java.sql.Statement s) {
        try {
            s.cancel();
        } catch (SQLException ignored) {
            // the statement finished meanwhile
        }
    }

    private static void readRows(ResultSet rs, List<List<String>> rows) throws SQLException {
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rows.size() < MAX_ROWS && rs.next()) {
                List<String> r = new ArrayList<>(n);
                for (int c = 1; c <= n; c++) {
                    r.add(switch (rs.getObject(c)) {
                        case null -> "N";
                        case Integer i -> "I" + i;
                        case Long l -> "I" + l;
                        case Double d -> "R" + d;
                        case String t -> "T" + text(t);
                        case byte[] b -> "B" + blob(b);
                        default -> "?" + rs.getObject(c);
                    });
                }
                rows.add(r);
            }
        }
    }

    @Override
    public void close() {
        if (!abandoned) {
            worker.submit(() -> {
                db.close();
                return null;
            });
        }
        worker.shutdown();
        try {
            if (sqlite != null) {
                sqlite.close();
            }
        } catch (SQLException ignored) {
            // closing an in-memory database cannot lose anything
        }
    }
}
