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
            Name current = null;
            for (ColumnConstraint cc : def.constraints()) {
                if (cc.name() != null) {
                    current = cc.name();
                }
                if (cc instanceof ColumnConstraint.Check c) {
                    names.add(name(t.sql(), current, c.expr()));
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

    /**
     * The constraint's name, else its text dequoted as sqlite3Dequote does: text that starts with a quote keeps only
     * what that quote encloses ({@code "x y" < 5} names itself {@code x y}).
     */
    private static String name(String sql, Name name, Expr e) {
        if (name != null) {
            return name.text();
        }
        return dequote(sql.substring(e.start(), e.end()).trim());
    }

    private static String dequote(String z) {
        if (z.isEmpty() || "'\"`[".indexOf(z.charAt(0)) < 0) {
            return z;
        }
        char close = z.charAt(0) == '[' ? ']' : z.charAt(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < z.length(); i++) {
            char c = z.charAt(i);
            if (c == close) {
                if (i + 1 < z.length() && z.charAt(i + 1) == close) {
                    sb.append(c);
                    i++;
                } else {
                    break;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
