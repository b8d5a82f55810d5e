package dev.panamax.conformance.differential;

import java.util.Set;

/**
 * Features Panamax does not have yet, left out of generated statements so that the default run measures what
 * exists. {@code -Dpanamax.differential.exclude=a,b} replaces the list ({@code =} alone includes everything); each
 * entry here should disappear as the engine grows.
 */
final class Gaps {
    /** RIGHT and FULL OUTER JOIN. */
    static final String RIGHT_JOIN = "right-join";
    /** RETURNING on INSERT, UPDATE and DELETE. */
    static final String RETURNING = "returning";
    /** INSERT ... ON CONFLICT DO NOTHING / DO UPDATE. */
    static final String UPSERT = "upsert";

    /**
     * UPDATE of a WITHOUT ROWID table: Panamax visits its rows in insertion order, SQLite in PRIMARY KEY order, which
     * shows when a conflict stops the statement part way (OR FAIL, or which row conflicts first).
     */
    static final String WITHOUT_ROWID_ORDER = "without-rowid-order";

    /**
     * SQLite's statement journal rule (usesStmtJournal = isMultiWrite and mayAbort): inside a transaction, an error in
     * a statement without an ABORT constraint check keeps the rows it already wrote; Panamax undoes them.
     */
    static final String STATEMENT_JOURNAL = "statement-journal";

    private static final Set<String> EXCLUDED = Set.of(System.getProperty("panamax.differential.exclude",
            String.join(",", RETURNING, UPSERT, WITHOUT_ROWID_ORDER, STATEMENT_JOURNAL)).split(","));

    private Gaps() {
    }

    static boolean excluded(String feature) {
        return EXCLUDED.contains(feature);
    }

    static String describe() {
        return EXCLUDED.toString();
    }
}
