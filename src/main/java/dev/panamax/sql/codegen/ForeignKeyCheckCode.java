package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.ForeignKey;
import dev.panamax.schema.Table;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.ResultShape;
import java.util.ArrayList;
import java.util.List;

/**
 * PRAGMA foreign_key_check [(table)] compiled as SQLite compiles it (pragma.c PragTyp_FOREIGN_KEY_CHECK): every row
 * of each child table (in SQLite's table order) whose foreign key values, none of them NULL, have no parent row
 * gives a row {@code table, rowid, parent, fkid}, fkid numbering the table's foreign keys as foreign_key_list does.
 * A parent table that does not exist fails every such row; a parent without a usable key is a "foreign key
 * mismatch" error.
 */
final class ForeignKeyCheckCode {
    private ForeignKeyCheckCode() {
    }

    static ResultShape code(Parse p, Pragmas.Def def, String schema, String value) {
        boolean temp = schema != null && schema.equalsIgnoreCase("temp");
        List<Table> tables = new ArrayList<>();
        if (value != null) {
            Table t = temp ? null : p.schema.table(value);
            if (t == null) {
                throw new DbException(ResultCode.ERROR, "no such table: " + (schema == null ? "" : schema + ".")
                        + value);
            }
            tables.add(t);
        } else if (!temp) {
            tables.addAll(SchemaPragmas.tablesInHashOrder(p.schema));
        }
        p.needsTransaction = true;
        int result = p.allocRegs(4);
        for (Table t : tables) {
            if (!t.isView() && !t.foreignKeys().isEmpty()) {
                table(p, t, result);
            }
        }
        return PragmaCode.shape(def.resultColumns());
    }

    private static void table(Parse p, Table t, int result) {
        List<ForeignKey> fks = t.foreignKeys();
        List<ForeignKeys.ParentKey> keys = new ArrayList<>();
        int[] cursors = new int[fks.size()];
        int child = p.allocCursor();
        StoredRow row = new StoredRow(t);
        row.open(p, child);
        for (int i = 0; i < fks.size(); i++) {
            Table parent = p.schema.table(fks.get(i).parentTable());
            ForeignKeys.ParentKey key = parent == null ? null : ForeignKeys.locate(t, fks.get(i), parent);
            keys.add(key);
            if (key != null) {
                cursors[i] = p.allocCursor();
                if (key.index() == null) {
                    p.op(Opcode.OpenRead, cursors[i], parent.rootPage(), 0,
                            new P4.ColumnCount(parent.columnCount()));
                } else {
                    p.op(Opcode.OpenRead, cursors[i], key.index().rootPage(), 0,
                            WhereCode.indexKeyInfo(p, key.index()));
                }
            }
        }
        p.expr.literal(t.name(), result);
        int end = p.label();
        p.op(Opcode.Rewind, child, end);
        int top = p.v.currentAddr();
        for (int i = 0; i < fks.size(); i++) {
            check(p, t, row, child, fks.get(i), keys.get(i), cursors[i], i, result);
        }
        p.op(Opcode.Next, child, top);
        p.resolve(end);
    }

    /** One foreign key of the current child row: reports it when no parent row matches its non-NULL values. */
    private static void check(Parse p, Table t, StoredRow row, int child, ForeignKey fk, ForeignKeys.ParentKey key,
            int cursor, int fkid, int result) {
        int n = fk.columnCount();
        int[] cols = key == null ? fk.fromColumns() : key.childColumns();
        int values = p.allocRegs(n);
        int ok = p.label();
        for (int j = 0; j < n; j++) {
            row.read(p, child, cols[j] == t.rowidAlias() ? -1 : cols[j], values + j);
            p.op(Opcode.IsNull, values + j, ok);
        }
        if (key != null && key.index() != null) {
            StringBuilder aff = new StringBuilder();
            for (int j = 0; j < n; j++) {
                int c = key.index().columns()[j];
                aff.append(c < 0 ? dev.panamax.schema.Affinity.INTEGER : key.parent().column(c).affinity());
            }
            p.op(Opcode.Affinity, values, n, 0, aff.toString());
            p.op(Opcode.Found, cursor, ok, values, (Object) n);
        } else if (key != null) {
            int missing = p.label();
            p.op(Opcode.SeekRowid, cursor, missing, values);
            p.op(Opcode.Goto, 0, ok);
            p.resolve(missing);
        }
        row.read(p, child, -1, result + 1);
        p.expr.literal(fk.parentTable(), result + 2);
        p.expr.literal((long) fkid, result + 3);
        p.op(Opcode.ResultRow, result, 4);
        p.resolve(ok);
    }
}
