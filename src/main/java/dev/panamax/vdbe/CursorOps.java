package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.btree.Btree;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordDecoder;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Affinity;
import dev.panamax.value.Comparison;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;

/** Cursor opcodes: opening, moving, seeking and reading (vdbe.c OP_OpenRead .. OP_IdxGE, OP_Column, OP_Rowid). */
final class CursorOps {
    private CursorOps() {
    }

    static void open(Vm vm, int pc) {
        int c = vm.p1[pc];
        switch (vm.ops[pc]) {
            case OpenRead, OpenWrite -> {
                closeCursor(vm, c);
                int root = (vm.p5[pc] & OpFlags.P2ISREG) != 0 ? (int) vm.r[vm.p2[pc]].intValue() : vm.p2[pc];
                KeyInfo ki = vm.p4[pc] instanceof KeyInfo k ? k : null;
                VdbeCursor cur = new VdbeCursor(VdbeCursor.BTREE, ki, vm.session.db.btree.encoding());
                cur.bt = btreeCursor(vm, c, root, vm.ops[pc] == Opcode.OpenWrite, ki);
                vm.cursors[c] = cur;
            }
            case OpenEphemeral, OpenAutoindex -> openEphemeral(vm, pc, c);
            case OpenPseudo -> {
                closeCursor(vm, c);
                VdbeCursor cur = new VdbeCursor(VdbeCursor.PSEUDO, null, vm.session.db.btree.encoding());
                cur.pseudoRegister = vm.p2[pc];
                vm.cursors[c] = cur;
            }
            case SorterOpen -> {
                closeCursor(vm, c);
                KeyInfo ki = (KeyInfo) vm.p4[pc];
                VdbeCursor cur = new VdbeCursor(VdbeCursor.SORTER, ki, vm.session.db.btree.encoding());
                cur.sorter = new Sorter(ki, vm.session.db.io);
                vm.cursors[c] = cur;
            }
            case ResetSorter -> {
                VdbeCursor cur = vm.cursors[c];
                if (cur.sorter != null) {
                    cur.sorter.reset();
                } else if (cur.ephemeralTree != null) {
                    cur.ephemeralTree.clearTree(cur.ephemeralRoot);
                }
                cur.nullRow = true;
            }
            default -> throw new DbException(ResultCode.INTERNAL, "unsupported opcode " + vm.ops[pc]);
        }
    }

    private static void openEphemeral(Vm vm, int pc, int c) {
        VdbeCursor cur = vm.cursors[c];
        KeyInfo ki = vm.p4[pc] instanceof KeyInfo k ? k : null;
        if (cur != null && cur.ephemeralTree != null) {
            cur.ephemeralTree.clearTree(cur.ephemeralRoot);
            cur.nullRow = true;
            return;
        }
        Btree bt = vm.session.acquireEphemeral();
        bt.beginWrite();
        int root = bt.createTree(ki == null ? Btree.CREATE_TABLE : Btree.CREATE_INDEX);
        cur = new VdbeCursor(VdbeCursor.EPHEMERAL, ki, bt.encoding());
        cur.ephemeralTree = bt;
        cur.ephemeralRoot = root;
        cur.bt = bt.cursor(root, true, ki);
        vm.cursors[c] = cur;
    }

    /** A cursor on the database's tree: the slot's spare from the last run when it fits, else a new one. */
    private static BtCursor btreeCursor(Vm vm, int c, int root, boolean write, KeyInfo ki) {
        Btree tree = vm.session.db.btree;
        BtCursor spare = vm.spareCursors[c];
        vm.spareCursors[c] = null;
        if (spare != null && vm.spareKeyInfos[c] == ki && spare.canReopen(tree, root, write)) {
            return tree.reopen(spare);
        }
        return tree.cursor(root, write, ki);
    }

    private static void closeCursor(Vm vm, int c) {
        if (vm.cursors[c] != null) {
            vm.cursors[c].close(vm.session);
            vm.cursors[c] = null;
        }
    }

    /** Column P1 P2 P3 P4: column P2 of cursor P1's row into r[P3]; P4 is a default for missing columns. */
    static void column(Vm vm, int pc) {
        try {
            readColumn(vm, pc);
        } catch (DbException e) {
            throw e.primaryCode() == ResultCode.CORRUPT ? new RecordCorruptException(e) : e;
        }
    }

    private static void readColumn(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Mem out = vm.r[vm.p3[pc]];
        if (c.deferred) {
            finishDeferred(c);
        }
        if (c.kind == VdbeCursor.PSEUDO && c.stale) {
            Mem rec = vm.r[c.pseudoRegister];
            if (rec.isNull()) {
                out.setNull();
                return;
            }
            c.setRecord(rec.bytes(), rec.length());
            c.stale = false;
        }
        c.column(vm.p2[pc], out);
        if (out.isNull() && vm.p4[pc] != null) {
            RegisterOps.constantInto(vm.p4[pc], out);
        }
    }

    static void finishDeferred(VdbeCursor c) {
        c.deferred = false;
        if (c.bt.seekRowid(c.deferredRowid) != 0) {
            throw new DbException(ResultCode.CORRUPT_INDEX, "database disk image is malformed");
        }
        c.nullRow = false;
    }

    static void rowid(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Mem out = vm.r[vm.p2[pc]];
        if (c.deferred) {
            out.setLong(c.deferredRowid);
        } else if (c.nullRow) {
            out.setNull();
        } else if (c.scan != null) {
            out.setLong(c.scan.rowid());
        } else {
            out.setLong(c.bt.rowid());
        }
    }

    /** IdxRowid P1 P2: the rowid at the end of the index entry at cursor P1. */
    static void idxRowid(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Mem out = vm.r[vm.p2[pc]];
        if (c.nullRow) {
            out.setNull();
            return;
        }
        RecordDecoder d = c.bt.recordDecoder();
        d.column(d.fieldCount() - 1, out);
    }

    static int next(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        if (c == null || c.cleared) {
            return pc + 1;
        }
        boolean more;
        switch (vm.ops[pc]) {
            case SorterNext -> {
                more = c.sorter.next();
                if (more) {
                    c.setRecord(c.sorter.current(), c.sorter.currentLength());
                }
            }
            case Prev -> more = c.bt.prev();
            default -> more = c.bt.next();
        }
        c.nullRow = !more;
        return more ? vm.p2[pc] : pc + 1;
    }

    /** Rewind, Last, Sort, SorterSort: to the first (last) row; jump to P2 when there is none. IfEmpty too. */
    static int rewind(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        c.deferred = false;
        c.cleared = false;
        boolean any;
        switch (vm.ops[pc]) {
            case SorterSort -> {
                any = c.kind == VdbeCursor.SORTER ? c.sorter.sort() : c.bt.first();
                if (any && c.kind == VdbeCursor.SORTER) {
                    c.setRecord(c.sorter.current(), c.sorter.currentLength());
                }
            }
            case Last -> any = c.bt.last();
            case IfEmpty -> {
                boolean empty = !c.bt.first();
                c.nullRow = true;
                return empty ? vm.p2[pc] : pc + 1;
            }
            default -> any = c.bt.first();
        }
        c.nullRow = !any;
        return any ? pc + 1 : vm.p2[pc];
    }

    /** SeekGE/GT/LE/LT P1 P2 P3 P4: on a table cursor r[P3] is a rowid; on an index, r[P3..P3+P4) a key. */
    static int seek(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Opcode op = vm.ops[pc];
        c.deferred = false;
        c.cleared = false;
        int res;
        if (c.isTable()) {
            Mem key = vm.r[vm.p3[pc]];
            Mem k = vm.scratch;
            k.copyFrom(key);
            if (k.type() == Mem.TEXT) {
                k.applyNumericAffinity(false);
            }
            long ikey;
            if (k.type() == Mem.INTEGER) {
                ikey = k.longValue();
            } else if (k.type() == Mem.REAL) {
                double d = k.doubleValue();
                ikey = Mem.realToInt(d);
                int cmp = Comparison.intFloatCompare(ikey, d);
                if (cmp > 0 && (op == Opcode.SeekGT || op == Opcode.SeekLE)) {
                    op = op == Opcode.SeekGT ? Opcode.SeekGE : Opcode.SeekLT;
                } else if (cmp < 0 && (op == Opcode.SeekLT || op == Opcode.SeekGE)) {
                    op = op == Opcode.SeekLT ? Opcode.SeekLE : Opcode.SeekGT;
                }
            } else {
                if (k.isNull() || op == Opcode.SeekGE || op == Opcode.SeekGT) {
                    c.nullRow = true;
                    return vm.p2[pc];
                }
                boolean any = c.bt.last();
                c.nullRow = !any;
                return any ? pc + 1 : vm.p2[pc];
            }
            res = c.bt.seekRowid(ikey);
        } else {
            int n = (Integer) vm.p4[pc];
            UnpackedRecord key = c.key(vm.r, vm.p3[pc], n);
            key.defaultRc = (op == Opcode.SeekGT || op == Opcode.SeekLE) ? -1 : 1;
            res = c.bt.seek(key);
        }
        return position(vm, pc, c, op, res);
    }

    private static int position(Vm vm, int pc, VdbeCursor c, Opcode op, int res) {
        boolean found;
        if (op == Opcode.SeekGE || op == Opcode.SeekGT) {
            if (res < 0 || (res == 0 && op == Opcode.SeekGT)) {
                found = !c.bt.eof() && c.bt.next();
            } else {
                found = !c.bt.eof();
            }
        } else {
            if (res > 0 || (res == 0 && op == Opcode.SeekLT)) {
                found = !c.bt.eof() && c.bt.prev();
            } else {
                found = !c.bt.eof();
            }
        }
        c.nullRow = !found;
        return found ? pc + 1 : vm.p2[pc];
    }

    /** SeekRowid/NotExists P1 P2 P3: to the row whose rowid is r[P3]; jump to P2 when there is none. */
    static int seekRowid(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Mem key = vm.r[vm.p3[pc]];
        c.deferred = false;
        c.cleared = false;
        long rowid;
        if (key.type() == Mem.INTEGER) {
            rowid = key.longValue();
        } else {
            Mem k = vm.scratch;
            k.copyFrom(key);
            k.applyAffinity(Affinity.NUMERIC);
            if (k.type() != Mem.INTEGER) {
                c.nullRow = true;
                return vm.p2[pc];
            }
            rowid = k.longValue();
        }
        boolean found = c.bt.seekRowid(rowid) == 0;
        c.nullRow = !found;
        return found ? pc + 1 : vm.p2[pc];
    }

    /** Found/NotFound/NoConflict/IfNoHope P1 P2 P3 P4: look up key r[P3..P3+P4) (P4 = 0: a packed record). */
    static int found(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Opcode op = vm.ops[pc];
        if (op == Opcode.IfNoHope) {
            return pc + 1;
        }
        int n = (Integer) vm.p4[pc];
        UnpackedRecord key;
        if (n == 0) {
            key = unpack(vm, c, vm.r[vm.p3[pc]]);
        } else {
            key = c.key(vm.r, vm.p3[pc], n);
        }
        if (op == Opcode.NoConflict) {
            for (int k = 0; k < key.fieldCount; k++) {
                if (key.fields[k].isNull()) {
                    return vm.p2[pc];
                }
            }
        }
        key.defaultRc = 0;
        c.cleared = false;
        boolean hit = c.bt.seek(key) == 0;
        c.nullRow = !hit;
        c.seekHit = hit;
        boolean jump = op == Opcode.Found ? hit : !hit;
        return jump ? vm.p2[pc] : pc + 1;
    }

    /** Unpacks a packed record held in a register into the cursor's key scratch. */
    private static UnpackedRecord unpack(Vm vm, VdbeCursor c, Mem rec) {
        RecordDecoder d = new RecordDecoder(vm.session.db.btree.encoding());
        d.reset(MemorySegment.ofArray(rec.bytes()), 0, rec.length(), 0);
        int n = d.fieldCount();
        Mem[] fields = new Mem[n];
        for (int k = 0; k < n; k++) {
            fields[k] = new Mem();
            d.column(k, fields[k]);
        }
        return new UnpackedRecord(c.keyInfo, fields, n);
    }

    /** IdxGE/GT/LE/LT P1 P2 P3 P4: compare the index entry with key r[P3..P3+P4); jump to P2 when it holds. */
    static int idxCompare(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Opcode op = vm.ops[pc];
        int n = (Integer) vm.p4[pc];
        UnpackedRecord key = c.key(vm.r, vm.p3[pc], n);
        key.defaultRc = (op == Opcode.IdxLE || op == Opcode.IdxGT) ? -1 : 0;
        int res = c.bt.compareCurrent(key);
        if (op == Opcode.IdxLE || op == Opcode.IdxLT) {
            res = -res;
        } else {
            res++;
        }
        return res > 0 ? vm.p2[pc] : pc + 1;
    }

    static int ifNullRow(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        if (c == null || c.nullRow) {
            vm.r[vm.p3[pc]].setNull();
            return vm.p2[pc];
        }
        return pc + 1;
    }

    /** NullRow, DeferredSeek, FinishSeek, SeekEnd, Count, Sequence, SorterData, RowData, Close. */
    static void misc(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        switch (vm.ops[pc]) {
            case NullRow -> {
                if (c != null) {
                    c.nullRow = true;
                    c.deferred = false;
                    c.cleared = true;
                }
            }
            case DeferredSeek -> {
                VdbeCursor table = vm.cursors[vm.p3[pc]];
                RecordDecoder d = c.bt.recordDecoder();
                d.column(d.fieldCount() - 1, vm.scratch);
                table.deferred = true;
                table.deferredRowid = vm.scratch.intValue();
                table.nullRow = false;
            }
            case FinishSeek -> {
                if (c.deferred) {
                    finishDeferred(c);
                }
            }
            case SeekEnd -> {
                c.cleared = false;
                c.nullRow = !c.bt.last();
            }
            case Count -> vm.r[vm.p2[pc]].setLong(c.bt.count());
            case Sequence -> vm.r[vm.p2[pc]].setLong(c.sequence++);
            case SorterData -> {
                vm.r[vm.p2[pc]].setBlob(c.sorter.current(), 0, c.sorter.currentLength());
                VdbeCursor pseudo = vm.cursors[vm.p3[pc]];
                if (pseudo != null) {
                    pseudo.stale = true;
                }
            }
            case RowData -> {
                byte[] b = c.bt.payloadBytes();
                vm.r[vm.p2[pc]].setBlob(b, 0, b.length);
            }
            case Close -> closeCursor(vm, vm.p1[pc]);
            default -> throw new DbException(ResultCode.INTERNAL, "unsupported opcode " + vm.ops[pc]);
        }
    }

    static BtCursor btree(Vm vm, int c) {
        return vm.cursors[c].bt;
    }
}
