package dev.panamax.sql.codegen;

import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.plan.AccessPath;
import dev.panamax.sql.plan.WhereLevel;
import dev.panamax.sql.plan.WhereTerm;
import dev.panamax.sql.resolve.JoinType;
import dev.panamax.sql.resolve.Source;

/** The EXPLAIN QUERY PLAN text of a loop, as SQLite's sqlite3WhereExplainOneScan words it. */
final class Explain {
    private Explain() {
    }

    static String scan(WhereLevel l) {
        Source s = l.source();
        String name = s.name;
        StringBuilder sb = new StringBuilder();
        switch (l.path()) {
            case AccessPath.FullScan f -> sb.append("SCAN ").append(name);
            case AccessPath.RowidEq r -> sb.append("SEARCH ").append(name)
                    .append(" USING INTEGER PRIMARY KEY (rowid=?)");
            case AccessPath.RowidRange r -> {
                sb.append("SEARCH ").append(name).append(" USING INTEGER PRIMARY KEY (");
                if (r.lower() != null && r.upper() != null) {
                    sb.append("rowid>? AND rowid<?");
                } else if (r.lower() != null) {
                    sb.append("rowid>?");
                } else {
                    sb.append("rowid<?");
                }
                sb.append(')');
            }
            case AccessPath.IndexScan is -> index(sb, name, s.table, is);
            case AccessPath.AutoIndex a -> {
                sb.append("SEARCH ").append(name).append(" USING AUTOMATIC COVERING INDEX (");
                for (int k = 0; k < a.eq().size(); k++) {
                    sb.append(k == 0 ? "" : " AND ").append(s.columns.get(a.eq().get(k).column()).name()).append("=?");
                }
                sb.append(')');
            }
            case AccessPath.FunctionScan f -> sb.append("SCAN ").append(name).append(" VIRTUAL TABLE INDEX 0:");
        }
        if (s.join == JoinType.LEFT || s.join == JoinType.FULL) {
            sb.append(" LEFT-JOIN");
        }
        return sb.toString();
    }

    private static void index(StringBuilder sb, String name, Table t, AccessPath.IndexScan is) {
        Index idx = is.index();
        boolean constrained = !is.eq().isEmpty() || is.lower() != null || is.upper() != null;
        sb.append(constrained ? "SEARCH " : "SCAN ").append(name);
        if (t.withoutRowid() && idx.origin() == 'p') {
            // A WITHOUT ROWID table is its PRIMARY KEY index: SQLite names it only when searching it.
            if (!constrained) {
                return;
            }
            sb.append(" USING PRIMARY KEY");
        } else {
            sb.append(" USING ").append(is.covering() ? "COVERING INDEX " : "INDEX ").append(idx.name());
        }
        if (!constrained) {
            return;
        }
        sb.append(" (");
        int n = is.eq().size();
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : " AND ").append(columnName(t, idx.columns()[k])).append("=?");
        }
        boolean desc = n < idx.keyCount() && idx.descending()[n];
        WhereTerm low = desc ? is.upper() : is.lower();
        WhereTerm high = desc ? is.lower() : is.upper();
        boolean first = n == 0;
        if (low != null) {
            sb.append(first ? "" : " AND ").append(columnName(t, idx.columns()[n])).append(">?");
            first = false;
        }
        if (high != null) {
            sb.append(first ? "" : " AND ").append(columnName(t, idx.columns()[n])).append("<?");
        }
        sb.append(')');
    }

    static String columnName(Table t, int col) {
        if (col < 0) {
            return "rowid";
        }
        return t.column(col).name();
    }
}
