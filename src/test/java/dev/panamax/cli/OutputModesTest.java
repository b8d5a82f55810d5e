package dev.panamax.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output mode prints, byte for byte, what the {@code sqlite3} 3.40 shell prints for the same queries: NULLs,
 * blobs (with a NUL byte and non-UTF-8 bytes), Unicode (accents, CJK, an emoji), REALs (tiny, huge, negative zero,
 * 0.1), integer limits, tabs, newlines and carriage returns, quotes, and values wider than the wrap width.
 * Each mode is checked with headers off and on, and again with Panamax's shell over SQLite itself, which shows that
 * a difference is the shell's and not the engine's.
 */
class OutputModesTest {
    static final String DATA = """
            CREATE TABLE t(a, b, c);
            INSERT INTO t VALUES (NULL, 1, 'plain');
            INSERT INTO t VALUES (2.5, -3, 'unicodé 日本語 ∑ 😀');
            INSERT INTO t VALUES (x'00ff41', 1e300, 'a wide value that goes on and on, well past the sixty characters of the wrap width');
            INSERT INTO t VALUES ('tab	x', 0.1, 'it''s "quoted", with a comma');
            INSERT INTO t VALUES ('line1
            line2', -0.0, '');
            INSERT INTO t VALUES (9223372036854775807, -9223372036854775808, 'x,y');
            INSERT INTO t VALUES (1.0e-7, 123456789.123456789, x'deadbeef');
            INSERT INTO t VALUES (3.0, 100.0, 'cr' || char(13) || 'lf' || char(10) || 'end');
            INSERT INTO t VALUES (x'e697a5', 2.0e-310, 'back\\slash <html> & ''amp''');
            """;

    static final String QUERIES = """
            SELECT * FROM t;
            SELECT a AS "ä", b * 2 AS "a long column name", typeof(b) FROM t WHERE b IS NOT NULL;
            SELECT 1 AS x WHERE 0;
            SELECT 'only' AS "日本";
            """;

    private static final List<String> MODES = List.of("list", "csv", "column", "box", "table", "line", "json",
            "markdown", "quote", "insert", "tabs", "html", "tcl", "ascii", "insert other_table", "qbox",
            "box --wrap 10 --ww", "table --quote", "column --wrap 5", "markdown --wordwrap on --wrap 12");

    @BeforeAll
    static void needsSqlite3() {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
    }

    static Stream<Arguments> modes() {
        return MODES.stream().flatMap(m -> Stream.of(Arguments.of(m, "off"), Arguments.of(m, "on")));
    }

    private static String script(String mode, String headers) {
        return DATA + ".mode " + mode + "\n.headers " + headers + "\n" + QUERIES
                + ".nullvalue NULL\n.width 4 -6 3\n" + QUERIES;
    }

    @ParameterizedTest(name = "{0}, headers {1}")
    @MethodSource("modes")
    void panamaxPrintsWhatSqlite3Prints(String mode, String headers) {
        String script = script(mode, headers);
        Shells.assertSame(Shells.sqlite3(script), Shells.panamax(script));
    }

    @ParameterizedTest(name = "{0}, headers {1}")
    @MethodSource("modes")
    void theShellOverSqlitePrintsWhatSqlite3Prints(String mode, String headers) {
        String script = script(mode, headers);
        Shells.assertSame(Shells.sqlite3(script), Shells.overSqlite(script));
    }
}
