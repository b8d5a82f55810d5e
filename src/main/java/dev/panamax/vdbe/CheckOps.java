package dev.panamax.vdbe;

import dev.panamax.value.Mem;
import java.util.List;

/** The opcodes of PRAGMA integrity_check (vdbe.c OP_IntegrityCk, OP_IsType). */
final class CheckOps {
    private CheckOps() {
    }

    /**
     * IntegrityCk P1 P2 P3 P4: checks the B-trees of P4 (an {@link P4.IntegrityRoots}) with at most r[P1]+1
     * messages; r[P1+1] gets the messages joined by newlines (NULL when there is none) and r[P1] is reduced by one
     * less than their number; r[P3+i] gets the number of entries in tree i.
     */
    static void integrityCheck(Vm vm, int pc) {
        P4.IntegrityRoots roots = (P4.IntegrityRoots) vm.p4[pc];
        Mem left = vm.r[vm.p1[pc]];
        long[] counts = new long[roots.roots().length];
        List<String> errors = vm.session.db.btree.integrityCheck(roots.roots(), roots.keyInfos(),
                (int) left.intValue() + 1, counts);
        for (int k = 0; k < counts.length; k++) {
            vm.r[vm.p3[pc] + k].setLong(counts[k]);
        }
        Mem out = vm.r[vm.p1[pc] + 1];
        if (errors.isEmpty()) {
            out.setNull();
            return;
        }
        left.setLong(left.intValue() - (errors.size() - 1));
        out.setText(String.join("\n", errors));
    }

    /**
     * IsType P1 P2 P3 P5: jumps to P2 when the datatype of column P3 of cursor P1 (or of r[P3] when P1 is -1) is
     * one of the mask P5 (0x01 INTEGER, 0x02 REAL, 0x04 TEXT, 0x08 BLOB, 0x10 NULL).
     */
    static int isType(Vm vm, int pc) {
        int type;
        if (vm.p1[pc] < 0) {
            type = vm.r[vm.p3[pc]].type();
        } else {
            VdbeCursor c = vm.cursors[vm.p1[pc]];
            if (c.deferred) {
                CursorOps.finishDeferred(c);
            }
            Mem m = vm.scratch;
            c.column(vm.p3[pc], m);
            type = m.type();
        }
        int bit = switch (type) {
            case Mem.INTEGER -> 0x01;
            case Mem.REAL -> 0x02;
            case Mem.TEXT -> 0x04;
            case Mem.BLOB -> 0x08;
            default -> 0x10;
        };
        return (vm.p5[pc] & bit) != 0 ? vm.p2[pc] : pc + 1;
    }
}
