package dev.panamax.sql.resolve;

/**
 * How the resolver finds functions: by name (case-insensitive) and argument count, as SQLite's
 * sqlite3FindFunction does.
 */
public interface FunctionLookup {
    /** The function taking {@code argCount} arguments, or null when no such function exists with that count. */
    FunctionRef find(String name, int argCount);

    /** True when some function has this name, whatever its argument count. */
    boolean exists(String name);

    /** True when a collating sequence of this name is known (built-in or registered). */
    boolean collationExists(String name);

    /** The table-valued function (eponymous virtual table) with this name, or null. */
    default dev.panamax.vdbe.TableFunction tableFunction(String name) {
        return null;
    }
}
