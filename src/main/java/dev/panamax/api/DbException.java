package dev.panamax.api;

import java.util.Objects;

/**
 * An error from Panamax with SQLite's result code and SQLite's message text.
 *
 * <p>Unchecked, like SQLite's errors are values rather than control flow: every call into the engine may fail
 * with one. {@link #code()} is the most specific code known (an extended code where SQLite gives one);
 * {@link #primaryCode()} is its primary code.
 */
public class DbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;

    public DbException(ResultCode code, String message) {
        super(message != null ? message : Objects.requireNonNull(code, "code").defaultMessage());
        this.code = Objects.requireNonNull(code, "code");
    }

    public DbException(ResultCode code, String message, Throwable cause) {
        super(message != null ? message : Objects.requireNonNull(code, "code").defaultMessage(), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** An error with SQLite's default text for the code. */
    public DbException(ResultCode code) {
        this(code, null);
    }

    public ResultCode code() {
        return code;
    }

    public ResultCode primaryCode() {
        return code.primary();
    }

    /**
     * Where in the SQL text given to {@code prepare} the error was found, as a char index
     * ({@code sqlite3_error_offset}), or -1 when the error has no position.
     */
    public int offset() {
        return -1;
    }
}
