package dev.panamax.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.api.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An integer too wide for 6 bytes under REAL affinity becomes a REAL in OP_Affinity and OP_TypeCheck, as in
 * OP_MakeRecord, so the uniqueness probe looks for the key the record holds. Found by the SQL fuzzer: two rows
 * 2^63 and 2^63-1 in a FLOAT PRIMARY KEY were both stored, and integrity_check reported a non-unique entry.
 */
class RealAffinityKeyTest {
    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t(c FLOAT PRIMARY KEY)", "CREATE TABLE t(c REAL UNIQUE) STRICT",
        "CREATE TABLE t(c REAL); CREATE UNIQUE INDEX i ON t(c)"})
    void wideIntegersCollideWithTheRealTheyBecome(String schema) {
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute(schema);
            c.execute("INSERT INTO t VALUES(9223372036854775807)");
            DbException e = assertThrows(DbException.class, () -> c.execute("INSERT INTO t VALUES(9223372036854775808.0)"));
            assertEquals(ResultCode.CONSTRAINT, e.code().primary());
            e = assertThrows(DbException.class, () -> c.execute("INSERT INTO t VALUES('9223372036854775808')"));
            assertEquals(ResultCode.CONSTRAINT, e.code().primary());
            c.execute("INSERT INTO t VALUES(140737488355327), (-140737488355328)");
            try (Statement s = c.prepare("SELECT count(*) FROM t")) {
                assertEquals(3L, s.all().getFirst().getLong(0));
            }
            try (Statement s = c.prepare("PRAGMA integrity_check")) {
                assertEquals("ok", s.all().getFirst().getText(0));
            }
        }
    }
}
