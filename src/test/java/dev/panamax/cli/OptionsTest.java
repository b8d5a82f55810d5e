package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: Turso's flags (as its {@code .sqltest} runner passes them), sqlite3's, and mistakes. */
class OptionsTest {
    @Test
    void tursoRunnerFlags() throws Options.UsageException {
        Options o = Options.parse(new String[] {"test.db", "-q", "-m", "list", "--experimental-views",
            "--experimental-custom-types", "--experimental-attach", "--experimental-index-method",
            "--experimental-generated-columns", "--experimental-vacuum", "--experimental-without-rowid",
            "--readonly", "--mvcc", "-o", "out.txt", "-t", "trace.log", "-v", "io_uring"});
        assertEquals("test.db", o.database);
        assertTrue(o.quiet);
        assertEquals("list", o.mode);
        assertTrue(o.readOnly);
        assertEquals("out.txt", o.outputFile);
        assertEquals("trace.log", o.tracingOutput);
        assertEquals("io_uring", o.ioBackend);
        assertEquals(List.of(), o.commands);
    }

    @Test
    void sqlite3Flags() throws Options.UsageException {
        Options o = Options.parse(new String[] {"-csv", "--header", "-separator", ";", "-cmd", ".mode box", "db",
            "select 1", ".tables", "-bail", "-batch", "-nullvalue", "N", "-newline", "~"});
        assertEquals("csv", o.mode);
        assertEquals(Boolean.TRUE, o.header);
        assertEquals(";", o.separator);
        assertEquals(List.of(".mode box"), o.initCommands);
        assertEquals("db", o.database);
        assertEquals(List.of("select 1", ".tables"), o.commands);
        assertTrue(o.bail);
        assertEquals(Boolean.FALSE, o.interactive);
        assertEquals("N", o.nullValue);
        assertEquals("~", o.newline);
    }

    @Test
    void noDatabaseMeansMemory() throws Options.UsageException {
        assertNull(Options.parse(new String[] {"-q"}).database);
    }

    @Test
    void mistakes() {
        assertEquals("Error: unknown option: -bogus",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"-bogus"}))
                        .getMessage());
        assertEquals("Error: missing argument to -m",
                assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"-m"})).getMessage());
    }

    @Test
    void helpAndVersionExitAtOnce() {
        Shells.Result help = Shells.panamax("select 1;", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: panamax [OPTIONS] [DATABASE] [SQL...]"), help.out());
        Shells.Result version = Shells.panamax("", "-V");
        assertTrue(version.out().startsWith("Panamax "), version.out());
    }

    @Test
    void outputModeFlagAndOutputFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path out = dir.resolve("out.txt");
        Shells.Result r = Shells.panamax("select 1 as a, 'x y' as b;", "-m", "csv", "-header", "-o", out.toString());
        assertEquals("", r.out());
        assertEquals("a,b\n1,\"x y\"\n", java.nio.file.Files.readString(out));
    }
}
