package dev.panamax.storage.btree;

import dev.panamax.storage.format.TextEncoding;
import dev.panamax.storage.pager.PageCacheBudget;
import dev.panamax.storage.pager.PageTransform;

/**
 * How to open a database. The page size, reserved bytes, auto_vacuum mode and text encoding apply only when the
 * database is new (empty file or in-memory); an existing file's header wins.
 *
 * @param pageSizeBytes 512..65536, a power of two (SQLite's default is 4096)
 * @param reservedBytes bytes reserved at the end of each page for a page transform (0..255)
 * @param autoVacuum    NONE, FULL or INCREMENTAL
 * @param encoding      text encoding of a new database
 * @param cacheBudget   page cache budget, shareable between databases
 * @param transform     page transform (encryption); {@link PageTransform#IDENTITY} for none
 * @param readOnly      open the file read-only
 */
public record BtreeConfig(int pageSizeBytes, int reservedBytes, AutoVacuumMode autoVacuum, TextEncoding encoding,
                          PageCacheBudget cacheBudget, PageTransform transform, boolean readOnly) {

    /** SQLite's defaults: 4096-byte pages, no reserved bytes, no auto_vacuum, UTF-8, a 2 MiB cache. */
    public static BtreeConfig defaults() {
        return new BtreeConfig(4096, 0, AutoVacuumMode.NONE, TextEncoding.UTF8, PageCacheBudget.defaultBudget(),
                PageTransform.IDENTITY, false);
    }

    public BtreeConfig withPageSize(int n) {
        return new BtreeConfig(n, reservedBytes, autoVacuum, encoding, cacheBudget, transform, readOnly);
    }

    public BtreeConfig withReservedBytes(int n) {
        return new BtreeConfig(pageSizeBytes, n, autoVacuum, encoding, cacheBudget, transform, readOnly);
    }

    public BtreeConfig withAutoVacuum(AutoVacuumMode mode) {
        return new BtreeConfig(pageSizeBytes, reservedBytes, mode, encoding, cacheBudget, transform, readOnly);
    }

    public BtreeConfig withEncoding(TextEncoding enc) {
        return new BtreeConfig(pageSizeBytes, reservedBytes, autoVacuum, enc, cacheBudget, transform, readOnly);
    }

    public BtreeConfig withCacheBudget(PageCacheBudget budget) {
        return new BtreeConfig(pageSizeBytes, reservedBytes, autoVacuum, encoding, budget, transform, readOnly);
    }

    public BtreeConfig withTransform(PageTransform t) {
        return new BtreeConfig(pageSizeBytes, reservedBytes, autoVacuum, encoding, cacheBudget, t, readOnly);
    }

    public BtreeConfig withReadOnly(boolean ro) {
        return new BtreeConfig(pageSizeBytes, reservedBytes, autoVacuum, encoding, cacheBudget, transform, ro);
    }
}
