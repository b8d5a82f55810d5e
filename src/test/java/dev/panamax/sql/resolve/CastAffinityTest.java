package dev.panamax.sql.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.panamax.api.Connection;
import dev.panamax.api.Database;
import dev.panamax.api.Statement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CAST converts by its type name's affinity, where an empty name is NUMERIC (only a column declared without a type
 * is BLOB). Found by the SQL fuzzer: {@code CAST(0 AS )} compared as a blob.
 */
class CastAffinityTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "'1'", "'1.5x'", "x'31'", "' 12 '", "NULL", "1.0", "'abc'"})
    void castToEmptyTypeNameIsNumericLikeSqlite(String operand) throws SQLException {
        String sql = "SELECT typeof(CAST(" + operand + " AS )), quote(CAST(" + operand + " AS )), CAST(" + operand
            + " AS ) < '0'";
        String expected;
        try (java.sql.Connection lite = DriverManager.getConnection("jdbc:sqlite::memory:");
                java.sql.Statement s = lite.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            expected = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
        }
        try (Database db = Database.open(":memory:"); Connection c = db.connect(); Statement s = c.prepare(sql)) {
            s.step();
            assertEquals(expected, s.getText(0) + "|" + s.getText(1) + "|" + s.getText(2), sql);
        }
    }
}
