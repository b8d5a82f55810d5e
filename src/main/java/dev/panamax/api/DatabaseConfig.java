package dev.panamax.api;

/**
 * How to open a database. The URI parameters of {@link Database#open(String)} ({@code mode}, {@code immutable})
 * refine these settings.
 *
 * @param readOnly          open without write access
 * @param create            create the file when it does not exist
 * @param busyTimeoutMillis how long a connection waits for a lock before BUSY (the connections' initial value)
 * @param pageSizeBytes     the page size of a new database (512..65536, a power of two)
 * @param cacheSizeBytes    the page cache budget of this database
 */
public record DatabaseConfig(boolean readOnly, boolean create, long busyTimeoutMillis, int pageSizeBytes,
        long cacheSizeBytes) {

    /** SQLite's defaults: read-write, create if missing, no busy timeout, 4096-byte pages, a 2 MiB cache. */
    public static DatabaseConfig defaults() {
        return new DatabaseConfig(false, true, 0, 4096, 2L << 20);
    }

    public DatabaseConfig withReadOnly(boolean ro) {
        return new DatabaseConfig(ro, create, busyTimeoutMillis, pageSizeBytes, cacheSizeBytes);
    }

    public DatabaseConfig withCreate(boolean c) {
        return new DatabaseConfig(readOnly, c, busyTimeoutMillis, pageSizeBytes, cacheSizeBytes);
    }

    public DatabaseConfig withBusyTimeoutMillis(long millis) {
        return new DatabaseConfig(readOnly, create, millis, pageSizeBytes, cacheSizeBytes);
    }

    public DatabaseConfig withPageSizeBytes(int bytes) {
        return new DatabaseConfig(readOnly, create, busyTimeoutMillis, bytes, cacheSizeBytes);
    }

    public DatabaseConfig withCacheSizeBytes(long bytes) {
        return new DatabaseConfig(readOnly, create, busyTimeoutMillis, pageSizeBytes, bytes);
    }
}
