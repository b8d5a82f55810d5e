package dev.panamax.value;

/** SQLite's built-in collating sequences: BINARY (memcmp), NOCASE (ASCII case folded), RTRIM (trailing spaces). */
public final class Collations {
    private Collations() {
    }

    public static final Collation BINARY = new Collation() {
        @Override
        public String name() {
            return "BINARY";
        }

        @Override
        public int compare(byte[] a, int aLen, byte[] b, int bLen) {
            return compareBinaryPrefix(a, aLen, b, bLen);
        }
    };

    /**
     * ASCII letters fold to lower case; like SQLite's sqlite3StrNICmp the comparison also ends at a NUL byte in the
     * first operand, after which only the lengths decide.
     */
    public static final Collation NOCASE = new Collation() {
        @Override
        public String name() {
            return "NOCASE";
        }

        @Override
        public int compare(byte[] a, int aLen, byte[] b, int bLen) {
            int n = Math.min(aLen, bLen);
            int k = 0;
            while (k < n && a[k] != 0 && fold(a[k] & 0xff) == fold(b[k] & 0xff)) {
                k++;
            }
            int r = k == n ? 0 : fold(a[k] & 0xff) - fold(b[k] & 0xff);
            return r != 0 ? r : aLen - bLen;
        }
    };

    public static final Collation RTRIM = new Collation() {
        @Override
        public String name() {
            return "RTRIM";
        }

        @Override
        public int compare(byte[] a, int aLen, byte[] b, int bLen) {
            while (aLen > 0 && a[aLen - 1] == ' ') {
                aLen--;
            }
            while (bLen > 0 && b[bLen - 1] == ' ') {
                bLen--;
            }
            return compareBinaryPrefix(a, aLen, b, bLen);
        }
    };

    /** memcmp over the common prefix, then the shorter sorts first. */
    static int compareBinaryPrefix(byte[] a, int aLen, byte[] b, int bLen) {
        int c = java.util.Arrays.compareUnsigned(a, 0, Math.min(aLen, bLen), b, 0, Math.min(aLen, bLen));
        return c != 0 ? c : Integer.compare(aLen, bLen);
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** The built-in collation with this name (case-insensitive), or null. */
    public static Collation builtin(String name) {
        if (name.equalsIgnoreCase("BINARY")) {
            return BINARY;
        }
        if (name.equalsIgnoreCase("NOCASE")) {
            return NOCASE;
        }
        if (name.equalsIgnoreCase("RTRIM")) {
            return RTRIM;
        }
        return null;
    }
}
