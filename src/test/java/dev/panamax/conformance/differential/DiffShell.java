package dev.panamax.conformance.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A developer's tool: reads SQL statements (one per line, or lines joined until a line ends with ';') from
 * standard input, runs each on Panamax and on SQLite, and prints both outcomes, marking those that differ.
 */
public final class DiffShell {
    private DiffShell() {
    }

    public static void main(String[] args) throws IOException {
        boolean all = args.length > 0 && args[0].equals("-a");
        try (Side sqlite = new SqliteSide(); Side panamax = new PanamaxSide()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("--")) {
                    continue;
                }
                sb.append(line).append('\n');
                if (!line.stripTrailing().endsWith(";") && !all) {
                    continue;
                }
                String sql = sb.toString().strip();
                sb.setLength(0);
                Outcome a = sqlite.run(sql);
                Outcome b = panamax.run(sql);
                String diff = Outcome.difference(a, b, false);
                if (diff != null || all) {
                    System.out.println((diff == null ? "same " : "DIFF ") + sql);
                    System.out.println("  sqlite : " + a);
                    System.out.println("  panamax: " + b);
                }
            }
        }
    }
}
