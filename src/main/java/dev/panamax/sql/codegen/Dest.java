package dev.panamax.sql.codegen;

/**
 * Where the rows of a SELECT go (SQLite's SelectDest and its SRT_* kinds): out of the statement, into an ephemeral
 * table or index, into one register (scalar subquery, EXISTS), or to a co-routine's caller.
 */
sealed interface Dest {
    /** ResultRow: rows leave the program. */
    record Output() implements Dest {
    }

    /** Rows become rows of the ephemeral table on {@code cursor} (SRT_EphemTab). */
    record Table(int cursor) implements Dest {
    }

    /** Rows become keys of the ephemeral index on {@code cursor}, with {@code affinity} applied (SRT_Set/Union). */
    record Index(int cursor, String affinity) implements Dest {
    }

    /** Rows are removed from the ephemeral index on {@code cursor} (SRT_Except). */
    record Except(int cursor) implements Dest {
    }

    /** Rows also present in the ephemeral index {@code probe} become keys of {@code cursor} (INTERSECT). */
    record Intersect(int probe, int cursor) implements Dest {
    }

    /** The first column of the first row into {@code register} (SRT_Mem). */
    record Scalar(int register) implements Dest {
    }

    /** The first row into {@code first..} (a row-valued scalar subquery). */
    record Row(int first) implements Dest {
    }

    /** {@code register} becomes 1 when there is a row (SRT_Exists). */
    record Exists(int register) implements Dest {
    }

    /** Each row is left in {@code first..} and control yields to the caller through {@code yieldRegister}. */
    record Coroutine(int yieldRegister, int first) implements Dest {
    }
}
