package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.format.UnpackedRecord;
import dev.panamax.value.Mem;

/** Opcodes that change B-trees and sorters (vdbe.c OP_NewRowid, OP_Insert, OP_Delete, OP_IdxInsert ...). */
final class WriteOps {
    private static final int MAX_RANDOM_ROWID_TRIES = 100;

    private WriteOps() {
    }

    static void write(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        switch (vm.ops[pc]) {
            case NewRowid -> newRowid(vm, pc, c);
            case Insert -> insert(vm, pc, c);
            case Delete -> {
                c.deferred = false;
                c.bt.delete();
                if ((vm.p5[pc] & OpFlags.NCHANGE) != 0) {
                    vm.nChange++;
                }
            }
            case IdxInsert -> {
                Mem key = vm.r[vm.p2[pc]];
                c.bt.insertKey(key.bytes(), 0, key.length());
                c.nullRow = false;
                c.cleared = false;
                if ((vm.p5[pc] & OpFlags.NCHANGE) != 0) {
                    vm.nChange++;
                }
            }
            case IdxDelete -> {
                UnpackedRecord key = c.key(vm.r, vm.p2[pc], vm.p3[pc]);
                key.defaultRc = 0;
                if (c.bt.seek(key) == 0) {
                    c.bt.delete();
                }
                c.nullRow = true;
            }
            case SorterInsert -> {
                Mem rec = vm.r[vm.p2[pc]];
                c.sorter.insert(rec.bytes(), rec.length());
            }
            default -> throw new DbException(ResultCode.INTERNAL, "unsupported opcode " + vm.ops[pc]);
        }
    }

    /**
     * NewRowid P1 P2 P3: one more than the largest rowid in the table, or a random unused one when the largest is
     * the maximum; P3 (non-zero) is the AUTOINCREMENT register holding the largest rowid ever used.
     */
    private static void newRowid(Vm vm, int pc, VdbeCursor c) {
        BtCursor bt = c.bt;
        c.cleared = false;
        long rowid;
        boolean random = false;
        if (bt.last()) {
            long max = bt.rowid();
            if (max == Long.MAX_VALUE) {
                random = true;
                rowid = 0;
            } else {
                rowid = max + 1;
            }
        } else {
            rowid = 1;
        }
        if (vm.p3[pc] != 0) {
            Mem auto = vm.r[vm.p3[pc]];
            long used = auto.intValue();
            if (used == Long.MAX_VALUE) {
                throw new DbException(ResultCode.FULL, "database or disk is full");
            }
            if (rowid <= used && !random) {
                rowid = used + 1;
            }
            if (random) {
                throw new DbException(ResultCode.FULL, "database or disk is full");
            }
            auto.setLong(rowid);
        }
        if (random) {
            rowid = randomRowid(vm, bt);
        }
        c.nullRow = true;
        vm.r[vm.p2[pc]].setLong(rowid);
    }

    private static long randomRowid(Vm vm, BtCursor bt) {
        for (int k = 0; k < MAX_RANDOM_ROWID_TRIES; k++) {
            long candidate = (vm.session.random.nextLong() & 0x3fffffffffffffffL) + 1;
            if (bt.seekRowid(candidate) != 0) {
                return candidate;
            }
        }
        throw new DbException(ResultCode.FULL, "database or disk is full");
    }

    /** Insert P1 P2 P3 P4 P5: the record r[P2] as row r[P3] of cursor P1's table. */
    private static void insert(Vm vm, int pc, VdbeCursor c) {
        Mem data = vm.r[vm.p2[pc]];
        long rowid = vm.r[vm.p3[pc]].intValue();
        int flags = vm.p5[pc];
        byte[] bytes = data.isNull() ? new byte[0] : data.bytes();
        int len = data.isNull() ? 0 : data.length();
        c.deferred = false;
        c.bt.insert(rowid, bytes, 0, len, (flags & OpFlags.APPEND) != 0);
        c.nullRow = false;
        c.cleared = false;
        if ((flags & OpFlags.NCHANGE) != 0) {
            vm.nChange++;
        }
        if ((flags & OpFlags.LASTROWID) != 0) {
            vm.session.lastInsertRowid = rowid;
        }
    }

    /** MemMax P1 P2: r[P1] = max(r[P1], r[P2]) as integers. */
    static void memMax(Vm vm, int pc) {
        Mem a = vm.r[vm.p1[pc]];
        long b = vm.r[vm.p2[pc]].intValue();
        if (a.intValue() < b) {
            a.setLong(b);
        }
    }
}
