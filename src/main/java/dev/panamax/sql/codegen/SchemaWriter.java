package dev.panamax.sql.codegen;

import dev.panamax.schema.SchemaTable;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;

/**
 * Code that edits {@code sqlite_schema} the way build.c does: append a row, delete the rows of an object, bump the
 * schema cookie and reload the schema.
 */
final class SchemaWriter {
    private final Parse p;
    private int cursor = -1;

    SchemaWriter(Parse p) {
        this.p = p;
        p.writes = true;
        p.needsTransaction = true;
        p.v.setMayPartiallyFail();
    }

    private int cursor() {
        if (cursor < 0) {
            cursor = p.allocCursor();
            p.op(Opcode.OpenWrite, cursor, SchemaTable.ROOT_PAGE, 0, new P4.ColumnCount(5));
        }
        return cursor;
    }

    /** Appends a row; {@code rootRegister} holds the root page (0 = the literal 0), {@code sql} may be null. */
    void insert(String type, String name, String table, int rootRegister, String sql) {
        int c = cursor();
        int base = p.allocRegs(5);
        p.op(Opcode.String8, 0, base, 0, P4.Text.of(type));
        p.op(Opcode.String8, 0, base + 1, 0, P4.Text.of(name));
        p.op(Opcode.String8, 0, base + 2, 0, P4.Text.of(table));
        if (rootRegister > 0) {
            p.op(Opcode.SCopy, rootRegister, base + 3);
        } else {
            p.op(Opcode.Integer, 0, base + 3);
        }
        if (sql == null) {
            p.op(Opcode.Null, 0, base + 4);
        } else {
            p.op(Opcode.String8, 0, base + 4, 0, P4.Text.of(sql));
        }
        int rec = p.allocReg();
        int rowid = p.allocReg();
        p.op(Opcode.MakeRecord, base, 5, rec, "BBBDB");
        p.op(Opcode.NewRowid, c, rowid);
        p.op(Opcode.Insert, c, rec, rowid);
    }

    /** Deletes every row whose column {@code column} (NAME or TBL_NAME) equals {@code value}. */
    void deleteWhere(int column, String value) {
        deleteWhere(column, value, null);
    }

    /**
     * Deletes the rows whose {@code column} is {@code value} and, unless {@code type} is null, whose type is
     * {@code type} (a trigger may share its name with a table: DROP TRIGGER deletes only the trigger's row).
     */
    void deleteWhere(int column, String value, String type) {
        int c = cursor();
        int key = p.allocReg();
        int r = p.allocReg();
        p.op(Opcode.String8, 0, key, 0, P4.Text.of(value));
        int typeKey = type == null ? 0 : p.allocReg();
        if (type != null) {
            p.op(Opcode.String8, 0, typeKey, 0, P4.Text.of(type));
        }
        int done = p.label();
        p.op(Opcode.Rewind, c, done);
        int top = p.v.currentAddr();
        int next = p.label();
        p.op(Opcode.Column, c, column, r);
        p.op(Opcode.Ne, key, next, r, null, 0x10);
        if (type != null) {
            p.op(Opcode.Column, c, SchemaTable.TYPE, r);
            p.op(Opcode.Ne, typeKey, next, r, null, 0x10);
        }
        p.op(Opcode.Delete, c);
        p.resolve(next);
        p.op(Opcode.Next, c, top);
        p.resolve(done);
    }

    /** Increments the schema cookie and reloads the schema (ParseSchema). */
    void finish() {
        p.op(Opcode.SetCookie, 0, DbHeader.META_SCHEMA_VERSION, p.schema.cookie() + 1);
        p.op(Opcode.ParseSchema, 0, 0, 0, null);
    }
}
