package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Affinity;
import dev.panamax.value.Arithmetic;
import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import dev.panamax.value.Comparison;
import dev.panamax.value.Mem;

/** Comparison, logic, arithmetic and counter opcodes (vdbe.c OP_Eq .. OP_Ge, OP_And, OP_Add, OP_IfPos ...). */
final class LogicOps {
    private LogicOps() {
    }

    /** Eq..Ge: compares r[P3] with r[P1] under P5's affinity and P4's collation; jumps to P2 when true. */
    static int compare(Vm vm, int pc) {
        Mem left = vm.r[vm.p3[pc]];
        Mem right = vm.r[vm.p1[pc]];
        int flags = vm.p5[pc];
        int res;
        if (left.isNull() || right.isNull()) {
            if ((flags & OpFlags.NULLEQ) != 0) {
                res = left.isNull() && right.isNull() ? 0 : 1;
            } else {
                return (flags & OpFlags.JUMPIFNULL) != 0 ? vm.p2[pc] : pc + 1;
            }
        } else {
            Affinity aff = Affinities.of((char) (flags & OpFlags.AFF_MASK));
            Object p4 = vm.p4[pc];
            Collation coll = p4 == null ? Collations.BINARY : (Collation) p4;
            res = Comparison.compare(left, right, aff, coll);
        }
        boolean jump = switch (vm.ops[pc]) {
            case Eq -> res == 0;
            case Ne -> res != 0;
            case Lt -> res < 0;
            case Le -> res <= 0;
            case Gt -> res > 0;
            default -> res >= 0;
        };
        return jump ? vm.p2[pc] : pc + 1;
    }

    /** Compare P1 P2 P3 P4: compares r[P1..P1+P3) with r[P2..P2+P3) under KeyInfo P4, for the next Jump. */
    static void compareVectors(Vm vm, int pc) {
        int n = vm.p3[pc];
        KeyInfo ki = (KeyInfo) vm.p4[pc];
        int a = vm.p1[pc];
        int b = vm.p2[pc];
        int res = 0;
        for (int k = 0; k < n && res == 0; k++) {
            Mem x = vm.r[a + k];
            Mem y = vm.r[b + k];
            int c = Comparison.compare(x, y, ki.collation(k));
            if (c != 0) {
                int flags = ki.sortFlags(k);
                boolean desc = (flags & KeyInfo.SORT_DESC) != 0;
                boolean bigNull = (flags & KeyInfo.SORT_BIGNULL) != 0;
                if (flags != 0 && (!bigNull || desc != (x.isNull() || y.isNull()))) {
                    c = -c;
                }
            }
            res = c;
        }
        vm.lastCompare = res;
    }

    static int once(Vm vm, int pc) {
        if (vm.onceFlags == null) {
            vm.onceFlags = new boolean[vm.ops.length];
        }
        if (vm.onceFlags[pc]) {
            return vm.p2[pc];
        }
        vm.onceFlags[pc] = true;
        return pc + 1;
    }

    /** If/IfNot P1 P2 P3: jump when r[P1] is true (If) or false (IfNot); NULL jumps when P3 is non-zero. */
    static int ifOp(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        boolean jump;
        if (m.isNull()) {
            jump = vm.p3[pc] != 0;
        } else {
            boolean t = Comparison.isTrue(m);
            jump = vm.ops[pc] == Opcode.If ? t : !t;
        }
        return jump ? vm.p2[pc] : pc + 1;
    }

    static int ifPos(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        if (m.longValue() > 0) {
            m.setLong(m.longValue() - vm.p3[pc]);
            return vm.p2[pc];
        }
        return pc + 1;
    }

    static int ifNotZero(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        long v = m.longValue();
        if (v != 0) {
            if (v > 0) {
                m.setLong(v - 1);
            }
            return vm.p2[pc];
        }
        return pc + 1;
    }

    static int decrJumpZero(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        long v = m.longValue();
        if (v > Long.MIN_VALUE) {
            m.setLong(--v);
        }
        return v == 0 ? vm.p2[pc] : pc + 1;
    }

    /** OffsetLimit P1 P2 P3: r[P2] = r[P1] + max(r[P3], 0) when r[P1] > 0, else -1. */
    static void offsetLimit(Vm vm, int pc) {
        long limit = vm.r[vm.p1[pc]].longValue();
        long offset = vm.r[vm.p3[pc]].longValue();
        long out;
        if (limit <= 0) {
            out = -1;
        } else {
            long x = limit + Math.max(offset, 0);
            out = x < 0 ? Long.MAX_VALUE : x;
        }
        vm.r[vm.p2[pc]].setLong(out);
    }

    /** MustBeInt P1 P2: r[P1] as INTEGER, else jump to P2 (or fail with datatype mismatch when P2 is 0). */
    static int mustBeInt(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        if (m.type() != Mem.INTEGER) {
            m.applyAffinity(Affinity.NUMERIC);
            if (m.type() != Mem.INTEGER) {
                if (vm.p2[pc] == 0) {
                    throw new DbException(ResultCode.MISMATCH, "datatype mismatch");
                }
                return vm.p2[pc];
            }
        }
        return pc + 1;
    }

    /** Binary arithmetic and bit operators: r[P3] = r[P2] op r[P1] (Add/Multiply/BitAnd/BitOr: either order). */
    static void arithmetic(Vm vm, int pc) {
        Mem a = vm.r[vm.p1[pc]];
        Mem b = vm.r[vm.p2[pc]];
        Mem out = vm.r[vm.p3[pc]];
        switch (vm.ops[pc]) {
            case Add -> Arithmetic.add(b, a, out);
            case Subtract -> Arithmetic.subtract(b, a, out);
            case Multiply -> Arithmetic.multiply(b, a, out);
            case Divide -> Arithmetic.divide(b, a, out);
            case Remainder -> Arithmetic.remainder(b, a, out);
            case Concat -> Arithmetic.concat(b, a, out, 1_000_000_000L);
            case BitAnd -> Arithmetic.bitAnd(b, a, out);
            case BitOr -> Arithmetic.bitOr(b, a, out);
            case ShiftLeft -> Arithmetic.shiftLeft(b, a, out);
            default -> Arithmetic.shiftRight(b, a, out);
        }
    }

    /** And/Or P1 P2 P3: three-valued logic into r[P3]. */
    static void andOr(Vm vm, int pc) {
        int v1 = Comparison.booleanValue(vm.r[vm.p1[pc]], 2);
        int v2 = Comparison.booleanValue(vm.r[vm.p2[pc]], 2);
        int res;
        if (vm.ops[pc] == Opcode.And) {
            res = (v1 == 0 || v2 == 0) ? 0 : (v1 == 2 || v2 == 2) ? 2 : 1;
        } else {
            res = (v1 == 1 || v2 == 1) ? 1 : (v1 == 2 || v2 == 2) ? 2 : 0;
        }
        Mem out = vm.r[vm.p3[pc]];
        if (res == 2) {
            out.setNull();
        } else {
            out.setLong(res);
        }
    }

    /** Not, BitNot, IsTrue, ZeroOrNull. */
    static void unary(Vm vm, int pc) {
        Mem in = vm.r[vm.p1[pc]];
        Mem out = vm.r[vm.p2[pc]];
        switch (vm.ops[pc]) {
            case Not -> {
                if (in.isNull()) {
                    out.setNull();
                } else {
                    out.setLong(Comparison.isTrue(in) ? 0 : 1);
                }
            }
            case BitNot -> Arithmetic.bitNot(in, out);
            case IsTrue -> {
                int v = Comparison.booleanValue(in, vm.p3[pc]);
                Object inv = vm.p4[pc];
                if (inv instanceof Integer i && i != 0) {
                    v = 1 - v;
                }
                out.setLong(v);
            }
            default -> {
                if (in.isNull() || vm.r[vm.p3[pc]].isNull()) {
                    out.setNull();
                } else {
                    out.setLong(0);
                }
            }
        }
    }
}
