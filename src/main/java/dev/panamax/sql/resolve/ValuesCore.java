package dev.panamax.sql.resolve;

import java.util.List;

/** A resolved {@code VALUES (..), (..)}: every row has {@link #columnCount()} expressions. */
public final class ValuesCore implements Query.Core {
    public final List<List<Bound>> rows;

    ValuesCore(List<List<Bound>> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public int columnCount() {
        return rows.get(0).size();
    }
}
