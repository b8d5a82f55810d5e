package dev.panamax.sql.codegen;

import dev.panamax.schema.Column;
import dev.panamax.schema.Schema;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.ForeignKeyClause;
import dev.panamax.sql.parser.Parser;
import dev.panamax.vdbe.Program;
import dev.panamax.vdbe.Session;
import dev.panamax.vdbe.SubStatement;

/**
 * The statement a foreign key action runs (fkey.c fkActionTrigger, which builds a trigger; here an SQL statement
 * run as a sub-statement): ON DELETE CASCADE deletes the child rows, ON UPDATE CASCADE sets their key to the new
 * parent key, SET NULL and SET DEFAULT set it to NULL or to the columns' defaults. The old parent key values are
 * parameters ?1..?n (with the parent columns' collations), the new ones ?n+1..?2n. Compiled when first run, and
 * again when the schema changes.
 */
final class FkActionStatement implements SubStatement {
    private final String sql;
    private Schema compiledFor;
    private Program program;

    FkActionStatement(String sql) {
        this.sql = sql;
    }

    @Override
    public Program program(Session session) {
        Schema schema = session.schema();
        if (program == null || compiledFor != schema) {
            program = Compiler.compile(session, Parser.parse(sql), sql).program();
            compiledFor = schema;
        }
        return program;
    }

    /** The text of the action on {@code child} for one foreign key referring to {@code parent}. */
    static String sql(Parse p, Table parent, Table child, ForeignKeys.ParentKey key, ForeignKeyClause.Action action,
            boolean update) {
        int[] cols = key.childColumns();
        int n = cols.length;
        StringBuilder where = new StringBuilder(" WHERE ");
        for (int k = 0; k < n; k++) {
            int pc = key.index() == null ? parent.rowidAlias() : key.index().columns()[k];
            String coll = pc < 0 || parent.column(pc).collation() == null ? "BINARY" : parent.column(pc).collation();
            where.append(k == 0 ? "" : " AND ").append(FkCode.quote(child.column(cols[k]).name())).append(" = ?")
                    .append(k + 1).append(" COLLATE ").append(FkCode.quote(coll));
        }
        if (action == ForeignKeyClause.Action.CASCADE && !update) {
            return "DELETE FROM " + FkCode.quote(child.name()) + where;
        }
        String[] defaults = action == ForeignKeyClause.Action.SET_DEFAULT ? SchemaPragmas.defaultTexts(child) : null;
        StringBuilder set = new StringBuilder("UPDATE " + FkCode.quote(child.name()) + " SET ");
        for (int k = 0; k < n; k++) {
            Column c = child.column(cols[k]);
            set.append(k == 0 ? "" : ", ").append(FkCode.quote(c.name())).append(" = ");
            if (action == ForeignKeyClause.Action.CASCADE) {
                set.append('?').append(n + k + 1);
            } else if (defaults != null && defaults[cols[k]] != null && !c.isGenerated()) {
                set.append('(').append(defaults[cols[k]]).append(')');
            } else {
                set.append("NULL");
            }
        }
        return set.append(where).toString();
    }

    @Override
    public String toString() {
        return sql;
    }
}
