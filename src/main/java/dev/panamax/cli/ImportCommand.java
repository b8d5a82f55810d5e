package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code .import FILE TABLE}: loads a delimited file into a table, creating it from the first row when it does
 * not exist (columns of type TEXT; duplicate names get a {@code _N} suffix). Rows with too few fields are filled
 * with NULL and rows with too many are cut, each with a warning on stderr, as the reference shell does. The load
 * runs in one transaction unless one is already open. On a terminal, a large file shows a progress bar.
 */
final class ImportCommand {
    private final Shell shell;
    private String file;
    private String table;
    private String schema;
    private int verbose;
    private long skip;
    private int colSep;
    private int rowSep;
    private boolean csv;
    private boolean useOutputMode = true;

    ImportCommand(Shell shell) {
        this.shell = shell;
    }

    int run(List<String> args) {
        OutputSettings s = shell.settings;
        csv = s.mode != Mode.ASCII;
        if (!parse(args)) {
            return 1;
        }
        if (useOutputMode && !separatorsFromMode(s)) {
            return 1;
        }
        InputStream in;
        String displayName = file;
        long size = -1;
        try {
            if (file.startsWith("|")) {
                Process p = new ProcessBuilder("sh", "-c", file.substring(1)).directory(shell.cwd.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getOutputStream().close();
                in = p.getInputStream();
                displayName = "<pipe>";
            } else {
                Path path = shell.resolve(file);
                in = Files.newInputStream(path);
                size = Files.size(path);
            }
        } catch (IOException e) {
            shell.stderr().print("Error: cannot open \"" + file + "\"\n");
            return 1;
        }
        try (InputStream stream = new BufferedInputStream(in, 1 << 16)) {
            DelimitedReader reader = new DelimitedReader(stream, displayName, colSep, rowSep, csv, shell.stderr());
            return load(reader, displayName, size);
        } catch (IOException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            return 1;
        }
    }

    private boolean parse(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String z = args.get(i);
            if (z.startsWith("--")) {
                z = z.substring(1);
            }
            if (!z.startsWith("-")) {
                if (file == null) {
                    file = z;
                } else if (table == null) {
                    table = z;
                } else {
                    return usage("ERROR: extra argument: \"" + z + "\".  Usage:\n");
                }
            } else if (z.equals("-v")) {
                verbose++;
            } else if (z.equals("-schema") && i < args.size() - 1) {
                schema = args.get(++i);
            } else if (z.equals("-skip") && i < args.size() - 1) {
                skip = DotCommands.integerValue(args.get(++i));
            } else if (z.equals("-ascii")) {
                setSeparators(0x1f, 0x1e, false);
            } else if (z.equals("-csv")) {
                setSeparators(',', '\n', true);
            } else {
                return usage("ERROR: unknown option: \"" + z + "\".  Usage:\n");
            }
        }
        if (table == null) {
            return usage("ERROR: missing " + (file == null ? "FILE" : "TABLE") + " argument. Usage:\n");
        }
        return true;
    }

    private boolean usage(String message) {
        shell.out().print(message);
        Help.show(shell.out(), List.of("help", "import"));
        return false;
    }

    private void setSeparators(int col, int row, boolean isCsv) {
        colSep = col;
        rowSep = row;
        csv = isCsv;
        useOutputMode = false;
    }

    /** The separators of the current mode, which must be single bytes ({@code \r\n} of csv counts as newline). */
    private boolean separatorsFromMode(OutputSettings s) {
        byte[] col = s.colSeparator.getBytes(StandardCharsets.UTF_8);
        byte[] row = s.rowSeparator.getBytes(StandardCharsets.UTF_8);
        if (col.length == 0) {
            return error("Error: non-null column separator required for import\n");
        }
        if (col.length > 1) {
            return error("Error: multi-character column separators not allowed for import\n");
        }
        if (row.length == 0) {
            return error("Error: non-null row separator required for import\n");
        }
        if (row.length == 2 && s.mode == Mode.CSV && s.rowSeparator.equals(OutputSettings.SEP_CRLF)) {
            s.rowSeparator = OutputSettings.SEP_ROW;
            row = new byte[] {'\n'};
        }
        if (row.length > 1) {
            return error("Error: multi-character row separators not allowed for import\n");
        }
        colSep = col[0] & 0xff;
        rowSep = row[0] & 0xff;
        return true;
    }

    private boolean error(String message) {
        shell.stderr().print(message);
        return false;
    }

    private int load(DelimitedReader reader, String displayName, long size) {
        Session session = shell.session();
        ShellOut out = shell.out();
        if (verbose >= 2 || (verbose >= 1 && useOutputMode)) {
            out.print("Column separator ");
            CText.cString(out, new byte[] {(byte) colSep});
            out.print(", row separator ");
            CText.cString(out, new byte[] {(byte) rowSep});
            out.print("\n");
        }
        for (long i = 0; i < skip; i++) {
            String f;
            do {
                f = reader.next();
            } while (f != null && reader.terminator() == colSep);
        }
        String fullName = (schema != null ? CText.quoteIdentifier(schema) + "." : "") + CText.quoteIdentifier(table);
        int columns;
        try {
            columns = columnCount(session, fullName, reader, displayName);
        } catch (DbException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            return 1;
        }
        if (columns < 0) {
            return 1;
        }
        if (columns == 0) {
            return 0;
        }
        String insert = "INSERT INTO " + fullName + " VALUES(?" + ",?".repeat(columns - 1) + ")";
        if (verbose >= 2) {
            out.print("Insert using: " + insert + "\n");
        }
        return insertRows(session, insert, columns, reader, displayName, size);
    }

    /** The number of columns of the table, creating it from the first row when missing; -1 on failure. */
    private int columnCount(Session session, String fullName, DelimitedReader reader, String displayName) {
        try (Cursor c = session.prepare("SELECT * FROM " + fullName, 0)) {
            return c.columnCount();
        } catch (DbException e) {
            if (!e.getMessage().startsWith("no such table: ")) {
                throw e;
            }
        }
        List<String> names = new ArrayList<>();
        String f;
        while ((f = reader.next()) != null) {
            names.add(f);
            if (reader.terminator() != colSep) {
                break;
            }
        }
        if (names.isEmpty()) {
            shell.stderr().print(displayName + ": empty file\n");
            return -1;
        }
        String create = "CREATE TABLE " + fullName + columnDefinitions(names, displayName) + "\n";
        if (verbose >= 1) {
            shell.out().print(create + "\n");
        }
        try (Cursor c = session.prepare(create, 0)) {
            c.step();
        } catch (DbException e) {
            shell.stderr().print(create + " failed:\n" + e.getMessage() + "\n");
            return -1;
        }
        try (Cursor c = session.prepare("SELECT * FROM " + fullName, 0)) {
            return c.columnCount();
        }
    }

    /**
     * The column list of a new table: {@code (\n"a" TEXT, "b" TEXT, "c" TEXT, "d" TEXT,\n "e" TEXT)}; an empty name
     * becomes {@code ?} and repeated names (ignoring case) get their position as a {@code _N} suffix.
     */
    private String columnDefinitions(List<String> header, String displayName) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(h.isEmpty() ? "?" : h);
        }
        List<String> renamed = dedupe(names);
        StringBuilder renames = new StringBuilder();
        StringBuilder cols = new StringBuilder("(\n");
        for (int i = 0; i < renamed.size(); i++) {
            if (i > 0) {
                cols.append(i % 4 == 0 ? ",\n " : ", ");
            }
            cols.append(CText.quoteIdentifier(renamed.get(i))).append(" TEXT");
            if (!renamed.get(i).equals(names.get(i))) {
                renames.append(renames.isEmpty() ? "" : ",\n").append(CText.quoteIdentifier(names.get(i)))
                        .append(" to ").append(CText.quoteIdentifier(renamed.get(i)));
            }
        }
        if (!renames.isEmpty()) {
            shell.stderr().print("Columns renamed during .import " + displayName + " due to duplicates:\n" + renames
                    + "\n");
        }
        return cols.append(')').toString();
    }

    /** Adds {@code _position} to every name that occurs more than once, zero-padded until all are distinct. */
    private static List<String> dedupe(List<String> names) {
        List<Boolean> repeated = new ArrayList<>();
        for (String n : names) {
            repeated.add(names.stream().filter(m -> m.equalsIgnoreCase(n)).count() > 1);
        }
        for (int zeros = 0; ; zeros++) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String pos = "0".repeat(zeros) + (i + 1);
                out.add(repeated.get(i) ? names.get(i) + "_" + pos : names.get(i));
            }
            if (out.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count() == out.size()) {
                return out;
            }
        }
    }

    private int insertRows(Session session, String insert, int columns, DelimitedReader reader, String displayName,
            long size) {
        Cursor stmt;
        try {
            stmt = session.prepare(insert, 0);
        } catch (DbException e) {
            shell.stderr().print("Error: " + e.getMessage() + "\n");
            return 1;
        }
        boolean commit = session.autocommit();
        if (commit) {
            exec(session, "BEGIN");
        }
        int rows = 0;
        int errors = 0;
        ProgressBar progress = ProgressBar.forImport(shell, size);
        try (stmt) {
            do {
                int startLine = reader.line();
                int i = bindRow(stmt, columns, reader, displayName, startLine);
                if (i >= columns) {
                    try {
                        stmt.step();
                        rows++;
                    } catch (DbException e) {
                        shell.stderr().print(displayName + ":" + startLine + ": INSERT failed: " + e.getMessage()
                                + "\n");
                        errors++;
                    }
                    stmt.reset();
                }
                if (progress != null) {
                    progress.update(reader.bytesRead(), rows);
                }
            } while (reader.terminator() != DelimitedReader.EOF);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
        if (commit) {
            exec(session, "COMMIT");
        }
        if (verbose > 0) {
            shell.out().print("Added " + rows + " rows with " + errors + " errors using " + (reader.line() - 1)
                    + " lines of input\n");
        }
        return 0;
    }

    /** Binds the fields of one input row; returns how many columns it filled (less than all at end of input). */
    private int bindRow(Cursor stmt, int columns, DelimitedReader reader, String displayName, int startLine) {
        int i = 0;
        for (; i < columns; i++) {
            String z = reader.next();
            if (z == null && i == 0) {
                break;
            }
            if ((z == null || z.isEmpty()) && i == 0 && shell.settings.mode == Mode.ASCII) {
                break;
            }
            stmt.bind(i + 1, z);
            if (i < columns - 1 && reader.terminator() != colSep) {
                shell.stderr().print(displayName + ":" + startLine + ": expected " + columns + " columns but found "
                        + (i + 1) + " - filling the rest with NULL\n");
                for (int k = i + 2; k <= columns; k++) {
                    stmt.bind(k, null);
                }
                i = columns;
                break;
            }
        }
        if (reader.terminator() == colSep) {
            int found = i;
            do {
                reader.next();
                found++;
            } while (reader.terminator() == colSep);
            shell.stderr().print(displayName + ":" + startLine + ": expected " + columns + " columns but found "
                    + found + " - extras ignored\n");
        }
        return i;
    }

    private static void exec(Session session, String sql) {
        try (Cursor c = session.prepare(sql, 0)) {
            c.step();
        }
    }
}
