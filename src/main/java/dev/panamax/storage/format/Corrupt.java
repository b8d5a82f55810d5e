package dev.panamax.storage.format;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;

/** Builds the CORRUPT errors every storage layer raises: SQLite's text, then the page and what was wrong. */
public final class Corrupt {
    private Corrupt() {
    }

    /** {@code database disk image is malformed (page N: detail)}; page 0 means the page is unknown. */
    public static DbException page(int pgno, String detail) {
        String where = pgno > 0 ? "page " + Integer.toUnsignedString(pgno) + ": " : "";
        return new DbException(ResultCode.CORRUPT,
                ResultCode.CORRUPT.defaultMessage() + " (" + where + detail + ")");
    }
}
