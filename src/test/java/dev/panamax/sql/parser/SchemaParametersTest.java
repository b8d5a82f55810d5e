package dev.panamax.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schema objects whose expressions are run later, by statements that bind nothing for them, refuse parameters with
 * SQLite's messages: views, triggers, index expressions, partial index WHERE clauses, generated columns. Found by
 * the SQL fuzzer: a view over {@code ?} failed every later SELECT with ArrayIndexOutOfBoundsException.
 */
class SchemaParametersTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE VIEW v AS SELECT ?",
        "CREATE VIEW v(x) AS SELECT a FROM (SELECT :p AS a, 5) WHERE a",
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT ?1; END",
        "CREATE TRIGGER tr AFTER INSERT ON t WHEN new.a = $r BEGIN SELECT 1; END",
        "CREATE INDEX i ON t(a, $r COLLATE NOCASE)",
        "CREATE INDEX i ON t(a) WHERE a > ?",
        "CREATE TABLE g(a, b AS (a + ?))",
    })
    void parametersInSchemaExpressionsFailLikeSqlite(String sql) throws SQLException {
        String expected;
        try (SqliteOracle sqlite = new SqliteOracle()) {
            sqlite.execute("CREATE TABLE t(a)");
            expected = sqlite.prepare(sql);
        }
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute("CREATE TABLE t(a)");
            DbException e = assertThrows(DbException.class, () -> c.execute(sql));
            assertEquals(ResultCode.ERROR, e.code());
            assertEquals(expected, e.getMessage());
            try (dev.panamax.api.Statement s = c.prepare("SELECT count(*) FROM sqlite_schema")) {
                assertEquals(1L, s.all().getFirst().getLong(0), "the failed statement created nothing");
            }
        }
    }
}
