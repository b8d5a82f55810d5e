package dev.panamax.jdbc;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * SQLite's value conversions (sqlite3_column_int64, _double, _text) for values the driver holds as Java objects.
 * Text converts by its longest numeric prefix, as SQLite's {@code sqlite3Atoi64} and {@code sqlite3AtoF} do: "12abc"
 * reads as 12, "abc" as 0. A REAL reads as text with 15 significant digits ({@code %!.15g}).
 */
final class Values {
    private Values() {
    }

    static long textToLong(String s) {
        int i = skipSpaces(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        boolean overflow = false;
        for (; i < s.length() && Character.isDigit(s.charAt(i)); i++) {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
                break;
            }
            v = v * 10 + d;
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -v : v;
    }

    static double textToDouble(String s) {
        int start = skipSpaces(s, 0);
        int end = numericPrefixEnd(s, start);
        if (end == start) {
            return 0;
        }
        try {
            return Double.parseDouble(s.substring(start, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** End of the longest prefix of {@code s} from {@code i} that spells a decimal number. */
    private static int numericPrefixEnd(String s, int i) {
        int n = s.length();
        int p = i;
        if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
            p++;
        }
        int digits = 0;
        while (p < n && Character.isDigit(s.charAt(p))) {
            p++;
            digits++;
        }
        if (p < n && s.charAt(p) == '.') {
            p++;
            while (p < n && Character.isDigit(s.charAt(p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return i;
        }
        int mantissaEnd = p;
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
                p++;
            }
            int expStart = p;
            while (p < n && Character.isDigit(s.charAt(p))) {
                p++;
            }
            if (p == expStart) {
                return mantissaEnd;
            }
        }
        return p;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code d} as SQLite prints a REAL: 15 significant digits, ".0" on whole numbers, e+NN past 10^15. */
    static String realToText(double d) {
        if (Double.isNaN(d)) {
            return null;
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        } else if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            String digits = b.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
            return (b.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        String plain = b.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
