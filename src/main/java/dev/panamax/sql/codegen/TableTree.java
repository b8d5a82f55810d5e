package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.Column;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import java.util.ArrayList;
import java.util.List;

/**
 * How a table's rows and index entries sit in their B-trees (SQLite's sqlite3TableColumnToStorage,
 * sqlite3OpenTable, sqlite3IndexAffinityStr): a rowid table is a table B-tree whose records hold the stored columns
 * in table order; a WITHOUT ROWID table is one index B-tree keyed by its primary key ({@link Table#storageColumns});
 * an index entry is its key terms followed by the rowid, or by the primary key columns it lacks. VIRTUAL generated
 * columns are in no record: reading one computes its expression over the same row.
 */
final class TableTree {
    private TableTree() {
    }

    /** Opens {@code cursor} on the table's B-tree with OpenRead or OpenWrite. */
    static void open(Parse p, Opcode op, int cursor, Table t) {
        Object p4 = t.withoutRowid() ? indexKeyInfo(p, t, t.primaryKeyIndex()) : new P4.ColumnCount(t.columnCount());
        p.op(op, cursor, t.rootPage(), 0, p4);
    }

    /** Reads column {@code col} of the row at {@code cursor} (-1: the rowid; NULL without one) into {@code target}. */
    static void read(Parse p, int cursor, Table t, int col, int target) {
        if (col < 0) {
            if (t.hasRowid()) {
                p.op(Opcode.Rowid, cursor, target);
            } else {
                p.op(Opcode.Null, 0, target);
            }
            return;
        }
        Column c = t.column(col);
        if (c.isVirtual()) {
            computeVirtual(p, t, c, target, (pp, k, reg) -> read(pp, cursor, t, k, reg));
            return;
        }
        p.op(Opcode.Column, cursor, t.storagePosition(col), target);
        if (c.affinity() == Affinity.REAL) {
            p.op(Opcode.RealAffinity, target);
        }
    }

    /**
     * Computes generated column {@code c} into {@code target} with its columns read through {@code reader}, then
     * applies the column's affinity (sqlite3ExprCodeGeneratedColumn).
     */
    static void computeVirtual(Parse p, Table t, Column c, int target, ColumnReader reader) {
        if (p.generating.contains(c)) {
            throw new DbException(ResultCode.ERROR, "generated column loop on \"" + p.generating.peek().name()
                    + "\"");
        }
        p.generating.push(c);
        Source self = p.resolver.target(t, null);
        p.noteCursors();
        Bound e = p.resolver.expression(c.generated(), List.of(self));
        p.readers.put(self, (pp, k, reg) -> reader.read(pp, k == t.rowidAlias() ? -1 : k, reg));
        try {
            p.expr.code(e, target);
        } finally {
            p.readers.remove(self);
            p.generating.pop();
        }
        if (c.affinity() > Affinity.BLOB) {
            p.op(Opcode.Affinity, target, 1, 0, String.valueOf(c.affinity()));
        }
    }

    /** The KeyInfo of an index entry: the key terms' collations and directions, then the suffix's. */
    static KeyInfo indexKeyInfo(Parse p, Table t, Index idx) {
        int n = idx.keyCount();
        int[] suffix = t == null ? new int[] {Index.ROWID} : t.entrySuffix(idx);
        Collation[] colls = new Collation[n + suffix.length];
        byte[] flags = new byte[n + suffix.length];
        for (int k = 0; k < n; k++) {
            colls[k] = p.collationOrNull(idx.collations()[k]);
            flags[k] = idx.descending()[k] ? KeyInfo.SORT_DESC : 0;
        }
        Index pk = t != null && t.withoutRowid() && !t.isTableTree(idx) ? t.primaryKeyIndex() : null;
        for (int j = 0; pk != null && j < suffix.length; j++) {
            for (int k = 0; k < pk.keyCount(); k++) {
                if (pk.columns()[k] == suffix[j]) {
                    colls[n + j] = p.collationOrNull(pk.collations()[k]);
                    flags[n + j] = pk.descending()[k] ? KeyInfo.SORT_DESC : 0;
                    break;
                }
            }
        }
        return p.keyInfo(colls, flags, n);
    }

    /**
     * The terms of an entry of {@code idx} for the row {@code src} stands for: the key terms, then the suffix
     * ({@link Table#entrySuffix}); the rowid is column -1.
     */
    static List<Bound> entryTerms(Parse p, Table t, Index idx, Source src) {
        List<Bound> out = new ArrayList<>();
        for (int k = 0; k < idx.keyCount(); k++) {
            int col = idx.columns()[k];
            out.add(col == Index.EXPRESSION ? p.resolver.expression(idx.expressions().get(k), List.of(src))
                    : new Bound.ColumnRef(src, col == t.rowidAlias() ? -1 : col));
        }
        for (int col : t.entrySuffix(idx)) {
            out.add(new Bound.ColumnRef(src, col));
        }
        return out;
    }

    /** Where column {@code col} sits in an entry of {@code idx} (key terms, then the suffix), or -1. */
    static int entryPosition(Table t, Index idx, int col) {
        for (int k = 0; k < idx.keyCount(); k++) {
            int c = idx.columns()[k];
            if (c == col || c == Index.ROWID && col == t.rowidAlias() && col >= 0) {
                return k;
            }
        }
        int[] suffix = t.entrySuffix(idx);
        for (int j = 0; j < suffix.length; j++) {
            if (suffix[j] == col || suffix[j] == Index.ROWID && col == t.rowidAlias()) {
                return idx.keyCount() + j;
            }
        }
        return -1;
    }

    /**
     * Moves {@code cursor} to the row identified by {@code identity} (a rowid register, or the first of the primary
     * key registers of a WITHOUT ROWID table); jumps to {@code missing} when there is none.
     */
    static void seekRow(Parse p, Table t, int cursor, int identity, int missing) {
        if (t.hasRowid()) {
            p.op(Opcode.NotExists, cursor, missing, identity);
        } else {
            p.op(Opcode.NotFound, cursor, missing, identity, (Object) primaryKey(t).length);
        }
    }

    /** The primary key columns of a WITHOUT ROWID table, in key order. */
    static int[] primaryKey(Table t) {
        return t.primaryKeyIndex().columns();
    }

    /** The affinity string of a row record, in storage order. */
    static String recordAffinity(Table t) {
        StringBuilder sb = new StringBuilder();
        for (int c : t.storageColumns()) {
            sb.append(t.column(c).affinity());
        }
        return sb.toString();
    }

    /**
     * The first of the registers holding the row's record fields in storage order: {@code cols} itself when the
     * record holds every column in table order, else a copy.
     */
    static int recordRegisters(Parse p, Table t, int cols) {
        int[] order = t.storageColumns();
        boolean identity = order.length == t.columnCount();
        for (int k = 0; k < order.length && identity; k++) {
            identity = order[k] == k;
        }
        if (identity) {
            return cols;
        }
        int base = p.allocRegs(order.length);
        for (int k = 0; k < order.length; k++) {
            p.op(Opcode.SCopy, cols + order[k], base + k);
        }
        return base;
    }
}
