package dev.panamax.func;

import dev.panamax.value.Mem;
import dev.panamax.value.NumericText;
import dev.panamax.value.Printf;
import dev.panamax.value.StrAccum;
import dev.panamax.value.Utf8;

/**
 * SQLite's text and blob functions (func.c): length, octet_length, instr, substr, upper, lower, trim family,
 * replace, hex, unhex, quote, unicode, char, concat, concat_ws, printf/format.
 *
 * <p>Arguments are read as SQLite reads them: {@code sqlite3_value_text} renders numbers and takes a blob's bytes;
 * functions that walk C strings (length, substr, trim's character set, unicode, quote, unhex) stop at the first
 * NUL byte, the others use the full byte length.
 */
final class TextFunctions {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TextFunctions() {
    }

    /** length(X): characters of TEXT (up to a NUL), bytes of BLOB or of a number's text, NULL for NULL. */
    static void length(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        switch (x.type()) {
            case Mem.NULL -> result.setNull();
            case Mem.TEXT -> {
                int end = Utf8.nulTerminated(x.bytes(), 0, x.length());
                result.setLong(Utf8.charCount(x.bytes(), 0, end));
            }
            default -> result.setLong(x.textLength());
        }
    }

    /** octet_length(X): bytes of the value's text or blob, NULL for NULL. */
    static void octetLength(FunctionContext ctx, Mem[] args, Mem result) {
        if (args[0].isNull()) {
            result.setNull();
        } else {
            result.setLong(args[0].textLength());
        }
    }

    /**
     * instr(X, Y): 1 + the number of characters before the first Y in X (bytes when both are blobs); 0 if none; 1
     * for an empty Y; NULL if either is NULL.
     */
    static void instr(FunctionContext ctx, Mem[] args, Mem result) {
        Mem hay = args[0];
        Mem needle = args[1];
        if (hay.isNull() || needle.isNull()) {
            result.setNull();
            return;
        }
        byte[] h = hay.textBytes();
        int nh = hay.textLength();
        byte[] nd = needle.textBytes();
        int nn = needle.textLength();
        boolean isText = hay.type() != Mem.BLOB || needle.type() != Mem.BLOB;
        int n = 1;
        if (nn > 0) {
            int at = 0;
            while (nn <= nh - at && !java.util.Arrays.equals(h, at, at + nn, nd, 0, nn)) {
                n++;
                do {
                    at++;
                } while (isText && at < nh && (h[at] & 0xc0) == 0x80);
            }
            if (nn > nh - at) {
                n = 0;
            }
        }
        result.setLong(n);
    }

    /**
     * substr(X, Y [, Z]) and substring(): Z characters (bytes for a blob) of X starting at the 1-based Y; a negative
     * Y counts from the end, a negative Z takes the characters before Y. NULL for a NULL argument.
     */
    static void substr(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        if (x.isNull()) {
            result.setNull();
            return;
        }
        boolean blob = x.type() == Mem.BLOB;
        if (blob && x.length() == 0) {
            result.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int end = blob ? x.textLength() : Utf8.nulTerminated(z, 0, x.textLength());
        long p1 = args[1].intValue();
        long len = blob ? end : (p1 < 0 ? Utf8.charCount(z, 0, end) : 0);
        long p2;
        if (args.length == 3) {
            p2 = args[2].intValue();
            if (p2 == 0 && args[2].isNull()) {
                result.setNull();
                return;
            }
        } else {
            p2 = ctx.maxLength();
        }
        if (p1 == 0 && args[1].isNull()) {
            result.setNull();
            return;
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 = p2 < 0 ? 0 : p2 + p1;
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (p2 < 0) {
            p2 = p2 < -p1 ? p1 : -p2;
            p1 -= p2;
        }
        if (blob) {
            if (p1 >= len) {
                p1 = 0;
                p2 = 0;
            } else if (p2 > len - p1) {
                p2 = len - p1;
            }
            result.setBlob(z, (int) p1, (int) p2);
            return;
        }
        int from = 0;
        while (from < end && p1 > 0) {
            from = Utf8.skipChar(z, from, end);
            p1--;
        }
        int to = from;
        while (to < end && p2 > 0) {
            to = Utf8.skipChar(z, to, end);
            p2--;
        }
        result.setText(z, from, to - from);
    }

    /** upper(X): ASCII letters upper-cased, other bytes as they are; TEXT, NULL for NULL. */
    static void upper(FunctionContext ctx, Mem[] args, Mem result) {
        mapCase(ctx, args[0], result, true);
    }

    /** lower(X): ASCII letters lower-cased, other bytes as they are; TEXT, NULL for NULL. */
    static void lower(FunctionContext ctx, Mem[] args, Mem result) {
        mapCase(ctx, args[0], result, false);
    }

    private static void mapCase(FunctionContext ctx, Mem x, Mem result, boolean upper) {
        if (x.isNull()) {
            result.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int n = x.textLength();
        Results.checkLength(ctx, n);
        byte[] out = result.reserve(n);
        for (int k = 0; k < n; k++) {
            byte c = z[k];
            if (upper && c >= 'a' && c <= 'z') {
                c -= 32;
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            out[k] = c;
        }
        result.commitBytes(Mem.TEXT, n);
    }

    /** ltrim (1), rtrim (2), trim (3): removes characters of Y (spaces by default) from the chosen ends of X. */
    static ScalarFunction trim(int sides) {
        return (ctx, args, result) -> trim(ctx, args, result, sides);
    }

    private static void trim(FunctionContext ctx, Mem[] args, Mem result, int sides) {
        Mem x = args[0];
        if (x.isNull() || (args.length == 2 && args[1].isNull())) {
            result.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int start = 0;
        int end = x.textLength();
        byte[] set = args.length == 2 ? args[1].textBytes() : new byte[] {' '};
        int setEnd = args.length == 2 ? Utf8.nulTerminated(set, 0, args[1].textLength()) : 1;
        if (setEnd > 0) {
            if ((sides & 1) != 0) {
                int len;
                while (start < end && (len = matchAt(z, start, end, set, setEnd, false)) > 0) {
                    start += len;
                }
            }
            if ((sides & 2) != 0) {
                int len;
                while (start < end && (len = matchAt(z, start, end, set, setEnd, true)) > 0) {
                    end -= len;
                }
            }
        }
        result.setText(z, start, end - start);
    }

    /**
     * The byte length of the first character of the set found at z's start (or, fromEnd, ending at z's end), 0 if
     * none.
     */
    private static int matchAt(byte[] z, int start, int end, byte[] set, int setEnd, boolean fromEnd) {
        for (int c = 0; c < setEnd; ) {
            int next = Utf8.skipChar(set, c, setEnd);
            int len = next - c;
            if (len <= end - start) {
                int at = fromEnd ? end - len : start;
                if (java.util.Arrays.equals(z, at, at + len, set, c, next)) {
                    return len;
                }
            }
            c = next;
        }
        return 0;
    }

    /** replace(X, Y, Z): every Y in X (bytes, no collation) replaced by Z; X itself when Y is empty. */
    static void replace(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        Mem pattern = args[1];
        if (x.isNull() || pattern.isNull()) {
            result.setNull();
            return;
        }
        byte[] s = x.textBytes();
        int ns = x.textLength();
        byte[] p = pattern.textBytes();
        int np = pattern.textLength();
        if (np == 0 || p[0] == 0) {
            result.setText(s, 0, ns);
            return;
        }
        if (args[2].isNull()) {
            result.setNull();
            return;
        }
        byte[] rep = args[2].textBytes();
        int nr = args[2].textLength();
        StrAccum out = new StrAccum(ns + 1, Long.MAX_VALUE);
        long size = ns;
        int i = 0;
        int loopLimit = ns - np;
        for (; i <= loopLimit; i++) {
            if (s[i] != p[0] || !java.util.Arrays.equals(s, i, i + np, p, 0, np)) {
                out.append(s[i]);
            } else {
                if (nr > np) {
                    size += nr - np;
                    Results.checkLength(ctx, size);
                }
                out.append(rep, 0, nr);
                i += np - 1;
            }
        }
        out.append(s, i, ns - i);
        Results.text(ctx, result, out.buffer(), 0, out.length());
    }

    /** hex(X): upper-case hex of the value's bytes (a number's text); '' for NULL. */
    static void hex(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        byte[] b = x.textBytes();
        int n = x.textLength();
        Results.checkLength(ctx, 2L * n);
        byte[] out = result.reserve(2 * n);
        for (int k = 0; k < n; k++) {
            out[2 * k] = HEX[(b[k] >> 4) & 0xf];
            out[2 * k + 1] = HEX[b[k] & 0xf];
        }
        result.commitBytes(Mem.TEXT, 2 * n);
    }

    /**
     * unhex(X [, Y]): the blob whose hex digits X spells; characters of Y may separate the pairs. NULL when X is
     * not such a string, or when either argument is NULL.
     */
    static void unhex(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        if (x.isNull() || (args.length == 2 && args[1].isNull())) {
            result.setNull();
            return;
        }
        byte[] h = x.textBytes();
        int end = Utf8.nulTerminated(h, 0, x.textLength());
        byte[] pass = args.length == 2 ? args[1].textBytes() : new byte[0];
        int passLen = args.length == 2 ? args[1].textLength() : 0;
        byte[] out = new byte[end / 2 + 1];
        int n = 0;
        int i = 0;
        while (i < end) {
            while (NumericText.hexValue(h[i]) < 0) {
                int ch = Utf8.readChar(h, i, end);
                i = Utf8.skipChar(h, i, end);
                if (!containsChar(pass, passLen, ch)) {
                    result.setNull();
                    return;
                }
                if (i >= end) {
                    result.setBlob(out, 0, n);
                    return;
                }
            }
            int hi = NumericText.hexValue(h[i++]);
            int lo = i < end ? NumericText.hexValue(h[i++]) : -1;
            if (lo < 0) {
                result.setNull();
                return;
            }
            out[n++] = (byte) (hi << 4 | lo);
        }
        result.setBlob(out, 0, n);
    }

    private static boolean containsChar(byte[] z, int n, int ch) {
        for (int i = 0; i < n; ) {
            if (Utf8.readChar(z, i, n) == ch) {
                return true;
            }
            i = Utf8.skipChar(z, i, n);
        }
        return false;
    }

    /**
     * quote(X): X as an SQL literal: text in single quotes (up to a NUL, quotes doubled), X'..' for a blob, a REAL
     * precise enough to read back, NULL as the word NULL.
     */
    static void quote(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        switch (x.type()) {
            case Mem.NULL -> result.setText("NULL");
            case Mem.INTEGER -> result.setText(x.textBytes(), 0, x.textLength());
            case Mem.REAL -> {
                // SQLite quotes with "%!0.17g", whose zero flag prints an infinity as a huge number that reads back.
                double r = x.doubleValue();
                if (Double.isInfinite(r)) {
                    result.setText(r < 0 ? "-9.0e+999" : "9.0e+999");
                } else {
                    result.setText(x.textBytes(), 0, x.textLength());
                }
            }
            case Mem.BLOB -> {
                int n = x.length();
                Results.checkLength(ctx, 2L * n + 3);
                byte[] out = result.reserve(2 * n + 3);
                out[0] = 'X';
                out[1] = '\'';
                for (int k = 0; k < n; k++) {
                    out[2 + 2 * k] = HEX[(x.bytes()[k] >> 4) & 0xf];
                    out[3 + 2 * k] = HEX[x.bytes()[k] & 0xf];
                }
                out[2 * n + 2] = '\'';
                result.commitBytes(Mem.TEXT, 2 * n + 3);
            }
            default -> {
                StrAccum out = new StrAccum(x.length() + 2, ctx.maxLength());
                Printf.format(out, new byte[] {'%', 'Q'}, 2, args, 0, 1);
                result.setText(out.buffer(), 0, out.length());
            }
        }
    }

    /** unicode(X): the code point of X's first character; NULL for NULL or an empty string. */
    static void unicode(FunctionContext ctx, Mem[] args, Mem result) {
        Mem x = args[0];
        byte[] z = x.textBytes();
        int n = x.textLength();
        if (z == null || n == 0 || z[0] == 0) {
            result.setNull();
            return;
        }
        result.setLong(Utf8.readChar(z, 0, Utf8.nulTerminated(z, 0, n)));
    }

    /** char(X, ...): the characters with these code points (U+FFFD for values outside 0..0x10FFFF). */
    static void chars(FunctionContext ctx, Mem[] args, Mem result) {
        byte[] out = new byte[args.length * 4];
        int n = 0;
        for (Mem m : args) {
            long x = m.intValue();
            if (x < 0 || x > 0x10ffff) {
                x = 0xfffd;
            }
            n = Utf8.writeChar((int) (x & 0x1fffff), out, n);
        }
        result.setText(out, 0, n);
    }

    /** concat(X, ...): the text of every argument that is not NULL, joined. */
    static void concat(FunctionContext ctx, Mem[] args, Mem result) {
        join(ctx, args, 0, null, 0, result);
    }

    /** concat_ws(SEP, X, ...): the non-NULL arguments joined by SEP; NULL when SEP is NULL. */
    static void concatWs(FunctionContext ctx, Mem[] args, Mem result) {
        if (args[0].isNull()) {
            result.setNull();
            return;
        }
        join(ctx, args, 1, args[0].textBytes(), args[0].textLength(), result);
    }

    private static void join(FunctionContext ctx, Mem[] args, int from, byte[] sep, int sepLen, Mem result) {
        long total = 0;
        for (int k = from; k < args.length; k++) {
            total += args[k].textLength() + (long) sepLen;
        }
        StrAccum out = new StrAccum((int) Math.min(total + 1, Integer.MAX_VALUE - 8), Long.MAX_VALUE);
        boolean any = false;
        for (int k = from; k < args.length; k++) {
            Mem m = args[k];
            if (m.isNull()) {
                continue;
            }
            if (any && sepLen > 0) {
                out.append(sep, 0, sepLen);
            }
            out.append(m.textBytes(), 0, m.textLength());
            any = true;
        }
        Results.text(ctx, result, out.buffer(), 0, out.length());
    }

    /** printf(FORMAT, ...) and format(): see {@link Printf}. NULL when FORMAT is NULL or nothing was printed. */
    static void printf(FunctionContext ctx, Mem[] args, Mem result) {
        if (args.length == 0 || args[0].isNull()) {
            result.setNull();
            return;
        }
        StrAccum out = new StrAccum(ctx.maxLength());
        Printf.format(out, args[0].textBytes(), args[0].textLength(), args, 1, args.length);
        if (out.touched()) {
            result.setText(out.buffer(), 0, out.length());
        } else {
            result.setNull();
        }
    }
}
