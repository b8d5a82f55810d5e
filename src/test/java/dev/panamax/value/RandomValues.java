package dev.panamax.value;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random SQL values for differential tests: NULL, integers with their extremes, reals of every magnitude,
 * text (ASCII, unicode, numeric-looking, with spaces, signs, exponents, hex), and blobs. The seed comes from
 * -Dpanamax.seed when given and is printed so a failure can be replayed.
 */
public final class RandomValues {
    private final SplittableRandom rnd;
    public final long seed;

    public RandomValues(String testName) {
        String s = System.getProperty("panamax.seed");
        seed = s != null ? Long.parseLong(s) : System.nanoTime();
        System.out.println(testName + ": seed " + seed + " (replay with -Dpanamax.seed=" + seed + ")");
        rnd = new SplittableRandom(seed);
    }

    public SplittableRandom random() {
        return rnd;
    }

    public Mem any() {
        return switch (rnd.nextInt(10)) {
            case 0 -> nul();
            case 1, 2 -> integer();
            case 3, 4 -> real();
            case 5, 6 -> numericText();
            case 7, 8 -> text();
            default -> blob();
        };
    }

    public static Mem nul() {
        return new Mem();
    }

    public static Mem of(long v) {
        Mem m = new Mem();
        m.setLong(v);
        return m;
    }

    public static Mem of(double v) {
        Mem m = new Mem();
        m.setDouble(v);
        return m;
    }

    public static Mem of(String v) {
        Mem m = new Mem();
        m.setText(v);
        return m;
    }

    public static Mem blobOf(byte... v) {
        Mem m = new Mem();
        m.setBlob(v, 0, v.length);
        return m;
    }

    public Mem integer() {
        long[] edge = {0, 1, -1, 2, -2, 10, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 53, -(1L << 53), (1L << 53) + 1, 1L << 62, 4503599627370496L,
            2251799813685248L, -2251799813685248L, 255, 256, 63, 64, 65, -64, -65};
        return switch (rnd.nextInt(5)) {
            case 0 -> of(edge[rnd.nextInt(edge.length)]);
            case 1 -> of(rnd.nextLong());
            case 2 -> of(rnd.nextLong() >> rnd.nextInt(64));
            default -> of((long) rnd.nextInt(-1000, 1000));
        };
    }

    public double realValue() {
        double[] edge = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, 0.1, 1e308, -1e308, Double.MIN_VALUE, 1e-300,
            9.223372036854775807e18, -9.223372036854775808e18, 9.223372036854774784e18, 4503599627370496.0,
            4503599627370497.0, 2251799813685248.0, 1e16, 1e15, 123.456, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 3.0, -7.0, 1e20, 0.49999999999999994};
        return switch (rnd.nextInt(6)) {
            case 0 -> edge[rnd.nextInt(edge.length)];
            case 1 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(rnd.nextLong());
                } while (Double.isNaN(d));
                yield d;
            }
            case 2 -> rnd.nextInt(-100000, 100000) / 100.0;
            case 3 -> (double) rnd.nextInt(-1000, 1000);
            case 4 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-20, 25)) * (rnd.nextBoolean() ? 1 : -1);
            default -> (double) (rnd.nextLong() >> rnd.nextInt(64));
        };
    }

    public Mem real() {
        return of(realValue());
    }

    /** Text that looks like a number, or almost does. */
    public Mem numericText() {
        String body = switch (rnd.nextInt(8)) {
            case 0 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
            case 1 -> Double.toString(realValue());
            case 2 -> Integer.toString(rnd.nextInt(-1000, 1000)) + "." + rnd.nextInt(1000);
            case 3 -> rnd.nextInt(100) + "e" + rnd.nextInt(-400, 400);
            case 4 -> "0x" + Long.toHexString(rnd.nextLong(1 << 20));
            case 5 -> new String[] {"9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "-9223372036854775809", "18446744073709551616", "12345678901234567890123", ".5", "5.", "-.5",
                "+3", "1e", "1e+", "e5", "-", "+", ".", "00012", "1.0", "2.50", "1E5", "1e-5", "Infinity", "NaN",
                "0.0", "-0", "-0.0", "1,000", "1_000", "3.0e0"}[rnd.nextInt(29)];
            case 6 -> Long.toString(rnd.nextLong(1000)) + (rnd.nextBoolean() ? "abc" : "x1");
            default -> rnd.nextInt(10) + "." + rnd.nextInt(10) + "e" + rnd.nextInt(30);
        };
        String pre = rnd.nextInt(4) == 0 ? " \t".substring(0, rnd.nextInt(1, 3)) : "";
        String post = rnd.nextInt(4) == 0 ? new String[] {" ", "  ", "\n", " x", "\u00e9"}[rnd.nextInt(5)] : "";
        return of(pre + body + post);
    }

    public Mem text() {
        return of(textValue());
    }

    public String textValue() {
        String[] pieces = {"a", "B", "z", " ", "%", "_", "*", "?", "[", "]", "^", "-", "'", "\"", "\\", "0", "9",
            "\u00e9", "\u00c9", "\u00df", "\u20ac", "\ud83d\ude00", "\u4e2d", "x", "abc", "Hello", "\t", ",",
            "\u0130", "\u0000"};
        int n = rnd.nextInt(0, 8);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String p = pieces[rnd.nextInt(pieces.length)];
            if (p.equals("\u0000") && rnd.nextInt(4) != 0) {
                p = "n";
            }
            sb.append(p);
        }
        return sb.toString();
    }

    public Mem blob() {
        int n = rnd.nextInt(0, 9);
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = rnd.nextInt(3) == 0 ? (byte) "0123456789.-e ".charAt(rnd.nextInt(14)) : (byte) rnd.nextInt(256);
        }
        return blobOf(b);
    }

    public static Mem copy(Mem m) {
        Mem c = new Mem();
        c.copyFrom(m);
        return c;
    }

    public static String utf8(Mem m) {
        return new String(m.bytes(), 0, m.length(), StandardCharsets.UTF_8);
    }
}
