package dev.panamax.cli;

import java.util.List;

/**
 * {@code .help}: one line per command, or for a pattern the commands starting with it and their details. The
 * texts describe what this shell does, in the reference shell's layout ({@code .name ARGS} padded to 25
 * characters, then the description; detail lines indented).
 */
final class Help {
    private static final String[] TEXT = {
        ".bail on|off             Stop after the first error in a script (default off)",
        ".binary on|off           Accepted for compatibility; output is always binary",
        ".cd DIRECTORY            Resolve later file names against DIRECTORY",
        ".changes on|off          Show how many rows each statement changed",
        ".clone NEWDB             Copy the schema and data into a new database NEWDB",
        ".databases               List the databases of this connection",
        ".dbconfig ?OP? ?VAL?     Accepted for compatibility; Panamax has no such switches",
        ".dbtotxt ?--page N?      Print the database file as hex (what .open --hexdb reads)",
        ".dump ?OBJECTS?          Print the database as SQL",
        "   Options:",
        "     --data-only            Only INSERT statements",
        "     --newlines             Keep newline characters in string literals",
        "     --nosys                Leave out system tables such as sqlite_stat1",
        "     --preserve-rowids      Include ROWID values",
        "   OBJECTS are LIKE patterns for the tables, indexes, triggers and views to dump",
        ".echo on|off             Print each command before running it",
        ".eqp on|off|full         Show the query plan (full: and the program) of each statement",
        ".exit ?CODE?             Leave the shell with exit status CODE",
        ".explain ?on|off|auto?   Format EXPLAIN output as a program listing (default auto)",
        ".fullschema ?--indent?   Show the schema and the statistics tables",
        ".headers on|off          Show column names",
        ".help ?-all? ?PATTERN?   Show help for the commands starting with PATTERN",
        ".import FILE TABLE       Load a CSV (or other delimited) file into TABLE",
        "   Options:",
        "     --ascii               Columns and rows separated by 0x1F and 0x1E",
        "     --csv                 Columns and rows separated by , and newline",
        "     --skip N              Skip the first N rows of FILE",
        "     --schema S            Load into S.TABLE",
        "     -v                    Report what was done",
        "   Notes:",
        "     *  A missing TABLE is created with the first row as column names",
        "     *  Without --csv or --ascii the separators of the current .mode are used",
        "     *  On a terminal a progress bar follows the load of a large file",
        ".indexes ?TABLE?         List the indexes (of tables matching the LIKE pattern TABLE)",
        ".load FILE ?ENTRY?       Loadable extensions are not supported",
        ".mode MODE ?OPTIONS?     Set the output mode",
        "   MODE is one of:",
        "     ascii       Columns and rows separated by 0x1F and 0x1E",
        "     box         Table drawn with Unicode box characters",
        "     column      Aligned columns (see .width)",
        "     csv         Comma-separated values",
        "     html        HTML table rows",
        "     insert      INSERT statements for TABLE",
        "     json        A JSON array of objects",
        "     line        One \"name = value\" line per column",
        "     list        Values separated by \"|\" (the default)",
        "     markdown    Markdown table",
        "     qbox        Short for \"box --wrap 60 --quote\"",
        "     quote       Values as SQL literals",
        "     table       Table drawn with ASCII characters",
        "     tabs        Tab-separated values",
        "     tcl         TCL list elements",
        "   OPTIONS (columnar modes):",
        "     --wrap N       Wrap values at N characters (0: never)",
        "     --wordwrap B   Wrap at word boundaries (on/off)",
        "     --ww           Short for \"--wordwrap on\"",
        "     --quote        Show values as SQL literals",
        "     --noquote      Show values as text",
        ".nullvalue STRING        Show NULL as STRING",
        ".once ?FILE?             Send the output of the next command to FILE",
        "     If FILE begins with '|' it is a command that receives the output",
        ".open ?OPTIONS? ?FILE?   Close this database and open FILE",
        "     Options:",
        "        --new           Start FILE as an empty database",
        "        --readonly      Open FILE read-only",
        ".output ?FILE?           Send output to FILE, or back to stdout without FILE",
        "   If FILE begins with '|' it is a command that receives the output",
        ".parameter CMD ...       Manage SQL parameter bindings",
        "   clear ?NAME?            Erase all bindings, or NAME",
        "   init                    Start with no bindings",
        "   list                    List the bindings",
        "   set PARAMETER VALUE     Bind PARAMETER (:x @x $x ?N) to VALUE, an SQL literal or text",
        "   unset PARAMETER         Remove PARAMETER",
        ".print STRING...         Print the strings",
        ".prompt MAIN CONTINUE    Replace the prompts",
        ".quit                    Leave the shell",
        ".read FILE               Run the commands in FILE",
        "    If FILE begins with \"|\" it is a command whose output is run",
        ".schema ?PATTERN?        Show the CREATE statements of objects matching PATTERN",
        "   Options:",
        "      --indent             Lay long statements out over several lines",
        "      --nosys              Leave out objects whose names start with \"sqlite_\"",
        ".separator COL ?ROW?     Change the column and row separators",
        ".shell CMD ARGS...       Run CMD ARGS... in a system shell",
        ".show                    Show the current settings",
        ".stats ?on|off?          Accepted for compatibility",
        ".system CMD ARGS...      Run CMD ARGS... in a system shell",
        ".tables ?TABLE?          List the tables and views matching the LIKE pattern TABLE",
        ".timeout MS              Wait up to MS milliseconds for a locked database",
        ".timer on|off            Show how long each statement takes",
        ".version                 Show the Panamax version",
        ".width NUM1 NUM2 ...     Minimum widths of the columns of columnar modes",
        "     Negative values right-justify",
    };

    private Help() {
    }

    /** {@code .help ?PATTERN?}. */
    static int show(ShellOut out, List<String> args) {
        if (args.size() < 2) {
            for (String line : TEXT) {
                if (line.startsWith(".")) {
                    out.print(line).print("\n");
                }
            }
            return 0;
        }
        String pattern = args.get(1);
        if (pattern.equals("-a") || pattern.equals("-all") || pattern.equals("--all")) {
            for (String line : TEXT) {
                out.print(line).print("\n");
            }
            return 0;
        }
        int matches = 0;
        for (int i = 0; i < TEXT.length; i++) {
            if (TEXT[i].startsWith("." + pattern)) {
                matches++;
                out.print(TEXT[i]).print("\n");
                for (int j = i + 1; j < TEXT.length && !TEXT[j].startsWith("."); j++) {
                    out.print(TEXT[j]).print("\n");
                }
            }
        }
        if (matches == 0) {
            out.print("Nothing matches '" + pattern + "'\n");
        }
        return 0;
    }
}
