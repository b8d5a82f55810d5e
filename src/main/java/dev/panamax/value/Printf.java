package dev.panamax.value;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's printf engine (printf.c, sqlite3_str_vappendf) as used by the SQL functions printf() and format(), and
 * SQLite's rendering of a REAL as text (the "%!.17g" form with its ".0" suffix).
 *
 * <p>Conversions: {@code %d %i %u %f %e %E %g %G %x %X %o %s %z %q %Q %w %c %p %r %n %%}; flags {@code - + space #
 * ! 0 ,}; width and precision as numbers or {@code *} (taken from the next argument; a negative width means left
 * justify, a negative precision counts as positive); {@code l}/{@code ll} are accepted and ignored. An unknown
 * conversion, {@code %T} or {@code %S} ends the output there. Missing arguments read as 0, 0.0 or NULL.
 *
 * <p>Widths and precisions count bytes, or characters with the {@code !} flag (always characters for {@code %c}).
 * Text arguments end at their first NUL byte, as in C. The format string ends at its first NUL too.
 */
public final class Printf {
    private static final int RADIX = 0;
    private static final int FLOAT = 1;
    private static final int EXP = 2;
    private static final int GENERIC = 3;
    private static final int SIZE = 4;
    private static final int STRING = 5;
    private static final int PERCENT = 7;
    private static final int CHARX = 8;
    private static final int SQLESCAPE = 9;
    private static final int SQLESCAPE2 = 10;
    private static final int INTERNAL_ONLY = 11;
    private static final int POINTER = 13;
    private static final int SQLESCAPE3 = 14;
    private static final int ORDINAL = 15;
    private static final int DECIMAL = 16;
    private static final int INVALID = 17;

    /** Hard limit on a float conversion's precision, as SQLite's SQLITE_FP_PRECISION_LIMIT. */
    private static final int FP_PRECISION_LIMIT = 100_000_000;
    /** SQLite renders into a 70-byte stack buffer and asks the accumulator for anything larger. */
    private static final int BUF_SIZE = 70;

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Printf() {
    }

    /** One conversion's parsed specification. */
    private static final class Spec {
        boolean leftJustify;
        byte flagPrefix;
        boolean alternateForm;
        boolean altForm2;
        boolean zeroPad;
        boolean thousands;
        int width;
        int precision;
        byte conversion;
    }

    /** Where a printf() call takes its arguments from: SQL values, consumed left to right. */
    private static final class Args {
        final Mem[] args;
        int next;
        final int end;

        Args(Mem[] args, int start, int end) {
            this.args = args;
            this.next = start;
            this.end = end;
        }

        long nextLong() {
            return next < end ? args[next++].intValue() : 0;
        }

        double nextDouble() {
            return next < end ? args[next++].realValue() : 0.0;
        }

        /** The next argument as text, or null for a NULL or missing argument. */
        Mem nextText() {
            if (next >= end) {
                return null;
            }
            Mem m = args[next++];
            return m.isNull() ? null : m;
        }
    }

    /**
     * The SQL function printf(FORMAT, ...): renders format[0..formatLength) with args[argStart..argEnd) into out.
     * Raises TOOBIG when the result would pass out's limit.
     */
    public static void format(StrAccum out, byte[] format, int formatLength, Mem[] args, int argStart, int argEnd) {
        Args a = new Args(args, argStart, argEnd);
        Spec spec = new Spec();
        int end = formatLength;
        for (int k = 0; k < formatLength; k++) {
            if (format[k] == 0) {
                end = k;
                break;
            }
        }
        int i = 0;
        while (i < end) {
            if (format[i] != '%') {
                int runStart = i;
                while (i < end && format[i] != '%') {
                    i++;
                }
                out.append(format, runStart, i - runStart);
                if (i >= end) {
                    break;
                }
            }
            i++;
            if (i >= end) {
                out.append((byte) '%');
                break;
            }
            i = parseSpec(format, i, end, spec, a);
            if (!convert(out, spec, a)) {
                return;
            }
            i++;
        }
    }

    /** Convenience for tests and internal callers: printf over the given values; null when SQLite gives NULL. */
    public static String format(String format, Mem... args) {
        StrAccum out = new StrAccum(1_000_000_000);
        byte[] f = format.getBytes(StandardCharsets.UTF_8);
        format(out, f, f.length, args, 0, args.length);
        return out.touched() ? out.toString() : null;
    }

    /**
     * Parses flags, width, precision and the conversion letter starting at format[i] (just past the '%'); returns
     * the index of the conversion letter (== end when the format ends first, conversion 0).
     */
    private static int parseSpec(byte[] format, int i, int end, Spec spec, Args a) {
        spec.leftJustify = false;
        spec.flagPrefix = 0;
        spec.alternateForm = false;
        spec.altForm2 = false;
        spec.zeroPad = false;
        spec.thousands = false;
        spec.width = 0;
        spec.precision = -1;
        int c = format[i];
        boolean done = false;
        do {
            switch (c) {
                case '-' -> spec.leftJustify = true;
                case '+' -> spec.flagPrefix = '+';
                case ' ' -> spec.flagPrefix = ' ';
                case '#' -> spec.alternateForm = true;
                case '!' -> spec.altForm2 = true;
                case '0' -> spec.zeroPad = true;
                case ',' -> spec.thousands = true;
                case 'l' -> {
                    c = at(format, ++i, end);
                    if (c == 'l') {
                        c = at(format, ++i, end);
                    }
                    done = true;
                }
                case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    i = parseWidth(format, i, end, spec);
                    c = at(format, i, end);
                    if (c != '.' && c != 'l') {
                        done = true;
                    } else {
                        i--;
                    }
                }
                case '*' -> {
                    int w = (int) a.nextLong();
                    if (w < 0) {
                        spec.leftJustify = true;
                        w = w >= -2147483647 ? -w : 0;
                    }
                    spec.width = w;
                    c = at(format, i + 1, end);
                    if (c != '.' && c != 'l') {
                        c = at(format, ++i, end);
                        done = true;
                    }
                }
                case '.' -> {
                    i = parsePrecision(format, i, end, spec, a);
                    c = at(format, i, end);
                    if (c == 'l') {
                        i--;
                    } else {
                        done = true;
                    }
                }
                default -> done = true;
            }
        } while (!done && (c = at(format, ++i, end)) != 0);
        spec.conversion = (byte) c;
        return i;
    }

    /** Digits of a width starting at format[i]; returns the index after them (wrapping like SQLite's unsigned). */
    private static int parseWidth(byte[] format, int i, int end, Spec spec) {
        int wx = 0;
        int c;
        while ((c = at(format, i, end)) >= '0' && c <= '9') {
            wx = wx * 10 + c - '0';
            i++;
        }
        spec.width = wx & 0x7fffffff;
        return i;
    }

    /** A precision after the '.' at format[i]: digits or '*'; returns the index after it. */
    private static int parsePrecision(byte[] format, int i, int end, Spec spec, Args a) {
        int c = at(format, ++i, end);
        if (c == '*') {
            int p = (int) a.nextLong();
            if (p < 0) {
                p = p >= -2147483647 ? -p : -1;
            }
            spec.precision = p;
            return i + 1;
        }
        int px = 0;
        while (c >= '0' && c <= '9') {
            px = px * 10 + c - '0';
            c = at(format, ++i, end);
        }
        spec.precision = px & 0x7fffffff;
        return i;
    }

    private static int at(byte[] b, int i, int end) {
        return i < end ? b[i] : 0;
    }

    private static int typeOf(byte c) {
        return switch (c) {
            case 'd', 'i', 'u' -> DECIMAL;
            case 's', 'z' -> STRING;
            case 'g', 'G' -> GENERIC;
            case 'q' -> SQLESCAPE;
            case 'Q' -> SQLESCAPE2;
            case 'w' -> SQLESCAPE3;
            case 'c' -> CHARX;
            case 'o', 'x', 'X' -> RADIX;
            case 'f' -> FLOAT;
            case 'e', 'E' -> EXP;
            case 'n' -> SIZE;
            case '%' -> PERCENT;
            case 'p' -> POINTER;
            case 'T', 'S' -> INTERNAL_ONLY;
            case 'r' -> ORDINAL;
            default -> INVALID;
        };
    }

    /** Renders one conversion; false when the output must stop here. */
    private static boolean convert(StrAccum out, Spec spec, Args a) {
        int type = typeOf(spec.conversion);
        switch (type) {
            case RADIX, DECIMAL, ORDINAL, POINTER -> appendInteger(out, spec, type, a);
            case FLOAT, EXP, GENERIC -> appendFloat(out, spec, type, a.nextDouble());
            case SIZE -> out.append(EMPTY, 0, 0);
            case PERCENT -> pad(out, spec, 0, new byte[] {'%'}, 0, 1);
            case CHARX -> appendChar(out, spec, a);
            case STRING -> appendString(out, spec, a);
            case SQLESCAPE, SQLESCAPE2, SQLESCAPE3 -> appendEscaped(out, spec, type, a);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The common tail: bytes src[off..off+length) padded with spaces to the field width. */
    private static void pad(StrAccum out, Spec spec, int widthAdjust, byte[] src, int off, int length) {
        int width = spec.width + widthAdjust - length;
        if (width > 0) {
            if (!spec.leftJustify) {
                out.appendRepeated(width, (byte) ' ');
            }
            out.append(src, off, length);
            if (spec.leftJustify) {
                out.appendRepeated(width, (byte) ' ');
            }
        } else {
            out.append(src, off, length);
        }
    }

    /** With the '!' flag, widths count characters: every UTF-8 continuation byte widens the field by one. */
    private static int utf8WidthAdjust(Spec spec, boolean charWidth, byte[] b, int off, int length) {
        if (!charWidth || spec.width <= 0) {
            return 0;
        }
        int extra = 0;
        for (int k = off; k < off + length; k++) {
            if ((b[k] & 0xc0) == 0x80) {
                extra++;
            }
        }
        return extra;
    }

    private static void appendInteger(StrAccum out, Spec spec, int type, Args a) {
        boolean thousands = spec.thousands && type == DECIMAL;
        boolean signed = spec.conversion == 'd' || spec.conversion == 'i' || spec.conversion == 'r';
        long value = a.nextLong();
        long magnitude;
        byte prefix;
        if (signed && value < 0) {
            magnitude = -value;
            prefix = '-';
        } else {
            magnitude = value;
            prefix = signed ? spec.flagPrefix : 0;
        }
        boolean alternate = spec.alternateForm && magnitude != 0;
        int precision = spec.precision;
        if (spec.zeroPad && precision < spec.width - (prefix != 0 ? 1 : 0)) {
            precision = spec.width - (prefix != 0 ? 1 : 0);
        }
        if (precision >= BUF_SIZE - 10 - BUF_SIZE / 3) {
            long tmp = (long) precision + 10 + (thousands ? precision / 3 : 0);
            if (tmp > out.maxLength()) {
                throw StrAccum.tooBig();
            }
        }
        int base = switch (spec.conversion) {
            case 'o' -> 8;
            case 'x', 'X', 'p' -> 16;
            default -> 10;
        };
        byte[] digitSet = spec.conversion == 'x' ? LOWER_HEX : UPPER_HEX;
        byte[] digits = new byte[Math.max(precision, 0) + 24];
        int p = digits.length;
        if (type == ORDINAL) {
            int x = (int) Long.remainderUnsigned(magnitude, 10);
            if (x >= 4 || Long.remainderUnsigned(Long.divideUnsigned(magnitude, 10), 10) == 1) {
                x = 0;
            }
            digits[--p] = (byte) "thstndrd".charAt(x * 2 + 1);
            digits[--p] = (byte) "thstndrd".charAt(x * 2);
        }
        do {
            digits[--p] = digitSet[(int) Long.remainderUnsigned(magnitude, base)];
            magnitude = Long.divideUnsigned(magnitude, base);
        } while (magnitude != 0);
        while (precision > digits.length - p) {
            digits[--p] = '0';
        }
        StrAccum field = new StrAccum(digits.length - p + (digits.length - p) / 3 + 4, Long.MAX_VALUE);
        if (alternate && base != 10) {
            field.append(spec.conversion == 'o' ? "0" : spec.conversion == 'X' ? "0X" : "0x");
        }
        if (prefix != 0) {
            field.append(prefix);
        }
        appendGrouped(field, digits, p, digits.length - p, thousands);
        pad(out, spec, 0, field.buffer(), 0, field.length());
    }

    /** Appends digits, with a comma every three from the right when thousands is set. */
    private static void appendGrouped(StrAccum field, byte[] digits, int p, int length, boolean thousands) {
        if (!thousands) {
            field.append(digits, p, length);
            return;
        }
        int first = (length - 1) % 3 + 1;
        field.append(digits, p, first);
        for (int k = p + first; k < p + length; k += 3) {
            field.append((byte) ',');
            field.append(digits, k, 3);
        }
    }

    private static void appendFloat(StrAccum out, Spec spec, int type, double value) {
        int precision = spec.precision < 0 ? 6 : Math.min(spec.precision, FP_PRECISION_LIMIT);
        if (type == GENERIC && precision == 0) {
            precision = 1;
        }
        int iRound = type == FLOAT ? -precision : type == GENERIC ? precision : precision + 1;
        FpDecoder s = new FpDecoder();
        s.decode(value, iRound, spec.altForm2 ? 26 : 16);
        if (s.special == 2) {
            byte[] text = (spec.zeroPad ? "null" : "NaN").getBytes(StandardCharsets.US_ASCII);
            pad(out, spec, 0, text, 0, text.length);
            return;
        }
        if (s.special == 1) {
            if (!spec.zeroPad) {
                String text = s.negative ? "-Inf" : spec.flagPrefix != 0 ? (char) spec.flagPrefix + "Inf" : "Inf";
                byte[] b = text.getBytes(StandardCharsets.US_ASCII);
                pad(out, spec, 0, b, 0, b.length);
                return;
            }
            s.digits = 9;
            s.n = 1;
            s.iDP = 1000;
        }
        int e2 = (type == EXP || (type == GENERIC && isExpForm(s, precision))) ? 0 : s.iDP - 1;
        int effPrecision = type == GENERIC ? genericPrecision(s, precision) : precision;
        long needed = Math.max(e2, 0) + (long) effPrecision + spec.width + 15;
        if (spec.thousands && e2 > 0) {
            needed += (e2 + 2) / 3;
        }
        if (needed > BUF_SIZE && needed > out.maxLength()) {
            throw StrAccum.tooBig();
        }
        long body = needed - (spec.zeroPad ? 0 : spec.width);
        byte[] b = new byte[(int) Math.max(body, BUF_SIZE)];
        // "%#f" prints a negative value that rounds to zero without its minus sign.
        boolean dropSign = s.negative && spec.alternateForm && spec.flagPrefix == 0 && type == FLOAT
                && s.iDP <= iRound;
        if (dropSign) {
            s.negative = false;
        }
        int length = floatBody(b, 0, s, type, precision, spec, spec.conversion == 'E' || spec.conversion == 'G');
        pad(out, spec, 0, b, 0, length);
    }

    private static boolean isExpForm(FpDecoder s, int precision) {
        int p = precision > 0 ? precision - 1 : precision;
        int exp = s.iDP - 1;
        return exp < -4 || exp > p;
    }

    private static int genericPrecision(FpDecoder s, int precision) {
        int p = precision > 0 ? precision - 1 : precision;
        return isExpForm(s, precision) ? p : p - (s.iDP - 1);
    }

    /**
     * The digits of a decoded finite value in %f, %e or %g form, written at b[at]; returns the length. Zero padding
     * to the width is included here (it goes after the sign); space padding is the caller's.
     */
    private static int floatBody(byte[] b, int at, FpDecoder s, int type, int precision, Spec spec, boolean upper) {
        byte prefix = s.negative ? (byte) '-' : spec.flagPrefix;
        int exp = s.iDP - 1;
        if (type == GENERIC && precision > 0) {
            precision--;
        }
        boolean rtz;
        if (type == GENERIC) {
            rtz = !spec.alternateForm;
            if (exp < -4 || exp > precision) {
                type = EXP;
            } else {
                precision = precision - exp;
                type = FLOAT;
            }
        } else {
            rtz = spec.altForm2;
        }
        int e2 = type == EXP ? 0 : s.iDP - 1;
        boolean dp = precision > 0 || spec.alternateForm || spec.altForm2;
        int p = at;
        if (prefix != 0) {
            b[p++] = prefix;
        }
        int j = 0;
        if (e2 < 0) {
            b[p++] = '0';
        } else {
            for (; e2 >= 0; e2--) {
                b[p++] = (byte) ('0' + s.digit(j++));
                if (spec.thousands && (e2 % 3) == 0 && e2 > 1) {
                    b[p++] = ',';
                }
            }
        }
        if (dp) {
            b[p++] = '.';
        }
        for (e2++; e2 < 0 && precision > 0; precision--, e2++) {
            b[p++] = '0';
        }
        while (precision-- > 0) {
            b[p++] = (byte) ('0' + s.digit(j++));
        }
        if (rtz && dp) {
            while (b[p - 1] == '0') {
                p--;
            }
            if (b[p - 1] == '.') {
                if (spec.altForm2) {
                    b[p++] = '0';
                } else {
                    p--;
                }
            }
        }
        if (type == EXP) {
            p = appendExponent(b, p, s.iDP - 1, upper ? (byte) 'E' : (byte) 'e');
        }
        int length = p - at;
        if (spec.zeroPad && !spec.leftJustify && length < spec.width) {
            int nPad = spec.width - length;
            int signLen = prefix != 0 ? 1 : 0;
            System.arraycopy(b, at + signLen, b, at + signLen + nPad, length - signLen);
            for (int k = 0; k < nPad; k++) {
                b[at + signLen + k] = '0';
            }
            length = spec.width;
        }
        return length;
    }

    private static int appendExponent(byte[] b, int p, int exp, byte letter) {
        b[p++] = letter;
        if (exp < 0) {
            b[p++] = '-';
            exp = -exp;
        } else {
            b[p++] = '+';
        }
        if (exp >= 100) {
            b[p++] = (byte) (exp / 100 + '0');
            exp %= 100;
        }
        b[p++] = (byte) (exp / 10 + '0');
        b[p++] = (byte) (exp % 10 + '0');
        return p;
    }

    /** %c: the first character of the argument's text, repeated precision times. */
    private static void appendChar(StrAccum out, Spec spec, Args a) {
        Mem m = a.nextText();
        byte[] ch = new byte[4];
        int length = 1;
        if (m != null) {
            byte[] t = m.textBytes();
            int n = m.textLength();
            ch[0] = n > 0 ? t[0] : 0;
            if ((ch[0] & 0xc0) == 0xc0) {
                while (length < 4 && length < n && (t[length] & 0xc0) == 0x80) {
                    ch[length] = t[length];
                    length++;
                }
            }
        }
        int width = spec.width;
        if (spec.precision > 1) {
            long copies = spec.precision - 1L;
            width -= spec.precision - 1;
            if (width > 1 && !spec.leftJustify) {
                out.appendRepeated(width - 1L, (byte) ' ');
                width = 0;
            }
            out.appendCopies(ch, 0, length, copies);
        }
        int saved = spec.width;
        spec.width = width;
        pad(out, spec, utf8WidthAdjust(spec, true, ch, 0, length), ch, 0, length);
        spec.width = saved;
    }

    /** %s and %z: the argument's text up to its first NUL, cut to precision bytes (characters with '!'). */
    private static void appendString(StrAccum out, Spec spec, Args a) {
        Mem m = a.nextText();
        byte[] t = m == null ? new byte[0] : m.textBytes();
        int n = m == null ? 0 : cStringLength(t, m.textLength());
        int length;
        if (spec.precision >= 0) {
            if (spec.altForm2) {
                int z = 0;
                int chars = spec.precision;
                while (chars-- > 0 && z < n) {
                    z = Utf8.skipChar(t, z, n);
                }
                length = z;
            } else {
                length = Math.min(spec.precision, n);
            }
        } else {
            length = n;
        }
        pad(out, spec, utf8WidthAdjust(spec, spec.altForm2, t, 0, length), t, 0, length);
    }

    /**
     * %q, %Q, %w: the text with the quote character doubled; %Q adds quotes, NULL prints as NULL or (NULL). With
     * '#' (not for %w), control characters become backslash-u00XX escapes and backslashes are doubled (always for
     * %q, for %Q only when there is a control character, which it then writes as unistr('...')).
     */
    private static void appendEscaped(StrAccum out, Spec spec, int type, Args a) {
        byte q = type == SQLESCAPE3 ? (byte) '"' : (byte) '\'';
        Mem m = a.nextText();
        boolean isNull = m == null;
        byte[] t;
        int n;
        if (isNull) {
            t = (type == SQLESCAPE2 ? "NULL" : "(NULL)").getBytes(StandardCharsets.US_ASCII);
            n = t.length;
        } else {
            t = m.textBytes();
            n = cStringLength(t, m.textLength());
        }
        int k = spec.precision;
        int i = 0;
        for (; k != 0 && i < n; i++, k--) {
            if (spec.altForm2 && (t[i] & 0xc0) == 0xc0) {
                while (i + 1 < n && (t[i + 1] & 0xc0) == 0x80) {
                    i++;
                }
            }
        }
        boolean needQuote = !isNull && type == SQLESCAPE2;
        boolean unicodeEscapes = spec.alternateForm && type != SQLESCAPE3
                && (type == SQLESCAPE || hasControlChars(t, i));
        boolean unistr = unicodeEscapes && needQuote;
        StrAccum field = new StrAccum(i + 16, Long.MAX_VALUE);
        if (needQuote) {
            field.append(unistr ? "unistr('" : "'");
        }
        for (int j = 0; j < i; j++) {
            byte ch = t[j];
            if (unicodeEscapes && ch >= 0 && ch <= 31) {
                field.append("\\u00");
                field.append(LOWER_HEX[ch >> 4]);
                field.append(LOWER_HEX[ch & 15]);
                continue;
            }
            field.append(ch);
            if (ch == q || (unicodeEscapes && ch == '\\')) {
                field.append(ch);
            }
        }
        if (needQuote) {
            field.append(unistr ? "')" : "'");
        }
        byte[] f = field.buffer();
        pad(out, spec, utf8WidthAdjust(spec, spec.altForm2, f, 0, field.length()), f, 0, field.length());
    }

    /** True when t[0..n) has a control character (0x01..0x1f); the '#' flag then escapes them as backslash-u00XX. */
    private static boolean hasControlChars(byte[] t, int n) {
        for (int k = 0; k < n; k++) {
            if (t[k] >= 0 && t[k] <= 31) {
                return true;
            }
        }
        return false;
    }

    /** Length of text up to its first NUL byte. */
    static int cStringLength(byte[] t, int n) {
        for (int k = 0; k < n; k++) {
            if (t[k] == 0) {
                return k;
            }
        }
        return n;
    }

    /**
     * A REAL as SQLite renders it as text (CAST, ||, column text, CLI): "%!.17g", shortened when 15 or 16 digits
     * already convert back exactly, with ".0" added to whole numbers. Writes at b[at] (room for 32 bytes needed)
     * and returns the new end.
     */
    static int renderReal(double r, byte[] b, int at) {
        FpDecoder s = new FpDecoder();
        s.decode(r, 17, 26);
        if (s.special != 0) {
            String text = s.special == 2 ? "NaN" : s.negative ? "-Inf" : "Inf";
            for (int k = 0; k < text.length(); k++) {
                b[at + k] = (byte) text.charAt(k);
            }
            return at + text.length();
        }
        return at + floatBody(b, at, s, GENERIC, 17, REAL_TEXT, false);
    }

    private static final Spec REAL_TEXT = new Spec();

    static {
        REAL_TEXT.altForm2 = true;
    }

    /** printf("%!.*f", precision, r): the text SQLite's round() parses back. */
    public static String fixedText(double r, int precision) {
        FpDecoder s = new FpDecoder();
        s.decode(r, -precision, 26);
        if (s.special != 0) {
            return s.special == 2 ? "NaN" : s.negative ? "-Inf" : "Inf";
        }
        Spec spec = new Spec();
        spec.altForm2 = true;
        spec.precision = precision;
        byte[] b = new byte[Math.max(s.iDP, 0) + precision + 16];
        int length = floatBody(b, 0, s, FLOAT, precision, spec, false);
        return new String(b, 0, length, StandardCharsets.US_ASCII);
    }

    /** Renders a long in decimal at b[at] (room for 20 bytes needed); returns the new end. */
    static int renderLong(long v, byte[] b, int at) {
        if (v == 0) {
            b[at] = '0';
            return at + 1;
        }
        int n = 0;
        long x = v;
        while (x != 0) {
            n++;
            x /= 10;
        }
        int p = at;
        if (v < 0) {
            b[p++] = '-';
        }
        int end = p + n;
        x = v;
        for (int k = end - 1; k >= p; k--) {
            b[k] = (byte) ('0' + Math.abs(x % 10));
            x /= 10;
        }
        return end;
    }
}
