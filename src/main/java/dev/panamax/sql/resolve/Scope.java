package dev.panamax.sql.resolve;

import java.util.ArrayList;
import java.util.List;

/**
 * Where names are looked up while one SELECT is resolved (SQLite's NameContext): the FROM items of this SELECT, the
 * result-column aliases when the clause being resolved may use them, whether aggregate calls are allowed here, and
 * the scope of the enclosing query for correlated references.
 */
final class Scope {
    final Scope outer;
    final List<Source> sources;
    /** Result columns (alias, expression) visible by alias in WHERE, GROUP BY, HAVING and ORDER BY. */
    List<Alias> aliases = List.of();
    boolean allowAggregates;
    /** The clause name for "aggregate functions are not allowed in the X clause". */
    String clause;
    /** Aggregates found in this SELECT. */
    final List<Bound.Aggregate> aggregates;
    /** Set when a name resolved to a scope outside this one. */
    boolean refersOuter;
    /** Set when an aggregate call was resolved in this scope (for "misuse of aliased aggregate"). */
    boolean sawAggregate;
    /** The query being resolved in this scope, when the scope belongs to a subquery expression. */
    Query subqueryOf;

    record Alias(String name, Bound expr) {
    }

    Scope(Scope outer, List<Source> sources, List<Bound.Aggregate> aggregates) {
        this.outer = outer;
        this.sources = sources;
        this.aggregates = aggregates;
    }

    static Scope empty(Scope outer) {
        return new Scope(outer, new ArrayList<>(), new ArrayList<>());
    }

    /** True when {@code source} belongs to this scope (not to an enclosing one). */
    boolean owns(Source source) {
        for (Source s : sources) {
            if (s == source) {
                return true;
            }
        }
        return false;
    }
}
