package dev.panamax.func;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions one connection can call: SQLite's built-ins (shared, immutable) under the connection's own
 * definitions (user functions, and like() when PRAGMA case_sensitive_like is on). Not thread-safe: a connection is
 * used by one thread at a time.
 *
 * <p>Lookup mirrors sqlite3FindFunction: names match case-insensitively (ASCII); among the definitions that accept
 * the argument count, an exact arity beats a variadic one; the connection's definitions are searched first and
 * the built-ins only when none of them accepts the call. For the resolver's errors: no definition by that name at
 * all gives "no such function: NAME"; a name that exists but not with that arity gives
 * "wrong number of arguments to function NAME()".
 */
public final class FunctionRegistry {
    /** What sqlite_version() reports: the SQLite release whose behaviour Panamax follows. */
    public static final String SQLITE_VERSION = "3.53.4";

    private static final Map<String, List<FunctionDef>> BUILTINS = index(Builtins.all());

    private final Map<String, List<FunctionDef>> own = new HashMap<>();

    /** Every built-in definition (in no particular order). */
    public static List<FunctionDef> builtins() {
        List<FunctionDef> all = new ArrayList<>();
        BUILTINS.values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

    /** The definition to call for name with nArg arguments, or null when none accepts that many. */
    public FunctionDef find(String name, int nArg) {
        String key = FunctionDef.lowerAscii(name);
        FunctionDef best = best(own.get(key), nArg);
        return best != null ? best : best(BUILTINS.get(key), nArg);
    }

    /**
     * The definition for a call as the resolver sees it, with SQLite's errors: "no such function: NAME" when the
     * name is unknown, "wrong number of arguments to function NAME()" when no arity fits; NAME as written in the SQL.
     */
    public FunctionDef resolve(String nameAsWritten, int nArg) {
        FunctionDef def = find(nameAsWritten, nArg);
        if (def != null) {
            return def;
        }
        if (exists(nameAsWritten)) {
            throw Results.error("wrong number of arguments to function " + nameAsWritten + "()");
        }
        throw Results.error("no such function: " + nameAsWritten);
    }

    /** True when any definition has this name, whatever its arity. */
    public boolean exists(String name) {
        String key = FunctionDef.lowerAscii(name);
        return own.containsKey(key) || BUILTINS.containsKey(key);
    }

    /** The connection's own definitions (user functions), in no particular order. */
    public List<FunctionDef> registered() {
        List<FunctionDef> all = new ArrayList<>();
        own.values().forEach(all::addAll);
        return all;
    }

    /** Adds a definition, replacing the connection's definition with the same name and arity. */
    public void register(FunctionDef def) {
        List<FunctionDef> list = own.computeIfAbsent(def.name(), k -> new ArrayList<>());
        list.removeIf(d -> d.nArg() == def.nArg() && d.minArgs() == def.minArgs());
        list.add(def);
    }

    /** Removes the connection's definition with this name and arity; true when there was one. */
    public boolean unregister(String name, int nArg) {
        String key = FunctionDef.lowerAscii(name);
        List<FunctionDef> list = own.get(key);
        if (list == null || !list.removeIf(d -> d.nArg() == nArg)) {
            return false;
        }
        if (list.isEmpty()) {
            own.remove(key);
        }
        return true;
    }

    /** PRAGMA case_sensitive_like: re-registers like() (2 and 3 arguments) with or without case folding. */
    public void setCaseSensitiveLike(boolean caseSensitive) {
        unregister("like", 2);
        unregister("like", 3);
        if (caseSensitive) {
            register(PatternMatch.likeFunction(2, true));
            register(PatternMatch.likeFunction(3, true));
        }
    }

    private static FunctionDef best(List<FunctionDef> candidates, int nArg) {
        if (candidates == null) {
            return null;
        }
        FunctionDef best = null;
        int bestScore = 0;
        for (FunctionDef d : candidates) {
            int score = d.matchScore(nArg);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    private static Map<String, List<FunctionDef>> index(List<FunctionDef> defs) {
        Map<String, List<FunctionDef>> map = new HashMap<>();
        for (FunctionDef d : defs) {
            map.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(map);
    }
}
