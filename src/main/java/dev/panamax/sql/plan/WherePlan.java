package dev.panamax.sql.plan;

import java.util.List;

/**
 * A plan for the FROM/WHERE of one SELECT core, UPDATE or DELETE: the loops outermost first, the terms that need no
 * FROM item (checked once before the loops), and whether the loops already deliver rows in the ORDER BY (or GROUP
 * BY) order asked for.
 */
public record WherePlan(List<WhereLevel> levels, List<WhereTerm> constantTerms, boolean orderSatisfied) {
}
