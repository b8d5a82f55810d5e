package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RealFormat} against the {@code sqlite3} 3.40 shell's own printf: {@code %!.15g} and {@code %!.20g} of
 * thousands of doubles (random bit patterns, decimal fractions, and the edges: subnormals, the largest double,
 * powers of ten, exact integers beyond 2^53). The values reach sqlite3 bit for bit through its
 * {@code ieee754_from_blob}, so no decimal parsing stands in between.
 */
class RealFormatTest {
    private static final double[] EDGES = {0.0, -0.0, 0.1, 0.5, 1.0, 1.5, 2.0 / 3, 1e15, 1e16, 1e17, 1e20, 1e21,
        1e-4, 1e-5, 1e300, -2.5e-10, 1.7976931348623157e308, Double.MIN_VALUE, Double.MIN_NORMAL,
        9007199254740993.0, 123456789.123456789, 99999999999999.99, 0.3, 1e-300, 9.999999999999999e22};

    @Test
    void matchesTheReferenceShell() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
        List<Double> values = new ArrayList<>();
        for (double d : EDGES) {
            values.add(d);
            values.add(-d);
        }
        SplittableRandom random = new SplittableRandom(20261124);
        while (values.size() < 2500) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }
        while (values.size() < 4000) {
            values.add((random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(12)));
        }
        StringBuilder sql = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (double d : values) {
            String v = String.format("ieee754_from_blob(x'%016x')", Double.doubleToRawLongBits(d));
            sql.append("SELECT printf('%!.15g|%!.20g', ").append(v).append(", ").append(v).append(");\n");
            expected.append(RealFormat.generic(d, 15)).append('|').append(RealFormat.generic(d, 20)).append('\n');
        }
        assertEquals(Shells.sqlite3(sql.toString()).out(), expected.toString());
    }

    /** Insert, quote and json modes write whole numbers, infinities and limits in their own ways. */
    @Test
    void literalModesMatchTheReferenceShell() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
        String values = "SELECT 1e999, -1e999, 1e18, 1e19, 9223372036854775808.0, -9223372036854775808.0, 0.1,"
                + " -0.0, 100.0, 1e20, 5e-324;\n";
        String script = ".mode insert\n" + values + ".mode quote\n" + values + ".mode json\n" + values;
        Shells.assertSame(Shells.sqlite3(script), Shells.panamax(script));
    }
}
