package dev.panamax.vdbe;

import java.util.List;

/**
 * A compiled statement: SQLite's bytecode program ({@code Vdbe.aOp}) plus what a prepared statement reports about
 * itself (result columns, parameters, read-only flag). Immutable once built; one program is shared by every run of
 * its statement, and each run gets its own {@link Vm} registers and cursors.
 *
 * <pre>
 *   addr:  opcode  p1  p2  p3  p4 (Object)  p5   comment
 * </pre>
 */
public final class Program {
    final int[] opcodes;
    final int[] p1;
    final int[] p2;
    final int[] p3;
    final Object[] p4;
    final int[] p5;
    final String[] comments;
    final int size;
    final int registerCount;
    final int cursorCount;
    final ResultShape shape;
    final boolean readOnly;
    final List<String> parameterNames;
    final Object schemaVersion;
    final boolean countsChanges;
    final boolean mayPartiallyFail;

    Program(ProgramBuilder b, ResultShape shape, boolean readOnly, List<String> parameterNames, Object schemaVersion) {
        this.size = b.size;
        this.opcodes = java.util.Arrays.copyOf(b.opcodes, size);
        this.p1 = java.util.Arrays.copyOf(b.p1, size);
        this.p2 = java.util.Arrays.copyOf(b.p2, size);
        this.p3 = java.util.Arrays.copyOf(b.p3, size);
        this.p4 = java.util.Arrays.copyOf(b.p4, size);
        this.p5 = java.util.Arrays.copyOf(b.p5, size);
        this.comments = java.util.Arrays.copyOf(b.comments, size);
        this.registerCount = b.registerCount + 1;
        this.cursorCount = b.cursorCount;
        this.shape = shape;
        this.readOnly = readOnly;
        this.parameterNames = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameterNames));
        this.schemaVersion = schemaVersion;
        this.countsChanges = b.countsChanges;
        this.mayPartiallyFail = b.mayPartiallyFail;
    }

    public int size() {
        return size;
    }

    public Opcode opcode(int addr) {
        return Opcode.of(opcodes[addr]);
    }

    public int p1(int addr) {
        return p1[addr];
    }

    public int p2(int addr) {
        return p2[addr];
    }

    public int p3(int addr) {
        return p3[addr];
    }

    public Object p4(int addr) {
        return p4[addr];
    }

    public int p5(int addr) {
        return p5[addr];
    }

    public String comment(int addr) {
        return comments[addr];
    }

    public ResultShape shape() {
        return shape;
    }

    /** True when running the program cannot change the database (sqlite3_stmt_readonly). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * The parameter names by index - 1 ({@code null} for a nameless {@code ?}); the size is the parameter count,
     * the largest index used.
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The schema the program was compiled against; a program whose schema has changed must be prepared again. */
    public Object schemaVersion() {
        return schemaVersion;
    }
}
