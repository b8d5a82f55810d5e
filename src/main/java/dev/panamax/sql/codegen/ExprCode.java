package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.func.FunctionDef;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Walker;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.OpFlags;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.P4;
import dev.panamax.vdbe.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * Code for expressions (SQLite's expr.c): {@link #code} leaves a value in a register; {@link #ifTrue} and
 * {@link #ifFalse} jump on a condition without materialising it, as WHERE clauses need.
 */
final class ExprCode {
    private final Parse p;

    ExprCode(Parse p) {
        this.p = p;
    }

    /** Codes {@code e} into a new register (or returns the register it already lives in). */
    int temp(Bound e) {
        if (e instanceof Bound.Register r) {
            return r.register();
        }
        int sub = p.substitution(e);
        if (sub >= 0) {
            return sub;
        }
        int reg = p.allocReg();
        code(e, reg);
        return reg;
    }

    /**
     * The register of a comparison operand: a literal is loaded once before the program starts instead of at every
     * row (comparisons only read their operands); anything else as {@link #temp}.
     */
    private int operand(Bound e) {
        if (p.factorConstants && e instanceof Bound.Literal l && l.value() != null && !(l.value() instanceof byte[])
                && p.substitution(e) < 0) {
            return p.constantRegister(l.value());
        }
        return temp(e);
    }

    /** Codes {@code e} so that its value ends up in register {@code target}. */
    void code(Bound e, int target) {
        int sub = p.substitution(e);
        if (sub >= 0) {
            p.op(Opcode.SCopy, sub, target);
            return;
        }
        switch (e) {
            case Bound.Literal l -> literal(l.value(), target);
            case Bound.Param x -> p.op(Opcode.Variable, x.index(), target);
            case Bound.ColumnRef c -> column(c, target);
            case Bound.Register r -> {
                if (r.register() != target) {
                    p.op(Opcode.SCopy, r.register(), target);
                }
            }
            case Bound.Unary u -> unary(u, target);
            case Bound.Binary b -> binary(b, target);
            case Bound.IsNull n -> {
                int r = temp(n.operand());
                p.op(Opcode.Integer, 1, target);
                int skip = p.label();
                p.op(n.not() ? Opcode.NotNull : Opcode.IsNull, r, skip);
                p.op(Opcode.Integer, 0, target);
                p.resolve(skip);
            }
            case Bound.Between b -> code(betweenAsAnd(b), target);
            case Bound.InList i -> inList(i, target);
            case Bound.InSelect i -> InCode.inSelectValue(p, i, target);
            case Bound.Exists x -> p.op(Opcode.SCopy, SubqueryCode.exists(p, x.query()), target);
            case Bound.Subquery s -> {
                if (s.query().columnCount() != 1) {
                    throw new DbException(ResultCode.ERROR, "sub-select returns " + s.query().columnCount()
                            + " columns - expected 1");
                }
                p.op(Opcode.SCopy, SubqueryCode.scalar(p, s.query()), target);
            }
            case Bound.Case c -> caseExpr(c, target);
            case Bound.Cast c -> {
                code(c.operand(), target);
                p.op(Opcode.Cast, target, c.affinity());
            }
            case Bound.Collate c -> code(c.operand(), target);
            case Bound.AsColumn a -> code(a.expr(), target);
            case Bound.Function f -> function(f, target);
            case Bound.Aggregate a -> throw new DbException(ResultCode.ERROR,
                    "misuse of aggregate: " + a.function().name() + "()");
            case Bound.Vector v -> throw new DbException(ResultCode.ERROR, "row value misused");
            case Bound.Raise r -> raise(r);
        }
    }

    void literal(Object value, int target) {
        switch (value) {
            case null -> p.op(Opcode.Null, 0, target);
            case Long l when l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE -> p.op(Opcode.Integer, l.intValue(),
                    target);
            case Long l -> p.op(Opcode.Int64, 0, target, 0, l);
            case Double d -> p.op(Opcode.Real, 0, target, 0, d);
            case String s -> p.op(Opcode.String8, 0, target, 0, P4.Text.of(s));
            case byte[] b -> p.op(Opcode.Blob, b.length, target, 0, b);
            default -> throw new AssertionError(value);
        }
    }

    private void column(Bound.ColumnRef c, int target) {
        ColumnReader reader = p.readers.get(c.source());
        if (reader == null) {
            throw new AssertionError("no reader for " + c.source());
        }
        reader.read(p, c.column(), target);
    }

    private void unary(Bound.Unary u, int target) {
        switch (u.op()) {
            case PLUS -> code(u.operand(), target);
            case NEGATE -> {
                if (u.operand() instanceof Bound.Literal l && l.value() instanceof Double d) {
                    literal(-d, target);
                    return;
                }
                int r = temp(u.operand());
                int zero = p.allocReg();
                p.op(Opcode.Integer, 0, zero);
                p.op(Opcode.Subtract, r, zero, target);
            }
            case BITNOT -> p.op(Opcode.BitNot, temp(u.operand()), target);
            case NOT -> p.op(Opcode.Not, temp(u.operand()), target);
        }
    }

    private void binary(Bound.Binary b, int target) {
        if (b.op().isComparison()) {
            if (b.left() instanceof Bound.Vector || b.right() instanceof Bound.Vector
                    || b.left() instanceof Bound.Subquery ls && ls.query().columnCount() > 1) {
                VectorCode.compareValue(p, b, target);
                return;
            }
            comparisonValue(b, target);
            return;
        }
        Opcode op = switch (b.op()) {
            case AND -> Opcode.And;
            case OR -> Opcode.Or;
            case BITAND -> Opcode.BitAnd;
            case BITOR -> Opcode.BitOr;
            case LSHIFT -> Opcode.ShiftLeft;
            case RSHIFT -> Opcode.ShiftRight;
            case ADD -> Opcode.Add;
            case SUB -> Opcode.Subtract;
            case MUL -> Opcode.Multiply;
            case DIV -> Opcode.Divide;
            case MOD -> Opcode.Remainder;
            case CONCAT -> Opcode.Concat;
            default -> throw new AssertionError(b.op());
        };
        if (op == Opcode.And || op == Opcode.Or) {
            int l = temp(b.left());
            int r = temp(b.right());
            p.op(op, l, r, target);
            return;
        }
        int isNull = p.label();
        int[] lr = operands(b, isNull);
        switch (op) {
            case Subtract, Divide, Remainder, Concat, ShiftLeft, ShiftRight -> p.op(op, lr[1], lr[0], target);
            default -> p.op(op, lr[0], lr[1], target);
        }
        int done = p.label();
        p.op(Opcode.Goto, 0, done);
        p.resolve(isNull);
        p.op(Opcode.Null, 0, target);
        p.resolve(done);
    }

    /**
     * Codes the operands of a NULL-propagating operator in exprComputeOperands' order: the operand holding a subquery
     * comes second and is skipped, jumping to {@code isNull}, when the other one is NULL (so an error in the subquery,
     * or its first run, happens only when SQLite's would). Returns the left and right registers.
     */
    private int[] operands(Bound.Binary b, int isNull) {
        boolean leftSub = Walker.any(b.left(), ExprCode::isSubquery);
        boolean rightSub = Walker.any(b.right(), ExprCode::isSubquery);
        if (leftSub && !rightSub) {
            int r = temp(b.right());
            p.op(Opcode.IsNull, r, isNull);
            return new int[] {temp(b.left()), r};
        }
        int l = temp(b.left());
        if (rightSub) {
            p.op(Opcode.IsNull, l, isNull);
        }
        return new int[] {l, temp(b.right())};
    }

    private static boolean isSubquery(Bound e) {
        return e instanceof Bound.Subquery || e instanceof Bound.InSelect || e instanceof Bound.Exists;
    }

    /** A comparison as a value: 1, 0, or NULL when an operand is NULL (IS and IS NOT never give NULL). */
    private void comparisonValue(Bound.Binary b, int target) {
        boolean is = b.op() == Bound.BinaryOp.IS || b.op() == Bound.BinaryOp.IS_NOT;
        int done = p.label();
        int l;
        int r;
        if (is) {
            l = temp(b.left());
            r = temp(b.right());
        } else {
            p.op(Opcode.Null, 0, target);
            int[] lr = operands(b, done);
            l = lr[0];
            r = lr[1];
            p.op(Opcode.IsNull, l, done);
            p.op(Opcode.IsNull, r, done);
        }
        p.op(Opcode.Integer, 1, target);
        compareJump(b.op(), b.left(), b.right(), l, r, done, false);
        p.op(Opcode.Integer, 0, target);
        p.resolve(done);
    }

    /** Emits the comparison opcode for {@code op}: jumps to {@code label} when {@code left op right} holds. */
    void compareJump(Bound.BinaryOp op, Bound left, Bound right, int l, int r, int label, boolean jumpIfNull) {
        char aff = Affinities.comparison(left, right);
        Collation coll = p.collationOrNull(Affinities.comparisonCollation(left, right));
        Opcode code = switch (op) {
            case EQ, IS -> Opcode.Eq;
            case NE, IS_NOT -> Opcode.Ne;
            case LT -> Opcode.Lt;
            case LE -> Opcode.Le;
            case GT -> Opcode.Gt;
            default -> Opcode.Ge;
        };
        int flags = aff;
        if (op == Bound.BinaryOp.IS || op == Bound.BinaryOp.IS_NOT) {
            flags |= OpFlags.NULLEQ;
        } else if (jumpIfNull) {
            flags |= OpFlags.JUMPIFNULL;
        }
        p.op(code, r, label, l, coll, flags);
    }

    static Bound.BinaryOp negate(Bound.BinaryOp op) {
        return switch (op) {
            case EQ -> Bound.BinaryOp.NE;
            case NE -> Bound.BinaryOp.EQ;
            case LT -> Bound.BinaryOp.GE;
            case LE -> Bound.BinaryOp.GT;
            case GT -> Bound.BinaryOp.LE;
            case GE -> Bound.BinaryOp.LT;
            case IS -> Bound.BinaryOp.IS_NOT;
            case IS_NOT -> Bound.BinaryOp.IS;
            default -> throw new AssertionError(op);
        };
    }

    /** {@code x BETWEEN a AND b} as {@code x >= a AND x <= b} with x computed once. */
    private Bound betweenAsAnd(Bound.Between b) {
        Bound x = b.operand();
        if (!(x instanceof Bound.Register || x instanceof Bound.ColumnRef || x instanceof Bound.Literal)) {
            int reg = temp(x);
            x = new Bound.Register(reg, x);
        }
        Bound both = new Bound.Binary(Bound.BinaryOp.AND, new Bound.Binary(Bound.BinaryOp.GE, x, b.low()),
                new Bound.Binary(Bound.BinaryOp.LE, x, b.high()));
        return b.not() ? new Bound.Unary(Bound.UnaryOp.NOT, both) : both;
    }

    /**
     * {@code x [NOT] IN (list)}: 1 when x equals an element, NULL when it equals none and x or an element is NULL,
     * else 0 (NOT IN swaps 1 and 0). The comparisons use x's affinity and collation (exprINAffinity).
     */
    private void inList(Bound.InList in, int target) {
        if (in.values().isEmpty()) {
            p.op(Opcode.Integer, in.not() ? 1 : 0, target);
            return;
        }
        int x = temp(in.operand());
        char aff = Affinities.of(in.operand());
        Collation coll = p.collationOrNull(Affinities.collation(in.operand()));
        int hasNull = p.allocReg();
        int found = p.label();
        int isNull = p.label();
        int done = p.label();
        p.op(Opcode.Integer, 0, hasNull);
        p.op(Opcode.IsNull, x, isNull);
        for (Bound v : in.values()) {
            int r = temp(v);
            p.op(Opcode.Eq, r, found, x, coll, aff);
            if (!(v instanceof Bound.Literal l) || l.value() == null) {
                int skip = p.label();
                p.op(Opcode.NotNull, r, skip);
                p.op(Opcode.Integer, 1, hasNull);
                p.resolve(skip);
            }
        }
        p.op(Opcode.If, hasNull, isNull);
        p.op(Opcode.Integer, in.not() ? 1 : 0, target);
        p.op(Opcode.Goto, 0, done);
        p.resolve(found);
        p.op(Opcode.Integer, in.not() ? 0 : 1, target);
        p.op(Opcode.Goto, 0, done);
        p.resolve(isNull);
        p.op(Opcode.Null, 0, target);
        p.resolve(done);
    }

    private void caseExpr(Bound.Case c, int target) {
        int end = p.label();
        int base = c.operand() == null ? -1 : temp(c.operand());
        for (int k = 0; k < c.whens().size(); k++) {
            int next = p.label();
            Bound when = c.whens().get(k);
            if (base >= 0) {
                int w = temp(when);
                compareJump(Bound.BinaryOp.NE, c.operand(), when, base, w, next, true);
            } else {
                ifFalse(when, next, true);
            }
            code(c.thens().get(k), target);
            p.op(Opcode.Goto, 0, end);
            p.resolve(next);
        }
        if (c.otherwise() != null) {
            code(c.otherwise(), target);
        } else {
            p.op(Opcode.Null, 0, target);
        }
        p.resolve(end);
    }

    private void function(Bound.Function f, int target) {
        FunctionDef def = (FunctionDef) f.function().definition();
        List<Bound> args = f.args();
        if (def.hasFlag(FunctionDef.UNLIKELY)) {
            code(args.get(0), target);
            return;
        }
        if (def.hasFlag(FunctionDef.INLINE)) {
            String name = def.name();
            if (name.equals("coalesce") || name.equals("ifnull")) {
                int end = p.label();
                for (int k = 0; k < args.size(); k++) {
                    code(args.get(k), target);
                    if (k < args.size() - 1) {
                        p.op(Opcode.NotNull, target, end);
                    }
                }
                p.resolve(end);
                return;
            }
            if (name.equals("iif") || name.equals("if")) {
                List<Bound> whens = new ArrayList<>();
                List<Bound> thens = new ArrayList<>();
                int k = 0;
                for (; k + 1 < args.size(); k += 2) {
                    whens.add(args.get(k));
                    thens.add(args.get(k + 1));
                }
                Bound otherwise = k < args.size() ? args.get(k) : null;
                caseExpr(new Bound.Case(null, whens, thens, otherwise), target);
                return;
            }
        }
        int n = args.size();
        int first = p.allocRegs(n);
        for (int k = 0; k < n; k++) {
            code(args.get(k), first + k);
        }
        if (def.hasFlag(FunctionDef.NEEDS_COLLATION)) {
            String coll = null;
            for (Bound a : args) {
                if (Affinities.hasExplicitCollation(a) || coll == null) {
                    String c = Affinities.collation(a);
                    if (c != null && (coll == null || Affinities.hasExplicitCollation(a))) {
                        coll = c;
                        if (Affinities.hasExplicitCollation(a)) {
                            break;
                        }
                    }
                }
            }
            p.op(Opcode.CollSeq, 0, 0, 0, p.collation(coll == null ? "BINARY" : coll));
        }
        p.op(Opcode.Function, 0, first, target, def, n);
    }

    private void raise(Bound.Raise r) {
        int action = switch (r.action()) {
            case "ROLLBACK" -> Vm.OE_ROLLBACK;
            case "FAIL" -> Vm.OE_FAIL;
            case "IGNORE" -> Vm.OE_IGNORE;
            default -> Vm.OE_ABORT;
        };
        String msg = r.message() instanceof Bound.Literal l && l.value() != null ? l.value().toString() : "";
        p.op(Opcode.Halt, ResultCode.CONSTRAINT_TRIGGER.code(), action, 0, msg);
    }

    // ---- conditions ----

    /** Jumps to {@code label} when {@code e} is true; NULL jumps too when {@code jumpIfNull}. */
    void ifTrue(Bound e, int label, boolean jumpIfNull) {
        switch (e) {
            case Bound.Binary b when b.op() == Bound.BinaryOp.AND -> {
                int skip = p.label();
                ifFalse(b.left(), skip, !jumpIfNull);
                ifTrue(b.right(), label, jumpIfNull);
                p.resolve(skip);
            }
            case Bound.Binary b when b.op() == Bound.BinaryOp.OR -> {
                ifTrue(b.left(), label, jumpIfNull);
                ifTrue(b.right(), label, jumpIfNull);
            }
            case Bound.Unary u when u.op() == Bound.UnaryOp.NOT -> ifFalse(u.operand(), label, jumpIfNull);
            case Bound.Binary b when b.op().isComparison() && isScalarComparison(b) -> {
                int l = operand(b.left());
                int r = operand(b.right());
                compareJump(b.op(), b.left(), b.right(), l, r, label, jumpIfNull);
            }
            case Bound.IsNull n -> p.op(n.not() ? Opcode.NotNull : Opcode.IsNull, temp(n.operand()), label);
            case Bound.Between b -> ifTrue(betweenAsAnd(b), label, jumpIfNull);
            case Bound.Literal l when l.value() instanceof Long v -> {
                if (v != 0) {
                    p.op(Opcode.Goto, 0, label);
                }
            }
            default -> p.op(Opcode.If, temp(e), label, jumpIfNull ? 1 : 0);
        }
    }

    /** Jumps to {@code label} when {@code e} is false; NULL jumps too when {@code jumpIfNull}. */
    void ifFalse(Bound e, int label, boolean jumpIfNull) {
        switch (e) {
            case Bound.Binary b when b.op() == Bound.BinaryOp.AND -> {
                ifFalse(b.left(), label, jumpIfNull);
                ifFalse(b.right(), label, jumpIfNull);
            }
            case Bound.Binary b when b.op() == Bound.BinaryOp.OR -> {
                int skip = p.label();
                ifTrue(b.left(), skip, !jumpIfNull);
                ifFalse(b.right(), label, jumpIfNull);
                p.resolve(skip);
            }
            case Bound.Unary u when u.op() == Bound.UnaryOp.NOT -> ifTrue(u.operand(), label, jumpIfNull);
            case Bound.Binary b when b.op().isComparison() && isScalarComparison(b) -> {
                int l = operand(b.left());
                int r = operand(b.right());
                compareJump(negate(b.op()), b.left(), b.right(), l, r, label, jumpIfNull);
            }
            case Bound.IsNull n -> p.op(n.not() ? Opcode.IsNull : Opcode.NotNull, temp(n.operand()), label);
            case Bound.Between b -> ifFalse(betweenAsAnd(b), label, jumpIfNull);
            case Bound.Literal l when l.value() instanceof Long v -> {
                if (v == 0) {
                    p.op(Opcode.Goto, 0, label);
                }
            }
            default -> p.op(Opcode.IfNot, temp(e), label, jumpIfNull ? 1 : 0);
        }
    }

    private static boolean isScalarComparison(Bound.Binary b) {
        return !(b.left() instanceof Bound.Vector) && !(b.right() instanceof Bound.Vector)
                && !(b.left() instanceof Bound.Subquery s && s.query().columnCount() > 1)
                && !(b.right() instanceof Bound.Subquery s2 && s2.query().columnCount() > 1);
    }

    /** The affinity string of a list of expressions, for MakeRecord (BLOB where an expression has none). */
    static String affinityString(List<Bound> exprs) {
        StringBuilder sb = new StringBuilder();
        for (Bound e : exprs) {
            sb.append(Parse.affinityOrBlob(Affinities.of(e)));
        }
        return sb.toString();
    }

    static boolean isConstant(Bound e) {
        return !dev.panamax.sql.resolve.Walker.any(e, x -> x instanceof Bound.ColumnRef
                || x instanceof Bound.Param || x instanceof Bound.Subquery || x instanceof Bound.Exists
                || x instanceof Bound.InSelect || x instanceof Bound.Aggregate || x instanceof Bound.Register
                || (x instanceof Bound.Function f && !f.function().deterministic()));
    }
}
