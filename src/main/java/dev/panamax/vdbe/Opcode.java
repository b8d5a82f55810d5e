package dev.panamax.vdbe;

/**
 * The opcodes of the virtual machine, named and numbered in SQLite's order (vdbe.c, opcode.html).
 *
 * <p>A {@link Program} stores an opcode as its {@link #ordinal()}; {@link Vm} dispatches on it. Only the opcodes
 * Panamax generates are listed; their operands mean what SQLite's documentation says unless a comment here says
 * otherwise.
 */
public enum Opcode {
    Goto, Gosub, Return, InitCoroutine, EndCoroutine, Yield, HaltIfNull, Halt,
    Integer, Int64, Real, String8, Null, SoftNull, Blob, Variable, Move, Copy, SCopy, IntCopy,
    ResultRow, Concat, Add, Subtract, Multiply, Divide, Remainder, CollSeq,
    BitAnd, BitOr, ShiftLeft, ShiftRight, AddImm, MustBeInt, RealAffinity, Cast,
    Eq, Ne, Lt, Le, Gt, Ge, ElseEq, Permutation, Compare, Jump, And, Or, IsTrue, Not, BitNot,
    Once, If, IfNot, IsNull, NotNull, IfNullRow, ZeroOrNull, Column, Affinity, TypeCheck, MakeRecord, Count,
    Savepoint, AutoCommit, Transaction, ReadCookie, SetCookie,
    OpenRead, OpenWrite, OpenDup, OpenAutoindex, OpenEphemeral, SorterOpen, OpenPseudo, Close,
    SeekLT, SeekLE, SeekGE, SeekGT, IfNoHope, NoConflict, NotFound, Found, SeekRowid, NotExists,
    Sequence, NewRowid, Insert, Delete, ResetCount, SorterCompare, SorterData, RowData, Rowid, NullRow,
    SeekEnd, Last, SorterSort, Sort, Rewind, IfEmpty, SorterNext, Prev, Next,
    IdxInsert, SorterInsert, IdxDelete, DeferredSeek, IdxRowid, FinishSeek, IdxLE, IdxGT, IdxLT, IdxGE,
    Destroy, Clear, ResetSorter, CreateBtree, ParseSchema, DropTable, DropIndex, DropTrigger, IntegrityCk,
    RowSetAdd, RowSetRead, RowSetTest, Program, Param, MemMax, IfPos, OffsetLimit, IfNotZero, DecrJumpZero,
    AggStep, AggValue, AggFinal, Function, Init, Noop, Explain, BeginSubrtn, Abortable, ReleaseReg,
    VFilter, VColumn, VNext, IsType, FkCounter, FkIfZero, FkGuard, FkAction;

    private static final Opcode[] VALUES = values();

    /** The opcode with this ordinal. */
    public static Opcode of(int ordinal) {
        return VALUES[ordinal];
    }
}
