package dev.panamax.cli;

/** Where the shell's input lines come from: a file or pipe, or the terminal with line editing. */
interface LineSource {
    /**
     * The next line without its line ending, or {@code null} at the end of input.
     *
     * @param continuation true when the line continues an unfinished SQL statement (the prompt differs)
     */
    String readLine(boolean continuation);

    /** True when lines come from a person at a terminal: prompts, history, and errors without line numbers. */
    boolean interactive();
}
