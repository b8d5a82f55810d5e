package dev.panamax.api;

/**
 * A user-defined scalar SQL function (sqlite3_create_function's xFunc). It returns null, a Long/Integer, a
 * Double, a String, a byte[] or a {@link Value}; throwing a {@link DbException} fails the statement with its code,
 * any other exception fails it with ERROR and the exception's message.
 */
@FunctionalInterface
public interface ScalarFunction {
    Object apply(Value[] args);
}
