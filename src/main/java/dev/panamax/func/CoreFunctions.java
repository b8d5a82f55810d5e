package dev.panamax.func;

import dev.panamax.value.Comparison;
import dev.panamax.value.Mem;
import java.nio.charset.StandardCharsets;

/**
 * SQLite's core scalar functions that are about values rather than text (func.c): abs, coalesce, ifnull, iif/if,
 * likely, unlikely, likelihood, nullif, min, max, typeof, sign, round, random, randomblob, zeroblob,
 * last_insert_rowid, changes, total_changes, sqlite_version.
 */
final class CoreFunctions {
    private CoreFunctions() {
    }

    static void abs(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        switch (x.type()) {
            case Mem.INTEGER -> {
                long v = x.longValue();
                if (v == Long.MIN_VALUE) {
                    throw Results.error("integer overflow");
                }
                result.setLong(Math.abs(v));
            }
            case Mem.NULL -> result.setNull();
            default -> {
                double r = x.realValue();
                result.setDouble(r < 0 ? -r : r);
            }
        }
    }

    /** coalesce(X, Y, ...) and ifnull(X, Y): the first argument that is not NULL. */
    static void coalesce(FunctionContext ctx, Mem[] args, Mem result) {
        for (Mem m : args) {
            if (!m.isNull()) {
                result.copyFrom(m);
                return;
            }
        }
        result.setNull();
    }

    /** iif(C1, V1 [, C2, V2 ...] [, ELSE]) and if(): the value after the first true condition, else ELSE or NULL. */
    static void iif(FunctionContext ctx, Mem[] args, Mem result) {
        int k = 0;
        for (; k + 1 < args.length; k += 2) {
            if (Comparison.isTrue(args[k])) {
                result.copyFrom(args[k + 1]);
                return;
            }
        }
        if (k < args.length) {
            result.copyFrom(args[k]);
        } else {
            result.setNull();
        }
    }

    /** likely(X), unlikely(X), likelihood(X, P): X itself. */
    static void first(FunctionContext ctx, Mem[] args, Mem result) {
        result.copyFrom(args[0]);
    }

    static void nullif(FunctionContext ctx, Mem[] args, Mem result) {
        if (Comparison.compare(args[0], args[1], ctx.collation()) != 0) {
            result.copyFrom(args[0]);
        } else {
            result.setNull();
        }
    }

    /** Scalar min(X, Y, ...): NULL if any argument is NULL, else the least (the last of equals). */
    static void min(FunctionContext ctx, Mem[] args, Mem result) {
        minMax(ctx, args, result, false);
    }

    /** Scalar max(X, Y, ...): NULL if any argument is NULL, else the greatest (the first of equals). */
    static void max(FunctionContext ctx, Mem[] args, Mem result) {
        minMax(ctx, args, result, true);
    }

    private static void minMax(FunctionContext ctx, Mem[] args, Mem result, boolean max) {
        int best = 0;
        if (args[0].isNull()) {
            result.setNull();
            return;
        }
        for (int k = 1; k < args.length; k++) {
            if (args[k].isNull()) {
                result.setNull();
                return;
            }
            int cmp = Comparison.compare(args[best], args[k], ctx.collation());
            if (max ? cmp < 0 : cmp >= 0) {
                best = k;
            }
        }
        result.copyFrom(args[best]);
    }

    static void typeOf(FunctionContext ctx, Mem[] args, Mem result) {
        result.setText(args[0].typeName());
    }

    static void sign(FunctionContext ctx, Mem[] args, Mem result) {
        byte t = Results.numericType(args[0], result);
        if (t != Mem.INTEGER && t != Mem.REAL) {
            result.setNull();
            return;
        }
        double x = result.realValue();
        result.setLong(x < 0.0 ? -1 : x > 0.0 ? 1 : 0);
    }

    /**
     * round(X [, N]): X to N decimal places (0 to 30), as a REAL. Beyond 2^52 a double has no fraction to round;
     * N = 0 rounds half away from zero; otherwise SQLite prints with "%!.*f" and reads the text back.
     */
    static void round(FunctionContext ctx, Mem[] args, Mem result) {
        long n = 0;
        if (args.length == 2) {
            if (args[1].isNull()) {
                result.setNull();
                return;
            }
            n = Math.max(0, Math.min(30, args[1].intValue()));
        }
        if (args[0].isNull()) {
            result.setNull();
            return;
        }
        double r = args[0].realValue();
        if (r < -4503599627370496.0 || r > 4503599627370496.0) {
            result.setDouble(r);
        } else if (n == 0) {
            result.setDouble((double) (long) (r + (r < 0 ? -0.5 : 0.5)));
        } else {
            byte[] text = dev.panamax.value.Printf.fixedText(r, (int) n).getBytes(StandardCharsets.US_ASCII);
            result.setText(text, 0, text.length);
            result.setDouble(result.realValue());
        }
    }

    /** random(): a pseudo-random integer, never -9223372036854775808. */
    static void random(FunctionContext ctx, Mem[] args, Mem result) {
        long r = ctx.randomLong();
        if (r < 0) {
            r = -(r & Long.MAX_VALUE);
        }
        result.setLong(r);
    }

    /** randomblob(N): N (at least 1) pseudo-random bytes. */
    static void randomBlob(FunctionContext ctx, Mem[] args, Mem result) {
        long n = Math.max(1, args[0].intValue());
        Results.checkLength(ctx, n);
        byte[] b = result.reserve((int) n);
        ctx.randomBytes(b, 0, (int) n);
        result.commitBytes(Mem.BLOB, (int) n);
    }

    /** zeroblob(N): N (at least 0) zero bytes. */
    static void zeroBlob(FunctionContext ctx, Mem[] args, Mem result) {
        long n = Math.max(0, args[0].intValue());
        Results.checkLength(ctx, n);
        byte[] b = result.reserve((int) n);
        java.util.Arrays.fill(b, 0, (int) n, (byte) 0);
        result.commitBytes(Mem.BLOB, (int) n);
    }

    static void lastInsertRowid(FunctionContext ctx, Mem[] args, Mem result) {
        result.setLong(ctx.lastInsertRowid());
    }

    static void changes(FunctionContext ctx, Mem[] args, Mem result) {
        result.setLong(ctx.changes());
    }

    static void totalChanges(FunctionContext ctx, Mem[] args, Mem result) {
        result.setLong(ctx.totalChanges());
    }

    static void sqliteVersion(FunctionContext ctx, Mem[] args, Mem result) {
        result.setText(FunctionRegistry.SQLITE_VERSION);
    }
}
