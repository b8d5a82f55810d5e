package dev.panamax.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;

/**
 * Date and time conversions between Java values and SQLite's three ways of storing them (lang_datefunc.html):
 * ISO-8601 text, Unix-epoch numbers and Julian day numbers.
 *
 * <p>Reading. A value is one of two things: an <em>instant</em> (an INTEGER, counted from the Unix epoch in the
 * connection's {@code date_precision}; text with a {@code Z} or {@code +HH:MM} suffix) or a <em>local date-time</em>
 * (text without an offset; a REAL Julian day, which SQLite's functions treat as local wall time too). A local
 * date-time means wall time in the Calendar's zone when the getter takes one, else the JVM's zone, the way
 * {@code Timestamp.valueOf} reads it. Text may be any of SQLite's time-value forms: {@code YYYY-MM-DD}, with
 * {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fff} after a space or a {@code T}, or a time alone (whose date
 * is 2000-01-01, as in SQLite); numeric text counts as the number it spells. A {@code date_string_format}, when
 * set, is tried first.
 *
 * <p>Writing. {@code setDate}/{@code setTime}/{@code setTimestamp} follow {@code date_class}: INTEGER stores epoch
 * milliseconds (or seconds), TEXT stores {@code yyyy-MM-dd}, {@code HH:mm:ss.SSS} or
 * {@code yyyy-MM-dd HH:mm:ss.SSS} (or the {@code date_string_format}), REAL stores the Julian day. {@code java.time}
 * values given to {@code setObject} are always stored as text in SQLite's own form, which its date functions and
 * text comparisons understand: {@code yyyy-MM-dd HH:mm:ss[.fff]}, an offset or {@code Z} where the value has one.
 */
final class DateTimes {
    /** Julian day of 1970-01-01T00:00 in milliseconds (2440587.5 days). */
    private static final long EPOCH_JULIAN_MILLIS = 210_866_760_000_000L;
    private static final LocalDate TIME_ONLY_DATE = LocalDate.of(2000, 1, 1);

    private DateTimes() {
    }

    /**
     * A date/time value read from the database: an instant, or a local date-time with an optional offset.
     *
     * @param instant non-null for an epoch number
     * @param local the wall time when {@code instant} is null
     * @param offset the offset written in the text, or null
     */
    record Moment(Instant instant, LocalDateTime local, ZoneOffset offset) {
        Instant toInstant(ZoneId zone) {
            if (instant != null) {
                return instant;
            }
            return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
        }

        LocalDateTime toLocal(ZoneId zone) {
            return instant == null && offset == null ? local : LocalDateTime.ofInstant(toInstant(zone), zone);
        }
    }

    // ---- reading ----

    static Moment fromInteger(long v, DateConfig cfg) {
        return new Moment(cfg.seconds() ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v), null, null);
    }

    static Moment fromJulianDay(double jd) throws SQLException {
        if (!(jd >= 0 && jd <= 5373484.499999)) {
            throw new SQLDataException("not a Julian day number in SQLite's range: " + jd, "22007");
        }
        long millis = (long) (jd * 86_400_000.0 + 0.5) - EPOCH_JULIAN_MILLIS;
        return new Moment(null, LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC), null);
    }

    static Moment fromText(String text, DateConfig cfg) throws SQLException {
        String s = text.strip();
        if (cfg.textFormat() != null) {
            Moment m = withFormat(s, cfg);
            if (m != null) {
                return m;
            }
        }
        Moment m = TimeText.parse(s);
        if (m != null) {
            return m;
        }
        if (s.matches("[+-]?\\d+")) {
            try {
                return fromInteger(Long.parseLong(s), cfg);
            } catch (NumberFormatException e) {
                throw unparsable(text);
            }
        }
        if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return fromJulianDay(Double.parseDouble(s));
        }
        throw unparsable(text);
    }

    private static Moment withFormat(String s, DateConfig cfg) {
        try {
            TemporalAccessor t = cfg.textFormat().parse(s);
            LocalDate d = t.query(java.time.temporal.TemporalQueries.localDate());
            LocalTime tm = t.query(java.time.temporal.TemporalQueries.localTime());
            ZoneOffset off = t.query(java.time.temporal.TemporalQueries.offset());
            if (d == null && tm == null) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(d != null ? d : TIME_ONLY_DATE, tm != null ? tm : LocalTime.MIDNIGHT);
            return new Moment(null, local, off);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static SQLException unparsable(String text) {
        return new SQLDataException("not a date/time value SQLite understands: '" + text + "'", "22007");
    }

    static Timestamp toTimestamp(Moment m, Calendar cal) {
        return Timestamp.from(m.toInstant(zone(cal)));
    }

    static java.sql.Date toDate(Moment m, Calendar cal) {
        ZoneId zone = zone(cal);
        LocalDate d = m.toLocal(zone).toLocalDate();
        return new java.sql.Date(d.atStartOfDay(zone).toInstant().toEpochMilli());
    }

    static Time toTime(Moment m, Calendar cal) {
        ZoneId zone = zone(cal);
        LocalTime t = m.toLocal(zone).toLocalTime();
        Instant at = LocalDate.EPOCH.atTime(t).atZone(zone).toInstant();
        return new Time(at.toEpochMilli());
    }

    /** The value as {@code type}, one of the java.time classes, java.util.Date or its java.sql subclasses. */
    static Object convert(Moment m, Class<?> type) {
        ZoneId zone = ZoneId.systemDefault();
        if (type == LocalDateTime.class) {
            return m.toLocal(zone);
        } else if (type == LocalDate.class) {
            return m.toLocal(zone).toLocalDate();
        } else if (type == LocalTime.class) {
            return m.toLocal(zone).toLocalTime();
        } else if (type == Instant.class) {
            return m.toInstant(zone);
        } else if (type == OffsetDateTime.class) {
            return m.offset() != null && m.instant() == null
                    ? m.local().atOffset(m.offset()) : OffsetDateTime.ofInstant(m.toInstant(zone), zone);
        } else if (type == ZonedDateTime.class) {
            return m.offset() != null && m.instant() == null
                    ? m.local().atZone(m.offset()) : ZonedDateTime.ofInstant(m.toInstant(zone), zone);
        } else if (type == OffsetTime.class) {
            OffsetDateTime odt = (OffsetDateTime) convert(m, OffsetDateTime.class);
            return odt.toOffsetTime();
        } else if (type == java.sql.Date.class) {
            return toDate(m, null);
        } else if (type == Time.class) {
            return toTime(m, null);
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return toTimestamp(m, null);
        }
        return null;
    }

    static boolean isTemporal(Class<?> type) {
        return type == LocalDateTime.class || type == LocalDate.class || type == LocalTime.class
                || type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == OffsetTime.class || java.util.Date.class.isAssignableFrom(type);
    }

    private static ZoneId zone(Calendar cal) {
        return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
    }

    // ---- writing ----

    /** The value {@code setDate}, {@code setTime} or {@code setTimestamp} binds: Long, String or Double. */
    static Object bind(java.util.Date value, DateConfig cfg, Calendar cal) {
        Instant instant = value instanceof Timestamp ts ? ts.toInstant() : Instant.ofEpochMilli(value.getTime());
        return switch (cfg.storage()) {
            case INTEGER -> cfg.seconds() ? Math.floorDiv(value.getTime(), 1000) : value.getTime();
            case REAL -> julianDay(LocalDateTime.ofInstant(instant, zone(cal)));
            case TEXT -> {
                LocalDateTime local = LocalDateTime.ofInstant(instant, zone(cal));
                if (cfg.textFormat() != null) {
                    yield cfg.textFormat().format(local);
                }
                if (value instanceof java.sql.Date) {
                    yield date(local.toLocalDate());
                } else if (value instanceof Time) {
                    yield time(local.toLocalTime(), true);
                }
                yield date(local.toLocalDate()) + ' ' + time(local.toLocalTime(), true);
            }
        };
    }

    /** The text a java.time value binds as, or null when {@code value} is not one. */
    static String bindJavaTime(Object value) {
        return switch (value) {
            case LocalDateTime v -> date(v.toLocalDate()) + ' ' + time(v.toLocalTime(), false);
            case LocalDate v -> date(v);
            case LocalTime v -> time(v, false);
            case OffsetDateTime v -> bindJavaTime(v.toLocalDateTime()) + offset(v.getOffset());
            case ZonedDateTime v -> bindJavaTime(v.toOffsetDateTime());
            case OffsetTime v -> time(v.toLocalTime(), false) + offset(v.getOffset());
            case Instant v -> bindJavaTime(LocalDateTime.ofInstant(v, ZoneOffset.UTC)) + 'Z';
            default -> null;
        };
    }

    static double julianDay(LocalDateTime local) {
        long millis = local.toEpochSecond(ZoneOffset.UTC) * 1000 + local.getNano() / 1_000_000;
        return (millis + EPOCH_JULIAN_MILLIS) / 86_400_000.0;
    }

    static String date(LocalDate d) {
        StringBuilder sb = new StringBuilder(10);
        int y = d.getYear();
        if (y < 0) {
            sb.append('-');
            y = -y;
        }
        pad(sb, y, 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        return pad(sb, d.getDayOfMonth(), 2).toString();
    }

    /** {@code HH:MM:SS} with a fraction of 3, 6 or 9 digits when there is one (always 3 with {@code millis}). */
    static String time(LocalTime t, boolean millis) {
        StringBuilder sb = new StringBuilder(18);
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos != 0 || millis) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(sb, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                pad(sb, nanos / 1000, 6);
            } else {
                pad(sb, nanos, 9);
            }
        }
        return sb.toString();
    }

    private static String offset(ZoneOffset o) {
        return o.getTotalSeconds() == 0 ? "Z" : o.getId();
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
