package dev.panamax.api;

/**
 * One group's state of a user-defined aggregate (sqlite3_create_function's xStep and xFinal). A new instance is
 * made for each group; {@link #finish} returns what {@link ScalarFunction#apply} may return.
 */
public interface AggregateFunction {
    void step(Value[] args);

    Object finish();
}
