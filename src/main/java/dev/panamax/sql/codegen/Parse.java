package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.func.FunctionDef;
import dev.panamax.schema.Affinity;
import dev.panamax.schema.Schema;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.FunctionLookup;
import dev.panamax.sql.resolve.FunctionRef;
import dev.panamax.sql.resolve.Resolver;
import dev.panamax.sql.resolve.Source;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.ProgramBuilder;
import dev.panamax.vdbe.Session;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one compilation (SQLite's Parse): the program being built, register and cursor numbering, how each
 * FROM item's columns are read at this point, the query-plan lines for EXPLAIN QUERY PLAN, and whether the program
 * reads or writes.
 */
final class Parse implements FunctionLookup {
    final Session session;
    final Schema schema;
    final Resolver resolver;
    final ProgramBuilder v = new ProgramBuilder();
    final Map<Source, ColumnReader> readers = new IdentityHashMap<>();
    /** The generated columns whose expressions are being coded, to report a column that reads itself. */
    final java.util.ArrayDeque<dev.panamax.schema.Column> generating = new java.util.ArrayDeque<>();
    /** Registers standing for expressions already computed (group keys, aggregates) while coding output. */
    final List<Map<Bound, Integer>> substitutions = new ArrayList<>();
    final QueryPlan plan = new QueryPlan();
    private int nMem;
    boolean writes;
    /** The statement needs a transaction although it opens no cursor (DDL, cookie reads). */
    boolean needsTransaction;
    /** The program must be prepared again if the schema changes before it runs. */
    boolean usesSchema;
    /** The SQL text being compiled (for CHECK constraint messages and stored schema text). */
    String sql;
    /** SELECTs numbered so far, for EXPLAIN QUERY PLAN's "SCALAR SUBQUERY n". */
    int selectCount;
    final ExprCode expr;
    /**
     * Whether constant operands may be loaded once in the program's initialisation block (SQLite's constant
     * factoring, sqlite3ExprCodeRunJustOnce): only for programs whose Init jumps to a tail that codes them.
     */
    boolean factorConstants;
    /** Factored constants: their values and, at the same positions, their registers. */
    final List<Object> constantValues = new ArrayList<>();
    final List<Integer> constantRegisters = new ArrayList<>();

    Parse(Session session) {
        this.session = session;
        this.schema = session.schema();
        this.resolver = new Resolver(schema, this);
        this.expr = new ExprCode(this);
    }

    /** The register that holds {@code value} from the start of the program (one per distinct value). */
    int constantRegister(Object value) {
        for (int k = 0; k < constantValues.size(); k++) {
            Object c = constantValues.get(k);
            if (c.getClass() == value.getClass() && c.equals(value)) {
                return constantRegisters.get(k);
            }
        }
        int reg = allocReg();
        constantValues.add(value);
        constantRegisters.add(reg);
        return reg;
    }

    int allocReg() {
        nMem++;
        v.reserveRegisters(nMem);
        return nMem;
    }

    /** {@code n} consecutive registers; returns the first. */
    int allocRegs(int n) {
        int first = nMem + 1;
        nMem += Math.max(n, 1);
        v.reserveRegisters(nMem);
        return first;
    }

    int allocCursor() {
        int c = resolver.allocateCursor();
        v.reserveCursors(c + 1);
        return c;
    }

    void noteCursors() {
        v.reserveCursors(resolver.cursorCount());
    }

    Collation collation(String name) {
        Collation c = session.collation(name);
        if (c == null) {
            throw new DbException(ResultCode.ERROR, "no such collation sequence: " + name);
        }
        return c;
    }

    /** A collation as comparison P4: null stands for BINARY. */
    Collation collationOrNull(String name) {
        if (name == null || name.equalsIgnoreCase("BINARY")) {
            return null;
        }
        return collation(name);
    }

    KeyInfo keyInfo(List<String> collations, List<Boolean> desc, int keyFields) {
        int n = collations.size();
        Collation[] colls = new Collation[n];
        byte[] flags = new byte[n];
        for (int k = 0; k < n; k++) {
            colls[k] = collations.get(k) == null ? null : collation(collations.get(k));
            flags[k] = desc != null && desc.get(k) ? KeyInfo.SORT_DESC : 0;
        }
        return new KeyInfo(colls, flags, keyFields, session.encoding());
    }

    KeyInfo keyInfo(Collation[] colls, byte[] flags, int keyFields) {
        return new KeyInfo(colls, flags, keyFields, session.encoding());
    }

    /** Emits the instruction and returns its address. */
    int op(Opcode o, int a, int b, int c, Object d, int e) {
        return v.add(o, a, b, c, d, e);
    }

    int op(Opcode o, int a, int b, int c, Object d) {
        return v.add(o, a, b, c, d, 0);
    }

    int op(Opcode o, int a, int b, int c) {
        return v.add(o, a, b, c);
    }

    int op(Opcode o, int a, int b) {
        return v.add(o, a, b);
    }

    int op(Opcode o) {
        return v.add(o);
    }

    int op(Opcode o, int a) {
        return v.add(o, a);
    }

    int label() {
        return v.makeLabel();
    }

    void resolve(int label) {
        v.resolveLabel(label);
    }

    /** The text of a column's DEFAULT as PRAGMA table_info reports it. */
    String sqlOf(dev.panamax.schema.Table t, dev.panamax.schema.Column c) {
        dev.panamax.sql.ast.Expr e = c.defaultValue();
        if (t.sql() == null || e.end() > t.sql().length()) {
            return null;
        }
        return t.sql().substring(e.start(), e.end());
    }

    /** The register an expression was substituted by, or -1. */
    int substitution(Bound e) {
        for (int k = substitutions.size() - 1; k >= 0; k--) {
            Integer r = substitutions.get(k).get(e);
            if (r != null) {
                return r;
            }
        }
        return -1;
    }

    // ---- FunctionLookup for the resolver ----

    @Override
    public FunctionRef find(String name, int argCount) {
        FunctionDef d = session.functions().find(name, argCount);
        if (d == null) {
            return null;
        }
        return new FunctionRef(d.name(), argCount, d.isAggregate(), d.hasFlag(FunctionDef.DETERMINISTIC), d);
    }

    @Override
    public boolean exists(String name) {
        return session.functions().exists(name);
    }

    @Override
    public boolean collationExists(String name) {
        return session.collation(name) != null;
    }

    @Override
    public dev.panamax.vdbe.TableFunction tableFunction(String name) {
        return TableFunctions.find(name);
    }

    static char affinityOrBlob(char aff) {
        return aff <= Affinity.NONE ? Affinity.BLOB : aff;
    }
}
