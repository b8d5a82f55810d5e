package dev.panamax.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.DbException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects mismatches between Panamax and SQLite for one test: each check evaluates an SQL expression in SQLite and
 * the same operation in Panamax, and compares type and value (or error code and message).
 */
public final class Differential implements AutoCloseable {
    private final SqliteOracle oracle = new SqliteOracle();
    private final List<String> failures = new ArrayList<>();
    private final long seed;
    private int checks;

    public Differential(long seed) {
        this.seed = seed;
    }

    public SqliteOracle oracle() {
        return oracle;
    }

    /** Compares SELECT expr over args with ours(args), which writes its result into the given Mem or throws. */
    public void check(String expr, Mem[] args, Operation ours) {
        checks++;
        SqliteOracle.Answer theirs = oracle.eval(expr, args);
        Mem out = new Mem();
        String mine;
        boolean ok;
        try {
            ours.run(args, out);
            mine = SqliteOracle.describe(out);
            ok = !theirs.isError() && SqliteOracle.same(out, theirs.value());
        } catch (DbException e) {
            mine = "ERROR(" + e.code().code() + ": " + e.getMessage() + ")";
            ok = theirs.isError() && theirs.errorMessage().equals(e.getMessage())
                    && (theirs.errorCode() & 0xff) == e.primaryCode().code();
        }
        if (!ok) {
            fail(expr + " " + describeArgs(args) + ": sqlite " + theirs + ", panamax " + mine);
        }
    }

    /** Counts one check done outside {@link #check}; records the message when it failed. */
    public void expect(boolean ok, java.util.function.Supplier<String> message) {
        checks++;
        if (!ok) {
            fail(message.get());
        }
    }

    /**
     * Like {@link #check}, but a REAL result may differ from SQLite's by up to maxUlps units in the last place (for
     * libm functions, whose last bit differs between C libraries); such near misses are counted in
     * {@link #nearMisses()}.
     */
    public void checkClose(String expr, Mem[] args, Operation ours, int maxUlps) {
        checks++;
        SqliteOracle.Answer theirs = oracle.eval(expr, args);
        Mem out = new Mem();
        ours.run(args, out);
        if (theirs.isError() || !SqliteOracle.same(out, theirs.value())) {
            boolean close = !theirs.isError() && out.type() == Mem.REAL && theirs.value().type() == Mem.REAL
                    && Math.abs(Math.nextUp(0.0) + out.doubleValue() - theirs.value().doubleValue())
                            <= maxUlps * Math.ulp(theirs.value().doubleValue()) + Math.nextUp(0.0);
            if (close) {
                nearMisses++;
            } else {
                fail(expr + " " + describeArgs(args) + ": sqlite " + theirs + ", panamax " + SqliteOracle.describe(out));
            }
        }
    }

    private int nearMisses;

    public int nearMisses() {
        return nearMisses;
    }

    public void fail(String message) {
        if (failures.size() < 40) {
            failures.add(message);
        }
    }

    public static String describeArgs(Mem[] args) {
        List<String> d = new ArrayList<>();
        for (Mem m : args) {
            d.add(SqliteOracle.describe(m));
        }
        return d.toString();
    }

    /** Fails the test with every mismatch and the seed. */
    public void assertNoFailures() {
        assertEquals(List.of(), failures, "seed " + seed + " (" + checks + " checks)");
        System.out.println(checks + " checks match SQLite" + (nearMisses > 0 ? " (" + nearMisses
                + " within 1 ulp)" : ""));
    }

    public int checks() {
        return checks;
    }

    @Override
    public void close() {
        oracle.close();
    }

    /** Panamax's side of a check. */
    @FunctionalInterface
    public interface Operation {
        void run(Mem[] args, Mem out);
    }

    /** An operation that maps the first argument through a function on a copy. */
    public static Operation onCopy(Function<Mem, Mem> f) {
        return (args, out) -> out.copyFrom(f.apply(RandomValues.copy(args[0])));
    }
}
