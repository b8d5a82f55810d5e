package dev.panamax.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one timer thread behind every statement's query timeout; a daemon, started on first use. */
final class Timeouts {
    private Timeouts() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "panamax-jdbc-timeout");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            return t;
        }
    }

    static ScheduledFuture<?> schedule(int seconds, Runnable action) {
        return Holder.TIMER.schedule(action, seconds, TimeUnit.SECONDS);
    }
}
