package dev.panamax.api;

/**
 * SQLite's result codes, primary and extended, with SQLite's numbers.
 *
 * <p>An extended code's low byte is its primary code ({@code CONSTRAINT_UNIQUE} is 2067 = 19 + 8*256), as in
 * SQLite's {@code sqlite3.h}. {@link #primary()} gives the primary code of any code.
 */
public enum ResultCode {
    OK(0, "not an error"),
    ERROR(1, "SQL logic error"),
    INTERNAL(2, "internal error"),
    PERM(3, "access permission denied"),
    ABORT(4, "query aborted"),
    BUSY(5, "database is locked"),
    LOCKED(6, "database table is locked"),
    NOMEM(7, "out of memory"),
    READONLY(8, "attempt to write a readonly database"),
    INTERRUPT(9, "interrupted"),
    IOERR(10, "disk I/O error"),
    CORRUPT(11, "database disk image is malformed"),
    NOTFOUND(12, "unknown operation"),
    FULL(13, "database or disk is full"),
    CANTOPEN(14, "unable to open database file"),
    PROTOCOL(15, "locking protocol"),
    EMPTY(16, "empty"),
    SCHEMA(17, "database schema has changed"),
    TOOBIG(18, "string or blob too big"),
    CONSTRAINT(19, "constraint failed"),
    MISMATCH(20, "datatype mismatch"),
    MISUSE(21, "bad parameter or other API misuse"),
    NOLFS(22, "large file support is disabled"),
    AUTH(23, "authorization denied"),
    FORMAT(24, "format error"),
    RANGE(25, "column index out of range"),
    NOTADB(26, "file is not a database"),
    NOTICE(27, "notification message"),
    WARNING(28, "warning message"),
    ROW(100, "another row available"),
    DONE(101, "no more rows available"),

    ERROR_MISSING_COLLSEQ(1 | (1 << 8), null),
    ERROR_RETRY(1 | (2 << 8), null),
    ERROR_SNAPSHOT(1 | (3 << 8), null),
    IOERR_READ(10 | (1 << 8), null),
    IOERR_SHORT_READ(10 | (2 << 8), null),
    IOERR_WRITE(10 | (3 << 8), null),
    IOERR_FSYNC(10 | (4 << 8), null),
    IOERR_DIR_FSYNC(10 | (5 << 8), null),
    IOERR_TRUNCATE(10 | (6 << 8), null),
    IOERR_FSTAT(10 | (7 << 8), null),
    IOERR_UNLOCK(10 | (8 << 8), null),
    IOERR_RDLOCK(10 | (9 << 8), null),
    IOERR_DELETE(10 | (10 << 8), null),
    IOERR_BLOCKED(10 | (11 << 8), null),
    IOERR_NOMEM(10 | (12 << 8), null),
    IOERR_ACCESS(10 | (13 << 8), null),
    IOERR_CHECKRESERVEDLOCK(10 | (14 << 8), null),
    IOERR_LOCK(10 | (15 << 8), null),
    IOERR_CLOSE(10 | (16 << 8), null),
    IOERR_DIR_CLOSE(10 | (17 << 8), null),
    IOERR_SHMOPEN(10 | (18 << 8), null),
    IOERR_SHMSIZE(10 | (19 << 8), null),
    IOERR_SHMLOCK(10 | (20 << 8), null),
    IOERR_SHMMAP(10 | (21 << 8), null),
    IOERR_SEEK(10 | (22 << 8), null),
    IOERR_DELETE_NOENT(10 | (23 << 8), null),
    IOERR_MMAP(10 | (24 << 8), null),
    IOERR_GETTEMPPATH(10 | (25 << 8), null),
    IOERR_CONVPATH(10 | (26 << 8), null),
    IOERR_VNODE(10 | (27 << 8), null),
    IOERR_AUTH(10 | (28 << 8), null),
    IOERR_BEGIN_ATOMIC(10 | (29 << 8), null),
    IOERR_COMMIT_ATOMIC(10 | (30 << 8), null),
    IOERR_ROLLBACK_ATOMIC(10 | (31 << 8), null),
    IOERR_DATA(10 | (32 << 8), null),
    IOERR_CORRUPTFS(10 | (33 << 8), null),
    IOERR_IN_PAGE(10 | (34 << 8), null),
    LOCKED_SHAREDCACHE(6 | (1 << 8), null),
    LOCKED_VTAB(6 | (2 << 8), null),
    BUSY_RECOVERY(5 | (1 << 8), null),
    BUSY_SNAPSHOT(5 | (2 << 8), null),
    BUSY_TIMEOUT(5 | (3 << 8), null),
    CANTOPEN_NOTEMPDIR(14 | (1 << 8), null),
    CANTOPEN_ISDIR(14 | (2 << 8), null),
    CANTOPEN_FULLPATH(14 | (3 << 8), null),
    CANTOPEN_CONVPATH(14 | (4 << 8), null),
    CANTOPEN_DIRTYWAL(14 | (5 << 8), null),
    CANTOPEN_SYMLINK(14 | (6 << 8), null),
    CORRUPT_VTAB(11 | (1 << 8), null),
    CORRUPT_SEQUENCE(11 | (2 << 8), null),
    CORRUPT_INDEX(11 | (3 << 8), null),
    READONLY_RECOVERY(8 | (1 << 8), null),
    READONLY_CANTLOCK(8 | (2 << 8), null),
    READONLY_ROLLBACK(8 | (3 << 8), null),
    READONLY_DBMOVED(8 | (4 << 8), null),
    READONLY_CANTINIT(8 | (5 << 8), null),
    READONLY_DIRECTORY(8 | (6 << 8), null),
    ABORT_ROLLBACK(4 | (2 << 8), null),
    CONSTRAINT_CHECK(19 | (1 << 8), null),
    CONSTRAINT_COMMITHOOK(19 | (2 << 8), null),
    CONSTRAINT_FOREIGNKEY(19 | (3 << 8), null),
    CONSTRAINT_FUNCTION(19 | (4 << 8), null),
    CONSTRAINT_NOTNULL(19 | (5 << 8), null),
    CONSTRAINT_PRIMARYKEY(19 | (6 << 8), null),
    CONSTRAINT_TRIGGER(19 | (7 << 8), null),
    CONSTRAINT_UNIQUE(19 | (8 << 8), null),
    CONSTRAINT_VTAB(19 | (9 << 8), null),
    CONSTRAINT_ROWID(19 | (10 << 8), null),
    CONSTRAINT_PINNED(19 | (11 << 8), null),
    CONSTRAINT_DATATYPE(19 | (12 << 8), null),
    NOTICE_RECOVER_WAL(27 | (1 << 8), null),
    NOTICE_RECOVER_ROLLBACK(27 | (2 << 8), null),
    NOTICE_RBU(27 | (3 << 8), null),
    WARNING_AUTOINDEX(28 | (1 << 8), null),
    AUTH_USER(23 | (1 << 8), null),
    OK_LOAD_PERMANENTLY(0 | (1 << 8), null),
    OK_SYMLINK(0 | (2 << 8), null);

    private static final ResultCode[] BY_CODE = new ResultCode[64 * 256];

    static {
        for (ResultCode rc : values()) {
            BY_CODE[rc.code] = rc;
        }
    }

    private final int code;
    private final String defaultMessage;

    ResultCode(int code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    /** SQLite's number for this code (extended codes carry their primary code in the low byte). */
    public int code() {
        return code;
    }

    /** The primary code: itself for a primary code, the low byte's code for an extended one. */
    public ResultCode primary() {
        return BY_CODE[code & 0xff];
    }

    /** True for an extended code. */
    public boolean isExtended() {
        return code > 0xff;
    }

    /** SQLite's {@code sqlite3_errstr} text for this code. */
    public String defaultMessage() {
        return defaultMessage != null ? defaultMessage : primary().defaultMessage;
    }

    /** The code with SQLite's number, or {@code null} when SQLite has no such code. */
    public static ResultCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
