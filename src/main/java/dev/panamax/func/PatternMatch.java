package dev.panamax.func;

import dev.panamax.value.Mem;
import dev.panamax.value.Utf8;

/**
 * The LIKE and GLOB matching engines (func.c patternCompare) and the like() and glob() functions built on them. The
 * VM uses the engines directly for the LIKE and GLOB operators.
 *
 * <p>GLOB: {@code *} any run, {@code ?} one character, {@code [...]} a set with ranges and {@code ^} negation,
 * case-sensitive. LIKE: {@code %} any run, {@code _} one character, an optional escape character, upper and lower
 * case equal for ASCII letters only (unless case-sensitive). Both walk UTF-8 characters and stop at a NUL byte.
 */
public final class PatternMatch {
    private static final int MATCH = 0;
    private static final int NOMATCH = 1;
    private static final int NOWILDCARDMATCH = 2;

    /** The wildcards of one dialect; matchSet is '[' for GLOB and 0 for LIKE. */
    private record Info(int matchAll, int matchOne, int matchSet, boolean noCase) {
    }

    private static final Info GLOB = new Info('*', '?', '[', false);
    private static final Info LIKE_NOCASE = new Info('%', '_', 0, true);
    private static final Info LIKE_CASE = new Info('%', '_', 0, false);

    private PatternMatch() {
    }

    /** string GLOB pattern over UTF-8 bytes [0, length). */
    public static boolean glob(byte[] pattern, int patternLength, byte[] string, int stringLength) {
        return compare(pattern, patternLength, string, stringLength, GLOB, '[') == MATCH;
    }

    /**
     * string LIKE pattern [ESCAPE escape]: escape is a code point, or 0 for none; caseSensitive for PRAGMA
     * case_sensitive_like.
     */
    public static boolean like(byte[] pattern, int patternLength, byte[] string, int stringLength, int escape,
            boolean caseSensitive) {
        Info info = caseSensitive ? LIKE_CASE : LIKE_NOCASE;
        if (escape != 0 && (escape == info.matchAll || escape == info.matchOne)) {
            info = new Info(escape == info.matchAll ? 0 : info.matchAll, escape == info.matchOne ? 0 : info.matchOne,
                    0, info.noCase);
        }
        return compare(pattern, patternLength, string, stringLength, info, escape) == MATCH;
    }

    private static int compare(byte[] p, int pn, byte[] s, int sn, Info info, int matchOther) {
        return match(p, Utf8.nulTerminated(p, 0, pn), s, Utf8.nulTerminated(s, 0, sn), info, 0, 0, matchOther);
    }

    private static int match(byte[] p, int pEnd, byte[] s, int sEnd, Info info, int pi, int si, int matchOther) {
        int escaped = -1;
        while (pi < pEnd) {
            int c = Utf8.readChar(p, pi, pEnd);
            pi = Utf8.skipChar(p, pi, pEnd);
            if (c == info.matchAll) {
                return matchStar(p, pEnd, s, sEnd, info, pi, si, matchOther);
            }
            if (c == matchOther) {
                if (info.matchSet == 0) {
                    if (pi >= pEnd) {
                        return NOMATCH;
                    }
                    c = Utf8.readChar(p, pi, pEnd);
                    pi = Utf8.skipChar(p, pi, pEnd);
                    escaped = pi;
                } else {
                    int next = matchSet(p, pEnd, s, sEnd, pi, si);
                    if (next < 0) {
                        return NOMATCH;
                    }
                    pi = next;
                    si = Utf8.skipChar(s, si, sEnd);
                    continue;
                }
            }
            int c2 = si < sEnd ? Utf8.readChar(s, si, sEnd) : 0;
            if (si < sEnd) {
                si = Utf8.skipChar(s, si, sEnd);
            }
            if (c == c2) {
                continue;
            }
            if (info.noCase && c < 0x80 && c2 < 0x80 && lower(c) == lower(c2)) {
                continue;
            }
            if (c == info.matchOne && pi != escaped && c2 != 0) {
                continue;
            }
            return NOMATCH;
        }
        return si >= sEnd ? MATCH : NOMATCH;
    }

    /** The pattern continues after a '*' (or '%') at pi. */
    private static int matchStar(byte[] p, int pEnd, byte[] s, int sEnd, Info info, int pi, int si, int matchOther) {
        int c;
        while (true) {
            c = pi < pEnd ? Utf8.readChar(p, pi, pEnd) : 0;
            if (pi < pEnd) {
                pi = Utf8.skipChar(p, pi, pEnd);
            }
            if (c != 0 && c == info.matchAll) {
                continue;
            }
            if (c != 0 && c == info.matchOne) {
                if (si >= sEnd) {
                    return NOWILDCARDMATCH;
                }
                si = Utf8.skipChar(s, si, sEnd);
                continue;
            }
            break;
        }
        if (c == 0) {
            return MATCH;
        }
        if (c == matchOther) {
            if (info.matchSet == 0) {
                if (pi >= pEnd) {
                    return NOWILDCARDMATCH;
                }
                c = Utf8.readChar(p, pi, pEnd);
                pi = Utf8.skipChar(p, pi, pEnd);
            } else {
                int setStart = pi - 1;
                while (si < sEnd) {
                    int m = match(p, pEnd, s, sEnd, info, setStart, si, matchOther);
                    if (m != NOMATCH) {
                        return m;
                    }
                    si = Utf8.skipChar(s, si, sEnd);
                }
                return NOWILDCARDMATCH;
            }
        }
        return c < 0x80 ? searchAscii(p, pEnd, s, sEnd, info, c, pi, si, matchOther) : searchWide(p, pEnd, s, sEnd, info, c, pi, si, matchOther);
    }

    /** After a '*': tries the rest of the pattern after every occurrence of the ASCII character c (either case). */
    private static int searchAscii(byte[] p, int pEnd, byte[] s, int sEnd, Info info, int c, int pi, int si, int matchOther) {
        int upper = info.noCase ? upperAscii(c) : c;
        int lowerC = info.noCase ? lower(c) : c;
        while (true) {
            while (si < sEnd && s[si] != upper && s[si] != lowerC) {
                si++;
            }
            if (si >= sEnd) {
                return NOWILDCARDMATCH;
            }
            si++;
            int m = match(p, pEnd, s, sEnd, info, pi, si, matchOther);
            if (m != NOMATCH) {
                return m;
            }
        }
    }

    /** After a '*': tries the rest of the pattern after every occurrence of the non-ASCII character c. */
    private static int searchWide(byte[] p, int pEnd, byte[] s, int sEnd, Info info, int c, int pi, int si, int matchOther) {
        while (si < sEnd) {
            int c2 = Utf8.readChar(s, si, sEnd);
            si = Utf8.skipChar(s, si, sEnd);
            if (c2 != c) {
                continue;
            }
            int m = match(p, pEnd, s, sEnd, info, pi, si, matchOther);
            if (m != NOMATCH) {
                return m;
            }
        }
        return NOWILDCARDMATCH;
    }

    /**
     * A GLOB set "[...]" whose '[' was just read (pi is past it) against the character at si; returns the pattern
     * position after the ']' on a match, -1 otherwise.
     */
    private static int matchSet(byte[] p, int pEnd, byte[] s, int sEnd, int pi, int si) {
        if (si >= sEnd) {
            return -1;
        }
        int c = Utf8.readChar(s, si, sEnd);
        int priorC = 0;
        boolean seen = false;
        boolean invert = false;
        int c2 = read(p, pEnd, pi);
        pi = advance(p, pEnd, pi);
        if (c2 == '^') {
            invert = true;
            c2 = read(p, pEnd, pi);
            pi = advance(p, pEnd, pi);
        }
        if (c2 == ']') {
            if (c == ']') {
                seen = true;
            }
            c2 = read(p, pEnd, pi);
            pi = advance(p, pEnd, pi);
        }
        while (c2 != 0 && c2 != ']') {
            if (c2 == '-' && pi < pEnd && p[pi] != ']' && priorC > 0) {
                c2 = read(p, pEnd, pi);
                pi = advance(p, pEnd, pi);
                if (c >= priorC && c <= c2) {
                    seen = true;
                }
                priorC = 0;
            } else {
                if (c == c2) {
                    seen = true;
                }
                priorC = c2;
            }
            c2 = read(p, pEnd, pi);
            pi = advance(p, pEnd, pi);
        }
        if (c2 == 0 || seen == invert) {
            return -1;
        }
        return pi;
    }

    private static int read(byte[] p, int pEnd, int pi) {
        return pi < pEnd ? Utf8.readChar(p, pi, pEnd) : 0;
    }

    private static int advance(byte[] p, int pEnd, int pi) {
        return pi < pEnd ? Utf8.skipChar(p, pi, pEnd) : pi;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int upperAscii(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    /** like(PATTERN, STRING [, ESCAPE]) as a function definition. */
    static FunctionDef likeFunction(int nArg, boolean caseSensitive) {
        int flags = FunctionDef.DETERMINISTIC | FunctionDef.INNOCUOUS | FunctionDef.LIKE
                | (caseSensitive ? FunctionDef.CASE_SENSITIVE : 0);
        return FunctionDef.scalar("like", nArg, flags, (ctx, args, result) -> like(ctx, args, result, caseSensitive));
    }

    /** glob(PATTERN, STRING) as a function definition. */
    static FunctionDef globFunction() {
        int flags = FunctionDef.DETERMINISTIC | FunctionDef.INNOCUOUS | FunctionDef.LIKE | FunctionDef.CASE_SENSITIVE;
        return FunctionDef.scalar("glob", 2, flags, PatternMatch::glob);
    }

    private static void like(FunctionContext ctx, Mem[] args, Mem result, boolean caseSensitive) {
        Mem pattern = args[0];
        if (pattern.textLength() > ctx.maxLikePatternLength()) {
            throw Results.error("LIKE or GLOB pattern too complex");
        }
        int escape = 0;
        if (args.length == 3) {
            Mem esc = args[2];
            if (esc.isNull()) {
                result.setNull();
                return;
            }
            byte[] e = esc.textBytes();
            int eEnd = Utf8.nulTerminated(e, 0, esc.textLength());
            if (Utf8.charCount(e, 0, eEnd) != 1) {
                throw Results.error("ESCAPE expression must be a single character");
            }
            escape = Utf8.readChar(e, 0, eEnd);
        }
        Mem string = args[1];
        if (pattern.isNull() || string.isNull()) {
            result.setNull();
            return;
        }
        boolean m = like(pattern.textBytes(), pattern.textLength(), string.textBytes(), string.textLength(), escape,
                caseSensitive);
        result.setLong(m ? 1 : 0);
    }

    private static void glob(FunctionContext ctx, Mem[] args, Mem result) {
        Mem pattern = args[0];
        if (pattern.textLength() > ctx.maxLikePatternLength()) {
            throw Results.error("LIKE or GLOB pattern too complex");
        }
        Mem string = args[1];
        if (pattern.isNull() || string.isNull()) {
            result.setNull();
            return;
        }
        boolean m = glob(pattern.textBytes(), pattern.textLength(), string.textBytes(), string.textLength());
        result.setLong(m ? 1 : 0);
    }
}
