package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.storage.btree.Btree;

/**
 * Transaction, savepoint and schema opcodes (vdbe.c OP_Transaction, OP_AutoCommit, OP_Savepoint, OP_SetCookie,
 * OP_CreateBtree, OP_Destroy, OP_ParseSchema, OP_Halt).
 */
final class TxnOps {
    private TxnOps() {
    }

    /**
     * Transaction P1 P2: starts a read (P2 = 0) or write (P2 != 0) transaction if none is open; a write statement
     * inside an explicit transaction (or beside other running statements) gets a statement savepoint.
     */
    static void transaction(Vm vm, int pc) {
        Session s = vm.session;
        s.beginRead();
        if (vm.program.schemaVersion != null && vm.program.schemaVersion != s.schema) {
            throw new SchemaChangedException();
        }
        if (vm.parent != null) {
            if (vm.p2[pc] != 0) {
                s.beginWrite();
            }
            return;
        }
        if (vm.p2[pc] != 0) {
            s.beginWrite();
            if (!vm.writer) {
                vm.writer = true;
                s.activeWriters++;
                if ((!s.autocommit || s.activeVms > 1) && vm.statementSavepoint < 0
                        && vm.program.mayPartiallyFail) {
                    int n = s.savepoints.size();
                    s.db.btree.openSavepoints(n + 1);
                    vm.statementSavepoint = n;
                }
            }
        }
    }

    /** Halt P1 P2 P4 P5: ends the program; a non-zero P1 is an error with conflict action P2 and message P4. */
    static void halt(Vm vm, int pc) {
        int rc = vm.p1[pc];
        if (rc == 0) {
            if (vm.parent == null) {
                FkOps.checkAtHalt(vm);
            }
            return;
        }
        vm.errorAction = vm.p2[pc];
        String detail = vm.p4[pc] == null ? null : vm.p4[pc].toString();
        String message = switch (vm.p5[pc]) {
            case OpFlags.CONSTRAINT_NOTNULL -> "NOT NULL constraint failed: " + detail;
            case OpFlags.CONSTRAINT_UNIQUE -> "UNIQUE constraint failed: " + detail;
            case OpFlags.CONSTRAINT_CHECK -> "CHECK constraint failed: " + detail;
            case OpFlags.CONSTRAINT_FK -> "FOREIGN KEY constraint failed";
            default -> detail;
        };
        ResultCode code = ResultCode.of(rc);
        throw new DbException(code == null ? ResultCode.ERROR : code, message);
    }

    static void other(Vm vm, int pc) {
        Session s = vm.session;
        Btree bt = s.db.btree;
        switch (vm.ops[pc]) {
            case AutoCommit -> autoCommit(vm, pc);
            case Savepoint -> savepoint(vm, pc);
            case ReadCookie -> vm.r[vm.p2[pc]].setLong(bt.getMeta(vm.p3[pc]));
            case SetCookie -> bt.updateMeta(vm.p2[pc], vm.p3[pc]);
            case CreateBtree -> vm.r[vm.p2[pc]].setLong(
                    bt.createTree(vm.p3[pc] == 1 ? Btree.CREATE_TABLE : Btree.CREATE_INDEX));
            case Destroy -> vm.r[vm.p2[pc]].setLong(bt.dropTree(vm.p1[pc]));
            case Clear -> {
                long n = bt.clearTree(vm.p1[pc]);
                if (vm.p3[pc] != 0) {
                    vm.nChange += n;
                }
            }
            case ParseSchema, DropTable, DropIndex, DropTrigger -> s.schema = s.db.readSchema();
            case ResetCount -> {
                s.changes = vm.nChange;
                s.totalChanges += vm.nChange;
                vm.nChange = 0;
            }
            default -> throw new DbException(ResultCode.INTERNAL, "unsupported opcode " + vm.ops[pc]);
        }
    }

    /** AutoCommit P1 P2: BEGIN (P1 = 0), COMMIT (P1 = 1), ROLLBACK (P1 = 1, P2 = 1). */
    private static void autoCommit(Vm vm, int pc) {
        Session s = vm.session;
        boolean wantAuto = vm.p1[pc] != 0;
        boolean rollback = vm.p2[pc] != 0;
        if (!wantAuto) {
            if (!s.autocommit) {
                throw new DbException(ResultCode.ERROR, "cannot start a transaction within a transaction");
            }
            s.autocommit = false;
            return;
        }
        if (s.autocommit) {
            throw new DbException(ResultCode.ERROR, rollback ? "cannot rollback - no transaction is active"
                    : "cannot commit - no transaction is active");
        }
        if (rollback) {
            s.rollback();
        } else {
            if (s.activeWriters > 0) {
                throw new DbException(ResultCode.BUSY, "cannot commit transaction - SQL statements in progress");
            }
            FkOps.checkBeforeCommit(s);
            s.commit();
        }
    }

    /** Savepoint P1 P4: SAVEPOINT (P1 = 0), RELEASE (1), ROLLBACK TO (2) the savepoint named P4. */
    private static void savepoint(Vm vm, int pc) {
        Session s = vm.session;
        String name = vm.p4[pc].toString();
        int op = vm.p1[pc];
        if (op == 0) {
            if (s.autocommit) {
                s.autocommit = false;
                s.savepointStartedTransaction = true;
            }
            s.savepoints.add(name);
            s.fkAtSavepoint.add(new long[] {s.fkDeferred, s.fkDeferredImmediate});
            if (s.level == DatabaseLock.Level.EXCLUSIVE) {
                s.db.btree.openSavepoints(s.savepoints.size());
            }
            return;
        }
        int i = s.savepoints.size() - 1;
        while (i >= 0 && !s.savepoints.get(i).equalsIgnoreCase(name)) {
            i--;
        }
        if (i < 0) {
            throw new DbException(ResultCode.ERROR, "no such savepoint: " + name);
        }
        if (op == 1) {
            if (i == 0 && s.savepointStartedTransaction) {
                if (s.activeWriters > 0) {
                    throw new DbException(ResultCode.BUSY, "cannot commit transaction - SQL statements in progress");
                }
                FkOps.checkBeforeCommit(s);
                s.commit();
                return;
            }
            if (s.level == DatabaseLock.Level.EXCLUSIVE) {
                s.db.btree.releaseSavepoint(i);
            }
            while (s.savepoints.size() > i) {
                s.savepoints.remove(s.savepoints.size() - 1);
                s.fkAtSavepoint.remove(s.fkAtSavepoint.size() - 1);
            }
            return;
        }
        if (s.level == DatabaseLock.Level.EXCLUSIVE) {
            s.db.btree.rollbackToSavepoint(i);
            s.schema = s.db.readSchema();
        }
        while (s.savepoints.size() > i + 1) {
            s.savepoints.remove(s.savepoints.size() - 1);
            s.fkAtSavepoint.remove(s.fkAtSavepoint.size() - 1);
        }
        s.fkDeferred = s.fkAtSavepoint.get(i)[0];
        s.fkDeferredImmediate = s.fkAtSavepoint.get(i)[1];
    }
}
