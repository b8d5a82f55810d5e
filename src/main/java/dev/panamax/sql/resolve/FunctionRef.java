package dev.panamax.sql.resolve;

/**
 * A function as the resolver found it: its name as SQLite reports it, the number of arguments of the call, whether
 * it is an aggregate, and the registry's definition for the code generator.
 */
public record FunctionRef(String name, int argCount, boolean aggregate, boolean deterministic, Object definition) {
}
