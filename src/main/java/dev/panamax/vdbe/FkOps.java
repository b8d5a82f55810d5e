package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;

/**
 * Foreign key opcodes (vdbe.c OP_FkCounter, OP_FkIfZero) and the foreign key actions (SQLite's trigger
 * sub-programs, here FkAction), with the checks made when a statement ends and when a transaction commits.
 *
 * <p>Violations are counted, not raised at once (fkey.c): an immediate constraint counts against the statement
 * (checked when it halts), a deferred one against the connection (checked at COMMIT), and with
 * {@code PRAGMA defer_foreign_keys} every constraint counts as deferred.
 */
final class FkOps {
    /** SQLITE_MAX_TRIGGER_DEPTH: how deep actions may start further actions. */
    static final int MAX_DEPTH = 1000;

    private FkOps() {
    }

    static DbException failed() {
        return new DbException(ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
    }

    /**
     * FkCounter P1 * P3: adds P3 to the deferred (P1 != 0) or the statement's immediate violation count (P3, not
     * SQLite's P2, as a negative P2 would read as a jump label).
     */
    static void counter(Vm vm, int pc) {
        Session s = vm.session;
        int by = vm.p3[pc];
        if (s.settings.flag(Settings.Flag.DEFER_FOREIGN_KEYS)) {
            s.fkDeferredImmediate += by;
        } else if (vm.p1[pc] != 0) {
            s.fkDeferred += by;
        } else {
            vm.root().fkImmediate += by;
        }
    }

    /** FkIfZero P1 P2: jumps to P2 when there is no outstanding deferred (P1 != 0) or immediate violation. */
    static int ifZero(Vm vm, int pc) {
        Session s = vm.session;
        boolean zero = vm.p1[pc] != 0 ? s.fkDeferred + s.fkDeferredImmediate == 0
                : vm.root().fkImmediate == 0 && s.fkDeferredImmediate == 0;
        return zero ? vm.p2[pc] : pc + 1;
    }

    /** FkGuard P1: the program was compiled with PRAGMA foreign_keys = P1; if it changed since, prepare again. */
    static void guard(Vm vm, int pc) {
        if (vm.session.settings.flag(Settings.Flag.FOREIGN_KEYS) != (vm.p1[pc] != 0)) {
            throw new SchemaChangedException();
        }
    }

    /** FkAction P1 P2 P4: runs sub-statement P4 to its end with r[P1..P1+P2) as its parameters ?1, ?2, ... */
    static void action(Vm vm, int pc) {
        if (vm.depth >= MAX_DEPTH) {
            throw new DbException(ResultCode.ERROR, "too many levels of trigger recursion");
        }
        Program program = ((SubStatement) vm.p4[pc]).program(vm.session);
        Vm sub = new Vm(program, vm.session, vm);
        for (int k = 0; k < vm.p2[pc] && k < sub.parameterCount(); k++) {
            sub.parameter(k + 1).copyFrom(vm.r[vm.p1[pc] + k]);
        }
        while (sub.step()) {
            continue;
        }
    }

    /**
     * When a top-level statement halts normally: its immediate violations fail it, and so do deferred ones when it
     * is about to commit on its own (autocommit).
     */
    static void checkAtHalt(Vm vm) {
        Session s = vm.session;
        boolean commits = s.autocommit && s.activeVms == 1;
        if (vm.fkImmediate > 0 || (commits && s.fkDeferred + s.fkDeferredImmediate > 0)) {
            vm.errorAction = Vm.OE_ABORT;
            throw failed();
        }
    }

    /** Before a COMMIT (or the RELEASE that ends the transaction): outstanding deferred violations refuse it. */
    static void checkBeforeCommit(Session s) {
        if (s.fkDeferred + s.fkDeferredImmediate > 0) {
            throw failed();
        }
    }
}
