package dev.panamax.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.value.Collations;
import dev.panamax.value.Differential;
import dev.panamax.value.Mem;
import dev.panamax.value.RandomValues;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every deterministic built-in scalar function against SQLite: for each, seeded random argument tuples of every type
 * (plus arguments shaped for the function: small positions for substr, patterns for like, code points for char...)
 * are evaluated by the registry and by {@code SELECT f(?, ...)} in sqlite-jdbc; type and value (or error) must match.
 */
class ScalarFunctionTest {
    private static final FunctionRegistry REGISTRY = new FunctionRegistry();

    /** Calls a function the way the VM will: look it up by name and argument count, invoke into a NULL result. */
    static void call(String name, Mem[] args, Mem out, FunctionContext ctx) {
        FunctionDef def = REGISTRY.find(name, args.length);
        assertNotNull(def, name + "/" + args.length);
        out.setNull();
        def.scalar().invoke(ctx, args, out);
    }

    private static void run(String name, int count, Function<RandomValues, Mem[]> gen) {
        RandomValues values = new RandomValues(name);
        BasicFunctionContext ctx = new BasicFunctionContext(values.seed);
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < count; k++) {
                Mem[] args = gen.apply(values);
                StringBuilder expr = new StringBuilder(name).append('(');
                for (int j = 0; j < args.length; j++) {
                    expr.append(j > 0 ? ", " : "").append('?').append(j + 1);
                }
                d.check(expr.append(')').toString(), args, (a, out) -> call(name, a, out, ctx));
            }
            d.assertNoFailures();
        }
    }

    /** Like {@link #run(String, int, Function)} with an explicit SQL expression and call. */
    private static void run(String name, int count, Function<RandomValues, Mem[]> gen, String expr, Call ours) {
        RandomValues values = new RandomValues(name);
        BasicFunctionContext ctx = new BasicFunctionContext(values.seed);
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < count; k++) {
                d.check(expr, gen.apply(values), (a, out) -> ours.call(a, out, ctx));
            }
            d.assertNoFailures();
        }
    }

    @FunctionalInterface
    interface Call {
        void call(Mem[] args, Mem out, FunctionContext ctx);
    }

    private static Function<RandomValues, Mem[]> anyArgs(int n) {
        return v -> {
            Mem[] a = new Mem[n];
            for (int k = 0; k < n; k++) {
                a[k] = v.any();
            }
            return a;
        };
    }

    private static Function<RandomValues, Mem[]> anyArgs(int min, int max) {
        return v -> anyArgs(v.random().nextInt(min, max + 1)).apply(v);
    }

    private static Mem smallInt(RandomValues v, int lo, int hi) {
        return v.random().nextInt(8) == 0 ? v.any() : RandomValues.of((long) v.random().nextInt(lo, hi));
    }

    @Test
    void valueFunctions() {
        run("abs", 600, anyArgs(1));
        run("coalesce", 300, anyArgs(2, 4));
        run("ifnull", 300, anyArgs(2));
        run("iif", 400, anyArgs(2, 5));
        run("if", 200, anyArgs(2, 4));
        run("nullif", 400, v -> {
            Mem a = v.any();
            return new Mem[] {a, v.random().nextBoolean() ? RandomValues.copy(a) : v.any()};
        });
        run("min", 400, anyArgs(2, 4));
        run("max", 400, anyArgs(2, 4));
        run("typeof", 200, anyArgs(1));
        run("sign", 400, anyArgs(1));
        run("likely", 100, anyArgs(1));
        run("unlikely", 100, anyArgs(1));
        run("likelihood", 100, v -> new Mem[] {v.any()}, "likelihood(?1, 0.5)",
                (a, out, ctx) -> call("likelihood", new Mem[] {a[0], RandomValues.of(0.5)}, out, ctx));
        run("zeroblob", 200, v -> new Mem[] {smallInt(v, -3, 40)});
        run("sqlite_version", 1, v -> new Mem[0]);
    }

    @Test
    void roundMatchesSqlite() {
        run("round", 1500, v -> v.random().nextInt(3) == 0 ? new Mem[] {v.any()}
                : new Mem[] {v.random().nextBoolean() ? v.real() : v.any(), smallInt(v, -2, 33)});
    }

    @Test
    void textFunctions() {
        run("length", 500, anyArgs(1));
        run("octet_length", 300, anyArgs(1));
        run("instr", 800, v -> {
            Mem hay = v.any();
            Mem needle = v.random().nextInt(3) == 0 && hay.type() >= Mem.TEXT ? substrOf(v, hay) : v.any();
            return new Mem[] {hay, needle};
        });
        run("substr", 1500, v -> {
            Mem x = v.any();
            return v.random().nextInt(3) == 0 ? new Mem[] {x, smallInt(v, -10, 10)}
                    : new Mem[] {x, smallInt(v, -10, 10), smallInt(v, -10, 10)};
        });
        run("substring", 200, v -> new Mem[] {v.any(), smallInt(v, -5, 5), smallInt(v, -5, 5)});
        run("upper", 300, anyArgs(1));
        run("lower", 300, anyArgs(1));
        for (String trim : new String[] {"trim", "ltrim", "rtrim"}) {
            run(trim, 400, v -> v.random().nextBoolean() ? new Mem[] {padded(v)}
                    : new Mem[] {padded(v), v.random().nextBoolean() ? RandomValues.of(" xa\u00e9") : v.any()});
        }
        run("replace", 800, v -> {
            Mem x = v.any();
            Mem p = v.random().nextBoolean() && x.type() >= Mem.TEXT ? substrOf(v, x) : v.any();
            return new Mem[] {x, p, v.any()};
        });
        run("hex", 300, anyArgs(1));
        run("unhex", 600, v -> {
            String[] hexes = {"ABCD", "ab cd", "A BCD", "0a-1b", "", "zz", "1", "00ff", " 12 ", "\u00e9ab", "a\u00e9b"};
            Mem x = v.random().nextInt(3) == 0 ? v.any() : RandomValues.of(hexes[v.random().nextInt(hexes.length)]);
            return v.random().nextBoolean() ? new Mem[] {x}
                    : new Mem[] {x, v.random().nextBoolean() ? RandomValues.of(" -\u00e9") : v.any()};
        });
        run("quote", 600, anyArgs(1));
        run("unicode", 300, anyArgs(1));
        run("char", 400, v -> {
            Mem[] a = new Mem[v.random().nextInt(0, 5)];
            for (int k = 0; k < a.length; k++) {
                a[k] = v.random().nextInt(4) == 0 ? v.any()
                        : RandomValues.of((long) v.random().nextInt(-5, 0x110005));
            }
            return a;
        });
        run("concat", 400, anyArgs(1, 5));
        run("concat_ws", 400, anyArgs(2, 5));
        run("printf", 300, anyArgs(1, 4));
        run("format", 100, v -> new Mem[] {RandomValues.of("%d-%s-%.2f"), v.any(), v.any(), v.any()});
    }

    @Test
    void likeAndGlob() {
        run("like", 1500, v -> {
            Mem s = v.random().nextInt(4) == 0 ? v.any() : RandomValues.of(v.textValue());
            Mem p = v.random().nextInt(4) == 0 ? v.any() : pattern(v, s, "%_");
            if (v.random().nextInt(3) == 0) {
                String[] escapes = {"\\", "%", "_", "x", "\u00e9", "", "ab"};
                Mem e = v.random().nextInt(8) == 0 ? v.any() : RandomValues.of(escapes[v.random().nextInt(7)]);
                return new Mem[] {p, s, e};
            }
            return new Mem[] {p, s};
        });
        run("glob", 1500, v -> {
            Mem s = v.random().nextInt(4) == 0 ? v.any() : RandomValues.of(v.textValue());
            Mem p = v.random().nextInt(4) == 0 ? v.any() : pattern(v, s, "*?[");
            return new Mem[] {p, s};
        });
    }

    /** A pattern made from the string with some characters replaced by wildcards or sets. */
    private static Mem pattern(RandomValues v, Mem s, String wild) {
        SplittableRandom rnd = v.random();
        String text = s.type() == Mem.TEXT ? s.textValue() : v.textValue();
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int r = rnd.nextInt(10);
            if (r == 0) {
                sb.append(wild.charAt(0));
            } else if (r == 1) {
                sb.append(wild.charAt(1));
            } else if (r == 2 && wild.length() > 2) {
                sb.append(new String[] {"[a-z]", "[^a]", "[]x]", "[a-]", "[", "[^]]", "[\u00e9-\u00ff]"}[rnd.nextInt(7)]);
            } else if (r == 3) {
                sb.append(Character.isUpperCase(cp) ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
            } else if (r != 4) {
                sb.appendCodePoint(cp);
            }
        });
        if (rnd.nextInt(4) == 0) {
            sb.append(wild.charAt(rnd.nextInt(2)));
        }
        return RandomValues.of(sb.toString());
    }

    private static Mem padded(RandomValues v) {
        String[] pads = {"", " ", "  ", "x", "a", "\u00e9"};
        SplittableRandom r = v.random();
        return r.nextInt(4) == 0 ? v.any() : RandomValues.of(pads[r.nextInt(6)] + v.textValue() + pads[r.nextInt(6)]);
    }

    private static Mem substrOf(RandomValues v, Mem x) {
        byte[] b = x.textBytes();
        int n = x.textLength();
        if (n == 0) {
            return RandomValues.of("");
        }
        int from = v.random().nextInt(n);
        int to = v.random().nextInt(from, n + 1);
        Mem m = new Mem();
        if (x.type() == Mem.BLOB) {
            m.setBlob(b, from, to - from);
        } else {
            m.setText(b, from, to - from);
        }
        return m;
    }

    /**
     * Math functions: exact for the rounding ones, sqrt, mod and the unit conversions; the transcendental ones go
     * through Java's libm instead of glibc's and may differ in the last bit (counted, at most 1 ulp).
     */
    @Test
    void mathFunctions() {
        for (String f : new String[] {"ceil", "ceiling", "floor", "trunc", "sqrt", "radians", "degrees"}) {
            run(f, 300, v -> new Mem[] {v.random().nextInt(3) == 0 ? v.any() : mathArg(v)});
        }
        run("mod", 400, v -> new Mem[] {mathArg(v), mathArg(v)});
        run("pi", 1, v -> new Mem[0]);
        String[] unary = {"ln", "log", "log10", "log2", "exp", "acos", "asin", "atan", "cos", "sin", "tan", "cosh",
            "sinh", "tanh", "acosh", "asinh", "atanh"};
        RandomValues values = new RandomValues("transcendental");
        BasicFunctionContext ctx = new BasicFunctionContext(values.seed);
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 6000; k++) {
                String f = unary[k % unary.length];
                Mem[] args = {values.random().nextInt(4) == 0 ? values.any() : mathArg(values)};
                d.checkClose(f + "(?1)", args, (a, out) -> call(f, a, out, ctx), 1);
            }
            for (int k = 0; k < 1500; k++) {
                String f = new String[] {"pow", "power", "atan2", "log"}[k % 4];
                Mem[] args = {mathArg(values), mathArg(values)};
                d.checkClose(f + "(?1, ?2)", args, (a, out) -> call(f, a, out, ctx), 1);
            }
            // Where C's pow and Java's Math.pow disagree (pow(1, inf), pow(-1, -inf)) and their neighbours.
            double[] edges = {1.0, -1.0, 0.0, -0.0, 2.0, 0.5, -0.5, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
            for (double x : edges) {
                for (double y : edges) {
                    Mem[] args = {RandomValues.of(x), RandomValues.of(y)};
                    d.checkClose("pow(?1, ?2)", args, (a, out) -> call("pow", a, out, ctx), 0);
                }
            }
            d.assertNoFailures();
        }
    }

    private static Mem mathArg(RandomValues v) {
        SplittableRandom r = v.random();
        return switch (r.nextInt(6)) {
            case 0 -> RandomValues.of((long) r.nextInt(-10, 10));
            case 1 -> RandomValues.of(r.nextDouble(-2, 2));
            case 2 -> RandomValues.of(r.nextDouble(-1000, 1000));
            case 3 -> v.numericText();
            case 4 -> RandomValues.of(r.nextDouble(0.5, 3));
            default -> v.real();
        };
    }

    @Test
    void collationAwareFunctions() {
        RandomValues values = new RandomValues("collations");
        BasicFunctionContext ctx = new BasicFunctionContext(values.seed);
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 600; k++) {
                String coll = new String[] {"NOCASE", "RTRIM", "BINARY"}[values.random().nextInt(3)];
                String f = new String[] {"min", "max", "nullif"}[values.random().nextInt(3)];
                Mem a = RandomValues.of(values.textValue());
                Mem b = RandomValues.of(values.random().nextBoolean() ? a.textValue().toUpperCase() + " "
                        : values.textValue());
                d.check(f + "(?1, ?2 COLLATE " + coll + ")", new Mem[] {a, b}, (args, out) -> {
                    ctx.collation = Collations.builtin(coll);
                    call(f, args, out, ctx);
                });
            }
            d.assertNoFailures();
        }
    }

    @Test
    void connectionStateFunctions() {
        BasicFunctionContext ctx = new BasicFunctionContext(42);
        ctx.lastInsertRowid = 17;
        ctx.changes = 3;
        ctx.totalChanges = 99;
        Mem out = new Mem();
        call("last_insert_rowid", new Mem[0], out, ctx);
        assertEquals(17, out.longValue());
        call("changes", new Mem[0], out, ctx);
        assertEquals(3, out.longValue());
        call("total_changes", new Mem[0], out, ctx);
        assertEquals(99, out.longValue());
        for (int k = 0; k < 1000; k++) {
            call("random", new Mem[0], out, ctx);
            assertEquals(Mem.INTEGER, out.type());
            assertTrue(out.longValue() != Long.MIN_VALUE);
        }
        call("randomblob", new Mem[] {RandomValues.of(16L)}, out, ctx);
        assertEquals(Mem.BLOB, out.type());
        assertEquals(16, out.length());
        call("randomblob", new Mem[] {RandomValues.of(-5L)}, out, ctx);
        assertEquals(1, out.length());
        call("randomblob", new Mem[] {RandomValues.nul()}, out, ctx);
        assertEquals(1, out.length());
    }

    @Test
    void resolveReportsSqlitesErrors() {
        try (Differential d = new Differential(0)) {
            for (String call : new String[] {"MAX()", "nosuch(1)", "substr(1)", "concat()", "coalesce(1)", "iif(1)",
                "Upper(1, 2)", "count(1, 2)", "like(1)", "printf()", "char()", "abs(-3)"}) {
                String name = call.substring(0, call.indexOf('('));
                int n = call.endsWith("()") ? 0 : call.split(",").length;
                d.check(call, new Mem[0], (a, out) -> {
                    FunctionDef def = REGISTRY.resolve(name, n);
                    if (!def.isAggregate()) {
                        Mem[] args = new Mem[n];
                        for (int k = 0; k < n; k++) {
                            args[k] = RandomValues.of(k == 0 && name.equals("abs") ? -3L : 1L + k);
                        }
                        out.setNull();
                        def.scalar().invoke(new BasicFunctionContext(0), args, out);
                    }
                });
            }
            d.assertNoFailures();
        }
    }

    @Test
    void lookupFollowsSqlite() {
        FunctionRegistry r = new FunctionRegistry();
        assertTrue(r.find("MIN", 1).isAggregate());
        assertTrue(!r.find("min", 2).isAggregate());
        assertNull(r.find("min", 0));
        assertTrue(r.exists("Min"));
        assertNull(r.find("concat", 0));
        assertNull(r.find("coalesce", 1));
        assertNull(r.find("nosuch", 1));
        assertTrue(!r.exists("nosuch"));
        assertTrue(r.find("count", 0).hasFlag(FunctionDef.COUNT));
        assertTrue(r.find("like", 2).hasFlag(FunctionDef.LIKE));
        assertTrue(!r.find("like", 2).hasFlag(FunctionDef.CASE_SENSITIVE));
        r.setCaseSensitiveLike(true);
        assertTrue(r.find("like", 3).hasFlag(FunctionDef.CASE_SENSITIVE));
        r.setCaseSensitiveLike(false);
        assertTrue(!r.find("like", 3).hasFlag(FunctionDef.CASE_SENSITIVE));
        FunctionDef mine = FunctionDef.variadic("upper", 0, FunctionDef.DETERMINISTIC, (c, a, out) -> out.setLong(7));
        r.register(mine);
        assertEquals(mine, r.find("UPPER", 1), "a connection's function hides the built-in even when less exact");
        assertTrue(r.unregister("upper", -1));
        assertTrue(r.find("upper", 1) != mine);
        FunctionDef two = FunctionDef.scalar("max", 2, 0, (c, a, out) -> out.setLong(1));
        r.register(two);
        assertEquals(two, r.find("max", 2));
        assertTrue(!r.find("max", 3).isAggregate() && r.find("max", 3) != two, "other arities fall back to built-ins");
    }
}
