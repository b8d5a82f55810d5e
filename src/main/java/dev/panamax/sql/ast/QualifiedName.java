package dev.panamax.sql.ast;

/** {@code [schema.]name}; {@code schema} is null when not written. */
public record QualifiedName(Name schema, Name name, int start, int end) implements Node {
    public static QualifiedName of(Name schema, Name name) {
        return new QualifiedName(schema, name, schema != null ? schema.start() : name.start(), name.end());
    }
}
