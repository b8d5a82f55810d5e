package dev.panamax.cli;

/**
 * {@code quickscan} of the shell: a resumable scan of input lines that tracks whether the text so far has
 * anything but blanks and comments, whether it ends with a semicolon, and which quote or block comment is still
 * open. The shell asks {@code complete()} only once a line ends with a semicolon outside any quote.
 *
 * <p>States: plain text, or waiting for the end of a {@code '}, {@code "}, {@code `}, {@code [} quote or a
 * {@code /*} comment; a {@code --} comment ends with the line.
 */
final class QuickScan {
    private char waitFor;
    private boolean dark;
    private boolean endingSemi;

    void reset() {
        waitFor = 0;
        dark = false;
        endingSemi = false;
    }

    /** True outside any quote or block comment. */
    boolean inPlain() {
        return waitFor == 0;
    }

    /** Nothing but blanks and comments so far, and no open quote. */
    boolean plainWhite() {
        return waitFor == 0 && !dark;
    }

    /** Ends with a semicolon outside any quote or comment. */
    boolean semiTerminated() {
        return waitFor == 0 && endingSemi;
    }

    /** The state of an empty scan: nothing seen. */
    boolean isStart() {
        return waitFor == 0 && !dark && !endingSemi;
    }

    void scan(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (waitFor != 0) {
                i = scanQuoted(line, i);
                continue;
            }
            char c = line.charAt(i++);
            if (CText.isSpace(c)) {
                continue;
            }
            switch (c) {
                case '-' -> {
                    if (i < n && line.charAt(i) == '-') {
                        int nl = line.indexOf('\n', i);
                        if (nl < 0) {
                            return;
                        }
                        i = nl + 1;
                        continue;
                    }
                }
                case ';' -> {
                    endingSemi = true;
                    continue;
                }
                case '/' -> {
                    if (i < n && line.charAt(i) == '*') {
                        i++;
                        waitFor = '*';
                        continue;
                    }
                }
                case '[' -> {
                    waitFor = ']';
                    dark = true;
                    endingSemi = false;
                    continue;
                }
                case '`', '\'', '"' -> {
                    waitFor = c;
                    dark = true;
                    endingSemi = false;
                    continue;
                }
                default -> {
                }
            }
            endingSemi = false;
            dark = true;
        }
    }

    /** Scans inside a quote or comment; returns where plain text resumes or the end of the line. */
    private int scanQuoted(String line, int i) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i++);
            if (c != waitFor) {
                continue;
            }
            if (waitFor == '*') {
                if (i < n && line.charAt(i) == '/') {
                    waitFor = 0;
                    return i + 1;
                }
            } else if (waitFor != ']' && i < n && line.charAt(i) == waitFor) {
                i++;
            } else {
                waitFor = 0;
                return i;
            }
        }
        return i;
    }
}
