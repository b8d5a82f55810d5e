package dev.panamax.func;

import java.util.Locale;

/**
 * One SQL function definition (SQLite's FuncDef): a name, an arity, flags, and either a scalar implementation or
 * an aggregate factory. Immutable; shared by every connection for built-ins.
 *
 * <p>Arity: {@link #nArg()} &gt;= 0 is an exact argument count; -1 accepts any count of at least
 * {@link #minArgs()} (0 for user functions; built-ins like concat() or coalesce() need 1 or 2).
 */
public final class FunctionDef {
    /** Same arguments, same result: may be folded at prepare time and used in indexes and CHECK constraints. */
    public static final int DETERMINISTIC = 0x0001;
    /** Constant within one statement but not across statements (sqlite_version(), date('now')). */
    public static final int SLOW_CHANGE = 0x0002;
    /** May not be used from triggers, views, CHECK constraints or generated columns (SQLITE_DIRECTONLY). */
    public static final int DIRECT_ONLY = 0x0004;
    /** Harmless even when called from untrusted schema (SQLITE_INNOCUOUS). */
    public static final int INNOCUOUS = 0x0008;
    /** Reads {@link FunctionContext#collation()}: the VM must supply the collation of its arguments. */
    public static final int NEEDS_COLLATION = 0x0010;
    /**
     * Evaluated by the code generator itself, lazily (coalesce, ifnull, iif, if, likely, unlikely, likelihood):
     * arguments past the deciding one must not be computed. The implementation here is the eager equivalent.
     */
    public static final int INLINE = 0x0020;
    /** like() or glob(): a candidate for the LIKE optimization; {@link #CASE_SENSITIVE} tells which kind. */
    public static final int LIKE = 0x0040;
    /** With {@link #LIKE}: upper and lower case differ. */
    public static final int CASE_SENSITIVE = 0x0080;
    /** likely(), unlikely(), likelihood(): a hint to the planner; the value is the first argument. */
    public static final int UNLIKELY = 0x0100;
    /** The min() or max() aggregate (the planner may answer it from an index). */
    public static final int MINMAX = 0x0200;
    /** count(*) (the planner may answer it from the b-tree's row count). */
    public static final int COUNT = 0x0400;
    /** The aggregate's result does not depend on the order of its input rows. */
    public static final int ANY_ORDER = 0x0800;
    /** length(): the VM may avoid loading a large value to compute it. */
    public static final int LENGTH = 0x1000;
    /** typeof(): the VM may avoid loading the value at all. */
    public static final int TYPEOF = 0x2000;
    /** octet_length(): the VM may avoid loading a large value to compute it. */
    public static final int BYTELEN = 0x4000;
    /** An aggregate that also works as a window function (supports inverse and value). */
    public static final int WINDOW = 0x8000;

    private final String name;
    private final int nArg;
    private final int minArgs;
    private final int flags;
    private final ScalarFunction scalar;
    private final AggregateFunction aggregate;

    private FunctionDef(String name, int nArg, int minArgs, int flags, ScalarFunction scalar,
            AggregateFunction aggregate) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("function name is empty");
        }
        if (nArg < -1 || minArgs < 0) {
            throw new IllegalArgumentException("bad argument count " + nArg + " for " + name);
        }
        this.name = lowerAscii(name);
        this.nArg = nArg;
        this.minArgs = nArg >= 0 ? nArg : minArgs;
        this.flags = flags;
        this.scalar = scalar;
        this.aggregate = aggregate;
    }

    /** A scalar function of exactly nArg arguments, or any number when nArg is -1. */
    public static FunctionDef scalar(String name, int nArg, int flags, ScalarFunction fn) {
        return new FunctionDef(name, nArg, 0, flags, java.util.Objects.requireNonNull(fn), null);
    }

    /** A scalar function of minArgs or more arguments. */
    public static FunctionDef variadic(String name, int minArgs, int flags, ScalarFunction fn) {
        return new FunctionDef(name, -1, minArgs, flags, java.util.Objects.requireNonNull(fn), null);
    }

    /** An aggregate function of exactly nArg arguments (-1: any). */
    public static FunctionDef aggregate(String name, int nArg, int flags, AggregateFunction factory) {
        return new FunctionDef(name, nArg, 0, flags, null, java.util.Objects.requireNonNull(factory));
    }

    /** The name in lower case (names match case-insensitively, ASCII letters only, like SQLite's). */
    public String name() {
        return name;
    }

    public int nArg() {
        return nArg;
    }

    public int minArgs() {
        return minArgs;
    }

    public int flags() {
        return flags;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isAggregate() {
        return aggregate != null;
    }

    /** The scalar implementation; null for an aggregate. */
    public ScalarFunction scalar() {
        return scalar;
    }

    /** The aggregate factory; null for a scalar function. */
    public AggregateFunction aggregate() {
        return aggregate;
    }

    /** True when a call with n arguments may use this definition. */
    public boolean accepts(int n) {
        return nArg >= 0 ? n == nArg : n >= minArgs;
    }

    /** SQLite's matchQuality: 0 no match, 1 variadic match, 4 exact arity. */
    int matchScore(int n) {
        if (!accepts(n)) {
            return 0;
        }
        return nArg == n ? 4 : 1;
    }

    /** Lower-cases ASCII letters only, as SQLite folds identifiers. */
    static String lowerAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                StringBuilder sb = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char d = s.charAt(j);
                    sb.append(d >= 'A' && d <= 'Z' ? (char) (d + 32) : d);
                }
                return sb.toString();
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(%s)%s", name, nArg >= 0 ? Integer.toString(nArg) : minArgs + "+",
                isAggregate() ? " aggregate" : "");
    }
}
