package dev.panamax.conformance.differential;

import java.util.List;

/**
 * What an expression may refer to: the columns of its own query level, the enclosing levels (for correlated
 * subqueries), and, in the select list or HAVING of an aggregate query, the GROUP BY terms that may appear bare.
 */
record Scope(List<Model.Ref> refs, Scope outer, boolean aggregate, List<Node> groupTerms) {
    static Scope rows(List<Model.Ref> refs, Scope outer) {
        return new Scope(refs, outer, false, List.of());
    }

    Scope grouped(List<Node> terms) {
        return new Scope(refs, outer, true, terms);
    }

    /** The row scope an aggregate's argument is evaluated in. */
    Scope rowScope() {
        return new Scope(refs, outer, false, List.of());
    }
}
