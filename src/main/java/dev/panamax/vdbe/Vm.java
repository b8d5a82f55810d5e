package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.func.Accumulator;
import dev.panamax.func.FunctionContext;
import dev.panamax.storage.btree.BtCursor;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.storage.format.RecordEncoder;
import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import dev.panamax.value.Mem;

/**
 * One run of a {@link Program} (SQLite's Vdbe at run time): registers, cursors, the program counter, and the loop
 * that dispatches each opcode to a small static method of its family ({@link RegisterOps}, {@link LogicOps},
 * {@link CursorOps}, {@link WriteOps}, {@link AggOps}, {@link TxnOps}, {@link VirtualOps}, {@link CheckOps}) so
 * that no method outgrows what HotSpot compiles.
 *
 * <pre>
 *   READY --step--> RUNNING --ResultRow--> RUNNING (a row is ready) --Halt--> DONE
 *     ^                 | error                                               |
 *     +-----reset-------+---------------------reset---------------------------+
 * </pre>
 *
 * <p>A RUNNING program counts as an active statement of its connection; it holds the connection's read (or write)
 * lock until it finishes. Every step holds the database mutex.
 */
public final class Vm implements FunctionContext {
    /** Conflict actions as SQLite numbers them (OE_*), used in Halt's P2. */
    public static final int OE_NONE = 0;
    public static final int OE_ROLLBACK = 1;
    public static final int OE_ABORT = 2;
    public static final int OE_FAIL = 3;
    public static final int OE_IGNORE = 4;
    public static final int OE_REPLACE = 5;

    private enum State { READY, RUNNING, DONE }

    final Program program;
    final Session session;
    /** The run this one is a sub-statement of, or null. */
    final Vm parent;
    final int depth;
    /** Immediate foreign key violations of this statement (top runs only; sub-statements count here too). */
    long fkImmediate;
    /** The connection's deferred violation counts when this statement began, restored if it is undone. */
    private long fkDeferredAtStart;
    private long fkDeferredImmediateAtStart;
    final Opcode[] ops;
    final int[] p1;
    final int[] p2;
    final int[] p3;
    final Object[] p4;
    final int[] p5;
    final Mem[] r;
    final VdbeCursor[] cursors;
    /**
     * Per cursor slot, the B-tree cursor the slot held when the last run ended, closed, with the KeyInfo it was
     * opened with: the next run's OpenRead/OpenWrite of the same tree reopens it instead of allocating one.
     */
    final BtCursor[] spareCursors;
    final KeyInfo[] spareKeyInfos;
    final Mem[] vars;
    Accumulator[] accumulators;
    Mem[][] argArrays;
    boolean[] onceFlags;
    final RecordEncoder encoder;
    private State state = State.READY;
    int pc;
    int resultStart;
    int resultCount;
    long nChange;
    boolean writer;
    int statementSavepoint = -1;
    int errorAction = OE_ABORT;
    Collation collSeq = Collations.BINARY;
    boolean skipAccumulator;
    int lastCompare;
    private long statementTime = -1;
    final Mem scratch = new Mem();

    public Vm(Program program, Session session) {
        this(program, session, null);
    }

    /**
     * A run of {@code program}; with a {@code parent} it is a sub-statement of that run (a foreign key action): it
     * shares the parent's transaction and statement savepoint and counts its violations against the top run.
     */
    Vm(Program program, Session session, Vm parent) {
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.program = program;
        this.session = session;
        int n = program.size;
        this.ops = new Opcode[n];
        for (int k = 0; k < n; k++) {
            ops[k] = Opcode.of(program.opcodes[k]);
        }
        this.p1 = program.p1;
        this.p2 = program.p2;
        this.p3 = program.p3;
        this.p4 = program.p4;
        this.p5 = program.p5;
        this.r = new Mem[program.registerCount];
        for (int k = 0; k < r.length; k++) {
            r[k] = new Mem();
        }
        this.cursors = new VdbeCursor[program.cursorCount];
        this.spareCursors = new BtCursor[program.cursorCount];
        this.spareKeyInfos = new KeyInfo[program.cursorCount];
        this.vars = new Mem[program.parameterNames.size() + 1];
        for (int k = 0; k < vars.length; k++) {
            vars[k] = new Mem();
        }
        this.encoder = new RecordEncoder(session.db.btree.encoding(), session.db.btree.constIntSerialTypes());
    }

    public Program program() {
        return program;
    }

    /** The bound value of parameter {@code index} (1-based), to be set by the caller before the first step. */
    public Mem parameter(int index) {
        return vars[index];
    }

    public int parameterCount() {
        return vars.length - 1;
    }

    /** The register holding result column {@code i} of the current row. */
    public Mem column(int i) {
        return r[resultStart + i];
    }

    public int columnCount() {
        return resultCount;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    /**
     * Runs until the next row (true) or the end (false). Errors end the run (its changes undone as the failed
     * constraint's conflict action says) and are thrown.
     */
    public boolean step() {
        if (state == State.DONE) {
            throw new DbException(ResultCode.MISUSE, "bad parameter or other API misuse");
        }
        session.db.mutex.lock();
        try {
            if (state == State.READY) {
                start();
            }
            boolean row = runOrRecover();
            if (!row) {
                finish(true);
            }
            return row;
        } catch (DbException e) {
            fail(e);
            throw e;
        } catch (StackOverflowError e) {
            DbException err = new DbException(ResultCode.ERROR, "stack overflow");
            fail(err);
            throw err;
        } finally {
            session.db.mutex.unlock();
        }
    }

    private void start() {
        if (session.interrupted && session.activeVms == 0) {
            session.interrupted = false;
        }
        state = State.RUNNING;
        session.activeVms++;
        pc = 0;
        nChange = 0;
        fkImmediate = 0;
        fkDeferredAtStart = session.fkDeferred;
        fkDeferredImmediateAtStart = session.fkDeferredImmediate;
        errorAction = OE_ABORT;
        statementTime = -1;
    }

    /** Stops a running program as sqlite3_reset does (changes made so far are kept) and makes it ready again. */
    public void reset() {
        session.db.mutex.lock();
        try {
            if (state == State.RUNNING) {
                finish(true);
            }
            state = State.READY;
            pc = 0;
            resultCount = 0;
            if (onceFlags != null) {
                java.util.Arrays.fill(onceFlags, false);
            }
            if (accumulators != null) {
                java.util.Arrays.fill(accumulators, null);
            }
            for (Mem m : r) {
                m.setNull();
            }
        } finally {
            session.db.mutex.unlock();
        }
    }

    /** Ends the run: closes cursors, settles the statement savepoint and the autocommit transaction. */
    private void finish(boolean ok) {
        closeCursors();
        state = State.DONE;
        session.activeVms--;
        if (writer) {
            session.activeWriters--;
        }
        try {
            if (ok) {
                releaseStatementSavepoint();
            }
            if (program.countsChanges) {
                if (parent == null) {
                    session.changes = nChange;
                }
                session.totalChanges += nChange;
            }
            session.endStatementTransaction();
        } finally {
            writer = false;
            statementSavepoint = -1;
        }
    }

    private void releaseStatementSavepoint() {
        if (statementSavepoint >= 0 && session.level == DatabaseLock.Level.EXCLUSIVE) {
            session.db.btree.releaseSavepoint(statementSavepoint);
        }
        statementSavepoint = -1;
    }

    /**
     * Handles an error thrown by an opcode: undo per the conflict action, then end the run. As in sqlite3VdbeHalt,
     * the change counters take the rows changed only when the statement's changes are kept (OR FAIL), else zero.
     */
    private void fail(DbException e) {
        if (state != State.RUNNING) {
            return;
        }
        if (e.primaryCode() == ResultCode.BUSY && nChange == 0 && !writer) {
            closeCursors();
            state = State.READY;
            session.activeVms--;
            if (writer) {
                session.activeWriters--;
                writer = false;
            }
            statementSavepoint = -1;
            session.endStatementTransaction();
            return;
        }
        try {
            undo(e);
        } finally {
            if (state == State.RUNNING) {
                finish(false);
            }
        }
    }

    private void undo(DbException e) {
        int action = errorAction;
        ResultCode primary = e.primaryCode();
        if (primary == ResultCode.IOERR || primary == ResultCode.CORRUPT || primary == ResultCode.NOMEM
                || primary == ResultCode.FULL) {
            action = OE_ROLLBACK;
        }
        if (action != OE_FAIL) {
            nChange = 0;
        }
        if (!writer) {
            return;
        }
        switch (action) {
            case OE_ROLLBACK -> {
                closeCursors();
                session.rollback();
                statementSavepoint = -1;
            }
            case OE_FAIL -> releaseStatementSavepoint();
            default -> {
                if (statementSavepoint >= 0) {
                    closeCursors();
                    session.db.btree.rollbackToSavepoint(statementSavepoint);
                    session.db.btree.releaseSavepoint(statementSavepoint);
                    statementSavepoint = -1;
                    session.schema = session.db.readSchema();
                    session.fkDeferred = fkDeferredAtStart;
                    session.fkDeferredImmediate = fkDeferredImmediateAtStart;
                } else if (session.autocommit) {
                    closeCursors();
                    session.rollback();
                }
            }
        }
    }

    void closeCursors() {
        for (int k = 0; k < cursors.length; k++) {
            VdbeCursor cur = cursors[k];
            if (cur != null) {
                if (cur.kind == VdbeCursor.BTREE && cur.bt != null) {
                    cur.bt.close();
                    spareCursors[k] = cur.bt;
                    spareKeyInfos[k] = cur.keyInfo;
                    cur.bt = null;
                }
                cur.close(session);
                cursors[k] = null;
            }
        }
    }

    /**
     * Runs the loop; a program whose Init has a P3 (PRAGMA integrity_check) continues there when Column finds a
     * corrupt record, instead of failing, as SQLite's does.
     */
    private boolean runOrRecover() {
        try {
            return run();
        } catch (RecordCorruptException e) {
            int onCorrupt = ops.length > 0 && ops[0] == Opcode.Init ? p3[0] : 0;
            if (onCorrupt <= 0) {
                throw e;
            }
            pc = onCorrupt;
            return run();
        }
    }

    /** The dispatch loop: returns true at a ResultRow, false at Halt. */
    private boolean run() {
        final Opcode[] ops = this.ops;
        final int[] p1 = this.p1;
        final int[] p2 = this.p2;
        final int[] p3 = this.p3;
        final Mem[] r = this.r;
        int pc = this.pc;
        int ticks = 0;
        while (true) {
            switch (ops[pc]) {
                case Goto -> {
                    if ((++ticks & 0x3ff) == 0) {
                        checkInterrupt();
                    }
                    pc = p2[pc];
                }
                case Init -> pc = p2[pc] != 0 ? p2[pc] : pc + 1;
                case Integer -> r[p2[pc]].setLong(p1[pc++]);
                case Int64, Real, String8, Blob -> RegisterOps.constant(this, pc++);
                case Null, BeginSubrtn -> RegisterOps.nullRange(this, pc++);
                case SoftNull -> r[p1[pc++]].setNull();
                case Variable -> r[p2[pc]].copyFrom(vars[p1[pc++]]);
                case Move -> RegisterOps.move(this, pc++);
                case Copy -> RegisterOps.copy(this, pc++);
                case SCopy, IntCopy -> r[p2[pc]].copyFrom(r[p1[pc++]]);
                case ResultRow -> {
                    resultStart = p1[pc];
                    resultCount = p2[pc];
                    this.pc = pc + 1;
                    return true;
                }
                case Halt -> {
                    this.pc = pc;
                    TxnOps.halt(this, pc);
                    return false;
                }
                case HaltIfNull -> {
                    if (r[p3[pc]].isNull()) {
                        this.pc = pc;
                        TxnOps.halt(this, pc);
                        return false;
                    }
                    pc++;
                }
                case Gosub -> {
                    r[p1[pc]].setLong(pc);
                    pc = p2[pc];
                }
                case Return -> pc = (int) r[p1[pc]].longValue() + 1;
                case InitCoroutine -> {
                    r[p1[pc]].setLong(p3[pc] - 1);
                    pc = p2[pc] != 0 ? p2[pc] : pc + 1;
                }
                case Yield -> {
                    int back = (int) r[p1[pc]].longValue();
                    r[p1[pc]].setLong(pc);
                    pc = back + 1;
                }
                case EndCoroutine -> {
                    int yieldAddr = (int) r[p1[pc]].longValue();
                    r[p1[pc]].setLong(pc - 1);
                    pc = p2[yieldAddr];
                }
                case Once -> pc = LogicOps.once(this, pc);
                case If, IfNot -> pc = LogicOps.ifOp(this, pc);
                case IsNull -> pc = r[p1[pc]].isNull() ? p2[pc] : pc + 1;
                case NotNull -> pc = r[p1[pc]].isNull() ? pc + 1 : p2[pc];
                case IfPos -> pc = LogicOps.ifPos(this, pc);
                case IfNotZero -> pc = LogicOps.ifNotZero(this, pc);
                case DecrJumpZero -> pc = LogicOps.decrJumpZero(this, pc);
                case OffsetLimit -> LogicOps.offsetLimit(this, pc++);
                case MustBeInt -> pc = LogicOps.mustBeInt(this, pc);
                case Eq, Ne, Lt, Le, Gt, Ge -> pc = LogicOps.compare(this, pc);
                case Compare -> LogicOps.compareVectors(this, pc++);
                case Jump -> pc = lastCompare < 0 ? p1[pc] : lastCompare == 0 ? p2[pc] : p3[pc];
                case Permutation, Noop, Explain, Abortable, ReleaseReg -> pc++;
                case Add, Subtract, Multiply, Divide, Remainder, Concat, BitAnd, BitOr, ShiftLeft, ShiftRight ->
                        LogicOps.arithmetic(this, pc++);
                case And, Or -> LogicOps.andOr(this, pc++);
                case Not, BitNot, IsTrue, ZeroOrNull -> LogicOps.unary(this, pc++);
                case AddImm, Cast, RealAffinity, Affinity -> RegisterOps.convert(this, pc++);
                case TypeCheck -> RegisterOps.typeCheck(this, pc++);
                case MakeRecord -> RegisterOps.makeRecord(this, pc++);
                case CollSeq -> {
                    collSeq = (Collation) p4[pc];
                    if (p1[pc] != 0) {
                        r[p1[pc]].setLong(0);
                    }
                    pc++;
                }
                case Function -> AggOps.function(this, pc++);
                case AggStep -> AggOps.step(this, pc++);
                case AggFinal, AggValue -> AggOps.finish(this, pc++);
                case Column -> CursorOps.column(this, pc++);
                case Rowid -> CursorOps.rowid(this, pc++);
                case IdxRowid -> CursorOps.idxRowid(this, pc++);
                case Next, Prev, SorterNext -> {
                    if ((++ticks & 0x3ff) == 0) {
                        checkInterrupt();
                    }
                    pc = CursorOps.next(this, pc);
                }
                case Rewind, Last, Sort, SorterSort, IfEmpty -> pc = CursorOps.rewind(this, pc);
                case SeekGE, SeekGT, SeekLE, SeekLT -> pc = CursorOps.seek(this, pc);
                case SeekRowid, NotExists -> pc = CursorOps.seekRowid(this, pc);
                case Found, NotFound, NoConflict, IfNoHope -> pc = CursorOps.found(this, pc);
                case IdxGE, IdxGT, IdxLE, IdxLT -> pc = CursorOps.idxCompare(this, pc);
                case IfNullRow -> pc = CursorOps.ifNullRow(this, pc);
                case NullRow, DeferredSeek, FinishSeek, SeekEnd, Count, Sequence, SorterData, RowData, Close ->
                        CursorOps.misc(this, pc++);
                case OpenRead, OpenWrite, OpenEphemeral, OpenAutoindex, OpenPseudo, SorterOpen, OpenDup,
                        ResetSorter -> CursorOps.open(this, pc++);
                case NewRowid, Insert, Delete, IdxInsert, IdxDelete, SorterInsert -> WriteOps.write(this, pc++);
                case MemMax -> WriteOps.memMax(this, pc++);
                case VFilter -> pc = VirtualOps.filter(this, pc);
                case VColumn -> VirtualOps.column(this, pc++);
                case VNext -> {
                    if ((++ticks & 0x3ff) == 0) {
                        checkInterrupt();
                    }
                    pc = VirtualOps.next(this, pc);
                }
                case Transaction -> TxnOps.transaction(this, pc++);
                case AutoCommit, Savepoint, ReadCookie, SetCookie, CreateBtree, Destroy, Clear, ParseSchema,
                        DropTable, DropIndex, DropTrigger, ResetCount -> TxnOps.other(this, pc++);
                case IntegrityCk -> CheckOps.integrityCheck(this, pc++);
                case IsType -> pc = CheckOps.isType(this, pc);
                case FkCounter -> FkOps.counter(this, pc++);
                case FkIfZero -> pc = FkOps.ifZero(this, pc);
                case FkGuard -> FkOps.guard(this, pc++);
                case FkAction -> FkOps.action(this, pc++);
                default -> throw new DbException(ResultCode.INTERNAL, "unsupported opcode " + ops[pc]);
            }
        }
    }

    /** The top-level run this one belongs to. */
    Vm root() {
        return parent == null ? this : parent.root();
    }

    void checkInterrupt() {
        if (session.interrupted) {
            throw new DbException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    /** The argument array of a Function/AggStep call at {@code pc}: views of registers, made once. */
    Mem[] args(int pc, int first, int n) {
        if (argArrays == null) {
            argArrays = new Mem[ops.length][];
        }
        Mem[] a = argArrays[pc];
        if (a == null) {
            a = new Mem[n];
            System.arraycopy(r, first, a, 0, n);
            argArrays[pc] = a;
        }
        return a;
    }

    // ---- FunctionContext ----

    @Override
    public long lastInsertRowid() {
        return session.lastInsertRowid;
    }

    @Override
    public long changes() {
        return session.changes;
    }

    @Override
    public long totalChanges() {
        return session.totalChanges;
    }

    @Override
    public long randomLong() {
        return session.random.nextLong();
    }

    @Override
    public void randomBytes(byte[] dst, int off, int n) {
        for (int k = 0; k < n; k++) {
            dst[off + k] = (byte) session.random.nextInt();
        }
    }

    @Override
    public long currentTimeMillis() {
        if (statementTime < 0) {
            statementTime = session.db.io.currentTimeMillis();
        }
        return statementTime;
    }

    @Override
    public Collation collation() {
        return collSeq;
    }

    @Override
    public void skipAccumulatorLoad() {
        skipAccumulator = true;
    }
}
