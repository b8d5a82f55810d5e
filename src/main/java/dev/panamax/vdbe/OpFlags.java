package dev.panamax.vdbe;

/** Bits of operand P5 with SQLite's values (sqliteInt.h OPFLAG_*, SQLITE_JUMPIFNULL, SQLITE_NULLEQ). */
public final class OpFlags {
    private OpFlags() {
    }

    /** Insert/Delete: count the row in sqlite3_changes(). */
    public static final int NCHANGE = 0x01;
    /** Insert: the rowid is larger than any in the table. */
    public static final int APPEND = 0x08;
    /** Insert: set sqlite3_last_insert_rowid(). */
    public static final int LASTROWID = 0x20;
    /** OpenRead/OpenWrite: P2 is a register holding the root page. */
    public static final int P2ISREG = 0x10;
    /** Compare: use the permutation of the preceding Permutation opcode. */
    public static final int PERMUTE = 0x01;
    /** Comparisons: jump when either operand is NULL. */
    public static final int JUMPIFNULL = 0x10;
    /** Comparisons: NULL equals NULL (IS, IS NOT). */
    public static final int NULLEQ = 0x80;
    /** Comparisons: the low bits hold the affinity letter. */
    public static final int AFF_MASK = 0x47;
    /** Halt P5: what kind of constraint failed, for the message prefix. */
    public static final int CONSTRAINT_NOTNULL = 1;
    public static final int CONSTRAINT_UNIQUE = 2;
    public static final int CONSTRAINT_CHECK = 3;
    public static final int CONSTRAINT_FK = 4;
}
