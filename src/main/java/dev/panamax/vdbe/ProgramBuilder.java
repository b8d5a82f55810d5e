package dev.panamax.vdbe;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link Program} one instruction at a time, as SQLite's {@code sqlite3VdbeAddOp*} do: forward jumps name a
 * label (a negative number) that is resolved once its address is known; {@link #build} replaces every label by its
 * address and fails loudly on a label never resolved.
 */
public final class ProgramBuilder {
    int[] opcodes = new int[64];
    int[] p1 = new int[64];
    int[] p2 = new int[64];
    int[] p3 = new int[64];
    Object[] p4 = new Object[64];
    int[] p5 = new int[64];
    String[] comments = new String[64];
    int size;
    int registerCount;
    int cursorCount;
    boolean countsChanges;
    boolean mayPartiallyFail;
    private int[] labels = new int[16];
    private int labelCount;

    /** Appends an instruction and returns its address. */
    public int add(Opcode op, int a, int b, int c, Object d, int e) {
        if (size == opcodes.length) {
            grow();
        }
        int addr = size++;
        opcodes[addr] = op.ordinal();
        p1[addr] = a;
        p2[addr] = b;
        p3[addr] = c;
        p4[addr] = d;
        p5[addr] = e;
        comments[addr] = null;
        return addr;
    }

    public int add(Opcode op, int a, int b, int c, Object d) {
        return add(op, a, b, c, d, 0);
    }

    public int add(Opcode op, int a, int b, int c) {
        return add(op, a, b, c, null, 0);
    }

    public int add(Opcode op, int a, int b) {
        return add(op, a, b, 0, null, 0);
    }

    public int add(Opcode op, int a) {
        return add(op, a, 0, 0, null, 0);
    }

    public int add(Opcode op) {
        return add(op, 0, 0, 0, null, 0);
    }

    /** The address the next instruction will get. */
    public int currentAddr() {
        return size;
    }

    /** A new unresolved label: a negative number usable as a jump target. */
    public int makeLabel() {
        if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labelCount * 2);
        }
        labels[labelCount] = -1;
        return -1 - labelCount++;
    }

    /** Resolves {@code label} to the address of the next instruction. */
    public void resolveLabel(int label) {
        assert label < 0 && labels[-1 - label] == -1 : "label resolved twice: " + label;
        labels[-1 - label] = size;
    }

    /** Sets P1..P5 of an instruction already added. */
    public void changeP1(int addr, int v) {
        p1[addr] = v;
    }

    public void changeP2(int addr, int v) {
        p2[addr] = v;
    }

    public void changeP3(int addr, int v) {
        p3[addr] = v;
    }

    public void changeP4(int addr, Object v) {
        p4[addr] = v;
    }

    public void changeP5(int addr, int v) {
        p5[addr] = v;
    }

    /** Points the jump at {@code addr} to the next instruction (sqlite3VdbeJumpHere). */
    public void jumpHere(int addr) {
        p2[addr] = size;
    }

    /** Turns the instruction at {@code addr} into a Noop. */
    public void changeToNoop(int addr) {
        opcodes[addr] = Opcode.Noop.ordinal();
        p4[addr] = null;
    }

    public Opcode opcodeAt(int addr) {
        return Opcode.of(opcodes[addr]);
    }

    public int p1At(int addr) {
        return p1[addr];
    }

    public int p2At(int addr) {
        return p2[addr];
    }

    public void comment(String text) {
        if (size > 0) {
            comments[size - 1] = text;
        }
    }

    /** Marks an INSERT, UPDATE or DELETE: its row count becomes sqlite3_changes() when it finishes. */
    public void setCountsChanges() {
        countsChanges = true;
    }

    /**
     * Marks a program that may fail after it changed something (several rows, or REPLACE deletes before a later
     * check): inside a transaction it runs under a statement savepoint so that its failure undoes only itself.
     */
    public void setMayPartiallyFail() {
        mayPartiallyFail = true;
    }

    /** Makes sure the program has at least {@code n} registers (numbered 1..n). */
    public void reserveRegisters(int n) {
        registerCount = Math.max(registerCount, n);
    }

    public void reserveCursors(int n) {
        cursorCount = Math.max(cursorCount, n);
    }

    /** Finishes the program: labels become addresses. */
    public Program build(ResultShape shape, boolean readOnly, List<String> parameterNames, Object schemaVersion) {
        for (int addr = 0; addr < size; addr++) {
            Opcode op = Opcode.of(opcodes[addr]);
            if (p2[addr] < 0 && op != Opcode.AddImm) {
                p2[addr] = target(addr, p2[addr]);
            }
            if (op == Opcode.Jump && p1[addr] < 0) {
                p1[addr] = target(addr, p1[addr]);
            }
            if ((op == Opcode.Jump || op == Opcode.InitCoroutine) && p3[addr] < 0) {
                p3[addr] = target(addr, p3[addr]);
            }
        }
        return new Program(this, shape, readOnly, parameterNames, schemaVersion);
    }

    /** The address a label resolved to, or -1. */
    public int labelAddress(int label) {
        return labels[-1 - label];
    }

    private int target(int addr, int label) {
        int target = labels[-1 - label];
        if (target < 0) {
            throw new AssertionError("unresolved label at " + addr + " " + Opcode.of(opcodes[addr]));
        }
        return target;
    }

    private void grow() {
        int n = opcodes.length * 2;
        opcodes = Arrays.copyOf(opcodes, n);
        p1 = Arrays.copyOf(p1, n);
        p2 = Arrays.copyOf(p2, n);
        p3 = Arrays.copyOf(p3, n);
        p4 = Arrays.copyOf(p4, n);
        p5 = Arrays.copyOf(p5, n);
        comments = Arrays.copyOf(comments, n);
    }
}
