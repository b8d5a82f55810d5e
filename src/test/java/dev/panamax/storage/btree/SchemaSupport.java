package dev.panamax.storage.btree;

import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.value.Mem;

/** Writes {@code sqlite_schema} rows the way SQLite's CREATE statements do, for tests that build databases. */
final class SchemaSupport {
    private SchemaSupport() {
    }

    /** Adds a schema row and bumps the schema cookie; needs a write transaction. */
    static void addSchemaRow(Btree bt, String type, String name, String table, int root, String sql) {
        RecordEncoder enc = new RecordEncoder(bt.encoding(), true);
        Mem[] m = {new Mem(), new Mem(), new Mem(), new Mem(), new Mem()};
        m[0].setText(type);
        m[1].setText(name);
        m[2].setText(table);
        m[3].setLong(root);
        m[4].setText(sql);
        byte[] rec = enc.encode(m, 0, 5);
        try (BtCursor c = bt.cursor(1, true, null)) {
            long rowid = c.last() ? c.rowid() + 1 : 1;
            c.insert(rowid, rec, 0, enc.length(), true);
        }
        bt.updateMeta(DbHeader.META_SCHEMA_VERSION, bt.getMeta(DbHeader.META_SCHEMA_VERSION) + 1);
    }
}
