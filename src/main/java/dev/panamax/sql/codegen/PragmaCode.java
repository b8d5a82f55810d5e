package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.storage.btree.AutoVacuumMode;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.storage.format.TextEncoding;
import dev.panamax.vdbe.DatabaseCore;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.ResultShape;
import dev.panamax.vdbe.TableFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles {@code PRAGMA [schema.]name [= value | (value)]} (SQLite's sqlite3Pragma). The header values are read
 * and written with ReadCookie and SetCookie, integrity_check and foreign_key_check are compiled to bytecode like
 * SQLite's, the creation settings (page_size, encoding, auto_vacuum) apply when the statement is prepared, and
 * every other pragma runs in Java when the statement steps (a VFilter over {@link PragmaFunction}), so that its
 * rows reflect the moment it runs. An unknown pragma does nothing, as in SQLite.
 */
final class PragmaCode {
    private PragmaCode() {
    }

    static ResultShape code(Parse p, Stmt.Pragma pr) {
        String name = pr.name().name().text().toLowerCase(Locale.ROOT);
        Pragmas.Def def = Pragmas.find(name);
        if (def == null) {
            return ResultShape.NONE;
        }
        String schema = pr.name().schema() == null ? null : pr.name().schema().text();
        if (schema != null && !schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
            throw new DbException(ResultCode.ERROR, "unknown database " + schema);
        }
        boolean temp = schema != null && schema.equalsIgnoreCase("temp");
        if (temp || (schema == null && List.of("table_list", "integrity_check", "quick_check").contains(name))) {
            p.session.settings().markTempSchemaUsed();
        }
        String value = pr.value();
        return switch (name) {
            case "schema_version" -> cookie(p, def, DbHeader.META_SCHEMA_VERSION, value, temp);
            case "user_version" -> cookie(p, def, DbHeader.META_USER_VERSION, value, temp);
            case "application_id" -> cookie(p, def, DbHeader.META_APPLICATION_ID, value, temp);
            case "freelist_count" -> cookie(p, def, DbHeader.META_FREE_PAGE_COUNT, null, temp);
            case "integrity_check", "quick_check" -> IntegrityCode.code(p, def, schema, value);
            case "foreign_key_check" -> ForeignKeyCheckCode.code(p, def, schema, value);
            default -> {
                if (value != null && !temp) {
                    creationSetting(p, name, value);
                }
                yield inJava(p, def, schema, value);
            }
        };
    }

    /** page_size, encoding and auto_vacuum change a database that has no page yet (at prepare time, as SQLite). */
    private static void creationSetting(Parse p, String name, String value) {
        DatabaseCore db = p.session.database();
        switch (name) {
            case "page_size" -> {
                Integer n = PragmaRun.int32(value);
                if (n != null && n >= 512 && n <= 65536 && (n & (n - 1)) == 0) {
                    db.reconfigureIfEmpty(c -> c.withPageSize(n));
                }
            }
            case "encoding" -> {
                TextEncoding enc = FilePragmas.encodingNamed(value);
                db.reconfigureIfEmpty(c -> c.withEncoding(enc));
            }
            case "auto_vacuum" -> autoVacuum(p, db, FilePragmas.autoVacuumNamed(value));
            default -> {
            }
        }
    }

    /**
     * auto_vacuum=N: an empty database is created in that mode; a database that already keeps a pointer map can
     * switch between FULL and INCREMENTAL (the incremental-vacuum flag in the header); otherwise nothing changes
     * until VACUUM, which SQLite needs too.
     */
    private static void autoVacuum(Parse p, DatabaseCore db, AutoVacuumMode want) {
        boolean created = db.reconfigureIfEmpty(c -> c.withAutoVacuum(want));
        AutoVacuumMode have = db.btree().autoVacuumMode();
        if (want == AutoVacuumMode.NONE || (!created && have == AutoVacuumMode.NONE)) {
            return;
        }
        p.writes = true;
        int r = p.allocReg();
        int done = p.label();
        p.op(Opcode.ReadCookie, 0, r, DbHeader.META_LARGEST_ROOT_PAGE);
        p.op(Opcode.IfNot, r, done);
        p.op(Opcode.SetCookie, 0, DbHeader.META_INCR_VACUUM, want == AutoVacuumMode.INCREMENTAL ? 1 : 0);
        p.resolve(done);
    }

    /** A pragma run in Java when the statement steps: one VFilter scan whose rows become the result rows. */
    private static ResultShape inJava(Parse p, Pragmas.Def def, String schema, String value) {
        if (touchesDatabase(def)) {
            p.needsTransaction = true;
        }
        if (def.name().equals("incremental_vacuum")) {
            p.writes = true;
        }
        boolean rows = def.returnsRows(value != null);
        scan(p, PragmaFunction.statement(def, schema, value), rows ? def.resultColumns().size() : 0);
        return rows ? shape(def.resultColumns()) : ResultShape.NONE;
    }

    /** Pragmas that read the database (and so run inside a read transaction). */
    private static boolean touchesDatabase(Pragmas.Def def) {
        return def.has(Pragmas.NEED_SCHEMA) || switch (def.name()) {
            case "data_version", "encoding", "page_count", "page_size", "auto_vacuum" -> true;
            default -> false;
        };
    }

    /** Emits a scan of a table function with no arguments; each row becomes a result row of {@code width}. */
    static void scan(Parse p, TableFunction fn, int width) {
        int cursor = p.allocCursor();
        int done = p.label();
        p.op(Opcode.VFilter, cursor, done, 0, fn, 0);
        if (width > 0) {
            int top = p.v.currentAddr();
            int base = p.allocRegs(width);
            for (int k = 0; k < width; k++) {
                p.op(Opcode.VColumn, cursor, k, base + k);
            }
            p.op(Opcode.ResultRow, base, width);
            p.op(Opcode.VNext, cursor, top);
        }
        p.resolve(done);
    }

    static ResultShape shape(List<String> names) {
        List<ResultShape.Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new ResultShape.Column(n, null, null, null, null));
        }
        return new ResultShape(cols, 0);
    }

    /**
     * The header values (schema_version, user_version, application_id, freelist_count): read with ReadCookie, or
     * written with SetCookie in a write transaction. The temp schema has no header here: it reads 0.
     */
    private static ResultShape cookie(Parse p, Pragmas.Def def, int meta, String value, boolean temp) {
        if (value != null) {
            if (!temp) {
                p.needsTransaction = true;
                p.writes = true;
                p.op(Opcode.SetCookie, 0, meta, (int) PragmaRun.atoi(value));
            }
            return ResultShape.NONE;
        }
        int r = p.allocReg();
        if (temp) {
            p.op(Opcode.Integer, 0, r);
        } else {
            p.needsTransaction = true;
            p.op(Opcode.ReadCookie, 0, r, meta);
        }
        p.op(Opcode.ResultRow, r, 1);
        return shape(def.resultColumns());
    }

    static P4.Text text(String s) {
        return P4.Text.of(s);
    }
}
