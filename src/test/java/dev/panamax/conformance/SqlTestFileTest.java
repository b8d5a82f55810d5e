package dev.panamax.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code .sqltest} parser and the runner's reading of shell output, on small hand-made inputs. */
class SqlTestFileTest {
    private static final String FILE = """
            @database :memory:
            @database :temp:
            @skip-file-if mvcc "not in MVCC"
            @requires-file trigger "needs triggers"

            # a comment
            setup users {
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
                INSERT INTO users VALUES (1, 'Alice'), (2, NULL);
            }

            @setup users
            @skip-if sqlite "not in sqlite"
            @backend cli
            @requires strict "strict tables"
            @cross-check-integrity
            test select-users {
                SELECT id, name FROM users ORDER BY id;
            }
            expect {
                1|Alice
                2|
            }
            expect @js {
                other
            }

            test braces-and-escapes {
                SELECT json_object('a', '{x}'), '\\}', 'x{{repeat:3:ab}}y';
            }
            expect raw {
            {"a":"{x}"}|\\}|xabababy
            }

            test errors { SELECT * FROM nosuch; }
            expect error {
                no such table
            }

            test unordered { SELECT 1 UNION ALL SELECT 2; }
            expect unordered {
                2
                1
            }

            snapshot plan { SELECT 1; }
            """;

    @Test
    void parsesTheDsl() {
        SqlTestFile f = SqlTestFile.parse(Path.of("x.sqltest"), FILE);
        assertEquals(2, f.databases.size());
        assertEquals(SqlTestFile.Location.TEMP, f.databases.get(1).location());
        assertEquals(List.of(new SqlTestFile.Skip("mvcc", "not in MVCC")), f.fileSkips);
        assertEquals(List.of("trigger"), f.fileRequires);
        assertEquals("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "    INSERT INTO users VALUES (1, 'Alice'), (2, NULL);", f.setups.get("users"));
        assertEquals(4, f.cases.size());
        assertEquals(1, f.notRunnable);
        SqlTestFile.Case c = f.cases.getFirst();
        assertEquals("select-users", c.name());
        assertEquals(List.of("users"), c.setups());
        assertEquals("cli", c.backend());
        assertEquals(List.of("strict"), c.requires());
        assertEquals(List.of(new SqlTestFile.Skip("sqlite", "not in sqlite")), c.skips());
        assertEquals(List.of("1|Alice", "2|"), c.expect().lines());
        assertEquals(List.of("other"), c.backendExpects().get("js").lines());
        SqlTestFile.Case raw = f.cases.get(1);
        assertEquals("SELECT json_object('a', '{x}'), '}', 'xabababy';", raw.sql());
        assertEquals(List.of("{\"a\":\"{x}\"}|}|xabababy"), raw.expect().lines());
        assertEquals(SqlTestFile.Kind.ERROR, f.cases.get(2).expect().kind());
        assertEquals("no such table", f.cases.get(2).expect().text());
        assertEquals(List.of("2", "1"), f.cases.get(3).expect().lines());
    }

    @Test
    void rejectsMalformedFiles() {
        assertThrows(SqlTestFile.FormatException.class, () -> SqlTestFile.parse(Path.of("x"), "test t { SELECT 1;"));
        assertThrows(SqlTestFile.FormatException.class, () -> SqlTestFile.parse(Path.of("x"), "test t { x }\n"));
        assertThrows(SqlTestFile.FormatException.class, () -> SqlTestFile.parse(Path.of("x"), "@setup a\n"));
    }

    @Test
    void readsShellOutputAsTursoDoes() {
        SqlTestRunner.Actual rows = SqlTestRunner.interpret(new SqlTestRunner.Output(
                "ignored\n" + SqlTestRunner.MARKER + "\n1|a\n\n", "", 0), true);
        assertEquals(List.of("1|a", ""), rows.lines());
        assertNull(rows.error());
        assertEquals("Parse error: no such table: t", SqlTestRunner.interpret(new SqlTestRunner.Output("",
                "Parse error near line 3: no such table: t\n  SELECT\n  ^--- error here\n", 1), false).error());
        assertEquals("UNIQUE constraint failed: t.a", SqlTestRunner.interpret(new SqlTestRunner.Output("1\n",
                "Runtime error near line 2: UNIQUE constraint failed: t.a (19)\n", 1), false).error());
        assertEquals("CHECK constraint failed: x", SqlTestRunner.normalizeError("  × CHECK constraint failed: x"));
    }

    @Test
    void comparesAsTheExpectationSays() {
        SqlTestRunner.Actual ok = new SqlTestRunner.Actual(List.of("1|a ", "2|b"), null);
        SqlTestRunner.Actual none = new SqlTestRunner.Actual(List.of(), null);
        SqlTestRunner.Actual failed = new SqlTestRunner.Actual(List.of(), "Parse error: no such table: t");
        var exact = new SqlTestFile.Expectation(SqlTestFile.Kind.EXACT, List.of("1|a", "2|b"), null);
        var raw = new SqlTestFile.Expectation(SqlTestFile.Kind.RAW, List.of("1|a", "2|b"), null);
        var empty = new SqlTestFile.Expectation(SqlTestFile.Kind.EXACT, List.of(""), null);
        var unordered = new SqlTestFile.Expectation(SqlTestFile.Kind.UNORDERED, List.of("2|b", "1|a"), null);
        var pattern = new SqlTestFile.Expectation(SqlTestFile.Kind.PATTERN, List.of(), "^1\\|a\\s*\\n2");
        var error = new SqlTestFile.Expectation(SqlTestFile.Kind.ERROR, List.of(), "no such table");
        var anyError = new SqlTestFile.Expectation(SqlTestFile.Kind.ERROR, List.of(), "");
        assertNull(SqlTestRunner.compare(ok, exact));
        assertEquals(true, SqlTestRunner.compare(ok, raw) != null);
        assertNull(SqlTestRunner.compare(none, empty));
        assertNull(SqlTestRunner.compare(ok, unordered));
        assertNull(SqlTestRunner.compare(ok, pattern));
        assertNull(SqlTestRunner.compare(failed, error));
        assertNull(SqlTestRunner.compare(failed, anyError));
        assertEquals(true, SqlTestRunner.compare(ok, error) != null);
        assertEquals(true, SqlTestRunner.compare(failed, exact) != null);
    }
}
