package dev.panamax.cli;

import dev.panamax.api.DbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dot commands that touch files and processes: {@code .open}, {@code .output}, {@code .once},
 * {@code .read}, {@code .cd}, {@code .import}, {@code .shell}/{@code .system} and {@code .load}.
 *
 * <p>A Java process cannot change its working directory, so {@code .cd} changes the directory the shell resolves
 * relative file names against.
 */
final class FileCommands {
    private final Shell shell;

    FileCommands(Shell shell) {
        this.shell = shell;
    }

    int cd(List<String> args, LineSource in) {
        if (args.size() != 2) {
            shell.stderr().print("Usage: .cd DIRECTORY\n");
            return 1;
        }
        Path dir = shell.resolve(args.get(1));
        if (!Files.isDirectory(dir)) {
            shell.stderr().print("Cannot change to directory \"" + args.get(1) + "\"\n");
            return 1;
        }
        shell.cwd = dir.normalize();
        return 0;
    }

    /** {@code .open ?--new? ?--readonly? ?FILE?}: without FILE a new temporary database. */
    int open(List<String> args, LineSource in) {
        String file = null;
        boolean fresh = false;
        boolean readOnly = false;
        for (int i = 1; i < args.size(); i++) {
            String z = args.get(i);
            if (DotCommands.optionMatch(z, "new")) {
                fresh = true;
            } else if (DotCommands.optionMatch(z, "readonly")) {
                readOnly = true;
            } else if (z.startsWith("-")) {
                shell.stderr().print("unknown option: " + z + "\n");
                return 1;
            } else if (file != null) {
                shell.stderr().print("extra argument: \"" + z + "\"\n");
                return 1;
            } else {
                file = z;
            }
        }
        shell.closeSession();
        String name = file == null ? "" : isSpecial(file) ? file : shell.resolve(file).toString();
        if (file != null && fresh && !isSpecial(file)) {
            try {
                Files.deleteIfExists(Path.of(name));
            } catch (IOException e) {
                shell.stderr().print("Error: cannot delete \"" + file + "\": " + e.getMessage() + "\n");
            }
        }
        try {
            shell.setSession(shell.engine.open(name, readOnly), name, readOnly);
        } catch (DbException e) {
            shell.stderr().print("Error: unable to open database \"" + file + "\": " + e.getMessage() + "\n");
            shell.setSession(shell.engine.open(":memory:", false), ":memory:", false);
            return 1;
        }
        return 0;
    }

    private static boolean isSpecial(String file) {
        return file.equals(":memory:") || file.startsWith("file:");
    }

    int output(List<String> args, LineSource in) {
        return redirect(args, false);
    }

    int once(List<String> args, LineSource in) {
        return redirect(args, true);
    }

    /** {@code .output}/{@code .once ?--bom? ?FILE|'|command'?}. */
    private int redirect(List<String> args, boolean once) {
        String file = null;
        boolean bom = false;
        for (int i = 1; i < args.size(); i++) {
            String z = args.get(i);
            if (z.startsWith("-")) {
                if (DotCommands.optionMatch(z, "bom")) {
                    bom = true;
                    continue;
                }
                shell.out().print("ERROR: unknown option: \"" + z + "\".  Usage:\n");
                Help.show(shell.out(), List.of("help", args.getFirst()));
                return 1;
            } else if (file == null) {
                file = z;
                if (file.startsWith("|")) {
                    file = String.join(" ", args.subList(i, args.size()));
                    break;
                }
            } else {
                shell.out().print("ERROR: extra parameter: \"" + z + "\".  Usage:\n");
                Help.show(shell.out(), List.of("help", args.getFirst()));
                return 1;
            }
        }
        if (file == null) {
            file = "stdout";
        }
        shell.outCount = once ? 2 : 0;
        shell.resetOutput();
        ShellOut target = openOutput(file);
        if (target == null) {
            return 1;
        }
        if (bom) {
            target.bytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        }
        shell.redirect(target);
        return 0;
    }

    private ShellOut openOutput(String file) {
        switch (file) {
            case "stdout" -> {
                return shell.stdout();
            }
            case "stderr" -> {
                return shell.stderr();
            }
            case "off" -> {
                return null;
            }
            default -> {
            }
        }
        try {
            if (file.startsWith("|")) {
                Process p = new ProcessBuilder("sh", "-c", file.substring(1)).redirectOutput(ProcessBuilder.Redirect
                        .INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).directory(shell.cwd.toFile()).start();
                return new ShellOut(new ProcessInput(p), file, true);
            }
            OutputStream os = Files.newOutputStream(shell.resolve(file));
            return new ShellOut(os, file, true);
        } catch (IOException e) {
            shell.stderr().print(file.startsWith("|") ? "Error: cannot open pipe \"" + file.substring(1) + "\"\n"
                    : "Error: cannot open \"" + file + "\"\nError: cannot write to \"" + file + "\"\n");
            return null;
        }
    }

    /** The standard input of a process started by {@code .output |cmd}: closing it waits for the process. */
    private static final class ProcessInput extends OutputStream {
        private final Process process;
        private final OutputStream stdin;

        ProcessInput(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        @Override
        public void write(int b) throws IOException {
            stdin.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            stdin.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            stdin.flush();
        }

        @Override
        public void close() throws IOException {
            stdin.close();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code .read FILE}: runs the file (or the output of {@code |command}) as input. */
    int read(List<String> args, LineSource in) {
        if (args.size() != 2) {
            shell.stderr().print("Usage: .read FILE\n");
            return 1;
        }
        String name = args.get(1);
        try {
            if (name.startsWith("|")) {
                Process p = new ProcessBuilder("sh", "-c", name.substring(1)).directory(shell.cwd.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getOutputStream().close();
                try (InputStream s = p.getInputStream()) {
                    return shell.processInput(new StreamLineSource(s)) ? 1 : 0;
                }
            }
            Path path = shell.resolve(name);
            if (Files.isDirectory(path)) {
                throw new IOException("directory");
            }
            try (InputStream s = Files.newInputStream(path)) {
                return shell.processInput(new StreamLineSource(s)) ? 1 : 0;
            }
        } catch (IOException e) {
            shell.stderr().print("Error: cannot open \"" + name + "\"\n");
            return 1;
        }
    }

    int importFile(List<String> args, LineSource in) {
        return new ImportCommand(shell).run(args);
    }

    int load(List<String> args, LineSource in) {
        if (args.size() < 2) {
            shell.stderr().print("Usage: .load FILE ?ENTRYPOINT?\n");
            return 1;
        }
        shell.stderr().print("Error: loadable extensions are not supported by Panamax\n");
        return 1;
    }

    /** {@code .system CMD ARGS...}: arguments with spaces are double-quoted, as the reference shell does. */
    int system(List<String> args, LineSource in) {
        if (args.size() < 2) {
            shell.stderr().print("Usage: .system COMMAND\n");
            return 1;
        }
        List<String> words = new ArrayList<>();
        for (String a : args.subList(1, args.size())) {
            words.add(a.indexOf(' ') >= 0 ? "\"" + a + "\"" : a);
        }
        shell.out().flush();
        try {
            int rc = new ProcessBuilder("sh", "-c", String.join(" ", words)).inheritIO()
                    .directory(shell.cwd.toFile()).start().waitFor();
            if (rc != 0) {
                shell.stderr().print("System command returns " + (rc << 8) + "\n");
            }
        } catch (IOException e) {
            shell.stderr().print("System command returns " + (127 << 8) + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
