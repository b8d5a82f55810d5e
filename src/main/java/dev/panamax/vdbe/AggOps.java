package dev.panamax.vdbe;

import dev.panamax.func.Accumulator;
import dev.panamax.func.FunctionDef;
import dev.panamax.value.Mem;

/** Function and aggregate opcodes (vdbe.c OP_Function, OP_AggStep, OP_AggFinal). */
final class AggOps {
    private AggOps() {
    }

    /** Function P1 P2 P3 P4 P5: r[P3] = P4(r[P2..P2+P5)). */
    static void function(Vm vm, int pc) {
        FunctionDef def = (FunctionDef) vm.p4[pc];
        int n = vm.p5[pc];
        int first = vm.p2[pc];
        int dest = vm.p3[pc];
        Mem[] args = vm.args(pc, first, n);
        if (dest >= first && dest < first + n) {
            Mem tmp = vm.scratch;
            tmp.setNull();
            def.scalar().invoke(vm, args, tmp);
            vm.r[dest].copyFrom(tmp);
        } else {
            Mem out = vm.r[dest];
            out.setNull();
            def.scalar().invoke(vm, args, out);
        }
    }

    /** AggStep P1 P2 P3 P4 P5: steps the accumulator of register P3 with r[P2..P2+P5). */
    static void step(Vm vm, int pc) {
        FunctionDef def = (FunctionDef) vm.p4[pc];
        int reg = vm.p3[pc];
        Accumulator acc = accumulator(vm, reg, def);
        vm.skipAccumulator = false;
        acc.step(vm, vm.args(pc, vm.p2[pc], vm.p5[pc]));
        if (vm.skipAccumulator && pc > 0 && vm.ops[pc - 1] == Opcode.CollSeq && vm.p1[pc - 1] != 0) {
            vm.r[vm.p1[pc - 1]].setLong(1);
        }
    }

    /** AggFinal P1 P2 P4: the final value of register P1's accumulator into r[P1]; AggValue P3 for the value. */
    static void finish(Vm vm, int pc) {
        FunctionDef def = (FunctionDef) vm.p4[pc];
        int reg = vm.p1[pc];
        Accumulator acc = accumulator(vm, reg, def);
        if (vm.ops[pc] == Opcode.AggValue) {
            acc.value(vm, vm.r[vm.p3[pc]]);
            return;
        }
        Mem out = vm.r[reg];
        out.setNull();
        vm.accumulators[reg] = null;
        acc.finish(vm, out);
    }

    private static Accumulator accumulator(Vm vm, int reg, FunctionDef def) {
        if (vm.accumulators == null) {
            vm.accumulators = new Accumulator[vm.r.length];
        }
        Accumulator acc = vm.accumulators[reg];
        if (acc == null) {
            acc = def.aggregate().newAccumulator();
            vm.accumulators[reg] = acc;
        }
        return acc;
    }
}
