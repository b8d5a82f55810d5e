package dev.panamax.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-row value paths allocate nothing: arithmetic (including overflow into REAL and text operands), comparison
 * with collations and affinity, truth values, affinity and casts between numbers, and numeric reads of text. Measured
 * with the thread's allocation counter after a warm-up.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long sink;

    @Test
    void numericPathsAndComparisonsDoNotAllocate() {
        Mem a = RandomValues.of(Long.MAX_VALUE - 3);
        Mem b = RandomValues.of(7L);
        Mem r = RandomValues.of(2.5);
        Mem t = RandomValues.of(" 12.5e1 ");
        Mem u = RandomValues.of("Hello world");
        Mem v = RandomValues.of("hello WORLD");
        Mem out = new Mem();
        Mem scratch = new Mem();
        scratch.copyFrom(t);
        for (int k = 0; k < 20_000; k++) {
            run(a, b, r, t, u, v, out, scratch);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 100_000; k++) {
            run(a, b, r, t, u, v, out, scratch);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        // One allocation per round would be at least 1.6 MB; allow a few hundred bytes of JIT and counter noise.
        assertTrue(allocated < 4096, allocated + " bytes allocated by 100,000 rounds of value operations");
    }

    private void run(Mem a, Mem b, Mem r, Mem t, Mem u, Mem v, Mem out, Mem scratch) {
        Arithmetic.add(a, b, out);
        sink += out.type();
        Arithmetic.multiply(a, b, out);
        Arithmetic.subtract(r, b, out);
        Arithmetic.divide(a, r, out);
        Arithmetic.remainder(a, b, out);
        Arithmetic.add(t, b, out);
        Arithmetic.shiftLeft(a, b, out);
        Arithmetic.negate(a, out);
        sink += Comparison.compare(a, r, Collations.BINARY);
        sink += Comparison.compare(u, v, Collations.NOCASE);
        sink += Comparison.compare(u, v, null);
        sink += Comparison.compare(b, t, Affinity.NUMERIC, Collations.BINARY);
        sink += Comparison.booleanValue(t, 0);
        sink += t.intValue();
        sink += (long) t.realValue();
        scratch.copyFrom(t);
        scratch.applyAffinity(Affinity.NUMERIC);
        scratch.applyAffinity(Affinity.REAL);
        scratch.realAffinity();
        scratch.integerAffinity();
        scratch.cast(Affinity.INTEGER);
        sink += scratch.longValue();
    }
}
