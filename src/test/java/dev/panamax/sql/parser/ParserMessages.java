package dev.panamax.sql.parser;

/** The non-syntax messages SQLite raises while parsing, which Panamax's parser reproduces. */
final class ParserMessages {
    private ParserMessages() {
    }

    static boolean isParserMessage(String m) {
        return m.endsWith(" not before") && m.contains(" clause should come after ")
                || m.equals("too many terms in compound SELECT")
                || m.startsWith("unknown table option: ")
                || m.startsWith("syntax error after column name ")
                || m.startsWith("unknown join type: ")
                || m.startsWith("a JOIN clause is required before ")
                || m.startsWith("cannot override ")
                || m.equals("unsupported frame specification")
                || m.startsWith("error in generated column ")
                || m.equals("cannot use DEFAULT on a generated column")
                || m.equals("generated columns cannot be part of the PRIMARY KEY")
                || m.startsWith("default value of column [") && m.endsWith("] is not constant")
                || m.endsWith(" has more than one primary key")
                || m.startsWith("unsupported use of NULLS ")
                || m.equals("cannot use RETURNING in a trigger")
                || m.startsWith("qualified table names are not allowed")
                || m.startsWith("the INDEXED BY clause is not allowed")
                || m.startsWith("the NOT INDEXED clause is not allowed")
                || m.startsWith("variable number must be between ")
                || m.equals("too many SQL variables")
                || m.startsWith("Expression tree is too large")
                || m.equals("Recursion limit");
    }
}
