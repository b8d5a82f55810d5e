package dev.panamax.sql.plan;

import dev.panamax.sql.resolve.Source;
import java.util.List;

/**
 * One loop of a join, outermost first (SQLite's WhereLevel): the FROM item, how it is read, and the terms
 * checked inside it (those whose prerequisites are met at this level and that the access path does not already
 * guarantee).
 */
public record WhereLevel(Source source, AccessPath path, List<WhereTerm> terms, List<WhereTerm> onTerms) {
}
