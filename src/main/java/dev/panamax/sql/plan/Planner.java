package dev.panamax.sql.plan;

import dev.panamax.schema.Affinity;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.resolve.Affinities;
import dev.panamax.sql.resolve.Bound;
import dev.panamax.sql.resolve.JoinType;
import dev.panamax.sql.resolve.Source;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Chooses the loop order and the access path of every FROM item (SQLite's where.c: whereLoopAddBtree and the
 * path solver, much simplified): rowid lookups before unique index lookups before index seeks before scans, with
 * SQLite's default row estimates (no ANALYZE statistics), outer joins kept after the items they join, and an ORDER
 * BY answered by the outermost loop's order when it can be.
 */
public final class Planner {
    /** SQLite's assumption for a table without statistics: 2^20 rows (LogEst 200). */
    static final double DEFAULT_ROWS = 1_048_576.0;
    /** Rows per key of an index column without statistics: 10 for the first column, then 9, 8, 7, 6, 5... */
    private static final double[] ROWS_PER_KEY = {10, 9, 8, 7, 6, 5};

    private final List<Source> sources;
    private final Map<Source, BitSet> usedColumns;
    /** Each FROM item's place in the list planned (after flattening it may differ from where it was written). */
    private final Map<Source, Integer> positions = new java.util.IdentityHashMap<>();
    /** FROM position of the last RIGHT or FULL JOIN item; WHERE terms wait for it (they filter joined rows). */
    private final int firstRight;

    /**
     * @param usedColumns per FROM item, the columns the statement reads (bit 0 is column 0; the rowid is not
     *                    listed); decides whether an index covers the item
     */
    public Planner(List<Source> sources, Map<Source, BitSet> usedColumns) {
        this.sources = sources;
        this.usedColumns = usedColumns;
        for (int k = 0; k < sources.size(); k++) {
            positions.put(sources.get(k), k);
        }
        int fr = Integer.MAX_VALUE;
        for (Source src : sources) {
            if (src.join.keepsRight()) {
                fr = fr == Integer.MAX_VALUE ? pos(src) : Math.max(fr, pos(src));
            }
        }
        this.firstRight = fr;
    }

    /** What an ORDER BY or GROUP BY asks of the loops: terms on columns of FROM items. */
    public record OrderRequest(List<Bound.OrderTerm> terms, boolean groupBy) {
    }

    public WherePlan plan(Bound where, OrderRequest order) {
        List<TermAnalyzer.Term> terms = new TermAnalyzer(sources).analyze(where);
        int n = sources.size();
        List<WhereTerm> constant = new ArrayList<>();
        List<List<WhereTerm>> lookups = new ArrayList<>();
        for (TermAnalyzer.Term t : terms) {
            lookups.add(t.lookups());
            if (isConstant(t)) {
                constant.add(new WhereTerm(t.expr(), 0, -1, null, 0, null, null, 0, false, t.fromWhere()));
            }
        }
        searchOrder = order;
        List<Integer> orderOfLoops = joinOrder(terms);
        long available = 0;
        List<WhereLevel> levels = new ArrayList<>();
        boolean orderSatisfied = false;
        boolean[] used = new boolean[terms.size()];
        for (int k = 0; k < n; k++) {
            Source s = sources.get(orderOfLoops.get(k));
            OrderRequest ask = k == 0 ? order : null;
            Choice c = choose(s, available, terms, ask);
            if (k == 0) {
                orderSatisfied = c.orderSatisfied;
            } else if (!c.unique) {
                orderSatisfied = false;
            }
            available |= 1L << pos(s);
            levels.add(level(s, c.path, terms, used, available, c.consumed));
        }
        if (n > 1 && orderSatisfied && order != null && !allOnFirst(order, levels.get(0).source())) {
            orderSatisfied = false;
        }
        return new WherePlan(levels, constant, orderSatisfied && order != null && !order.terms().isEmpty());
    }

    private int pos(Source s) {
        return positions.get(s);
    }

    /**
     * A term checked once before the loops: it reads no FROM item and is not a join condition (with a RIGHT or
     * FULL JOIN present, an inner join's constant ON term only empties the left side, so it stays in the loops).
     */
    private boolean isConstant(TermAnalyzer.Term t) {
        return t.prereq() == 0 && t.onPosition() < 0 && (t.fromWhere() || firstRight == Integer.MAX_VALUE);
    }

    private static boolean allOnFirst(OrderRequest order, Source first) {
        for (Bound.OrderTerm t : order.terms()) {
            if (!(strip(t.expr()) instanceof Bound.ColumnRef c) || c.source() != first) {
                return false;
            }
        }
        return true;
    }

    /** The loop order: FROM order, but inner joins may move to put cheaper, better-constrained loops first. */
    private List<Integer> joinOrder(List<TermAnalyzer.Term> terms) {
        int n = sources.size();
        List<Integer> order = new ArrayList<>();
        long placed = 0;
        boolean fixed = false;
        for (Source s : sources) {
            if (s.join != JoinType.INNER) {
                fixed = true;
            }
        }
        if (fixed) {
            for (int k = 0; k < n; k++) {
                order.add(k);
            }
            return order;
        }
        if (n <= 6) {
            searchOrders(terms, new int[n], 0, 0, 0, 1, order);
            if (order.size() == n) {
                return order;
            }
            order.clear();
        }
        while (order.size() < n) {
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                if ((placed & (1L << k)) != 0 || !argumentsReady(sources.get(k), placed)) {
                    continue;
                }
                double cost = choose(sources.get(k), placed, terms, null).cost();
                if (cost < bestCost * 0.999) {
                    bestCost = cost;
                    best = k;
                }
            }
            order.add(best);
            placed |= 1L << best;
        }
        return order;
    }

    private double bestOrderCost = Double.MAX_VALUE;

    /**
     * Tries every order of the FROM items (few of them) and keeps the cheapest: the cost of a loop counts once per
     * row of the loops outside it. Ties keep the FROM order.
     */
    private void searchOrders(List<TermAnalyzer.Term> terms, int[] perm, int depth, long placed, double cost,
            double outerRows, List<Integer> best) {
        int n = sources.size();
        if (cost >= bestOrderCost * 0.999) {
            return;
        }
        if (depth == n) {
            bestOrderCost = cost;
            best.clear();
            for (int k : perm) {
                best.add(k);
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            if ((placed & (1L << k)) != 0 || !argumentsReady(sources.get(k), placed)) {
                continue;
            }
            Choice c = choose(sources.get(k), placed, terms, depth == 0 ? searchOrder : null);
            double step = depth == 0 ? total(c) : c.cost();
            perm[depth] = k;
            searchOrders(terms, perm, depth + 1, placed | (1L << k), cost + outerRows * step + setup(c, k),
                    outerRows * Math.max(c.rows(), 1), best);
        }
    }

    private OrderRequest searchOrder;

    /**
     * The one-time cost of a loop: building an automatic index, X*N*log2(N) with X = 7 for a table and 1/2 for a
     * subquery (SQLite's rSetup tuning), so that a loop order using a real index wins over one that must build one.
     */
    private double setup(Choice c, int k) {
        if (!(c.path() instanceof AccessPath.AutoIndex)) {
            return 0;
        }
        Source s = sources.get(k);
        double n = s.isSubquery() ? 1000 : DEFAULT_ROWS;
        return (s.isSubquery() ? 0.5 : 7) * n * Math.log(n) / Math.log(2);
    }

    private WhereLevel level(Source s, AccessPath path, List<TermAnalyzer.Term> terms, boolean[] used,
            long available, List<Bound> consumed) {
        List<WhereTerm> here = new ArrayList<>();
        List<WhereTerm> on = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            TermAnalyzer.Term t = terms.get(k);
            if (used[k] || isConstant(t)) {
                continue;
            }
            boolean ready = (t.prereq() & ~available) == 0;
            if (t.onPosition() >= 0) {
                ready = t.onPosition() == pos(s) && ready;
            } else if (firstRight != Integer.MAX_VALUE
                    && (t.fromWhere() ? pos(s) < firstRight : pos(s) < t.home())) {
                ready = false;
            }
            if (!ready) {
                continue;
            }
            used[k] = true;
            if (containsIdentity(consumed, t.expr()) && !(t.fromWhere() && s.join.keepsLeft())) {
                continue;
            }
            WhereTerm w = new WhereTerm(t.expr(), t.prereq(), t.onPosition(), null, 0, null, null, 0, false,
                    t.fromWhere());
            if (t.onPosition() >= 0) {
                on.add(w);
            } else {
                here.add(w);
            }
        }
        return new WhereLevel(s, path, here, on);
    }

    private static boolean containsIdentity(List<Bound> list, Bound e) {
        for (Bound b : list) {
            if (b == e) {
                return true;
            }
        }
        return false;
    }

    /**
     * A candidate path: its cost per outer row (rows visited, lookups weighted), the rows it yields per outer row,
     * and the terms it makes redundant.
     */
    private record Choice(AccessPath path, double cost, double rows, boolean unique, boolean orderSatisfied,
            List<Bound> consumed) {
    }

    private Choice choose(Source s, long available, List<TermAnalyzer.Term> terms, OrderRequest order) {
        List<WhereTerm> usable = new ArrayList<>();
        long self = 1L << pos(s);
        for (TermAnalyzer.Term t : terms) {
            if (t.onPosition() >= 0 && t.onPosition() != pos(s)) {
                continue;
            }
            if (s.join.keepsLeft() && t.onPosition() != pos(s)) {
                // the right table of a LEFT JOIN is searched only by its own ON clause (where.c's
                // constraintCompatibleWithOuterJoin): a later term would drop the NULL row it must produce
                continue;
            }
            if (firstRight != Integer.MAX_VALUE && (t.fromWhere() ? pos(s) <= firstRight
                    : pos(s) < t.home() || (s.join.keepsRight() && pos(s) != t.home()))) {
                continue;
            }
            for (WhereTerm w : t.lookups()) {
                if (w.source() == s && (w.valuePrereq() & ~available) == 0 && (w.valuePrereq() & self) == 0) {
                    usable.add(w);
                }
            }
        }
        if (s.function() != null) {
            return functionChoice(s, usable);
        }
        double tableRows = s.isSubquery() ? 1000 : DEFAULT_ROWS;
        double filter = filterFactor(s, available, terms);
        this.filter = filter;
        this.currentOrder = order;
        Choice best = new Choice(new AccessPath.FullScan(false), tableRows, tableRows * filter, false,
                scanSatisfies(s, order), List.of());
        if (best.orderSatisfied() && order != null && order.terms().get(0).desc()) {
            best = new Choice(new AccessPath.FullScan(true), best.cost(), best.rows(), false, true, List.of());
        }
        if (s.isSubquery() || s.table == null) {
            return better(best, autoIndex(s, usable, available));
        }
        if (s.table.hasRowid() && s.indexedBy == null) {
            best = better(best, rowidChoice(usable, tableRows, order, s));
        }
        if (!s.notIndexed) {
            for (Index idx : s.table.indexes()) {
                if (s.indexedBy != null && !idx.name().equalsIgnoreCase(s.indexedBy)) {
                    continue;
                }
                if (idx.isPartial() || idx.hasExpressions()) {
                    continue;
                }
                Choice c = indexChoice(s, idx, usable, tableRows, order);
                if (s.indexedBy != null) {
                    return c;
                }
                best = better(best, c);
            }
        }
        if (best.path() instanceof AccessPath.FullScan) {
            best = better(best, autoIndex(s, usable, available));
        }
        return best;
    }

    /**
     * A table-valued function: each argument column takes the first usable {@code column = value} term on it (the
     * function receives the value and the term is not checked again). Like SQLite's pragma tables, it is cheap when
     * its first argument is bound and very expensive otherwise.
     */
    private static Choice functionChoice(Source s, List<WhereTerm> usable) {
        int first = s.function().columns().size();
        int n = s.function().arguments().size();
        List<WhereTerm> args = new ArrayList<>(java.util.Collections.nCopies(n, (WhereTerm) null));
        List<Bound> consumed = new ArrayList<>();
        for (WhereTerm w : usable) {
            int j = w.column() - first;
            if (j >= 0 && j < n && args.get(j) == null && w.op() == Bound.BinaryOp.EQ && !w.in()) {
                args.set(j, w);
                consumed.add(w.expr());
            }
        }
        double rows = n == 0 || args.get(0) != null ? 20 : Integer.MAX_VALUE;
        return new Choice(new AccessPath.FunctionScan(args), rows, rows, false, false, consumed);
    }

    /** True when the values a table-valued function's call arguments need are available in {@code placed}. */
    private boolean argumentsReady(Source s, long placed) {
        if (s.functionArgs().isEmpty()) {
            return true;
        }
        TermAnalyzer analyzer = new TermAnalyzer(sources);
        for (Bound b : s.functionArgs()) {
            if (b instanceof Bound.Binary eq && (analyzer.prereq(eq.right()) & ~placed) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Output reduction from the terms checked at this loop: an equality quarters the rows, others halve them. */
    private double filterFactor(Source s, long available, List<TermAnalyzer.Term> terms) {
        long self = 1L << pos(s);
        double f = 1;
        for (TermAnalyzer.Term t : terms) {
            if ((t.prereq() & self) != 0 && (t.prereq() & ~(available | self)) == 0) {
                boolean eq = t.expr() instanceof Bound.Binary b && b.op() == Bound.BinaryOp.EQ;
                f *= eq ? 0.25 : 0.5;
            }
        }
        return f;
    }

    /**
     * An automatic index for an inner loop that has equality terms on its columns but no index to use them
     * (SQLite's automatic indexing): built once over the whole table, then searched per outer row.
     */
    private Choice autoIndex(Source s, List<WhereTerm> usable, long available) {
        if (available == 0 || (s.table != null && s.table.withoutRowid())) {
            // as whereLoopAddBtree: no automatic index over a WITHOUT ROWID table (its entries would have no rowid
            // to tell equal keys apart)
            return null;
        }
        List<WhereTerm> eq = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (WhereTerm w : usable) {
            if (!w.isEquality() || w.in() || w.op() == Bound.BinaryOp.IS || w.column() < 0
                    || seen.contains(w.column())) {
                continue;
            }
            char colAff = s.columns.get(w.column()).affinity();
            char aff = Affinities.comparison(new Bound.ColumnRef(s, w.column()), w.value());
            if ((aff == Affinity.TEXT && colAff != Affinity.TEXT) || (Affinity.isNumeric(aff)
                    && !Affinity.isNumeric(colAff))) {
                continue;
            }
            eq.add(w);
            seen.add(w.column());
        }
        if (eq.isEmpty()) {
            return null;
        }
        List<Bound> consumed = new ArrayList<>();
        for (WhereTerm w : eq) {
            consumed.add(w.expr());
        }
        return new Choice(new AccessPath.AutoIndex(eq), 12, 10 * filter, false, false, consumed);
    }

    private Choice better(Choice a, Choice b) {
        if (b == null) {
            return a;
        }
        return total(b) < total(a) ? b : a;
    }

    /** The filter factor and order request of the FROM item being costed by {@link #choose}. */
    private double filter = 1;
    private OrderRequest currentOrder;

    /** Cost with the sort an unsatisfied ORDER BY adds (N log N over the rows yielded). */
    private double total(Choice c) {
        if (currentOrder == null || currentOrder.terms().isEmpty() || c.orderSatisfied()) {
            return c.cost();
        }
        double n = Math.max(c.rows(), 2);
        return c.cost() + n * Math.log(n) / Math.log(2) / 4;
    }

    private Choice rowidChoice(List<WhereTerm> usable, double tableRows, OrderRequest order, Source s) {
        WhereTerm lower = null;
        WhereTerm upper = null;
        for (WhereTerm w : usable) {
            if (w.column() != -1) {
                continue;
            }
            if (w.isEquality() && w.op() != Bound.BinaryOp.IS) {
                double rows = w.in() ? inCount(w) : 1;
                return new Choice(new AccessPath.RowidEq(w), rows * 2, rows, !w.in(), !w.in() || order == null,
                        List.of(w.expr()));
            }
            if (w.op() == Bound.BinaryOp.GT || w.op() == Bound.BinaryOp.GE) {
                lower = lower == null ? w : lower;
            } else if (w.op() == Bound.BinaryOp.LT || w.op() == Bound.BinaryOp.LE) {
                upper = upper == null ? w : upper;
            }
        }
        if (lower == null && upper == null) {
            return null;
        }
        double rows = tableRows / (lower != null && upper != null ? 64 : 4);
        boolean sat = scanSatisfies(s, order);
        boolean reverse = sat && order.terms().get(0).desc();
        List<Bound> consumed = new ArrayList<>();
        if (lower != null && lower.op() != null && !(lower.expr() instanceof Bound.Between)) {
            consumed.add(lower.expr());
        }
        if (upper != null && !(upper.expr() instanceof Bound.Between)) {
            consumed.add(upper.expr());
        }
        return new Choice(new AccessPath.RowidRange(lower, upper, reverse), rows + 2, rows * filter, false, sat,
                consumed);
    }

    private static double inCount(WhereTerm w) {
        if (w.value() instanceof Bound.InList l) {
            return l.values().size();
        }
        return 25;
    }

    private Choice indexChoice(Source s, Index idx, List<WhereTerm> usable, double tableRows, OrderRequest order) {
        List<WhereTerm> eq = new ArrayList<>();
        double rows = tableRows;
        int k = 0;
        for (; k < idx.keyCount(); k++) {
            WhereTerm found = null;
            for (WhereTerm w : usable) {
                if (w.isEquality() && w.op() != Bound.BinaryOp.IS && matches(w, idx, k, s.table)) {
                    if (found == null || (found.in() && !w.in())) {
                        found = w;
                    }
                }
            }
            if (found == null) {
                break;
            }
            eq.add(found);
            rows = k == 0 ? 10 : rows * ROWS_PER_KEY[Math.min(k, ROWS_PER_KEY.length - 1)] / 10;
            if (found.in()) {
                rows *= inCount(found);
            }
        }
        boolean unique = idx.unique() && eq.size() == idx.keyCount() && eq.stream().noneMatch(WhereTerm::in);
        if (unique) {
            rows = 1;
        }
        WhereTerm lower = null;
        WhereTerm upper = null;
        if (k < idx.keyCount()) {
            for (WhereTerm w : usable) {
                if (w.isRange() && matches(w, idx, k, s.table)) {
                    boolean asc = !idx.descending()[k];
                    boolean isLower = w.op() == Bound.BinaryOp.GT || w.op() == Bound.BinaryOp.GE;
                    if (isLower == asc) {
                        lower = lower == null ? w : lower;
                    } else {
                        upper = upper == null ? w : upper;
                    }
                }
            }
        }
        if (lower != null) {
            rows /= 4;
        }
        if (upper != null) {
            rows /= 4;
        }
        boolean covering = covers(s, idx);
        boolean sat = eq.stream().noneMatch(WhereTerm::in) && indexSatisfies(s, idx, eq.size(), order);
        boolean reverse = sat && scanReversed(s, idx, eq.size(), order);
        boolean fullScan = eq.isEmpty() && lower == null && upper == null;
        double width = indexWidth(s, idx) / tableWidth(s);
        if (fullScan && !sat && (s.table.isTableTree(idx) || !(covering && width < 1))) {
            return null;
        }
        double cost;
        if (fullScan) {
            cost = covering ? tableRows * (1 + 15 * width) / 16 : tableRows * 4;
        } else {
            cost = 2 + rows * (covering ? 1 : 2.5);
        }
        List<Bound> consumed = new ArrayList<>();
        for (WhereTerm w : eq) {
            consumed.add(w.expr());
        }
        return new Choice(new AccessPath.IndexScan(idx, eq, lower, upper, covering, reverse), cost, rows * filter,
                unique, sat, consumed);
    }

    /**
     * The estimated width of an index entry, as SQLite's estimateIndexWidth: each key column's size estimate (the
     * rowid counts 1).
     */
    private static double indexWidth(Source s, Index idx) {
        double w = 0;
        for (int c : idx.columns()) {
            w += c < 0 ? 1 : columnWidth(s.table.column(c).declType());
        }
        return w;
    }

    /** The estimated width of a table row (estimateTableWidth): its columns, plus the rowid when not aliased. */
    private static double tableWidth(Source s) {
        double w = s.table.rowidAlias() < 0 ? 1 : 0;
        for (var c : s.table.columns()) {
            w += columnWidth(c.declType());
        }
        return Math.max(w, 1);
    }

    /** A column's size estimate from its declared type: n/4+1 for text or blob types sized (n), else 1. */
    private static double columnWidth(String type) {
        if (type == null) {
            return 1;
        }
        int open = type.indexOf('(');
        char aff = Affinity.ofDeclaredType(type);
        if (open >= 0 && aff < Affinity.NUMERIC) {
            int n = 0;
            for (int k = open + 1; k < type.length() && Character.isDigit(type.charAt(k)); k++) {
                n = n * 10 + (type.charAt(k) - '0');
            }
            return Math.min(255, n / 4 + 1);
        }
        return 1;
    }

    /** Whether the index must be walked backwards for the order asked (the first term not fixed by equality). */
    private static boolean scanReversed(Source s, Index idx, int nEq, OrderRequest order) {
        for (Bound.OrderTerm t : order.terms()) {
            Bound.ColumnRef c = (Bound.ColumnRef) strip(t.expr());
            if (isEqColumnOf(idx, nEq, c.column())) {
                continue;
            }
            for (int k = nEq; k < idx.keyCount(); k++) {
                if (idx.columns()[k] == c.column()) {
                    return t.desc() != idx.descending()[k];
                }
            }
            return t.desc();
        }
        return false;
    }

    /** Can term {@code w} (on column w.column()) drive index column {@code k}? (affinity and collation agree) */
    static boolean matches(WhereTerm w, Index idx, int k, Table table) {
        int col = idx.columns()[k];
        if (col != w.column() || col == Index.EXPRESSION) {
            return false;
        }
        char colAff = col < 0 ? Affinity.INTEGER : table.column(col).affinity();
        Bound colRef = new Bound.ColumnRef(w.source(), w.column());
        if (!w.in()) {
            char aff = Affinities.comparison(colRef, w.value());
            if (aff == Affinity.TEXT && colAff != Affinity.TEXT) {
                return false;
            }
            if (Affinity.isNumeric(aff) && !Affinity.isNumeric(colAff)) {
                return false;
            }
            return sameCollation(w.collation(), idx.collations()[k]);
        }
        if (w.value() instanceof Bound.InList il) {
            return sameCollation(Affinities.collation(il.operand()), idx.collations()[k]);
        }
        Bound.InSelect is = (Bound.InSelect) w.value();
        Bound sel = firstResult(is);
        char aff = sel == null ? Affinity.NONE : Affinities.comparison(colRef, sel);
        if (aff == Affinity.TEXT && colAff != Affinity.TEXT) {
            return false;
        }
        if (Affinity.isNumeric(aff) && !Affinity.isNumeric(colAff)) {
            return false;
        }
        String coll = sel == null ? null : Affinities.comparisonCollation(colRef, sel);
        return sameCollation(coll, idx.collations()[k]);
    }

    private static Bound firstResult(Bound.InSelect is) {
        if (is.query().first() instanceof dev.panamax.sql.resolve.SelectCore sc) {
            return sc.results.get(0);
        }
        return null;
    }

    static boolean sameCollation(String a, String b) {
        String x = a == null ? "BINARY" : a;
        String y = b == null ? "BINARY" : b;
        return x.equalsIgnoreCase(y);
    }

    /** True when every column the statement reads from {@code s} is in the index (or is the rowid). */
    private boolean covers(Source s, Index idx) {
        if (s.table.isTableTree(idx)) {
            return true;
        }
        BitSet usedCols = usedColumns.get(s);
        if (usedCols == null) {
            return false;
        }
        int[] suffix = s.table.entrySuffix(idx);
        for (int c = usedCols.nextSetBit(0); c >= 0; c = usedCols.nextSetBit(c + 1)) {
            boolean in = c == s.table.rowidAlias();
            for (int k = 0; k < idx.keyCount() && !in; k++) {
                in = idx.columns()[k] == c;
            }
            for (int k = 0; k < suffix.length && !in; k++) {
                in = suffix[k] == c;
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }

    private static boolean scanSatisfies(Source s, OrderRequest order) {
        if (order == null || order.terms().isEmpty() || s.table == null || !s.table.hasRowid() || s.isSubquery()) {
            return false;
        }
        if (order.terms().size() != 1) {
            return false;
        }
        Bound.OrderTerm t = order.terms().get(0);
        return strip(t.expr()) instanceof Bound.ColumnRef c && c.source() == s && c.column() == -1
                && t.nullsFirst() == null;
    }

    /** True when scanning {@code idx} (after {@code nEq} equality columns) yields the order asked for. */
    static boolean indexSatisfies(Source s, Index idx, int nEq, OrderRequest order) {
        if (order == null || order.terms().isEmpty()) {
            return false;
        }
        Boolean reverse = null;
        int k = nEq;
        for (Bound.OrderTerm t : order.terms()) {
            Bound e = strip(t.expr());
            if (!(e instanceof Bound.ColumnRef c) || c.source() != s || t.nullsFirst() != null) {
                return false;
            }
            if (isEqColumnOf(idx, nEq, c.column())) {
                continue;
            }
            boolean r;
            if (k < idx.keyCount() && idx.columns()[k] == c.column()
                    && sameCollation(Affinities.collation(t.expr()), idx.collations()[k])) {
                r = t.desc() != idx.descending()[k];
            } else if (k == idx.keyCount() && c.column() == -1 && s.table.hasRowid()) {
                r = t.desc();
            } else {
                return false;
            }
            if (reverse != null && reverse != r && !order.groupBy()) {
                return false;
            }
            reverse = reverse == null ? r : reverse;
            k++;
        }
        return true;
    }

    private static boolean isEqColumnOf(Index idx, int nEq, int column) {
        for (int k = 0; k < nEq; k++) {
            if (idx.columns()[k] == column) {
                return true;
            }
        }
        return false;
    }

    static Bound strip(Bound e) {
        while (e instanceof Bound.Collate c) {
            e = c.operand();
        }
        return e;
    }
}
