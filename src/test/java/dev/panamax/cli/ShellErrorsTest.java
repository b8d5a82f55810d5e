package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors are reported as {@code sqlite3} reports them, on stderr, with the same exit status: "Parse error near line
 * N: ..." with the offending text marked, "Runtime error near line N: ... (19)", dot-command complaints, and
 * SQL given as arguments failing with "Error: in prepare, ..." and SQLite's result code as exit status.
 */
class ShellErrorsTest {
    private static final String SCRIPT = """
            select * from nosuch;
            select 1;
            selec 2;
            create table t(a unique); insert into t values(1);
            insert into t values(1);
            select abs(-9223372036854775808);
            select x'zz';
            select 'a'; select 'b'
            ;
            select 2
            go
            -- a comment alone
            /* a block
            comment */
            select 3,
              4 frm t;
            .bogus
            .headers
            .mode bogus
            .nullvalue
            .separator a b c
            .print after the errors
            select 'unterminated
            """;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
    }

    @Test
    void pipedScriptErrorsMatch() {
        Shells.assertSame(Shells.sqlite3(SCRIPT), Shells.panamax(SCRIPT));
    }

    @Test
    void bailStopsAtTheFirstError() {
        String script = ".bail on\nselect 1;\nselect * from nosuch;\nselect 2;\n";
        Shells.Result r = Shells.panamax(script);
        Shells.assertSame(Shells.sqlite3(script), r);
        assertEquals(1, r.exitCode());
    }

    @Test
    void commandLineSqlErrors() {
        String[][] cases = {
            {":memory:", "create table t(a unique); insert into t values(1); insert into t values(1)"},
            {":memory:", "select * from nosuch"},
            {":memory:", "selec 1"},
            {":memory:", ".bogus"},
            {":memory:", "select 1", ".exit 3", "select 2"},
            {":memory:", "select 1;", "select 2"},
            {"-cmd", "select * from nosuch", ":memory:", "select 5"},
            {"-bail", "-cmd", "select * from nosuch", ":memory:", "select 5"},
            {"-csv", ":memory:", "select 1,'a b'"},
            {"-header", "-column", ":memory:", "select 1 as x,'a b' as y"},
            {"-separator", ";", "-nullvalue", "N", ":memory:", "select 1, null"},
            {"-readonly", ":memory:", "select 1"},
        };
        for (String[] args : cases) {
            Shells.assertSame(Shells.sqlite3("", args), Shells.panamax("", args));
        }
    }

    @Test
    void unknownOptionNamesTheProgram() {
        Shells.Result r = Shells.panamax("", "-bogus");
        assertEquals(1, r.exitCode());
        assertEquals(Shells.sqlite3("", "-bogus").stderr().replace("sqlite3:", "panamax:"), r.stderr());
    }

    @Test
    void theShellOverSqliteReportsLikeSqlite3() {
        String script = SCRIPT.replace("selec 2;\n", "").replace("select x'zz';\n", "")
                .replace("select 'unterminated\n", "").replace("  4 frm t;", "  4 from t;");
        Shells.assertSame(Shells.sqlite3(script), Shells.overSqlite(script));
    }
}
