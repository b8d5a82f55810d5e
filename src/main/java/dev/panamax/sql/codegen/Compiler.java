package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.parser.Parsed;
import dev.panamax.sql.resolve.ColumnInfo;
import dev.panamax.sql.resolve.Query;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.Program;
import dev.panamax.vdbe.ResultShape;
import dev.panamax.vdbe.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one parsed statement into a {@link Program} for a connection (SQLite's sqlite3_prepare after parsing:
 * the parse.y actions that call into select.c, insert.c, update.c, delete.c, build.c, trigger.c, pragma.c).
 *
 * <p>Every program starts with {@code Init}, whose jump goes to the tail where {@code Transaction} opens the read or
 * write transaction the body needs, then back to address 1, as SQLite's programs do.
 */
public final class Compiler {
    private Compiler() {
    }

    public static Compiled compile(Session session, Parsed parsed, String sql) {
        Stmt stmt = parsed.statement();
        int explain = 0;
        if (stmt instanceof Stmt.Explain e) {
            explain = e.queryPlan() ? 2 : 1;
            stmt = e.statement();
        }
        Parse p = new Parse(session);
        p.sql = sql;
        p.factorConstants = true;
        int init = p.op(Opcode.Init, 0, 0);
        ResultShape shape = body(p, stmt);
        p.op(Opcode.Halt);
        p.v.jumpHere(init);
        tail(p);
        p.noteCursors();
        boolean readOnly = !p.writes;
        Object version = p.usesSchema ? p.schema : null;
        Program program = p.v.build(shape, readOnly, names(parsed), version);
        return new Compiled(program, explain);
    }

    private static List<String> names(Parsed parsed) {
        List<String> names = new ArrayList<>(parsed.parameterNames());
        while (names.size() < parsed.parameterCount()) {
            names.add(null);
        }
        return names;
    }

    private static void tail(Parse p) {
        boolean touches = p.writes;
        for (int a = 0; a < p.v.currentAddr() && !touches; a++) {
            Opcode op = p.v.opcodeAt(a);
            touches = op == Opcode.OpenRead || op == Opcode.OpenWrite || op == Opcode.ReadCookie;
        }
        if (touches || p.needsTransaction) {
            p.usesSchema = true;
            p.op(Opcode.Transaction, 0, p.writes ? 1 : 0, p.schema.cookie(), null, 1);
        }
        for (int k = 0; k < p.constantValues.size(); k++) {
            p.expr.literal(p.constantValues.get(k), p.constantRegisters.get(k));
        }
        p.op(Opcode.Goto, 0, 1);
    }

    private static ResultShape body(Parse p, Stmt stmt) {
        return switch (stmt) {
            case Select s -> select(p, s);
            case Stmt.Insert i -> {
                InsertCode.code(p, i);
                yield ResultShape.NONE;
            }
            case Stmt.Update u -> {
                UpdateCode.code(p, u);
                yield ResultShape.NONE;
            }
            case Stmt.Delete d -> {
                DeleteCode.code(p, d);
                yield ResultShape.NONE;
            }
            case Stmt.CreateTable c -> {
                DdlCode.createTable(p, c);
                yield ResultShape.NONE;
            }
            case Stmt.CreateIndex c -> {
                DdlCode.createIndex(p, c);
                yield ResultShape.NONE;
            }
            case Stmt.CreateView c -> {
                DdlCode.createView(p, c);
                yield ResultShape.NONE;
            }
            case Stmt.CreateTrigger c -> {
                DdlCode.createTrigger(p, c);
                yield ResultShape.NONE;
            }
            case Stmt.Drop d -> {
                DdlCode.drop(p, d);
                yield ResultShape.NONE;
            }
            case Stmt.Begin b -> TxnCode.begin(p, b);
            case Stmt.Commit c -> TxnCode.commit(p);
            case Stmt.Rollback r -> TxnCode.rollback(p, r);
            case Stmt.Savepoint s -> TxnCode.savepoint(p, s.name().text(), 0);
            case Stmt.Release r -> TxnCode.savepoint(p, r.name().text(), 1);
            case Stmt.Pragma pr -> PragmaCode.code(p, pr);
            case Stmt.Reindex r -> {
                DdlCode.reindex(p, r);
                yield ResultShape.NONE;
            }
            case Stmt.Analyze a -> ResultShape.NONE;
            case Stmt.Vacuum v -> ResultShape.NONE;
            case Stmt.Explain e -> throw new DbException(ResultCode.ERROR, "near \"EXPLAIN\": syntax error");
            default -> throw new DbException(ResultCode.ERROR, "not supported yet: "
                    + stmt.getClass().getSimpleName());
        };
    }

    private static ResultShape select(Parse p, Select s) {
        Query q = p.resolver.query(s);
        p.noteCursors();
        SelectCode.code(p, q, new Dest.Output());
        return shape(q);
    }

    static ResultShape shape(Query q) {
        List<ResultShape.Column> cols = new ArrayList<>();
        for (ColumnInfo c : q.columns) {
            cols.add(new ResultShape.Column(c.name(), c.declType(), c.originTable() == null ? null
                    : c.originDatabase(), c.originTable(), c.originColumn()));
        }
        return new ResultShape(cols, 0);
    }
}
