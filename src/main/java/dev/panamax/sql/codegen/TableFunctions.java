package dev.panamax.sql.codegen;

import dev.panamax.schema.Schema;
import dev.panamax.vdbe.TableFunction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table-valued functions a FROM clause can name (SQLite's eponymous virtual tables): for now the
 * {@code pragma_NAME} table of every pragma that returns rows. Each is made once and shared.
 */
final class TableFunctions {
    private static final Map<String, TableFunction> PRAGMA_TABLES = new ConcurrentHashMap<>();

    private TableFunctions() {
    }

    /** The table-valued function with this name (any case), or null. */
    static TableFunction find(String name) {
        String key = Schema.key(name);
        if (!key.startsWith("pragma_")) {
            return null;
        }
        Pragmas.Def def = Pragmas.find(key.substring("pragma_".length()));
        if (def == null || !def.isTable()) {
            return null;
        }
        return PRAGMA_TABLES.computeIfAbsent(key, k -> PragmaFunction.table(def));
    }
}
