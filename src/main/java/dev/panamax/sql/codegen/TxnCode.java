package dev.panamax.sql.codegen;

import dev.panamax.sql.ast.Stmt;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.ResultShape;

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT and RELEASE (SQLite's build.c sqlite3BeginTransaction and friends). */
final class TxnCode {
    private TxnCode() {
    }

    static ResultShape begin(Parse p, Stmt.Begin b) {
        Stmt.TransactionMode mode = b.mode() == null ? Stmt.TransactionMode.DEFERRED : b.mode();
        if (mode == Stmt.TransactionMode.IMMEDIATE || mode == Stmt.TransactionMode.EXCLUSIVE) {
            p.op(Opcode.Transaction, 0, mode == Stmt.TransactionMode.EXCLUSIVE ? 2 : 1, 0);
        }
        p.op(Opcode.AutoCommit, 0, 0);
        return ResultShape.NONE;
    }

    static ResultShape commit(Parse p) {
        p.op(Opcode.AutoCommit, 1, 0);
        return ResultShape.NONE;
    }

    static ResultShape rollback(Parse p, Stmt.Rollback r) {
        if (r.savepoint() != null) {
            return savepoint(p, r.savepoint().text(), 2);
        }
        p.op(Opcode.AutoCommit, 1, 1);
        return ResultShape.NONE;
    }

    /** Savepoint P1 = 0 (SAVEPOINT), 1 (RELEASE), 2 (ROLLBACK TO). */
    static ResultShape savepoint(Parse p, String name, int op) {
        p.op(Opcode.Savepoint, op, 0, 0, name);
        return ResultShape.NONE;
    }
}
