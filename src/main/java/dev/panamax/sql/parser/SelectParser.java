package dev.panamax.sql.parser;

import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Select.CompoundOp;
import dev.panamax.sql.ast.Select.JoinKind;
import dev.panamax.sql.ast.WindowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT (lang_select.html, parse.y's select/oneselect/seltablist/window rules): WITH, compound operators, VALUES,
 * result columns with SQLite's span names, FROM with every join form, WINDOW definitions, ORDER BY and LIMIT, plus
 * the checks parse.y makes on them (ORDER BY/LIMIT before a compound operator, compound length, join keywords,
 * window chaining, frame bounds).
 */
abstract class SelectParser extends ExprParser {
    /** SQLite's SQLITE_MAX_COMPOUND_SELECT. */
    static final int MAX_COMPOUND_SELECT = 500;

    SelectParser(String sql, Lexer lexer, boolean legacySchema) {
        super(sql, lexer, legacySchema);
    }

    @Override
    final Select select() {
        int s = here();
        Select.With with = at(Tk.WITH) ? with() : null;
        return selectNoWith(with, s);
    }

    /** parse.y's {@code WITH [RECURSIVE] wqlist}. */
    final Select.With with() {
        int s = here();
        advance();
        boolean recursive = accept(Tk.RECURSIVE);
        List<Select.Cte> ctes = new ArrayList<>();
        do {
            ctes.add(cte());
        } while (accept(Tk.COMMA));
        return new Select.With(recursive, ctes, s, prevEnd());
    }

    private Select.Cte cte() {
        Name name = nm();
        List<Name> columns = eidListOpt();
        expect(Tk.AS);
        Select.Materialized m = Select.Materialized.ANY;
        if (accept(Tk.MATERIALIZED)) {
            m = Select.Materialized.YES;
        } else if (at(Tk.NOT)) {
            advance();
            expect(Tk.MATERIALIZED);
            m = Select.Materialized.NO;
        }
        expect(Tk.LP);
        enter(1);
        Select sel = select();
        leave(1);
        expect(Tk.RP);
        return new Select.Cte(name, columns, m, sel, name.start(), prevEnd());
    }

    /** A compound of simple selects; ORDER BY and LIMIT of the last one apply to the whole. */
    final Select selectNoWith(Select.With with, int s) {
        enter(4);
        Select result = compound(with, s);
        leave(4);
        return result;
    }

    private Select compound(Select.With with, int s) {
        int savedHeight = selectHeight;
        Select.Core first = oneSelect();
        Select.Core current = first;
        List<Select.CompoundTerm> compounds = new ArrayList<>();
        List<OrderingTerm> orderBy = List.of();
        Select.Limit limit = null;
        String misplaced = null;
        while (true) {
            if (current instanceof Select.Query) {
                orderBy = at(Tk.ORDER) ? orderBy() : List.of();
                limit = at(Tk.LIMIT) ? limit() : null;
            }
            CompoundOp op = compoundOp();
            if (op == null) {
                break;
            }
            if (!orderBy.isEmpty() || limit != null) {
                misplaced = (!orderBy.isEmpty() ? "ORDER BY" : "LIMIT") + " clause should come after "
                        + opName(op) + " not before";
                orderBy = List.of();
                limit = null;
            }
            current = oneSelect();
            compounds.add(new Select.CompoundTerm(op, current));
        }
        selectHeight = Math.max(savedHeight, selectHeight);
        if (misplaced != null) {
            deferError(misplaced);
        } else if (compounds.size() + 1 > MAX_COMPOUND_SELECT
                && !(compounds.getLast().core() instanceof Select.Values)) {
            deferError("too many terms in compound SELECT");
        }
        return new Select(with, first, compounds, orderBy, limit, s, prevEnd());
    }

    private static String opName(CompoundOp op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case INTERSECT -> "INTERSECT";
            case EXCEPT -> "EXCEPT";
        };
    }

    private CompoundOp compoundOp() {
        switch (t()) {
            case Tk.UNION -> {
                advance();
                return accept(Tk.ALL) ? CompoundOp.UNION_ALL : CompoundOp.UNION;
            }
            case Tk.INTERSECT -> {
                advance();
                return CompoundOp.INTERSECT;
            }
            case Tk.EXCEPT -> {
                advance();
                return CompoundOp.EXCEPT;
            }
            default -> {
                return null;
            }
        }
    }

    private Select.Core oneSelect() {
        if (at(Tk.VALUES)) {
            return values();
        }
        if (!at(Tk.SELECT)) {
            throw syntaxError();
        }
        int s = here();
        advance();
        boolean distinct = false;
        if (at(Tk.DISTINCT) || at(Tk.ALL)) {
            distinct = at(Tk.DISTINCT);
            advance();
        }
        List<Select.ResultColumn> columns = resultColumns();
        Select.From from = null;
        if (accept(Tk.FROM)) {
            from = from();
        }
        Expr where = accept(Tk.WHERE) ? expr() : null;
        List<Expr> groupBy = List.of();
        if (at(Tk.GROUP)) {
            advance();
            expect(Tk.BY);
            groupBy = exprList();
        }
        Expr having = accept(Tk.HAVING) ? expr() : null;
        List<WindowDef.Named> windows = at(Tk.WINDOW) ? windowClause() : List.of();
        return new Select.Query(distinct, columns, from, where, groupBy, having, windows, s, prevEnd());
    }

    private Select.Values values() {
        int s = here();
        advance();
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expect(Tk.LP);
            rows.add(exprList());
            expect(Tk.RP);
        } while (accept(Tk.COMMA));
        return new Select.Values(rows, s, prevEnd());
    }

    /** parse.y's {@code selcollist}: expressions with aliases, {@code *} and {@code table.*}. */
    final List<Select.ResultColumn> resultColumns() {
        List<Select.ResultColumn> columns = new ArrayList<>();
        do {
            columns.add(resultColumn());
        } while (accept(Tk.COMMA));
        return columns;
    }

    private Select.ResultColumn resultColumn() {
        int s = here();
        if (at(Tk.STAR)) {
            advance();
            return new Select.Star(s, prevEnd());
        }
        int tk = t();
        if (Tk.isNm(tk) && peek(1) == Tk.DOT && peek(2) == Tk.STAR && !hasExpressionMeaning(tk)) {
            Name table = takeName();
            advance();
            advance();
            return new Select.TableStar(table, s, prevEnd());
        }
        Expr e = expr();
        int spanEnd = here();
        while (spanEnd > s && Lexer.isSpace(sql.charAt(spanEnd - 1))) {
            spanEnd--;
        }
        String span = sql.substring(s, spanEnd);
        Name alias = null;
        if (accept(Tk.AS)) {
            alias = nm();
        } else if (Tk.isIds(t())) {
            alias = takeName();
        }
        return new Select.ExprColumn(e, alias, span, s, prevEnd());
    }

    /** Keywords that fall back to identifiers except at the start of an expression, where they mean themselves. */
    private static boolean hasExpressionMeaning(int tk) {
        return tk == Tk.CAST || tk == Tk.RAISE || tk == Tk.CURRENT_TIME || tk == Tk.CURRENT_DATE
                || tk == Tk.CURRENT_TIMESTAMP;
    }

    // ---- FROM ----

    /** One FROM item with the operator that joined it and its ON/USING constraint. */
    private record Item(boolean natural, JoinKind kind, Select.TableRef table, Expr on, List<Name> using) {
    }

    /** parse.y's {@code seltablist}. */
    final Select.From from() {
        int s = here();
        List<Item> items = new ArrayList<>();
        boolean natural = false;
        JoinKind kind = null;
        while (true) {
            fromItem(items, natural, kind);
            if (at(Tk.COMMA)) {
                advance();
                natural = false;
                kind = JoinKind.COMMA;
            } else if (at(Tk.JOIN)) {
                advance();
                natural = false;
                kind = JoinKind.PLAIN;
            } else if (Tk.isJoinKeyword(t())) {
                int flags = joinKeywords();
                natural = (flags & JT_NATURAL) != 0;
                kind = joinKind(flags);
            } else {
                break;
            }
        }
        Item first = items.getFirst();
        List<Select.Join> joins = new ArrayList<>(items.size() - 1);
        for (Item it : items.subList(1, items.size())) {
            joins.add(new Select.Join(it.natural(), it.kind(), it.table(), it.on(), it.using()));
        }
        return new Select.From(first.table(), joins, s, prevEnd());
    }

    private static final int JT_INNER = 1;
    private static final int JT_CROSS = 2;
    private static final int JT_NATURAL = 4;
    private static final int JT_LEFT = 8;
    private static final int JT_RIGHT = 16;
    private static final int JT_OUTER = 32;
    private static final int JT_ERROR = 64;

    /** {@code JOIN_KW [nm [nm]] JOIN}, checked like SQLite's sqlite3JoinType. */
    private int joinKeywords() {
        int first = pos;
        int flags = joinFlag(pos);
        advance();
        int count = 1;
        while (!at(Tk.JOIN) && count < 3) {
            if (!Tk.isNm(t())) {
                throw syntaxError();
            }
            flags |= joinFlag(pos);
            advance();
            count++;
        }
        expect(Tk.JOIN);
        if ((flags & (JT_INNER | JT_OUTER)) == (JT_INNER | JT_OUTER) || (flags & JT_ERROR) != 0
                || (flags & (JT_OUTER | JT_LEFT | JT_RIGHT)) == JT_OUTER) {
            StringBuilder b = new StringBuilder("unknown join type: ");
            for (int i = first; i < first + count; i++) {
                b.append(i > first ? " " : "").append(tokenText(i));
            }
            deferError(b.toString());
        }
        return flags;
    }

    private int joinFlag(int i) {
        String w = tokenText(i);
        if (w.equalsIgnoreCase("natural")) {
            return JT_NATURAL;
        } else if (w.equalsIgnoreCase("left")) {
            return JT_LEFT | JT_OUTER;
        } else if (w.equalsIgnoreCase("outer")) {
            return JT_OUTER;
        } else if (w.equalsIgnoreCase("right")) {
            return JT_RIGHT | JT_OUTER;
        } else if (w.equalsIgnoreCase("full")) {
            return JT_LEFT | JT_RIGHT | JT_OUTER;
        } else if (w.equalsIgnoreCase("inner")) {
            return JT_INNER;
        } else if (w.equalsIgnoreCase("cross")) {
            return JT_INNER | JT_CROSS;
        }
        return JT_ERROR;
    }

    private static JoinKind joinKind(int flags) {
        if ((flags & JT_CROSS) != 0) {
            return JoinKind.CROSS;
        }
        if ((flags & (JT_LEFT | JT_RIGHT)) == (JT_LEFT | JT_RIGHT)) {
            return JoinKind.FULL;
        }
        if ((flags & JT_LEFT) != 0) {
            return JoinKind.LEFT;
        }
        if ((flags & JT_RIGHT) != 0) {
            return JoinKind.RIGHT;
        }
        return (flags & JT_INNER) != 0 ? JoinKind.INNER : JoinKind.PLAIN;
    }

    private void fromItem(List<Item> items, boolean natural, JoinKind kind) {
        int s = here();
        Select.TableRef ref;
        if (at(Tk.LP)) {
            advance();
            enter(2);
            if (startsSelect()) {
                Select sel = select();
                expect(Tk.RP);
                leave(2);
                Name alias = alias();
                ref = new Select.SubqueryRef(sel, alias, s, prevEnd());
            } else {
                Select.From inner = from();
                expect(Tk.RP);
                leave(2);
                Name alias = alias();
                if (items.isEmpty() && alias == null && !at(Tk.ON) && !at(Tk.USING)) {
                    items.add(new Item(false, null, inner.first(), null, null));
                    for (Select.Join j : inner.joins()) {
                        items.add(new Item(j.natural(), j.kind(), j.table(), j.on(), j.using()));
                    }
                    return;
                }
                ref = unwrap(inner, alias, s);
            }
        } else {
            ref = tableName(s);
        }
        Expr on = null;
        List<Name> using = null;
        if (accept(Tk.ON)) {
            on = expr();
        } else if (at(Tk.USING)) {
            advance();
            using = parenIdList();
        }
        if (items.isEmpty() && on != null) {
            deferError("a JOIN clause is required before ON");
        } else if (items.isEmpty() && using != null) {
            deferError("a JOIN clause is required before USING");
        }
        items.add(new Item(natural, kind, ref, on, using));
    }

    /** A parenthesised FROM list of one item takes the outer alias, as sqlite3SrcListAppendFromTerm does. */
    private Select.TableRef unwrap(Select.From inner, Name alias, int s) {
        if (!inner.joins().isEmpty()) {
            return new Select.Nested(inner, alias, s, prevEnd());
        }
        return switch (inner.first()) {
            case Select.Table t -> new Select.Table(t.name(), alias, null, false, t.args(), s, prevEnd());
            case Select.SubqueryRef q -> new Select.SubqueryRef(q.select(), alias, s, prevEnd());
            case Select.Nested n -> new Select.Nested(n.from(), alias, s, prevEnd());
        };
    }

    private Select.TableRef tableName(int s) {
        QualifiedName name = fullName();
        List<Expr> args = null;
        if (at(Tk.LP)) {
            advance();
            args = at(Tk.RP) ? List.of() : exprList();
            expect(Tk.RP);
        }
        Name alias = alias();
        Name indexedBy = null;
        boolean notIndexed = false;
        if (args == null) {
            if (at(Tk.INDEXED)) {
                advance();
                expect(Tk.BY);
                indexedBy = nm();
            } else if (at(Tk.NOT)) {
                advance();
                expect(Tk.INDEXED);
                notIndexed = true;
            }
        }
        return new Select.Table(name, alias, indexedBy, notIndexed, args, s, prevEnd());
    }

    /** parse.y's {@code as}: {@code AS nm}, a bare identifier or string, or nothing. */
    final Name alias() {
        if (accept(Tk.AS)) {
            return nm();
        }
        return Tk.isIds(t()) ? takeName() : null;
    }

    // ---- ORDER BY, LIMIT ----

    final List<OrderingTerm> orderBy() {
        advance();
        expect(Tk.BY);
        return sortList();
    }

    @Override
    final List<OrderingTerm> sortList() {
        List<OrderingTerm> terms = new ArrayList<>();
        do {
            Expr e = expr();
            OrderingTerm.SortOrder order = null;
            if (at(Tk.ASC) || at(Tk.DESC)) {
                order = at(Tk.ASC) ? OrderingTerm.SortOrder.ASC : OrderingTerm.SortOrder.DESC;
                advance();
            }
            OrderingTerm.Nulls nulls = null;
            if (accept(Tk.NULLS)) {
                if (at(Tk.FIRST)) {
                    nulls = OrderingTerm.Nulls.FIRST;
                } else if (at(Tk.LAST)) {
                    nulls = OrderingTerm.Nulls.LAST;
                } else {
                    throw syntaxError();
                }
                advance();
            }
            terms.add(new OrderingTerm(e, order, nulls, e.start(), prevEnd()));
        } while (accept(Tk.COMMA));
        return terms;
    }

    final Select.Limit limit() {
        advance();
        Expr first = expr();
        if (accept(Tk.OFFSET)) {
            return new Select.Limit(first, expr());
        }
        if (accept(Tk.COMMA)) {
            return new Select.Limit(expr(), first);
        }
        return new Select.Limit(first, null);
    }

    // ---- windows ----

    private List<WindowDef.Named> windowClause() {
        advance();
        List<WindowDef.Named> windows = new ArrayList<>();
        do {
            int s = here();
            Name name = nm();
            expect(Tk.AS);
            WindowDef def = parenthesizedWindow();
            if (!windows.isEmpty()) {
                chain(def, windows);
            }
            windows.add(new WindowDef.Named(name, def, s, prevEnd()));
        } while (accept(Tk.COMMA));
        return windows;
    }

    /** sqlite3WindowChain: a window built on an earlier one of the same clause may not override its parts. */
    private void chain(WindowDef w, List<WindowDef.Named> earlier) {
        if (w.baseName() == null) {
            return;
        }
        String base = sql.substring(w.baseName().start(), w.baseName().end());
        WindowDef found = null;
        for (WindowDef.Named n : earlier) {
            if (sql.substring(n.name().start(), n.name().end()).equalsIgnoreCase(base)) {
                found = n.window();
                break;
            }
        }
        if (found == null) {
            deferError("no such window: " + base);
            return;
        }
        String clash = !w.partitionBy().isEmpty() ? "PARTITION clause"
                : !found.orderBy().isEmpty() && !w.orderBy().isEmpty() ? "ORDER BY clause"
                : found.frame() != null ? "frame specification" : null;
        if (clash != null) {
            deferError("cannot override " + clash + " of window: " + base);
        }
    }

    /** parse.y's {@code LP window RP}: {@code ( [base] [PARTITION BY ..] [ORDER BY ..] [frame] )}. */
    @Override
    final WindowDef parenthesizedWindow() {
        int start = here();
        expect(Tk.LP);
        Name base = null;
        int tk = t();
        if (tk != Tk.PARTITION && tk != Tk.ORDER && tk != Tk.RANGE && tk != Tk.ROWS && tk != Tk.GROUPS
                && tk != Tk.RP && Tk.isNm(tk)) {
            base = takeName();
        }
        List<Expr> partition = List.of();
        if (at(Tk.PARTITION)) {
            advance();
            expect(Tk.BY);
            partition = exprList();
        }
        List<OrderingTerm> order = at(Tk.ORDER) ? orderBy() : List.of();
        WindowDef.Frame frame = (at(Tk.RANGE) || at(Tk.ROWS) || at(Tk.GROUPS)) ? frame() : null;
        expect(Tk.RP);
        return new WindowDef(base, partition, order, frame, start, prevEnd());
    }

    private WindowDef.Frame frame() {
        WindowDef.FrameUnit unit = switch (t()) {
            case Tk.RANGE -> WindowDef.FrameUnit.RANGE;
            case Tk.ROWS -> WindowDef.FrameUnit.ROWS;
            default -> WindowDef.FrameUnit.GROUPS;
        };
        advance();
        WindowDef.Bound startBound;
        WindowDef.Bound endBound = null;
        if (accept(Tk.BETWEEN)) {
            startBound = bound(true);
            expect(Tk.AND);
            endBound = bound(false);
        } else {
            startBound = bound(true);
        }
        WindowDef.Exclude exclude = accept(Tk.EXCLUDE) ? exclude() : null;
        WindowDef.BoundKind s = startBound.kind();
        WindowDef.BoundKind e = endBound == null ? WindowDef.BoundKind.CURRENT_ROW : endBound.kind();
        if ((s == WindowDef.BoundKind.CURRENT_ROW && e == WindowDef.BoundKind.PRECEDING)
                || (s == WindowDef.BoundKind.FOLLOWING
                        && (e == WindowDef.BoundKind.PRECEDING || e == WindowDef.BoundKind.CURRENT_ROW))) {
            deferError("unsupported frame specification");
        }
        return new WindowDef.Frame(unit, startBound, endBound, exclude);
    }

    private WindowDef.Bound bound(boolean isStart) {
        if (at(Tk.UNBOUNDED)) {
            advance();
            expect(isStart ? Tk.PRECEDING : Tk.FOLLOWING);
            return new WindowDef.Bound(isStart ? WindowDef.BoundKind.UNBOUNDED_PRECEDING
                    : WindowDef.BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (at(Tk.CURRENT)) {
            advance();
            expect(Tk.ROW);
            return new WindowDef.Bound(WindowDef.BoundKind.CURRENT_ROW, null);
        }
        Expr offset = expr();
        if (at(Tk.PRECEDING)) {
            advance();
            return new WindowDef.Bound(WindowDef.BoundKind.PRECEDING, offset);
        }
        expect(Tk.FOLLOWING);
        return new WindowDef.Bound(WindowDef.BoundKind.FOLLOWING, offset);
    }

    private WindowDef.Exclude exclude() {
        switch (t()) {
            case Tk.NO -> {
                advance();
                expect(Tk.OTHERS);
                return WindowDef.Exclude.NO_OTHERS;
            }
            case Tk.CURRENT -> {
                advance();
                expect(Tk.ROW);
                return WindowDef.Exclude.CURRENT_ROW;
            }
            case Tk.GROUP -> {
                advance();
                return WindowDef.Exclude.GROUP;
            }
            case Tk.TIES -> {
                advance();
                return WindowDef.Exclude.TIES;
            }
            default -> throw syntaxError();
        }
    }
}
