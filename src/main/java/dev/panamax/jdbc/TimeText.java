package dev.panamax.jdbc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A parser for the text forms of SQLite's time values (lang_datefunc.html, "Time Values", formats 1 to 10): a date
 * {@code YYYY-MM-DD}, optionally followed by a space or {@code T} and a time; or a time alone, {@code HH:MM},
 * {@code HH:MM:SS} or {@code HH:MM:SS.fff} (any number of fraction digits); then optionally a zone, {@code Z} or
 * {@code [+-]HH:MM}. A time alone has the date 2000-01-01, as in SQLite.
 */
final class TimeText {
    private final String s;
    private int pos;

    private TimeText(String s) {
        this.s = s;
    }

    /** The value {@code text} spells, or null when it is not a time value. */
    static DateTimes.Moment parse(String text) {
        try {
            return new TimeText(text).value();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private DateTimes.Moment value() {
        LocalDate date = LocalDate.of(2000, 1, 1);
        LocalTime time = LocalTime.MIDNIGHT;
        if (isDigits(pos, 4) && charAt(pos + 4) == '-') {
            date = date();
            if (pos < s.length() && (s.charAt(pos) == 'T' || s.charAt(pos) == ' ')) {
                pos++;
                skipSpaces();
                time = time();
            }
        } else {
            time = time();
        }
        if (time == null) {
            return null;
        }
        skipSpaces();
        ZoneOffset offset = null;
        if (pos < s.length()) {
            offset = zone();
            skipSpaces();
            if (offset == null || pos != s.length()) {
                return null;
            }
        }
        return new DateTimes.Moment(null, LocalDateTime.of(date, time), offset);
    }

    private LocalDate date() {
        int y = number(4);
        pos++;
        int m = number(2);
        expect('-');
        int d = number(2);
        return LocalDate.of(y, m, d);
    }

    private LocalTime time() {
        if (!isDigits(pos, 2) || charAt(pos + 2) != ':') {
            return null;
        }
        int h = number(2);
        pos++;
        int mi = number(2);
        int sec = 0;
        int nanos = 0;
        if (charAt(pos) == ':' && isDigits(pos + 1, 2)) {
            pos++;
            sec = number(2);
            if (charAt(pos) == '.' && isDigits(pos + 1, 1)) {
                pos++;
                nanos = fraction();
            }
        }
        return LocalTime.of(h, mi, sec, nanos);
    }

    private int fraction() {
        long scale = 100_000_000;
        int nanos = 0;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            nanos += (int) ((s.charAt(pos++) - '0') * scale);
            scale /= 10;
        }
        return nanos;
    }

    private ZoneOffset zone() {
        char c = s.charAt(pos);
        if (c == 'Z' || c == 'z') {
            pos++;
            return ZoneOffset.UTC;
        }
        if ((c != '+' && c != '-') || !isDigits(pos + 1, 2) || charAt(pos + 3) != ':' || !isDigits(pos + 4, 2)) {
            return null;
        }
        pos++;
        int h = number(2);
        pos++;
        int m = number(2);
        return c == '+' ? ZoneOffset.ofHoursMinutes(h, m) : ZoneOffset.ofHoursMinutes(-h, -m);
    }

    private void expect(char c) {
        if (charAt(pos) != c) {
            throw new DateTimeException("expected " + c);
        }
        pos++;
    }

    private int number(int digits) {
        if (!isDigits(pos, digits)) {
            throw new DateTimeException("expected digits");
        }
        int v = Integer.parseInt(s, pos, pos + digits, 10);
        pos += digits;
        return v;
    }

    private boolean isDigits(int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private char charAt(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }
}
