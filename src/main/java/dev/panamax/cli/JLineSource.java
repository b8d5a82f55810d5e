package dev.panamax.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Input from a person at a terminal, read with JLine: prompts, line editing, a history kept in
 * {@code ~/.panamax_history} (or {@code $PANAMAX_HISTORY}), and tab completion of keywords, tables, columns and
 * dot commands ({@link SqlCompleter}). Ctrl-C at the prompt drops the line being typed; while a statement runs it
 * interrupts the statement; Ctrl-D ends the input.
 */
final class JLineSource implements LineSource, AutoCloseable {
    private static final int HISTORY_SIZE = 2000;

    private final Shell shell;
    private final Terminal terminal;
    private final LineReader reader;

    JLineSource(Shell shell) {
        this.shell = shell;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).name("panamax").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("panamax")
                .completer(new SqlCompleter(shell))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .build();
    }

    private static Path historyFile() {
        String env = System.getenv("PANAMAX_HISTORY");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".panamax_history");
    }

    /** The greeting: version, help hint, and for the default database what it is. */
    void banner(boolean transientDatabase, boolean quiet) {
        if (quiet) {
            return;
        }
        ShellOut out = shell.stdout();
        out.print("Panamax version " + shell.engine.version() + "\n");
        out.print("Enter \".help\" for usage hints.\n");
        if (transientDatabase) {
            out.print("Connected to a \033[1mtransient in-memory database\033[0m.\n");
            out.print("Use \".open FILENAME\" to reopen on a persistent database.\n");
        }
        out.flush();
    }

    @Override
    public String readLine(boolean continuation) {
        shell.stdout().flush();
        try {
            return reader.readLine(continuation ? shell.continuePrompt : shell.mainPrompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
