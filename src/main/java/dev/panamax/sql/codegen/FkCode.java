package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.ForeignKey;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.ForeignKeyClause;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.Settings;
import dev.panamax.vdbe.Vm;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Foreign key enforcement for INSERT, UPDATE and DELETE with {@code PRAGMA foreign_keys = ON} (SQLite's fkey.c),
 * compiled into the statements that change rows. Violations are counted (FkCounter) rather than raised at once: a
 * new child row without a parent adds one, removing it takes one away; removing a parent row adds one per child
 * row still pointing at it, inserting one takes one away per child it satisfies; the statement fails at its end,
 * or a deferred constraint at COMMIT, when the count is not zero. ON DELETE / ON UPDATE actions run after the
 * parent row changed: RESTRICT fails at once, CASCADE, SET NULL and SET DEFAULT run as sub-statements
 * ({@link FkActionStatement}) so that they can reach further tables, even the same one, recursively.
 *
 * <p>Row layout: the callers hold a row as a rowid register and one register per column ({@link Row}).
 */
final class FkCode {
    private FkCode() {
    }

    /** A row in registers: {@code rowid}, and column k in {@code cols + k} (the rowid alias: the rowid). */
    record Row(Table table, int rowid, int cols) {
        int reg(int column) {
            return column < 0 || column == table.rowidAlias() ? rowid : cols + column;
        }
    }

    /** A foreign key of another table (or the same one) that refers to the table being changed. */
    record Child(Table table, ForeignKey fk) {
    }

    static boolean enabled(Parse p) {
        return p.session.settings().flag(Settings.Flag.FOREIGN_KEYS);
    }

    /** The foreign keys referring to {@code parent}, in the schema's table order. */
    static List<Child> children(Parse p, Table parent) {
        List<Child> out = new ArrayList<>();
        for (Table t : p.schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.parentTable().equalsIgnoreCase(parent.name())) {
                    out.add(new Child(t, fk));
                }
            }
        }
        return out;
    }

    /**
     * Makes the program prepare again if PRAGMA foreign_keys changes before it runs, when the table takes part in
     * a foreign key (SQLite expires statements when the pragma changes).
     */
    private static void guard(Parse p, Table t) {
        if (t.foreignKeys().isEmpty() && children(p, t).isEmpty()) {
            return;
        }
        for (int a = 0; a < p.v.currentAddr(); a++) {
            if (p.v.opcodeAt(a) == Opcode.FkGuard) {
                return;
            }
        }
        p.op(Opcode.FkGuard, enabled(p) ? 1 : 0);
    }

    /**
     * DELETE without WHERE may clear the table in one step only when no foreign key processing is needed (the
     * program still prepares again if PRAGMA foreign_keys changes).
     */
    static boolean blocksTruncate(Parse p, Table t) {
        guard(p, t);
        return enabled(p) && (!t.foreignKeys().isEmpty() || !children(p, t).isEmpty());
    }

    /** INSERT: the new row (after its constraint checks, before it is written). */
    static void insert(Parse p, Table t, int rowid, int cols) {
        guard(p, t);
        if (!enabled(p)) {
            return;
        }
        Row row = new Row(t, rowid, cols);
        counts(p, t);
        for (ForeignKey fk : t.foreignKeys()) {
            lookupParent(p, t, fk, parentKey(p, t, fk), row, 1);
        }
        for (Child c : children(p, t)) {
            scanChildren(p, t, c, childKey(c, t), row, -1);
        }
    }

    /**
     * Before the row at cursor {@code tc} is deleted (DELETE, or REPLACE making room): its foreign keys and the
     * children pointing at it. Returns the first register of the old row for {@link #afterDelete}, or -1.
     */
    static int beforeDelete(Parse p, Table t, int tc) {
        guard(p, t);
        if (!enabled(p) || (t.foreignKeys().isEmpty() && children(p, t).isEmpty())) {
            return -1;
        }
        counts(p, t);
        Row row = load(p, t, tc);
        for (ForeignKey fk : t.foreignKeys()) {
            lookupParent(p, t, fk, parentKey(p, t, fk), row, -1);
        }
        for (Child c : children(p, t)) {
            scanChildren(p, t, c, childKey(c, t), row, 1);
        }
        return row.rowid();
    }

    /** After the row is deleted: the ON DELETE actions of the foreign keys referring to it. */
    static void afterDelete(Parse p, Table t, int old) {
        if (old < 0) {
            return;
        }
        Row row = new Row(t, old, old + 1);
        for (Child c : children(p, t)) {
            action(p, t, c, c.fk().onDelete(), row, null);
        }
    }

    /**
     * UPDATE, once the new row is computed (in {@code rowid}/{@code cols}) and checked, before it is written: the
     * foreign keys whose columns change, checked for the old row (rowid {@code oldRowid}, read again through cursor
     * {@code tc}) leaving and the new row coming. Returns the first register of the old row for
     * {@link #afterUpdate}, or -1.
     */
    static int update(Parse p, Table t, int tc, int oldRowid, int rowid, int cols, boolean[] changed,
            boolean rowidChanged) {
        guard(p, t);
        if (!enabled(p)) {
            return -1;
        }
        List<ForeignKey> own = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            if (fk.parentTable().equalsIgnoreCase(t.name()) || childModified(t, fk, changed, rowidChanged)) {
                own.add(fk);
            }
        }
        List<Child> referring = new ArrayList<>();
        for (Child c : children(p, t)) {
            if (parentModified(t, c.fk(), changed, rowidChanged)) {
                referring.add(c);
            }
        }
        if (own.isEmpty() && referring.isEmpty()) {
            return -1;
        }
        counts(p, t);
        int positioned = p.label();
        TableTree.seekRow(p, t, tc, oldRowid, positioned);
        p.resolve(positioned);
        Row old = load(p, t, tc);
        Row row = new Row(t, rowid, cols);
        for (ForeignKey fk : own) {
            ForeignKeys.ParentKey key = parentKey(p, t, fk);
            lookupParent(p, t, fk, key, old, -1);
            lookupParent(p, t, fk, key, row, 1);
        }
        for (Child c : referring) {
            ForeignKeys.ParentKey key = childKey(c, t);
            scanChildren(p, t, c, key, old, 1);
            scanChildren(p, t, c, key, row, -1);
        }
        return old.rowid();
    }

    /** After the new row is written: the ON UPDATE actions of the foreign keys whose parent key changed. */
    static void afterUpdate(Parse p, Table t, int old, int rowid, int cols, boolean[] changed,
            boolean rowidChanged) {
        if (old < 0) {
            return;
        }
        Row before = new Row(t, old, old + 1);
        Row after = new Row(t, rowid, cols);
        for (Child c : children(p, t)) {
            if (parentModified(t, c.fk(), changed, rowidChanged)) {
                action(p, t, c, c.fk().onUpdate(), before, after);
            }
        }
    }

    /**
     * DROP TABLE of a table other tables refer to: its rows are deleted first, foreign key processing included, and
     * the drop fails if that leaves immediate violations (sqlite3FkDropTable).
     */
    static void dropTable(Parse p, Table t) {
        if (!enabled(p) || t.isView() || children(p, t).isEmpty()) {
            return;
        }
        p.writes = true;
        p.op(Opcode.FkAction, 0, 0, 0, new FkActionStatement("DELETE FROM " + quote(t.name())));
        if (!p.session.settings().flag(Settings.Flag.DEFER_FOREIGN_KEYS)) {
            int ok = p.label();
            p.op(Opcode.FkIfZero, 0, ok);
            p.op(Opcode.Halt, ResultCode.CONSTRAINT_FOREIGNKEY.code(), Vm.OE_ABORT, 0, null, OpFlags.CONSTRAINT_FK);
            p.resolve(ok);
        }
    }

    /**
     * The statement will count violations and may fail when it ends, after writing rows: it needs its statement
     * savepoint (sqlite3MayAbort; SQLite avoids it for a one-row INSERT by failing at once instead).
     */
    private static void counts(Parse p, Table t) {
        if (!t.foreignKeys().isEmpty() || !children(p, t).isEmpty()) {
            p.v.setMayPartiallyFail();
        }
    }

    /** The old row at cursor {@code tc} into registers (rowid, then every column). */
    private static Row load(Parse p, Table t, int tc) {
        int base = p.allocRegs(t.columnCount() + 1);
        WhereCode.readFromTable(p, tc, t, -1, base);
        for (int k = 0; k < t.columnCount(); k++) {
            WhereCode.readFromTable(p, tc, t, k == t.rowidAlias() ? -1 : k, base + 1 + k);
        }
        return new Row(t, base, base + 1);
    }

    /** The parent key of one of t's own foreign keys; a missing parent table is an error, as SQLite reports it. */
    private static ForeignKeys.ParentKey parentKey(Parse p, Table t, ForeignKey fk) {
        Table parent = p.schema.table(fk.parentTable());
        if (parent == null || parent.isView()) {
            throw new DbException(ResultCode.ERROR, "no such table: main." + fk.parentTable());
        }
        return ForeignKeys.locate(t, fk, parent);
    }

    private static ForeignKeys.ParentKey childKey(Child c, Table parent) {
        return ForeignKeys.locate(c.table(), c.fk(), parent);
    }

    /**
     * fkLookupParent: for a row entering ({@code incr} 1) or leaving (-1) the child table, counts a violation when
     * its key, with no NULL in it, has no parent row.
     */
    private static void lookupParent(Parse p, Table child, ForeignKey fk, ForeignKeys.ParentKey key, Row row,
            int incr) {
        int deferred = fk.deferred() ? 1 : 0;
        int ok = p.label();
        int count = p.label();
        if (incr < 0) {
            p.op(Opcode.FkIfZero, deferred, ok);
        }
        int[] cols = key.childColumns();
        for (int c : cols) {
            p.op(Opcode.IsNull, row.reg(c), ok);
        }
        Table parent = key.parent();
        int cursor = p.allocCursor();
        if (key.index() == null) {
            int tmp = p.allocReg();
            p.op(Opcode.SCopy, row.reg(cols[0]), tmp);
            p.op(Opcode.MustBeInt, tmp, count);
            if (parent == child && incr > 0) {
                p.op(Opcode.Eq, row.rowid(), ok, tmp, null, Affinity.INTEGER);
            }
            p.op(Opcode.OpenRead, cursor, parent.rootPage(), 0, new P4.ColumnCount(parent.columnCount()));
            p.op(Opcode.NotExists, cursor, count, tmp);
            p.op(Opcode.Goto, 0, ok);
        } else {
            Index idx = key.index();
            int n = cols.length;
            int tmp = p.allocRegs(n);
            for (int k = 0; k < n; k++) {
                p.op(Opcode.SCopy, row.reg(cols[k]), tmp + k);
            }
            if (parent == child && incr > 0) {
                selfMatch(p, idx, row, tmp, ok);
            }
            p.op(Opcode.OpenRead, cursor, idx.rootPage(), 0, WhereCode.indexKeyInfo(p, idx));
            StringBuilder aff = new StringBuilder();
            for (int k = 0; k < n; k++) {
                int c = idx.columns()[k];
                aff.append(c < 0 ? Affinity.INTEGER : parent.column(c).affinity());
            }
            p.op(Opcode.Affinity, tmp, n, 0, aff.toString());
            p.op(Opcode.Found, cursor, ok, tmp, (Object) n);
        }
        p.resolve(count);
        p.op(Opcode.FkCounter, deferred, 0, incr);
        p.resolve(ok);
        p.op(Opcode.Close, cursor);
    }

    /** A new row of a self-referencing table satisfies its own foreign key when its key equals its parent key. */
    private static void selfMatch(Parse p, Index idx, Row row, int values, int ok) {
        int differ = p.label();
        for (int k = 0; k < idx.keyCount(); k++) {
            p.op(Opcode.Ne, values + k, differ, row.reg(idx.columns()[k]), null, OpFlags.JUMPIFNULL);
        }
        p.op(Opcode.Goto, 0, ok);
        p.resolve(differ);
    }

    /**
     * fkScanChildren: for a parent row leaving ({@code incr} 1) or entering (-1), counts the child rows whose key
     * equals its parent key (compared with the parent column's affinity and collation).
     */
    private static void scanChildren(Parse p, Table parent, Child c, ForeignKeys.ParentKey key, Row row, int incr) {
        int deferred = c.fk().deferred() ? 1 : 0;
        int done = p.label();
        if (incr < 0) {
            p.op(Opcode.FkIfZero, deferred, done);
        }
        Source child = p.resolver.target(c.table(), c.table().name());
        p.noteCursors();
        Bound where = childMatch(parent, c, key, row, child);
        if (parent == c.table() && incr > 0) {
            Bound self = new Bound.Register(row.rowid(), new Bound.Literal(null));
            where = new Bound.Binary(Bound.BinaryOp.AND, where,
                    new Bound.Binary(Bound.BinaryOp.NE, self, new Bound.ColumnRef(child, -1)));
        }
        Map<Source, BitSet> used = new IdentityHashMap<>();
        BitSet cols = new BitSet();
        for (int k : key.childColumns()) {
            cols.set(k);
        }
        used.put(child, cols);
        WhereCode w = WhereCode.plan(p, List.of(child), where, null, used);
        w.emitBegin();
        p.op(Opcode.FkCounter, deferred, 0, incr);
        w.end();
        p.resolve(done);
    }

    /**
     * {@code parent-value = child.column AND ...}, the parent values carrying the parent columns' affinity and
     * collation.
     */
    private static Bound childMatch(Table parent, Child c, ForeignKeys.ParentKey key, Row row, Source child) {
        Bound where = null;
        int[] childCols = key.childColumns();
        for (int k = 0; k < childCols.length; k++) {
            int pc = key.index() == null ? parent.rowidAlias() : key.index().columns()[k];
            char aff = pc < 0 || pc == parent.rowidAlias() ? Affinity.INTEGER : parent.column(pc).affinity();
            String coll = pc < 0 ? null : parent.column(pc).collation();
            Bound value = new Bound.AsColumn(new Bound.Register(row.reg(pc), new Bound.Literal(null)), aff,
                    coll == null ? "BINARY" : coll);
            int cc = childCols[k];
            Bound column = new Bound.ColumnRef(child, cc == c.table().rowidAlias() ? -1 : cc);
            Bound eq = new Bound.Binary(Bound.BinaryOp.EQ, value, column);
            where = where == null ? eq : new Bound.Binary(Bound.BinaryOp.AND, where, eq);
        }
        return where;
    }

    /**
     * An ON DELETE ({@code after} null) or ON UPDATE action of a foreign key referring to the changed row. For an
     * update it applies only when the parent key really changed (IS NOT).
     */
    private static void action(Parse p, Table parent, Child c, ForeignKeyClause.Action action, Row before,
            Row after) {
        if (action == ForeignKeyClause.Action.NO_ACTION) {
            return;
        }
        if (action == ForeignKeyClause.Action.RESTRICT
                && p.session.settings().flag(Settings.Flag.DEFER_FOREIGN_KEYS)) {
            return;
        }
        ForeignKeys.ParentKey key = childKey(c, parent);
        int n = key.childColumns().length;
        int skip = p.label();
        if (after != null) {
            int changed = p.label();
            for (int k = 0; k < n; k++) {
                int pc = parentColumn(parent, key, k);
                p.op(Opcode.Ne, before.reg(pc), changed, after.reg(pc), null, OpFlags.NULLEQ);
            }
            p.op(Opcode.Goto, 0, skip);
            p.resolve(changed);
        }
        if (action == ForeignKeyClause.Action.RESTRICT) {
            restrict(p, parent, c, key, before);
        } else {
            int args = p.allocRegs(after != null ? 2 * n : n);
            for (int k = 0; k < n; k++) {
                int pc = parentColumn(parent, key, k);
                p.op(Opcode.SCopy, before.reg(pc), args + k);
                if (after != null) {
                    p.op(Opcode.SCopy, after.reg(pc), args + n + k);
                }
            }
            String sql = FkActionStatement.sql(p, parent, c.table(), key, action, after != null);
            p.op(Opcode.FkAction, args, after != null ? 2 * n : n, 0, new FkActionStatement(sql));
        }
        p.resolve(skip);
    }

    private static int parentColumn(Table parent, ForeignKeys.ParentKey key, int k) {
        return key.index() == null ? parent.rowidAlias() : key.index().columns()[k];
    }

    /** RESTRICT: a child row still pointing at the old key fails the statement at once, as SQLite's RAISE does. */
    private static void restrict(Parse p, Table parent, Child c, ForeignKeys.ParentKey key, Row before) {
        Source child = p.resolver.target(c.table(), c.table().name());
        p.noteCursors();
        Map<Source, BitSet> used = new IdentityHashMap<>();
        used.put(child, new BitSet());
        WhereCode w = WhereCode.plan(p, List.of(child), childMatch(parent, c, key, before, child), null, used);
        w.emitBegin();
        p.op(Opcode.Halt, ResultCode.CONSTRAINT_TRIGGER.code(), Vm.OE_ABORT, 0, "FOREIGN KEY constraint failed");
        w.end();
    }

    /** Whether an UPDATE changes one of the child columns of a table's own foreign key (fkChildIsModified). */
    private static boolean childModified(Table t, ForeignKey fk, boolean[] changed, boolean rowidChanged) {
        for (int c : fk.fromColumns()) {
            if (changed[c] || (c == t.rowidAlias() && rowidChanged)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an UPDATE changes a parent key column a foreign key refers to (fkParentIsModified). */
    private static boolean parentModified(Table t, ForeignKey fk, boolean[] changed, boolean rowidChanged) {
        for (int k = 0; k < t.columnCount(); k++) {
            if (!changed[k] && !(k == t.rowidAlias() && rowidChanged)) {
                continue;
            }
            String name = t.column(k).name();
            boolean named = fk.refersToPrimaryKey() ? t.column(k).primaryKey()
                    : fk.toColumns().stream().anyMatch(n -> n.equalsIgnoreCase(name));
            if (named) {
                return true;
            }
        }
        return false;
    }

    static String quote(String name) {
        return SchemaPragmas.quoteIdentifier(name);
    }
}
