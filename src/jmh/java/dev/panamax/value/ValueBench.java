package dev.panamax.value;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Per-value costs of the hot value paths: arithmetic, comparison, text to number, number to text, printf. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ValueBench {
    private final Mem a = new Mem();
    private final Mem b = new Mem();
    private final Mem r = new Mem();
    private final Mem text = new Mem();
    private final Mem u = new Mem();
    private final Mem v = new Mem();
    private final Mem out = new Mem();
    private final StrAccum acc = new StrAccum(1_000_000_000);
    private final byte[] buf = new byte[32];
    private Mem[] args;

    @Setup
    public void setup() {
        a.setLong(123456789L);
        b.setLong(987654321L);
        r.setDouble(3.141592653589793);
        text.setText(" 12345.678e-3 ");
        u.setText("The quick brown fox");
        v.setText("the QUICK brown fox");
        args = new Mem[] {r};
    }

    @Benchmark
    public byte addIntegers() {
        Arithmetic.add(a, b, out);
        return out.type();
    }

    @Benchmark
    public byte multiplyRealByInteger() {
        Arithmetic.multiply(r, b, out);
        return out.type();
    }

    @Benchmark
    public int compareIntegerWithReal() {
        return Comparison.compare(a, r, Collations.BINARY);
    }

    @Benchmark
    public int compareTextNocase() {
        return Comparison.compare(u, v, Collations.NOCASE);
    }

    @Benchmark
    public double textToReal() {
        return text.realValue();
    }

    @Benchmark
    public int realToText() {
        return Printf.renderReal(r.doubleValue(), buf, 0);
    }

    @Benchmark
    public int printfThreeDecimals() {
        acc.reset();
        Printf.format(acc, FORMAT, FORMAT.length, args, 0, 1);
        return acc.length();
    }

    private static final byte[] FORMAT = "%.3f".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
