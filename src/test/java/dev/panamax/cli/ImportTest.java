package dev.panamax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .import} loads what {@code sqlite3} loads and warns as it warns: quoted fields with doubled quotes and
 * newlines, CR-LF line ends, a byte order mark, rows with too few or too many fields, duplicate and empty column
 * names, existing tables (whose first row is data), {@code --skip}, {@code -v}, tab and ASCII separators.
 */
class ImportTest {
    private static final String CSV = "\ufeffname,qty,note\n\"Smith, J\",3,\"said \"\"hi\"\"\"\r\n"
            + "plain,4,\"two\nlines\"\nshort,5\nlong,6,x,extra,more\n,,\nlast,7,no newline";

    @Test
    void csvImportsMatch(@TempDir Path dir) throws IOException {
        assumeTrue(Shells.hasSqlite3(), "sqlite3 is not on the PATH");
        Files.writeString(dir.resolve("data.csv"), CSV);
        Files.writeString(dir.resolve("dup.csv"), "a,a,b,A,,c d\n1,2,3,4,5,6\n");
        Files.writeString(dir.resolve("tabs.tsv"), "x\ty\n1\t2\n3\t4\n");
        Files.writeString(dir.resolve("empty.csv"), "");
        Files.write(dir.resolve("ascii.txt"), "p\u001fq\u001e1\u001f2\u001e".getBytes(StandardCharsets.UTF_8));
        String script = ".cd '" + dir + "'\n"
                + ".import --csv data.csv t1\n.schema t1\nselect * from t1;\n"
                + ".import --csv dup.csv t2\n.schema t2\n"
                + ".mode csv\n.import data.csv t1\nselect count(*) from t1;\n"
                + ".import --skip 2 -v -v data.csv t3\nselect * from t3;\n"
                + ".mode tabs\n.import tabs.tsv t4\nselect * from t4;\n"
                + ".mode ascii\n.import ascii.txt t5\n.mode list\nselect * from t5;\n"
                + ".import --csv empty.csv t6\n.import --csv missing.csv t7\n";
        Shells.assertSame(Shells.sqlite3(script), Shells.panamax(script));
    }

    @Test
    void progressBarLine() {
        ProgressBar bar = new ProgressBar(new ShellOut(new ByteArrayOutputStream(), "stderr", false), 1000);
        assertEquals("[" + ".".repeat(30) + "]   0%  0 rows", bar.line(0, 0));
        assertEquals("[" + "#".repeat(15) + ".".repeat(15) + "]  50%  1,234,567 rows", bar.line(500, 1_234_567));
        assertEquals("[" + "#".repeat(30) + "] 100%  9 rows", bar.line(1000, 9));
    }
}
