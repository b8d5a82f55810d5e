package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dot commands print what {@code sqlite3}'s print and complain as they complain: schema listings, settings,
 * separators, echo and change counts, usage messages, redirection, reading scripts, and the prefix rules that let
 * {@code .h} mean {@code .headers}.
 */
class DotCommandsTest {
    private static final String SETTINGS = """
            create table t(a,b);
            create table "weird name"(x);
            create index i1 on t(a);
            create unique index i2 on t(b);
            create trigger tr after insert on t begin select 1; end;
            .tables
            .tables t%
            .ta w%
            .indexes
            .indexes t
            .indices "weird name"
            .indexes a b
            .schema
            .schema t
            .schema --indent
            .schema --nosys
            .schema sqlite_schema
            .sch weird%
            .schema --bogus
            .databases
            .show
            .print a "b\\tc" 'd\\te' \\x41
            .separator , ;
            select 1, 2;
            .separator | \\n
            .nullvalue <null>
            select null;
            .headers on
            .mode line
            select 1 as a, 2 as bb;
            .echo on
            select 3;
            .echo off
            .changes on
            insert into t values(1,2),(3,4);
            update t set a = a + 1;
            .changes off
            .width 3 5
            .mode column
            select * from t;
            .show
            .help nothing-matches
            .mode
            .mode insert foo bar baz
            .mode box --wrap
            .timer
            .bail
            .echo
            .eqp
            .explain off
            .explain auto
            .prompt a b
            .once /nonexistent/dir/x
            .output /nonexistent/dir/x
            .read /nonexistent/file
            .width
            .show
            .h off
            .ex 0
            select 'not reached';
            """;

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
    }

    @Test
    void settingsAndListingsMatch() {
        Shells.assertSame(Shells.sqlite3(SETTINGS), Shells.panamax(SETTINGS));
    }

    /** Views get a comment with their columns in {@code .schema}; Panamax's engine does not list view columns yet. */
    @Test
    void schemaOfViewsMatchesOverSqlite() {
        String script = "create table t(a,b);\ncreate view v as select a, b as c from t;\n"
                + "create view w as select 1 -- trailing comment\n;\n.schema\n.schema --indent\n.tables\n";
        Shells.assertSame(Shells.sqlite3(script), Shells.overSqlite(script));
    }

    @Test
    void outputOnceAndReadMatch(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "select 'from the script';\n.print nested\n.read '" + script + "'\n");
        Path[] sqlite3Files = {dir.resolve("out1.txt"), dir.resolve("once1.txt")};
        Path[] panamaxFiles = {dir.resolve("out2.txt"), dir.resolve("once2.txt")};
        Shells.Result expected = Shells.sqlite3(redirections(sqlite3Files, script));
        Shells.Result actual = Shells.panamax(redirections(panamaxFiles, script));
        Shells.assertSame(expected, actual);
        for (int i = 0; i < 2; i++) {
            assertEquals(Files.readString(sqlite3Files[i]), Files.readString(panamaxFiles[i]));
        }
    }

    /** Output to a file, back to stdout, once to a file, then a script that reads itself until too deep. */
    private static String redirections(Path[] files, Path script) {
        return ".output '" + files[0] + "'\nselect 1;\n.mode csv\nselect 'a b', 2;\n.output\nselect 'back';\n"
                + ".once '" + files[1] + "'\nselect 'once';\nselect 'after once';\n.read '" + script + "'\n";
    }

    /** {@code .dbtotxt} prints the file so that sqlite3's {@code .open --hexdb} rebuilds the same database. */
    @Test
    void dbToTxtRoundTripsThroughSqlite3(@TempDir Path dir) throws IOException {
        Path db = dir.resolve("hex.db");
        Shells.panamax(DumpRoundTripTest.DATA, db.toString());
        Path hex = dir.resolve("hex.txt");
        Files.write(hex, Shells.panamax(".dbtotxt\n", db.toString()).stdout());
        String dump = Shells.sqlite3("", db.toString(), ".dump").out();
        assertEquals(dump, Shells.sqlite3("", ":memory:", ".open --hexdb " + hex, ".dump").out());
        assertTrue(Shells.panamax(".dbtotxt --page 1\n", db.toString()).out().matches(
                "(?s)\\| size \\d+ pagesize 4096 filename hex.db\n\\| page 1 offset 0\n.*\\| end hex.db\n"));
    }

    @Test
    void timerReportsEachStatement() {
        Shells.Result r = Shells.panamax(".timer on\nselect 1;\n.timer off\nselect 2;\n");
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("1", lines.get(0));
        assertTrue(lines.get(1).matches("Run Time: real \\d+\\.\\d{3} user \\d+\\.\\d{6} sys \\d+\\.\\d{6}"),
                lines.get(1));
        assertEquals("2", lines.get(2));
    }

    @Test
    void parametersAreBound() {
        String script = ".parameter set :x 41+1\n.parameter set @y 'text'\n.parameter set ?3 2.5\n"
                + "select :x, @y, ?3;\n.parameter list\n.parameter unset @y\n"
                + "select :x, @y;\n.parameter clear\nselect :x;\n";
        assertEquals("42|text|2.5\n:x 42\n?3 2.5\n@y 'text'\n42|\n\n", Shells.panamax(script).out());
    }

    @Test
    void unknownCommandsAndLoad() {
        Shells.Result r = Shells.panamax(".frobnicate\n.load libfoo.so\n");
        assertEquals("Error: unknown command or invalid arguments:  \"frobnicate\". Enter \".help\" for help\n"
                + "Error: loadable extensions are not supported by Panamax\n", r.stderr());
        assertEquals(1, r.exitCode());
    }
}
