package dev.panamax.sql.codegen;

import dev.panamax.schema.Table;
import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.ColumnDef;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.ast.TableConstraint;
import dev.panamax.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/** What "CHECK constraint failed: X" names: the constraint's name, else its expression as written. */
final class CheckNames {
    private CheckNames() {
    }

    static String of(Table t, int k) {
        Stmt s = Parser.parseSchema(t.sql()).statement();
        if (!(s instanceof Stmt.CreateTable ct)) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (ColumnDef def : ct.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.Check c) {
                    names.add(name(t.sql(), c.name(), c.expr()));
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.Check c) {
                names.add(name(t.sql(), c.name(), c.expr()));
            }
        }
        return k < names.size() ? names.get(k) : "";
    }

    private static String name(String sql, Name name, Expr e) {
        if (name != null) {
            return name.text();
        }
        return sql.substring(e.start(), e.end()).trim();
    }
}
