package dev.panamax.value;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The printf()/format() engine against SQLite over random format strings and arguments of every type. */
class PrintfTest {
    private static final String CONVERSIONS = "diuxXosqQwcfeEgGp%rzn";

    @Test
    void randomFormatsMatchSqlite() {
        RandomValues values = new RandomValues("printfFormats");
        SplittableRandom rnd = values.random();
        try (Differential d = new Differential(values.seed)) {
            for (int k = 0; k < 3000; k++) {
                String format = randomFormat(rnd);
                int nArgs = rnd.nextInt(0, 5);
                Mem[] args = new Mem[nArgs + 1];
                args[0] = RandomValues.of(format);
                StringBuilder expr = new StringBuilder("printf(?1");
                for (int j = 1; j <= nArgs; j++) {
                    // A '*' reads its width or precision from any argument: keep them small so results stay small.
                    boolean small = format.indexOf('*') >= 0 || rnd.nextInt(3) == 0;
                    args[j] = small ? RandomValues.of((long) rnd.nextInt(-40, 40)) : values.any();
                    expr.append(", ?").append(j + 1);
                }
                d.check(expr.append(")").toString(), args, PrintfTest::ours);
            }
            d.assertNoFailures();
        }
    }

    @Test
    void edgeCasesMatchSqlite() {
        String[][] cases = {
            {""}, {"%"}, {"abc%"}, {"%d"}, {"%s"}, {"%f"}, {"%T"}, {"a%Tb"}, {"x%Sy"}, {"%n|"}, {"%y"}, {"ab%-"},
            {"%5%"}, {"%-5d|", "42"}, {"%05d", "-42"}, {"%+.3d", "7"}, {"% d", "7"}, {"%#o", "8"}, {"%#x", "0"},
            {"%,d", "-1234567"}, {"%,.10d", "1234"}, {"%010.3f", "-3.14159"}, {"%.3c", "x"}, {"%5c|", "ab"},
            {"%-5c|", "\u00e9t\u00e9"}, {"%!5c|", "\u00e9"}, {"%5.2s|", "abcdef"}, {"%!.2s|", "\u00e9\u00e9\u00e9"},
            {"%.*f", "2", "3.14159"}, {"%*d|", "-5", "3"}, {"%.*f", "-2", "3.14159"}, {"%lld %ld %d", "1", "2", "3"},
            {"%r %r %r %r %r", "1", "2", "3", "11", "112"}, {"%.0g", "199.0"}, {"%#g", "1.0"}, {"%!g", "1.0"},
            {"%q|%Q|%w", "it's", "it's", "a\"b"}, {"%Q"}, {"%q"}, {"%w"}, {"%c"}, {"%020.3f", "1e400"},
            {"%f", "-1e400"}, {"%+f", "1e400"}, {"% f", "1e400"}, {"%05f", "1e400"}, {"%e", "0.0"},
            {"%.3e", "-0.0"}, {"%g", "100000"}, {"%g", "1000000"}, {"%G", "1e-10"}, {"%p", "255"},
            {"%X", "-1"}, {"%u", "-1"}, {"%o", "-1"}, {"%d", "12abc"}, {"%d", "3.99"}, {"%d", "-3.99"},
            {"%s", "12.5"}, {"%.3s", "\u20ac\u20ac"}, {"%.50f", "0.1"}, {"%!.50f", "0.1"}, {"%.40e", "1e-300"},
            {"%,.2f", "1234567.891"}, {"%,f", "-1e30"}, {"%2147483647d", "1"}, {"%.2147483647d", "1"},
            {"%.*c", "2000000000", "x"}, {"%.100000f", "1.5"}, {"%-+ #0,!d", "5"}, {"%0-5d|", "3"}, {"%00d", "3"},
            {"%#f", "-3.6e-18"}, {"%#.3f", "-0.0004"}, {"%#.3f", "-0.0005"}, {"%#.0f", "-0.4"}, {"% #f", "-1e-9"},
            {"%#q", "a\\b"}, {"%#Q", "a\\b"}, {"%#Q", "a\tb\\"}, {"%#w", "a\u0001\\"}, {"%#.2Q", "a\u0001b"},
        };
        try (Differential d = new Differential(0)) {
            for (String[] c : cases) {
                Mem[] args = new Mem[c.length];
                StringBuilder expr = new StringBuilder("printf(?1");
                args[0] = RandomValues.of(c[0]);
                for (int j = 1; j < c.length; j++) {
                    args[j] = numeric(c[j]);
                    expr.append(", ?").append(j + 1);
                }
                d.check(expr.append(")").toString(), args, PrintfTest::ours);
            }
            d.check("printf(NULL)", new Mem[0], (args, out) -> out.setNull());
            d.assertNoFailures();
        }
    }

    private static Mem numeric(String s) {
        Mem m = RandomValues.of(s);
        m.applyAffinity(Affinity.NUMERIC);
        return m;
    }

    static void ours(Mem[] args, Mem out) {
        StrAccum acc = new StrAccum(1_000_000_000);
        Mem f = args[0];
        if (f.isNull()) {
            out.setNull();
            return;
        }
        Printf.format(acc, f.textBytes(), f.textLength(), args, 1, args.length);
        if (acc.touched()) {
            out.setText(acc.buffer(), 0, acc.length());
        } else {
            out.setNull();
        }
    }

    private static String randomFormat(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        int pieces = rnd.nextInt(1, 4);
        for (int p = 0; p < pieces; p++) {
            if (rnd.nextInt(3) == 0) {
                sb.append(new String[] {"ab", " ", "\u00e9", "x=", "|", "%%"}[rnd.nextInt(6)]);
            }
            sb.append('%');
            int flags = rnd.nextInt(0, 3);
            for (int f = 0; f < flags; f++) {
                sb.append("-+ #!0,".charAt(rnd.nextInt(7)));
            }
            switch (rnd.nextInt(4)) {
                case 0 -> sb.append(rnd.nextInt(1, 25));
                case 1 -> sb.append('*');
                default -> { }
            }
            switch (rnd.nextInt(4)) {
                case 0 -> sb.append('.').append(rnd.nextInt(0, 22));
                case 1 -> sb.append(".*");
                case 2 -> sb.append('.');
                default -> { }
            }
            if (rnd.nextInt(8) == 0) {
                sb.append(rnd.nextBoolean() ? "l" : "ll");
            }
            sb.append(CONVERSIONS.charAt(rnd.nextInt(CONVERSIONS.length())));
        }
        return sb.toString();
    }
}
