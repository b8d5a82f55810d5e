package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: dot-command names at the start of a line; otherwise SQL keywords, the names of the tables,
 * views and indexes of the open database, and their columns. A word typed in lower case completes to lower-case
 * keywords. The schema is read at each Tab, so it is never stale; nothing is opened just to complete.
 */
final class SqlCompleter implements Completer {
    private final Shell shell;

    SqlCompleter(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        if (line.wordIndex() == 0 && word.startsWith(".")) {
            for (String name : shell.dotCommandNames()) {
                candidates.add(new Candidate("." + name));
            }
            return;
        }
        boolean lower = !word.isEmpty() && Character.isLowerCase(word.charAt(0));
        for (String keyword : shell.engine.keywords()) {
            candidates.add(new Candidate(lower ? keyword.toLowerCase(Locale.ROOT) : keyword));
        }
        for (String name : schemaNames()) {
            candidates.add(new Candidate(name));
        }
    }

    /** Tables, views, indexes and the columns of tables and views of the open database. */
    private Set<String> schemaNames() {
        Set<String> names = new LinkedHashSet<>();
        Session session = shell.openSession();
        if (session == null) {
            return names;
        }
        try {
            for (Object[] row : SchemaCommands.rows(session, "SELECT name, type FROM sqlite_schema")) {
                String name = String.valueOf(row[0]);
                names.add(name);
                if ("table".equals(row[1]) || "view".equals(row[1])) {
                    for (Object[] col : SchemaCommands.rows(session, "PRAGMA table_info="
                            + CText.quoteLiteral(name))) {
                        names.add(String.valueOf(col[1]));
                    }
                }
            }
        } catch (DbException e) {
            return names;
        }
        return names;
    }
}
