package dev.panamax.conformance.differential;

/** One engine under differential test: runs single SQL statements on its own in-memory database. */
interface Side extends AutoCloseable {
    Outcome run(String sql);

    @Override
    void close();
}
