package dev.panamax.vdbe;

import dev.panamax.value.Mem;

/**
 * Opcodes over table-valued functions (vdbe.c OP_VFilter, OP_VColumn, OP_VNext): the cursor's rows come from a
 * {@link TableFunction} scan instead of a B-tree. Rowid reads go through {@code Rowid} as on any cursor.
 */
final class VirtualOps {
    private VirtualOps() {
    }

    /**
     * VFilter P1 P2 P3 P4 P5: starts a new scan of function P4 on cursor P1 with the P5 argument values in
     * r[P3..P3+P5); jumps to P2 when it has no row.
     */
    static int filter(Vm vm, int pc) {
        int c = vm.p1[pc];
        VdbeCursor cur = vm.cursors[c];
        if (cur == null || cur.kind != VdbeCursor.VIRTUAL) {
            if (cur != null) {
                cur.close(vm.session);
            }
            cur = new VdbeCursor(VdbeCursor.VIRTUAL, null, vm.session.db.btree.encoding());
            vm.cursors[c] = cur;
        } else if (cur.scan != null) {
            cur.scan.close();
            cur.scan = null;
        }
        TableFunction fn = (TableFunction) vm.p4[pc];
        Mem[] args = vm.args(pc, vm.p3[pc], vm.p5[pc]);
        cur.scan = fn.open(vm.session, args);
        boolean row = cur.scan.next();
        cur.nullRow = !row;
        return row ? pc + 1 : vm.p2[pc];
    }

    /** VColumn P1 P2 P3: column P2 of cursor P1's current row into r[P3] (NULL on a null row). */
    static void column(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        Mem out = vm.r[vm.p3[pc]];
        if (c == null || c.nullRow || c.scan == null) {
            out.setNull();
            return;
        }
        out.setNull();
        c.scan.column(vm.p2[pc], out);
    }

    /** VNext P1 P2: to the next row of cursor P1's scan; jumps to P2 when there is one. */
    static int next(Vm vm, int pc) {
        VdbeCursor c = vm.cursors[vm.p1[pc]];
        boolean more = c.scan != null && c.scan.next();
        c.nullRow = !more;
        return more ? vm.p2[pc] : pc + 1;
    }
}
