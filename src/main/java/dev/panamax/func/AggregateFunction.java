package dev.panamax.func;

/** An aggregate SQL function: a factory of per-group {@link Accumulator}s (SQLite's xStep/xFinal pair). */
@FunctionalInterface
public interface AggregateFunction {
    Accumulator newAccumulator();
}
