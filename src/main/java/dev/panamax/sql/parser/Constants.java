package dev.panamax.sql.parser;

import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.OrderingTerm;

/**
 * SQLite's {@code sqlite3ExprIsConstantOrFunction} as the parser applies it to a column DEFAULT: no column
 * reference (a bare TRUE/FALSE excepted), no parameter, no subquery, no RAISE, no window function; other
 * function calls are allowed.
 */
final class Constants {
    private Constants() {
    }

    static boolean isConstantOrFunction(Expr e) {
        return switch (e) {
            case Expr.NumberLit n -> true;
            case Expr.StringLit s -> true;
            case Expr.BlobLit b -> true;
            case Expr.NullLit n -> true;
            case Expr.BoolLit b -> true;
            case Expr.CurrentTime c -> true;
            case Expr.ColumnRef c -> c.table() == null && !c.column().quoted()
                    && (c.column().is("true") || c.column().is("false"));
            case Expr.Param p -> false;
            case Expr.Unary u -> isConstantOrFunction(u.operand());
            case Expr.Binary b -> isConstantOrFunction(b.left()) && isConstantOrFunction(b.right());
            case Expr.NullTest n -> isConstantOrFunction(n.operand());
            case Expr.Like l -> isConstantOrFunction(l.left()) && isConstantOrFunction(l.pattern())
                    && (l.escape() == null || isConstantOrFunction(l.escape()));
            case Expr.Between b -> isConstantOrFunction(b.operand()) && isConstantOrFunction(b.low())
                    && isConstantOrFunction(b.high());
            case Expr.InList in -> isConstantOrFunction(in.operand())
                    && in.values().stream().allMatch(Constants::isConstantOrFunction);
            case Expr.InSelect in -> false;
            case Expr.InTable in -> false;
            case Expr.Exists x -> false;
            case Expr.Subquery q -> false;
            case Expr.Case c -> (c.operand() == null || isConstantOrFunction(c.operand()))
                    && c.branches().stream().allMatch(b -> isConstantOrFunction(b.when())
                            && isConstantOrFunction(b.then()))
                    && (c.otherwise() == null || isConstantOrFunction(c.otherwise()));
            case Expr.Cast c -> isConstantOrFunction(c.operand());
            case Expr.Collate c -> isConstantOrFunction(c.operand());
            case Expr.FunctionCall f -> f.over() == null && f.args().stream().allMatch(Constants::isConstantOrFunction)
                    && f.orderBy().stream().map(OrderingTerm::expr).allMatch(Constants::isConstantOrFunction)
                    && (f.filter() == null || isConstantOrFunction(f.filter()));
            case Expr.RowValue r -> r.items().stream().allMatch(Constants::isConstantOrFunction);
            case Expr.Raise r -> false;
        };
    }
}
