package dev.panamax.cli;

import java.util.List;

/** The database engine as the shell sees it: opening databases, and facts about its SQL dialect. */
interface Engine {
    /**
     * Opens (creating it when missing, unless read-only) the database at {@code filename}; {@code :memory:} is a
     * transient in-memory database and the empty name a temporary one.
     *
     * @throws dev.panamax.api.DbException when it cannot be opened
     */
    Session open(String filename, boolean readOnly);

    /** The engine's version for the banner and {@code .version}. */
    String version();

    /** {@code sqlite3_keyword_check}: true when the word is one of SQLite's keywords, in any case. */
    boolean isKeyword(String word);

    /** SQLite's keywords in upper case ({@code sqlite3_keyword_name}), for tab completion. */
    List<String> keywords();
}
