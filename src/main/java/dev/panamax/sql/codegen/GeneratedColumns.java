package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.schema.Column;
import dev.panamax.schema.Table;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.Source;
import dev.panamax.sql.resolve.Walker;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated columns (SQLite's sqlite3ComputeGeneratedColumns): their expressions are checked when the table is
 * created, and a row about to be written gets every generated column computed into its registers, each after the
 * generated columns it reads. STORED ones then go into the record; VIRTUAL ones only serve constraints and index
 * keys, and are computed again whenever they are read.
 */
final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /** Resolves each generation expression over the new table and rejects columns that depend on each other. */
    static void validate(Parse p, Table t, Source self) {
        for (int k = 0; k < t.columnCount(); k++) {
            if (t.column(k).isGenerated()) {
                Bound e = p.resolver.generatedColumn(t.column(k).generated(), self);
                if (t.rowidAlias() < 0 && Walker.any(e, x -> x instanceof Bound.ColumnRef r && r.column() < 0)) {
                    throw new DbException(ResultCode.ERROR, "no such column: rowid");
                }
            }
        }
        order(p, t, self);
    }

    /** The generated columns in an order where each comes after those it reads. */
    private static List<Integer> order(Parse p, Table t, Source self) {
        List<Integer> out = new ArrayList<>();
        int[] state = new int[t.columnCount()];
        for (int k = 0; k < t.columnCount(); k++) {
            visit(p, t, self, k, state, out);
        }
        return out;
    }

    private static void visit(Parse p, Table t, Source self, int k, int[] state, List<Integer> out) {
        Column c = t.column(k);
        if (!c.isGenerated() || state[k] == 2) {
            return;
        }
        state[k] = 1;
        Bound e = p.resolver.expression(c.generated(), List.of(self));
        List<Integer> reads = new ArrayList<>();
        Walker.forEachDeep(e, x -> {
            if (x instanceof Bound.ColumnRef r && r.source() == self && r.column() >= 0) {
                reads.add(r.column());
            }
        });
        for (int j : reads) {
            if (state[j] == 1) {
                throw new DbException(ResultCode.ERROR, "generated column loop on \"" + c.name() + "\"");
            }
            visit(p, t, self, j, state, out);
        }
        state[k] = 2;
        out.add(k);
    }

    /**
     * Computes every generated column of the new row held in {@code cols + k} (its other columns already there),
     * with the column's affinity applied.
     */
    static void compute(Parse p, Table t, int cols) {
        boolean any = false;
        for (Column c : t.columns()) {
            any |= c.isGenerated();
        }
        if (!any) {
            return;
        }
        Source self = p.resolver.target(t, null);
        p.noteCursors();
        for (int k : order(p, t, self)) {
            TableTree.computeVirtual(p, t, t.column(k), cols + k,
                    (pp, col, target) -> pp.op(dev.panamax.vdbe.Opcode.SCopy,
                            cols + (col < 0 ? t.rowidAlias() : col), target));
        }
    }

    /** The error of an INSERT or UPDATE that names generated column {@code k}, or null. */
    static DbException written(Table t, int k, String verb) {
        return t.column(k).isGenerated()
                ? new DbException(ResultCode.ERROR, "cannot " + verb + " generated column \"" + t.column(k).name()
                        + "\"")
                : null;
    }
}
