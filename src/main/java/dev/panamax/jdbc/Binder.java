package dev.panamax.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Calendar;
import java.util.UUID;

/**
 * Java values to the four kinds SQLite binds: Long (INTEGER), Double (REAL), String (TEXT), byte[] (BLOB), or null.
 *
 * <pre>
 *   Boolean                      1 or 0
 *   Byte, Short, Integer, Long   INTEGER;  BigInteger too when it fits 64 bits, else its decimal text
 *   Float, Double                REAL
 *   BigDecimal                   its plain decimal text: exact, and a NUMERIC column converts it as SQLite does
 *   String, Character, URL, UUID TEXT (a UUID in its 36-character form)
 *   byte[], Blob, InputStream    BLOB
 *   Clob, Reader                 TEXT
 *   java.util.Date and subclasses   as date_class says (DateTimes.bind)
 *   java.time values             TEXT in SQLite's date/time form (DateTimes.bindJavaTime)
 * </pre>
 */
final class Binder {
    private Binder() {
    }

    static Object value(Object x, DateConfig dates) throws SQLException {
        return switch (x) {
            case null -> null;
            case String s -> s;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Double d -> d;
            case Float f -> (double) f;
            case Boolean b -> b ? 1L : 0L;
            case BigDecimal d -> d.toPlainString();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
            case byte[] b -> b.clone();
            case Character c -> c.toString();
            case java.util.Date d -> DateTimes.bind(d, dates, null);
            case Calendar c -> DateTimes.bind(new java.sql.Timestamp(c.getTimeInMillis()), dates, c);
            case UUID u -> u.toString();
            case URL u -> u.toString();
            case Blob b -> b.getBytes(1, (int) b.length());
            case Clob c -> c.getSubString(1, (int) c.length());
            case InputStream in -> bytes(in, -1);
            case Reader r -> chars(r, -1);
            default -> javaTimeOrFail(x);
        };
    }

    private static Object javaTimeOrFail(Object x) throws SQLException {
        String t = DateTimes.bindJavaTime(x);
        if (t == null) {
            throw SqlErrors.conversion("cannot bind a " + x.getClass().getName() + " as an SQL value");
        }
        return t;
    }

    /** {@code x} converted to {@code targetSqlType} first, as {@code setObject(i, x, type)} asks. */
    static Object value(Object x, int targetSqlType, DateConfig dates) throws SQLException {
        if (x == null || targetSqlType == Types.NULL) {
            return null;
        }
        return switch (targetSqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> text(value(x, dates));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> integer(value(x, dates));
            case Types.BOOLEAN, Types.BIT -> bool(x) ? 1L : 0L;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> real(value(x, dates));
            case Types.DECIMAL, Types.NUMERIC -> x instanceof Number || x instanceof String
                    ? new BigDecimal(x.toString().strip()).toPlainString() : value(x, dates);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> blob(value(x, dates));
            default -> value(x, dates);
        };
    }

    private static String text(Object v) {
        return switch (v) {
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case Double d -> Values.realToText(d);
            default -> v.toString();
        };
    }

    private static Object integer(Object v) throws SQLException {
        return switch (v) {
            case Long l -> l;
            case Double d -> d.longValue();
            case String s -> {
                try {
                    yield new BigDecimal(s.strip()).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw SqlErrors.conversion("not an integer: '" + s + "'");
                }
            }
            default -> throw SqlErrors.conversion("cannot convert a BLOB to an integer");
        };
    }

    private static Object real(Object v) throws SQLException {
        return switch (v) {
            case Long l -> (double) l;
            case Double d -> d;
            case String s -> {
                try {
                    yield Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    throw SqlErrors.conversion("not a number: '" + s + "'");
                }
            }
            default -> throw SqlErrors.conversion("cannot convert a BLOB to a number");
        };
    }

    private static byte[] blob(Object v) {
        return switch (v) {
            case byte[] b -> b;
            default -> text(v).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static boolean bool(Object x) throws SQLException {
        return switch (x) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> {
                String t = s.strip();
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    yield true;
                } else if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    yield false;
                }
                throw SqlErrors.conversion("not a boolean: '" + s + "'");
            }
            default -> throw SqlErrors.conversion("cannot convert a " + x.getClass().getName() + " to a boolean");
        };
    }

    static byte[] bytes(InputStream in, long length) throws SQLException {
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new SQLException("reading the parameter stream failed: " + e.getMessage(), "HY000", e);
        }
    }

    static String ascii(InputStream in, long length) throws SQLException {
        return new String(bytes(in, length), StandardCharsets.US_ASCII);
    }

    static String chars(Reader r, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long left = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (left > 0 && (n = r.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                sb.append(buf, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("reading the parameter reader failed: " + e.getMessage(), "HY000", e);
        }
    }
}
