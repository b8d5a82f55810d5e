package dev.panamax.sql.parser;

/**
 * Case-insensitive keyword lookup over a slice of the input, without allocating: an open-addressing table keyed
 * by a hash of the ASCII-folded letters (keywordhash.h plays this role in SQLite).
 */
final class Keywords {
    private static final int SLOTS = 1024;
    private static final String[] WORDS = new String[SLOTS];
    private static final int[] CODES = new int[SLOTS];
    private static final int MAX_LENGTH = 17;

    static {
        for (int t = Tk.FIRST_KEYWORD; t < Tk.COUNT; t++) {
            put(Tk.name(t), t);
        }
        put("TEMPORARY", Tk.TEMP);
    }

    private Keywords() {
    }

    private static void put(String word, int code) {
        int h = hash(word, 0, word.length()) & (SLOTS - 1);
        while (WORDS[h] != null) {
            h = (h + 1) & (SLOTS - 1);
        }
        WORDS[h] = word;
        CODES[h] = code;
    }

    private static int hash(CharSequence s, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = h * 31 + (s.charAt(i) & 0xDF);
        }
        return h ^ (h >>> 11);
    }

    /** The keyword code of {@code sql[from, to)} (letters and '_' only), or {@link Tk#ID}. */
    static int lookup(String sql, int from, int to) {
        int n = to - from;
        if (n < 2 || n > MAX_LENGTH) {
            return Tk.ID;
        }
        int h = hash(sql, from, to) & (SLOTS - 1);
        for (String w = WORDS[h]; w != null; w = WORDS[h]) {
            if (w.length() == n && sameLetters(w, sql, from)) {
                return CODES[h];
            }
            h = (h + 1) & (SLOTS - 1);
        }
        return Tk.ID;
    }

    private static boolean sameLetters(String upper, String sql, int from) {
        for (int i = 0; i < upper.length(); i++) {
            char c = sql.charAt(from + i);
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
