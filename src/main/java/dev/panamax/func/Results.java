package dev.panamax.func;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.value.Mem;

/** Small helpers shared by the built-ins: results with SQLite's length limit, errors, numeric argument types. */
final class Results {
    private Results() {
    }

    /** sqlite3_result_error: an ERROR with SQLite's message. */
    static DbException error(String message) {
        return new DbException(ResultCode.ERROR, message);
    }

    /** SQLITE_TOOBIG as sqlite3_result_error_toobig reports it. */
    static DbException tooBig() {
        return new DbException(ResultCode.TOOBIG, "string or blob too big");
    }

    /** Fails with TOOBIG when n bytes exceed the connection's length limit. */
    static void checkLength(FunctionContext ctx, long n) {
        if (n > ctx.maxLength()) {
            throw tooBig();
        }
    }

    /** Sets a TEXT result from b[off..off+n), within the length limit. */
    static void text(FunctionContext ctx, Mem result, byte[] b, int off, int n) {
        checkLength(ctx, n);
        result.setText(b, off, n);
    }

    /** Sets a BLOB result from b[off..off+n), within the length limit. */
    static void blob(FunctionContext ctx, Mem result, byte[] b, int off, int n) {
        checkLength(ctx, n);
        result.setBlob(b, off, n);
    }

    /**
     * sqlite3_value_numeric_type without touching the argument: copies it into scratch and gives TEXT numeric
     * affinity there (not making INTEGER of REAL text). Returns scratch's type: INTEGER, REAL, TEXT (not a number),
     * BLOB or NULL; scratch then holds the value to read.
     */
    static byte numericType(Mem arg, Mem scratch) {
        scratch.copyFrom(arg);
        scratch.applyNumericAffinity(false);
        return scratch.type();
    }
}
