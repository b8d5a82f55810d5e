package dev.panamax.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One database's schema as read from {@code sqlite_schema} (SQLite's Schema): tables and views, indexes and
 * triggers by name (names compare with ASCII case folding, as SQLite's do), and the schema cookie. Immutable: a
 * change returns a new Schema, so a statement keeps the snapshot it was compiled against and a rolled-back
 * transaction simply drops its schema.
 */
public final class Schema {
    /** The name of the schema table, and the legacy name SQLite also accepts. */
    public static final String SCHEMA_TABLE = "sqlite_schema";
    public static final String LEGACY_SCHEMA_TABLE = "sqlite_master";

    private final Map<String, Table> tables;
    private final Map<String, Index> indexes;
    private final Map<String, Trigger> triggers;
    private final int cookie;

    private Schema(Map<String, Table> tables, Map<String, Index> indexes, Map<String, Trigger> triggers, int cookie) {
        this.tables = tables;
        this.indexes = indexes;
        this.triggers = triggers;
        this.cookie = cookie;
    }

    /** An empty schema with only {@code sqlite_schema}. */
    public static Schema empty() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put(key(SCHEMA_TABLE), SchemaTable.TABLE);
        return new Schema(t, new HashMap<>(), new HashMap<>(), 0);
    }

    /** ASCII lower case, the form names are compared in. */
    public static String key(String name) {
        boolean upper = false;
        for (int k = 0; k < name.length() && !upper; k++) {
            char c = name.charAt(k);
            upper = c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return name;
        }
        char[] cs = name.toCharArray();
        for (int k = 0; k < cs.length; k++) {
            if (cs[k] >= 'A' && cs[k] <= 'Z') {
                cs[k] += 32;
            }
        }
        return new String(cs);
    }

    /** The table or view with this name, or null; {@code sqlite_master} names {@code sqlite_schema}. */
    public Table table(String name) {
        Table t = tables.get(key(name));
        if (t == null && (name.equalsIgnoreCase(LEGACY_SCHEMA_TABLE))) {
            t = tables.get(SCHEMA_TABLE);
        }
        return t;
    }

    public Index index(String name) {
        return indexes.get(key(name));
    }

    public Trigger trigger(String name) {
        return triggers.get(key(name));
    }

    /** The tables and views, in the order they were added (sqlite_schema first). */
    public Collection<Table> tables() {
        return tables.values();
    }

    public Collection<Trigger> triggers() {
        return triggers.values();
    }

    /** The triggers on {@code table}, in no particular order. */
    public List<Trigger> triggersOn(String table) {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : triggers.values()) {
            if (t.table().equalsIgnoreCase(table)) {
                out.add(t);
            }
        }
        return out;
    }

    public int cookie() {
        return cookie;
    }

    public Schema withCookie(int newCookie) {
        return new Schema(tables, indexes, triggers, newCookie);
    }

    /** Adds or replaces a table or view, with its indexes. */
    public Schema withTable(Table table) {
        Map<String, Table> t = new LinkedHashMap<>(tables);
        Map<String, Index> i = new HashMap<>(indexes);
        Table old = t.put(key(table.name()), table);
        if (old != null) {
            old.indexes().forEach(x -> i.remove(key(x.name())));
        }
        table.indexes().forEach(x -> i.put(key(x.name()), x));
        return new Schema(t, i, triggers, cookie);
    }

    /** Drops a table or view, its indexes and its triggers. */
    public Schema withoutTable(String name) {
        Map<String, Table> t = new LinkedHashMap<>(tables);
        Map<String, Index> i = new HashMap<>(indexes);
        Map<String, Trigger> g = new HashMap<>(triggers);
        Table old = t.remove(key(name));
        if (old != null) {
            old.indexes().forEach(x -> i.remove(key(x.name())));
            g.values().removeIf(x -> x.table().equalsIgnoreCase(old.name()));
        }
        return new Schema(t, i, g, cookie);
    }

    /** Adds an index to its table. */
    public Schema withIndex(Index index) {
        Table table = table(index.table());
        return withTable(table.withIndex(index));
    }

    public Schema withoutIndex(String name) {
        Index index = index(name);
        if (index == null) {
            return this;
        }
        return withTable(table(index.table()).withoutIndex(name));
    }

    public Schema withTrigger(Trigger trigger) {
        Map<String, Trigger> g = new HashMap<>(triggers);
        g.put(key(trigger.name()), trigger);
        return new Schema(tables, indexes, g, cookie);
    }

    public Schema withoutTrigger(String name) {
        Map<String, Trigger> g = new HashMap<>(triggers);
        g.remove(key(name));
        return new Schema(tables, indexes, g, cookie);
    }
}
