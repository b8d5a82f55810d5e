package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The database-level lock shared by the connections of one database, with the states of SQLite's rollback-journal
 * locking (os.h, pager.c):
 *
 * <pre>
 *   NONE --shared--> SHARED --reserved--> RESERVED --exclusive--> EXCLUSIVE
 *     ^                 |                    |                        |
 *     +----release------+<----commit/rollback+------------------------+
 *
 *   SHARED     many holders; refused while another holder is PENDING or EXCLUSIVE
 *   RESERVED   one holder, who also holds SHARED; readers keep reading
 *   PENDING    the RESERVED holder waits for the other SHARED holders to leave; no new SHARED is granted
 *   EXCLUSIVE  one holder and no other SHARED holder: the only state in which pages change
 * </pre>
 *
 * <p>A waiter waits at most its busy timeout and then fails with {@code BUSY}. As in SQLite, a connection that
 * already reads (holds SHARED) and asks for RESERVED while another holds it fails at once, without waiting: the
 * other may be waiting for this reader to leave, and waiting here would only delay the inevitable BUSY.
 */
public final class DatabaseLock {
    /** A holder's level. */
    public enum Level { NONE, SHARED, RESERVED, EXCLUSIVE }

    private final ReentrantLock mutex;
    private final Condition changed;
    private int sharedCount;
    private Object reservedBy;
    private Object pendingBy;
    private Object exclusiveBy;

    /**
     * A lock whose waits release {@code mutex}: the same mutex serialises the steps of all connections, so a
     * connection waiting here lets the others run (and release what it waits for).
     */
    public DatabaseLock(ReentrantLock mutex) {
        this.mutex = mutex;
        this.changed = mutex.newCondition();
    }

    /** Number of connections holding SHARED or more. */
    public int sharedCount() {
        return sharedCount;
    }

    /** Takes SHARED for {@code owner}, which holds nothing yet. */
    public void acquireShared(Object owner, long busyTimeoutMillis) {
        mutex.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
            while ((pendingBy != null && pendingBy != owner) || (exclusiveBy != null && exclusiveBy != owner)) {
                awaitUntil(deadline);
            }
            sharedCount++;
        } finally {
            mutex.unlock();
        }
    }

    /** Raises {@code owner} from SHARED to RESERVED. */
    public void acquireReserved(Object owner, long busyTimeoutMillis, boolean mayWait) {
        mutex.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(mayWait ? busyTimeoutMillis : 0);
            while (reservedBy != null && reservedBy != owner) {
                awaitUntil(deadline);
            }
            reservedBy = owner;
        } finally {
            mutex.unlock();
        }
    }

    /** Raises {@code owner} from RESERVED to EXCLUSIVE, waiting for the other readers to leave. */
    public void acquireExclusive(Object owner, long busyTimeoutMillis) {
        mutex.lock();
        try {
            assert reservedBy == owner;
            if (exclusiveBy == owner) {
                return;
            }
            pendingBy = owner;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
            try {
                while (sharedCount > 1) {
                    awaitUntil(deadline);
                }
            } catch (DbException busy) {
                pendingBy = null;
                changed.signalAll();
                throw busy;
            }
            pendingBy = null;
            exclusiveBy = owner;
        } finally {
            mutex.unlock();
        }
    }

    /** Drops {@code owner} from RESERVED or EXCLUSIVE back to SHARED. */
    public void downgradeToShared(Object owner) {
        mutex.lock();
        try {
            if (exclusiveBy == owner) {
                exclusiveBy = null;
            }
            if (reservedBy == owner) {
                reservedBy = null;
            }
            if (pendingBy == owner) {
                pendingBy = null;
            }
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Releases everything {@code owner} holds; it held at least SHARED. */
    public void release(Object owner) {
        mutex.lock();
        try {
            downgradeToShared(owner);
            sharedCount--;
            assert sharedCount >= 0;
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** True when some connection other than {@code owner} holds RESERVED or more. */
    public boolean writerOtherThan(Object owner) {
        mutex.lock();
        try {
            return reservedBy != null && reservedBy != owner;
        } finally {
            mutex.unlock();
        }
    }

    private void awaitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new DbException(ResultCode.BUSY);
        }
        try {
            changed.awaitNanos(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException(ResultCode.INTERRUPT);
        }
    }
}
