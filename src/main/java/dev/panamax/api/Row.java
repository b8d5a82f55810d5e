package dev.panamax.api;

import java.util.List;

/** An immutable snapshot of one result row: its values and the result column names. */
public final class Row {
    private final List<String> names;
    private final Value[] values;

    public Row(List<String> names, Value[] values) {
        this.names = List.copyOf(names);
        this.values = values.clone();
    }

    public int size() {
        return values.length;
    }

    /** The value of column {@code i} (0-based). */
    public Value get(int i) {
        if (i < 0 || i >= values.length) {
            throw new DbException(ResultCode.RANGE, "column index out of range");
        }
        return values[i];
    }

    /** The value of the first column with this name (case-insensitive). */
    public Value get(String name) {
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).equalsIgnoreCase(name)) {
                return values[k];
            }
        }
        throw new DbException(ResultCode.RANGE, "no such column: " + name);
    }

    public List<String> names() {
        return names;
    }

    public long getLong(int i) {
        return get(i).asLong();
    }

    public int getInt(int i) {
        return get(i).asInt();
    }

    public double getDouble(int i) {
        return get(i).asDouble();
    }

    public String getText(int i) {
        return get(i).asText();
    }

    public byte[] getBlob(int i) {
        return get(i).asBlob();
    }

    public Object getObject(int i) {
        return get(i).asObject();
    }

    public ValueType type(int i) {
        return get(i).type();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            sb.append(k == 0 ? "" : "|").append(values[k].isNull() ? "" : values[k].toString());
        }
        return sb.toString();
    }
}
