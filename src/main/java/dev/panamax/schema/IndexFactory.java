package dev.panamax.schema;

import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a CREATE INDEX statement into an {@link Index} over its table (build.c sqlite3CreateIndex): each term is a
 * column (with its collation and direction) or an expression; the collation is the term's COLLATE, else the
 * column's, else BINARY.
 */
public final class IndexFactory {
    private IndexFactory() {
    }

    /** Builds the index; {@code sql} is its text; the root page is filled in later. */
    public static Index build(Stmt.CreateIndex create, Table table, String sql, int rootPage) {
        int n = create.columns().size();
        int[] cols = new int[n];
        boolean[] desc = new boolean[n];
        String[] colls = new String[n];
        List<Expr> exprs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            OrderingTerm t = create.columns().get(k);
            desc[k] = t.order() == OrderingTerm.SortOrder.DESC;
            Expr e = t.expr();
            String coll = null;
            while (e instanceof Expr.Collate c) {
                if (coll == null) {
                    coll = c.collation().text();
                }
                e = c.operand();
            }
            int col = columnOf(e, table);
            cols[k] = col;
            exprs.add(col == Index.EXPRESSION ? e : null);
            if (coll == null && col >= 0) {
                coll = table.column(col).collation();
            }
            if (coll == null) {
                coll = "BINARY";
            }
            String builtin = TableFactory.builtinCollation(coll);
            colls[k] = builtin != null ? builtin : coll;
        }
        return new Index(create.name().name().text(), table.name(), cols, exprs, desc, colls, create.unique(),
                null, create.where(), rootPage, 'c', sql);
    }

    /** The column a term names: a bare column name, or a string naming a column; else an expression. */
    private static int columnOf(Expr e, Table table) {
        if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            int k = table.columnIndex(ref.column().text());
            if (k >= 0) {
                return k == table.rowidAlias() ? Index.ROWID : k;
            }
            if (isRowid(ref.column().text()) && table.hasRowid()) {
                return Index.ROWID;
            }
        }
        if (e instanceof Expr.StringLit s) {
            int k = table.columnIndex(s.value());
            if (k >= 0) {
                return k == table.rowidAlias() ? Index.ROWID : k;
            }
        }
        return Index.EXPRESSION;
    }

    private static boolean isRowid(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }
}
