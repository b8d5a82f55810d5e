package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.Column;
import dev.panamax.schema.Index;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.ResultShape;
import dev.panamax.vdbe.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * PRAGMA integrity_check and quick_check compiled as SQLite compiles them (pragma.c PragTyp_INTEGRITY_CHECK), so the
 * rows come out in the same order with the same words: the B-tree check of every table and index (IntegrityCk; like
 * SQLite's it does not compare index keys, the row pass finds entries out of place),
 * under a {@code *** in database main ***} header; "wrong # of entries in index"; then one pass over each table that
 * checks NOT NULL, datatypes and CHECK constraints, and (integrity_check only) that every row has its entry in
 * every index ("row N missing from index", where N counts rows from 1), that the entry ends with the rowid, that
 * values under a non-BINARY collation are stored unchanged, and that unique indexes hold no duplicate. At most N
 * messages (100 by default; SQLite reads the digits of a negative N), then "ok" when there was none. A page too
 * damaged to read ends the check with the row "database disk image is malformed" (the program's Init P3 tells the
 * VM where to go on CORRUPT).
 */
final class IntegrityCode {
    private static final int DEFAULT_MAX_ERRORS = 100;

    private final Parse p;
    private final boolean quick;
    /** Messages still allowed (SQLite's register 1); the next register receives the B-tree check's text. */
    private final int left;
    private final int msg;
    private final int tmp;
    private final int rowNo;
    /** How the rows of the table being checked are read. */
    private StoredRow row;

    private IntegrityCode(Parse p, boolean quick) {
        this.p = p;
        this.quick = quick;
        this.left = p.allocRegs(2);
        this.msg = p.allocReg();
        this.tmp = p.allocReg();
        this.rowNo = p.allocReg();
    }

    static ResultShape code(Parse p, Pragmas.Def def, String schema, String value) {
        int maxErrors = DEFAULT_MAX_ERRORS;
        Table only = null;
        if (value != null) {
            Integer n = PragmaRun.int32(value.startsWith("-") ? value.substring(1) : value);
            if (n != null) {
                maxErrors = n <= 0 ? DEFAULT_MAX_ERRORS : n;
            } else {
                only = schema != null && schema.equalsIgnoreCase("temp") ? null : p.schema.table(value);
                if (only == null) {
                    String prefix = schema == null ? "" : schema + ".";
                    throw new DbException(ResultCode.ERROR, "no such table: " + prefix + value);
                }
            }
        }
        p.needsTransaction = true;
        IntegrityCode c = new IntegrityCode(p, def.name().startsWith("q"));
        p.op(Opcode.Integer, maxErrors - 1, c.left);
        if (schema == null || schema.equalsIgnoreCase("main")) {
            List<Table> tables = new ArrayList<>();
            for (Table t : SchemaPragmas.tablesInHashOrder(p.schema)) {
                if (only == null || only == t) {
                    tables.add(t);
                }
            }
            c.database(tables, only != null);
        }
        int done = p.label();
        p.op(Opcode.AddImm, c.left, 1 - maxErrors);
        p.op(Opcode.IfNotZero, c.left, done);
        p.expr.literal("ok", c.msg);
        int show = p.op(Opcode.ResultRow, c.msg, 1);
        p.resolve(done);
        p.op(Opcode.Halt);
        p.v.changeP3(0, p.v.currentAddr());
        p.expr.literal("database disk image is malformed", c.msg);
        p.op(Opcode.Goto, 0, show);
        return PragmaCode.shape(def.resultColumns());
    }

    /** The checks of one database: its B-trees, the index entry counts, then each table's rows. */
    private void database(List<Table> tables, boolean partial) {
        List<Integer> roots = new ArrayList<>();
        if (partial) {
            roots.add(0);
        }
        for (Table t : tables) {
            if (!t.withoutRowid()) {
                roots.add(t.rootPage());
            }
            for (Index idx : SchemaPragmas.indexesInSqliteOrder(t)) {
                roots.add(t.withoutRowid() && idx.origin() == 'p' ? StoredRow.rootPage(t) : idx.rootPage());
            }
        }
        if (roots.isEmpty() || (partial && roots.size() == 1)) {
            return;
        }
        int counts = p.allocRegs(roots.size());
        int[] rootArray = roots.stream().mapToInt(Integer::intValue).toArray();
        p.op(Opcode.IntegrityCk, left, roots.size(), counts, new P4.IntegrityRoots(rootArray, null));
        int clean = p.label();
        p.op(Opcode.IsNull, left + 1, clean);
        p.expr.literal("*** in database main ***\n", msg);
        p.op(Opcode.Concat, left + 1, msg, msg);
        errorRow();
        p.resolve(clean);
        countChecks(tables, counts + (partial ? 1 : 0));
        for (Table t : tables) {
            if (!t.isView()) {
                tableChecks(t);
            }
        }
    }

    /** "wrong # of entries in index X": each full index must hold as many entries as its table has rows. */
    private void countChecks(List<Table> tables, int first) {
        int k = first;
        for (Table t : tables) {
            List<Index> indexes = SchemaPragmas.indexesInSqliteOrder(t);
            int table = t.withoutRowid() ? k + indexes.indexOf(t.primaryKeyIndex()) : k++;
            for (Index idx : indexes) {
                if (!idx.isPartial()) {
                    int ok = p.label();
                    p.op(Opcode.Eq, k, ok, table);
                    p.expr.literal("wrong # of entries in index " + idx.name(), msg);
                    errorRow();
                    p.resolve(ok);
                }
                k++;
            }
        }
    }

    /**
     * One pass over a table's rows with the column, CHECK and (integrity_check) index checks. A WITHOUT ROWID
     * table is read through its primary key tree, whose records hold the key columns first.
     */
    private void tableChecks(Table t) {
        Source src = p.resolver.target(t, t.name());
        row = new StoredRow(t);
        Index pk = row.primaryKey();
        List<Index> indexes = new ArrayList<>(SchemaPragmas.indexesInSqliteOrder(t));
        indexes.remove(pk);
        int tc = src.cursor;
        p.noteCursors();
        row.open(p, tc);
        int[] ic = new int[indexes.size()];
        for (int j = 0; j < ic.length && !quick; j++) {
            ic[j] = p.allocCursor();
            p.op(Opcode.OpenRead, ic[j], indexes.get(j).rootPage(), 0, WhereCode.indexKeyInfo(p, indexes.get(j)));
        }
        StoredRow stored = row;
        p.readers.put(src, (pp, col, target) -> stored.read(pp, tc, col, target));
        int previousKey = pk == null || quick ? 0 : p.allocRegs(pk.keyCount());
        if (previousKey > 0) {
            p.op(Opcode.Null, 0, previousKey, previousKey + pk.keyCount() - 1);
        }
        p.op(Opcode.Integer, 0, rowNo);
        int end = p.label();
        p.op(Opcode.Rewind, tc, end);
        int top = p.op(Opcode.AddImm, rowNo, 1);
        if (row.lastField() >= 0) {
            p.op(Opcode.Column, tc, row.lastField(), msg);
        }
        if (previousKey > 0) {
            keyOrderCheck(t, pk, tc, previousKey);
        }
        for (int j = 0; j < t.columnCount(); j++) {
            columnCheck(t, tc, j);
        }
        if (!t.checks().isEmpty() && !p.session.settings().flag(Settings.Flag.IGNORE_CHECK_CONSTRAINTS)) {
            checkConstraints(t, src);
        }
        for (int j = 0; j < ic.length && !quick; j++) {
            indexCheck(t, src, indexes.get(j), ic[j]);
        }
        p.op(Opcode.Next, tc, top);
        p.resolve(end);
    }

    /** "row not in PRIMARY KEY order for T": each key of a WITHOUT ROWID table must exceed the one before. */
    private void keyOrderCheck(Table t, Index pk, int tc, int previous) {
        int ok = p.label();
        p.op(Opcode.IdxGT, tc, ok, previous, (Object) pk.keyCount());
        p.op(Opcode.IsNull, previous, ok);
        p.expr.literal("row not in PRIMARY KEY order for " + t.name(), msg);
        errorRow();
        p.resolve(ok);
        for (int k = 0; k < pk.keyCount(); k++) {
            p.op(Opcode.Column, tc, k, previous + k);
        }
    }

    /**
     * NOT NULL and datatype checks of column j: "NULL value in T.C"; in a STRICT table "non-TYPE value in T.C"; else
     * a TEXT column holding a number ("NUMERIC value in T.C") or a numeric column holding text that could have been
     * converted ("TEXT value in T.C").
     */
    private void columnCheck(Table t, int tc, int j) {
        Column c = t.column(j);
        String type = SchemaPragmas.declaredType(c.declType());
        int strictMask = t.strict() ? strictMask(type) : 0;
        boolean typeCheck = t.strict() ? strictMask != 0 : c.affinity() > Affinity.BLOB;
        if (j == t.rowidAlias() || c.isGenerated() || (!c.notNull() && !typeCheck)) {
            return;
        }
        String name = tableName(t) + "." + c.name();
        int ok = p.label();
        int report = p.label();
        p.op(Opcode.Column, tc, row.position(j), tmp);
        if (c.notNull()) {
            int notNull = p.label();
            p.op(Opcode.NotNull, tmp, typeCheck ? notNull : ok);
            p.expr.literal("NULL value in " + name, msg);
            p.op(Opcode.Goto, 0, report);
            p.resolve(notNull);
        }
        if (typeCheck) {
            if (t.strict()) {
                isType(tmp, ok, strictMask);
                p.expr.literal("non-" + type + " value in " + name, msg);
            } else if (c.affinity() == Affinity.TEXT) {
                isType(tmp, ok, 0x1c);
                p.expr.literal("NUMERIC value in " + name, msg);
            } else {
                isType(tmp, ok, 0x1b);
                p.op(Opcode.Affinity, tmp, 1, 0, String.valueOf(Affinity.NUMERIC));
                isType(tmp, ok, 0x1c);
                p.expr.literal("TEXT value in " + name, msg);
            }
        }
        p.resolve(report);
        errorRow();
        p.resolve(ok);
    }

    /** The datatypes a STRICT column may hold (NULL always), 0 for ANY. */
    private static int strictMask(String type) {
        return switch (type) {
            case "BLOB" -> 0x18;
            case "INT", "INTEGER" -> 0x11;
            case "REAL" -> 0x13;
            case "TEXT" -> 0x14;
            default -> 0;
        };
    }

    private void isType(int reg, int label, int mask) {
        p.op(Opcode.IsType, -1, label, reg, null, mask);
    }

    /** "CHECK constraint failed in T" when a CHECK expression is false for the row (NULL passes). */
    private void checkConstraints(Table t, Source src) {
        int ok = p.label();
        int fault = p.label();
        for (Expr e : t.checks()) {
            Bound b = p.resolver.expression(e, List.of(src));
            p.expr.ifFalse(b, fault, false);
        }
        p.op(Opcode.Goto, 0, ok);
        p.resolve(fault);
        p.expr.literal("CHECK constraint failed in " + tableName(t), msg);
        errorRow();
        p.resolve(ok);
    }

    /**
     * The row's entry in one index (pragma.c's per-index checks): present, ending with the rowid, values under
     * non-BINARY collations unchanged, and no equal neighbour in a unique index.
     */
    private void indexCheck(Table t, Source src, Index idx, int ic) {
        List<SchemaPragmas.IndexColumn> cols = SchemaPragmas.indexColumns(t, idx);
        int n = idx.keyCount();
        int key = p.allocRegs(cols.size());
        int next = p.label();
        if (idx.where() != null) {
            p.expr.ifFalse(p.resolver.expression(idx.where(), List.of(src)), next, true);
        }
        for (int k = 0; k < cols.size(); k++) {
            int col = k < n ? idx.columns()[k] : cols.get(k).cid();
            if (col == Index.EXPRESSION) {
                p.expr.code(p.resolver.expression(idx.expressions().get(k), List.of(src)), key + k);
            } else {
                row.read(p, src.cursor, col == t.rowidAlias() ? -1 : col, key + k);
            }
        }
        int found = p.label();
        p.op(Opcode.Found, ic, found, key, (Object) cols.size());
        rowMessage("row ", " missing from index " + idx.name());
        p.op(Opcode.Goto, 0, next);
        p.resolve(found);
        if (!t.withoutRowid()) {
            int rowidOk = p.label();
            p.op(Opcode.IdxRowid, ic, tmp);
            p.op(Opcode.Eq, tmp, rowidOk, key + n);
            rowMessage("rowid not at end-of-record for row ", " of index " + idx.name());
            p.op(Opcode.Goto, 0, next);
            p.resolve(rowidOk);
        }
        collationCheck(idx, ic, key, next);
        if (idx.unique()) {
            uniqueCheck(t, idx, ic, key, next);
        }
        p.resolve(next);
    }

    /** "row N values differ from index X" when a value stored under a non-BINARY collation is not the row's. */
    private void collationCheck(Index idx, int ic, int key, int next) {
        int differ = p.label();
        boolean any = false;
        for (int k = 0; k < idx.keyCount(); k++) {
            if (!idx.collations()[k].equals("BINARY")) {
                any = true;
                p.op(Opcode.Column, ic, k, tmp);
                p.op(Opcode.Ne, tmp, differ, key + k);
            }
        }
        if (!any) {
            p.resolve(differ);
            return;
        }
        int same = p.label();
        p.op(Opcode.Goto, 0, same);
        p.resolve(differ);
        rowMessage("row ", " values differ from index " + idx.name());
        p.op(Opcode.Goto, 0, next);
        p.resolve(same);
    }

    /** "non-unique entry in index X": the next entry has the same key (no key column NULL). */
    private void uniqueCheck(Table t, Index idx, int ic, int key, int next) {
        int n = idx.keyCount();
        for (int k = 0; k < n; k++) {
            int col = idx.columns()[k];
            if (col < 0 || !t.column(col).notNull()) {
                p.op(Opcode.IsNull, key + k, next);
            }
        }
        int hasNext = p.label();
        p.op(Opcode.Next, ic, hasNext);
        p.op(Opcode.Goto, 0, next);
        p.resolve(hasNext);
        p.op(Opcode.IdxGT, ic, next, key, (Object) n);
        p.expr.literal("non-unique entry in index " + idx.name(), msg);
        errorRow();
    }

    /** Builds {@code before + rowNumber + after} into the message register and reports it. */
    private void rowMessage(String before, String after) {
        p.expr.literal(before, msg);
        p.op(Opcode.Concat, rowNo, msg, msg);
        p.expr.literal(after, tmp);
        p.op(Opcode.Concat, tmp, msg, msg);
        errorRow();
    }

    /** Outputs the message; stops the statement once the allowed number of messages is reached. */
    private void errorRow() {
        p.op(Opcode.ResultRow, msg, 1);
        int more = p.label();
        p.op(Opcode.IfPos, left, more, 1);
        p.op(Opcode.Halt);
        p.resolve(more);
    }

    /** The name SQLite uses for the table in messages (the schema table keeps its legacy name). */
    private static String tableName(Table t) {
        return t.name().equals(Schema.SCHEMA_TABLE) ? SchemaPragmas.LEGACY_SCHEMA : t.name();
    }
}
