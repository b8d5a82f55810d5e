package dev.panamax.api;

import dev.panamax.value.Mem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable SQL value: NULL, a 64-bit INTEGER, a REAL, TEXT or a BLOB, with SQLite's conversions
 * (sqlite3_value_int64, _double, _text, _blob): text reads its leading number, numbers render as SQLite renders
 * them, NULL reads as 0 or null.
 */
public final class Value {
    public static final Value NULL = new Value(ValueType.NULL, 0, 0, null);

    private final ValueType type;
    private final long i;
    private final double r;
    private final byte[] bytes;

    private Value(ValueType type, long i, double r, byte[] bytes) {
        this.type = type;
        this.i = i;
        this.r = r;
        this.bytes = bytes;
    }

    public static Value of(long v) {
        return new Value(ValueType.INTEGER, v, 0, null);
    }

    public static Value of(double v) {
        return new Value(ValueType.REAL, 0, v, null);
    }

    public static Value of(String v) {
        return v == null ? NULL : new Value(ValueType.TEXT, 0, 0, v.getBytes(StandardCharsets.UTF_8));
    }

    public static Value ofBlob(byte[] v) {
        return v == null ? NULL : new Value(ValueType.BLOB, 0, 0, v.clone());
    }

    /**
     * A value from a Java object: null, Long/Integer/Short/Byte, Double/Float, Boolean (1 or 0), String/CharSequence,
     * byte[], or a Value.
     */
    public static Value ofObject(Object o) {
        return switch (o) {
            case null -> NULL;
            case Value v -> v;
            case Long l -> of(l);
            case Integer n -> of(n.longValue());
            case Short n -> of(n.longValue());
            case Byte n -> of(n.longValue());
            case Double d -> of(d);
            case Float f -> of(f.doubleValue());
            case Boolean b -> of(b ? 1L : 0L);
            case byte[] b -> ofBlob(b);
            case CharSequence s -> of(s.toString());
            default -> throw new DbException(ResultCode.MISMATCH, "cannot bind a " + o.getClass().getName());
        };
    }

    /** A snapshot of a register. */
    public static Value of(Mem m) {
        return switch (m.type()) {
            case Mem.INTEGER -> of(m.longValue());
            case Mem.REAL -> of(m.doubleValue());
            case Mem.TEXT -> new Value(ValueType.TEXT, 0, 0, m.copyBytes());
            case Mem.BLOB -> new Value(ValueType.BLOB, 0, 0, m.copyBytes());
            default -> NULL;
        };
    }

    /** Sets a register to this value. */
    public void store(Mem m) {
        switch (type) {
            case INTEGER -> m.setLong(i);
            case REAL -> m.setDouble(r);
            case TEXT -> m.setText(bytes, 0, bytes.length);
            case BLOB -> m.setBlob(bytes, 0, bytes.length);
            default -> m.setNull();
        }
    }

    public ValueType type() {
        return type;
    }

    public boolean isNull() {
        return type == ValueType.NULL;
    }

    private Mem mem() {
        Mem m = new Mem();
        store(m);
        return m;
    }

    /** sqlite3_value_int64. */
    public long asLong() {
        return type == ValueType.INTEGER ? i : mem().intValue();
    }

    /** sqlite3_value_int: the low 32 bits of {@link #asLong()}. */
    public int asInt() {
        return (int) asLong();
    }

    /** sqlite3_value_double. */
    public double asDouble() {
        return type == ValueType.REAL ? r : mem().realValue();
    }

    /** sqlite3_value_text as a String; null for NULL. */
    public String asText() {
        return switch (type) {
            case NULL -> null;
            case TEXT, BLOB -> new String(bytes, StandardCharsets.UTF_8);
            default -> mem().stringValue();
        };
    }

    /** sqlite3_value_blob: the bytes (text as UTF-8, numbers as their text); null for NULL. */
    public byte[] asBlob() {
        return switch (type) {
            case NULL -> null;
            case TEXT, BLOB -> bytes.clone();
            default -> asText().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The natural Java object: null, Long, Double, String or byte[]. */
    public Object asObject() {
        return switch (type) {
            case NULL -> null;
            case INTEGER -> i;
            case REAL -> r;
            case TEXT -> asText();
            case BLOB -> bytes.clone();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.type == type && v.i == i
                && Double.doubleToLongBits(v.r) == Double.doubleToLongBits(r) && Arrays.equals(v.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, i, r) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case BLOB -> "x'" + java.util.HexFormat.of().formatHex(bytes) + "'";
            default -> asText();
        };
    }
}
