package dev.panamax.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates real statements at the token level: deletes, duplicates and swaps tokens and ranges, splices two
 * statements, moves identifiers between statements, replaces literals by extreme values, wraps operands into
 * subqueries and CTEs, and nests a statement into itself. Script-level: drops, repeats and reorders statements and
 * inserts generated ones.
 */
final class FuzzMutator {
    private static final String[] EXTREMES = {"9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1e308", "-1e308", "1e999", "0.0", "-0.0", "NULL", "''", "x''", "'abc'", "0x7fffffffffffffff", "-1",
        "2147483648", "zeroblob(10)", "char(0)", "'NaN'", "?", "?5", ":x", "(SELECT 1)", "(SELECT NULL)",
        "(VALUES(1),(2))", "'\\'", "'%'", "x'ff'", "1e-320"};
    private static final String[] KEYWORDS = {"SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "LIMIT",
        "OFFSET", "UNION", "ALL", "DISTINCT", "JOIN", "LEFT", "ON", "USING", "AS", "AND", "OR", "NOT", "NULL", "IN",
        "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "COLLATE", "NOCASE", "DESC", "ASC", "VALUES", "(",
        ")", ",", "*", "+", "-", "=", "<", "||", "WITH", "RECURSIVE", "OVER", "PARTITION", "WINDOW", "FILTER", "IS",
        "BETWEEN", "LIKE", "ESCAPE", "RETURNING", "DEFAULT", "PRIMARY", "KEY", "UNIQUE", "CHECK", "INDEX", "TABLE",
        "VIEW", "TRIGGER", "ROWID", "INTERSECT", "EXCEPT", "NATURAL", "FULL", "RIGHT", "CROSS", "OUTER", ";"};

    private final SplittableRandom r;
    private final FuzzGen gen;

    FuzzMutator(SplittableRandom r, FuzzGen gen) {
        this.r = r;
        this.gen = gen;
    }

    /** A mutated copy of {@code script}; {@code donors} provide statements and identifiers to splice in. */
    List<String> script(List<String> script, List<List<String>> donors) {
        List<String> out = new ArrayList<>(script);
        int n = 1 + r.nextInt(Math.max(1, out.size() / 2 + 1));
        for (int k = 0; k < n && !out.isEmpty(); k++) {
            int i = r.nextInt(out.size());
            int w = r.nextInt(100);
            if (w < 55) {
                out.set(i, statement(out.get(i), out, donors));
            } else if (w < 62) {
                out.remove(i);
            } else if (w < 68) {
                out.add(i, out.get(i));
            } else if (w < 74) {
                int j = r.nextInt(out.size());
                String a = out.get(i);
                out.set(i, out.get(j));
                out.set(j, a);
            } else if (w < 86) {
                out.add(i, gen.statement());
            } else if (!donors.isEmpty()) {
                List<String> d = donors.get(r.nextInt(donors.size()));
                if (!d.isEmpty()) {
                    out.add(i, d.get(r.nextInt(d.size())));
                }
            }
        }
        return out;
    }

    /** One statement mutated 1..3 times. */
    String statement(String sql, List<String> script, List<List<String>> donors) {
        List<String> t = FuzzTokens.split(sql);
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            t = mutate(t, script, donors);
        }
        return FuzzTokens.join(t);
    }

    private List<String> mutate(List<String> t, List<String> script, List<List<String>> donors) {
        if (t.isEmpty()) {
            return new ArrayList<>(List.of("SELECT", "1"));
        }
        List<String> out = new ArrayList<>(t);
        int i = r.nextInt(out.size());
        int j = i + r.nextInt(Math.min(8, out.size() - i)) + 1;
        int w = r.nextInt(100);
        if (w < 12) {
            out.subList(i, j).clear();
        } else if (w < 18) {
            out.remove(i);
        } else if (w < 26) {
            out.addAll(j, new ArrayList<>(out.subList(i, j)));
        } else if (w < 32) {
            int k = r.nextInt(out.size());
            String a = out.get(i);
            out.set(i, out.get(k));
            out.set(k, a);
        } else if (w < 42) {
            replaceLiteral(out);
        } else if (w < 52) {
            swapIdentifier(out, script, donors);
        } else if (w < 58) {
            out.add(i, KEYWORDS[r.nextInt(KEYWORDS.length)]);
        } else if (w < 66) {
            splice(out, script, donors);
        } else if (w < 76) {
            wrapOperand(out);
        } else if (w < 82) {
            return nestSelf(out);
        } else if (w < 90) {
            out.set(i, gen.expr(2, List.of(), true));
        } else {
            out.set(i, EXTREMES[r.nextInt(EXTREMES.length)]);
        }
        return out;
    }

    private void replaceLiteral(List<String> out) {
        List<Integer> lits = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            if (FuzzTokens.isLiteral(out.get(k))) {
                lits.add(k);
            }
        }
        if (!lits.isEmpty()) {
            int k = lits.get(r.nextInt(lits.size()));
            out.set(k, r.nextBoolean() ? EXTREMES[r.nextInt(EXTREMES.length)] : gen.literal());
        }
    }

    private void swapIdentifier(List<String> out, List<String> script, List<List<String>> donors) {
        List<Integer> ids = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            if (FuzzTokens.isIdentifier(out.get(k))) {
                ids.add(k);
            }
        }
        List<String> pool = FuzzTokens.split(r.nextInt(4) == 0 && !donors.isEmpty()
            ? String.join(" ", donors.get(r.nextInt(donors.size()))) : String.join(" ", script));
        pool.removeIf(s -> !FuzzTokens.isIdentifier(s));
        if (!ids.isEmpty() && !pool.isEmpty()) {
            out.set(ids.get(r.nextInt(ids.size())), pool.get(r.nextInt(pool.size())));
        }
    }

    private void splice(List<String> out, List<String> script, List<List<String>> donors) {
        List<String> from = r.nextBoolean() || donors.isEmpty() ? script
            : donors.get(r.nextInt(donors.size()));
        if (from.isEmpty()) {
            return;
        }
        List<String> other = FuzzTokens.split(from.get(r.nextInt(from.size())));
        if (other.isEmpty()) {
            return;
        }
        int cut = r.nextInt(out.size() + 1);
        int otherCut = r.nextInt(other.size() + 1);
        out.subList(cut, out.size()).clear();
        out.addAll(other.subList(otherCut, other.size()));
    }

    /** Replaces an operand (an identifier or literal) by a subquery or CTE that yields it. */
    private void wrapOperand(List<String> out) {
        List<Integer> operands = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            if (FuzzTokens.isIdentifier(out.get(k)) || FuzzTokens.isLiteral(out.get(k))) {
                operands.add(k);
            }
        }
        if (operands.isEmpty()) {
            return;
        }
        int k = operands.get(r.nextInt(operands.size()));
        String x = out.get(k);
        out.set(k, switch (r.nextInt(6)) {
            case 0 -> "(SELECT " + x + ")";
            case 1 -> "(SELECT max(" + x + "))";
            case 2 -> "(WITH c(v) AS (SELECT " + x + ") SELECT v FROM c AS c1, c AS c2)";
            case 3 -> "(SELECT " + x + " WHERE EXISTS (SELECT " + x + "))";
            case 4 -> "(SELECT count(" + x + ") OVER ())";
            default -> "coalesce(" + x + ", (SELECT " + x + " ORDER BY " + x + "))";
        });
    }

    /** Puts a SELECT into itself as a subquery, a derived table, a CTE or a view-like nest. */
    private List<String> nestSelf(List<String> t) {
        String sql = FuzzTokens.join(t);
        if (!sql.toUpperCase().startsWith("SELECT") && !sql.toUpperCase().startsWith("WITH")) {
            return t;
        }
        String nested = switch (r.nextInt(5)) {
            case 0 -> "SELECT * FROM (" + sql + ")";
            case 1 -> "SELECT (" + sql + ")";
            case 2 -> "WITH q AS (" + sql + ") SELECT * FROM q AS q1 JOIN q AS q2";
            case 3 -> "SELECT * FROM (" + sql + ") WHERE EXISTS (" + sql + ")";
            default -> "SELECT 1 WHERE 1 IN (" + sql + ")";
        };
        return FuzzTokens.split(nested);
    }
}
