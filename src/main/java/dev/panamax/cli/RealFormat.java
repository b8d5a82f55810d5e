package dev.panamax.cli;

/**
 * SQLite 3.40's {@code %!.Ng} conversion of a double, digit for digit, as the {@code sqlite3} shell prints REAL
 * values: {@code %!.15g} for the text of a value (list, column, csv, line modes) and {@code %!.20g} for SQL
 * literals (quote, insert, json modes).
 *
 * <p>SQLite 3.40's printf (printf.c, {@code etGENERIC} with the {@code !} flag) normalises the value into [1, 10)
 * by repeated multiplication and division in {@code long double}, adds a rounding constant and peels off digits by
 * truncation, at most 26 significant ones. On x86-64 that arithmetic is x87 extended precision, so its 17th and
 * later digits are not those of the exact decimal expansion ({@code 9007199254740992.0} prints as
 * {@code 9007199254740991.9999}). {@link Extended} replays that arithmetic bit for bit, which is what makes the
 * shell's output equal the reference shell's bytes. The engine's own REAL-to-text conversion follows a newer
 * SQLite and is not used for display.
 */
final class RealFormat {
    private static final double[] ROUNDERS = {5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05,
        5.0e-06, 5.0e-07, 5.0e-08, 5.0e-09, 5.0e-10};
    private static final Extended TEN = Extended.of(10.0);
    private static final Extended ONE = Extended.of(1.0);
    private static final Extended E8 = Extended.of(1e8);
    private static final Extended E10 = Extended.of(1e10);
    private static final Extended E100 = Extended.of(1e100);
    private static final Extended TENTH = Extended.of(0.1);
    private static final Extended E_MINUS_8 = Extended.of(1e-8);
    private static final int MAX_EXPONENT = 350;

    private RealFormat() {
    }

    /** The text of a REAL value: {@code %!.15g}. */
    static String text(double value) {
        return generic(value, 15);
    }

    /** A REAL as an SQL literal, the way quote, insert and json modes write it: {@code %!.20g}. */
    static String literal(double value) {
        return generic(value, 20);
    }

    /** {@code printf("%!.<precision>g", value)} as SQLite 3.40 renders it. */
    static String generic(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        if (value == Double.POSITIVE_INFINITY) {
            return out.append("Inf").toString();
        }
        int p = precision > 0 ? precision - 1 : precision;
        double rounder = ROUNDERS[(p & 0xfff) % 10];
        for (int idx = p & 0xfff; idx >= 10; idx -= 10) {
            rounder *= 1.0e-10;
        }
        Extended real = Extended.of(value);
        int exp = 0;
        if (!real.isZero()) {
            Normalized n = normalize(real);
            if (n.exponent > MAX_EXPONENT) {
                return out.append("Inf").toString();
            }
            real = n.value;
            exp = n.exponent;
        }
        real = real.add(Extended.of(rounder));
        if (real.compareTo(TEN) >= 0) {
            real = real.multiply(TENTH);
            exp++;
        }
        if (exp < -4 || exp > p) {
            digits(out, real, 0, p);
            return exponentSuffix(out, exp);
        }
        digits(out, real, exp, p - exp);
        return out.toString();
    }

    private record Normalized(Extended value, int exponent) {
    }

    private static Normalized normalize(Extended real) {
        Extended scale = ONE;
        int exp = 0;
        while (real.compareTo(E100.multiply(scale)) >= 0 && exp <= MAX_EXPONENT) {
            scale = scale.multiply(E100);
            exp += 100;
        }
        while (real.compareTo(E10.multiply(scale)) >= 0 && exp <= MAX_EXPONENT) {
            scale = scale.multiply(E10);
            exp += 10;
        }
        while (real.compareTo(TEN.multiply(scale)) >= 0 && exp <= MAX_EXPONENT) {
            scale = scale.multiply(TEN);
            exp++;
        }
        real = real.divide(scale);
        while (real.compareTo(E_MINUS_8) < 0) {
            real = real.multiply(E8);
            exp -= 8;
        }
        while (real.compareTo(ONE) < 0) {
            real = real.multiply(TEN);
            exp--;
        }
        return new Normalized(real, exp);
    }

    /**
     * Writes the digits of {@code real} in [1, 10): {@code e2 + 1} before the point (a single 0 when negative),
     * zeros up to the first significant digit, then the rest, and drops trailing zeros but keeps one after the
     * point (the {@code !} flag).
     */
    private static void digits(StringBuilder out, Extended real, int e2, int precision) {
        int[] significant = {26};
        Extended[] value = {real};
        if (e2 < 0) {
            out.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                out.append(nextDigit(value, significant));
            }
        }
        out.append('.');
        for (e2++; e2 < 0; precision--, e2++) {
            out.append('0');
        }
        while (precision-- > 0) {
            out.append(nextDigit(value, significant));
        }
        int end = out.length();
        while (out.charAt(end - 1) == '0') {
            end--;
        }
        out.setLength(end);
        if (out.charAt(end - 1) == '.') {
            out.append('0');
        }
    }

    /** printf.c's {@code et_getdigit}: the leading digit, then the remainder times ten. */
    private static char nextDigit(Extended[] value, int[] significant) {
        if (significant[0] <= 0) {
            return '0';
        }
        significant[0]--;
        int digit = value[0].truncate();
        value[0] = value[0].subtract(Extended.ofInt(digit)).multiply(TEN);
        return (char) ('0' + digit);
    }

    private static String exponentSuffix(StringBuilder out, int exp) {
        out.append('e');
        if (exp < 0) {
            out.append('-');
            exp = -exp;
        } else {
            out.append('+');
        }
        if (exp >= 100) {
            out.append((char) ('0' + exp / 100));
            exp %= 100;
        }
        out.append((char) ('0' + exp / 10)).append((char) ('0' + exp % 10));
        return out.toString();
    }
}
