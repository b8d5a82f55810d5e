package dev.panamax.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reduced cases the differential generator found (src/test/resources/differential/regressions.sql), each run on
 * a fresh Panamax database and a fresh SQLite database: every statement must agree.
 */
class RegressionCasesTest {
    @Test
    void everyCaseAgreesWithSqlite() throws IOException {
        List<List<String>> cases = cases();
        assertTrue(cases.size() >= 15, "cases found: " + cases.size());
        List<String> failures = new ArrayList<>();
        for (List<String> c : cases) {
            List<Scenario.Step> steps = new ArrayList<>();
            for (String sql : c.subList(1, c.size())) {
                steps.add(new Scenario.Step(Scenario.Kind.QUERY, Node.fixed(sql), false, false));
            }
            Runner.Mismatch m = new Runner().run(steps);
            if (m != null) {
                failures.add(c.get(0) + "\n  at: " + c.get(m.step() + 1) + "\n  " + m.reason() + "\n  sqlite : "
                        + m.sqlite() + "\n  panamax: " + m.panamax());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The cases: statements end with ';' at the end of a line; the first entry of each case is its title. */
    static List<List<String>> cases() throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = RegressionCasesTest.class.getResourceAsStream("/differential/regressions.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> current = null;
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("\n")) {
                if (line.startsWith("-- case:")) {
                    current = new ArrayList<>();
                    current.add(line.substring(8).strip());
                    out.add(current);
                    continue;
                }
                if (line.isBlank() || line.startsWith("--") || current == null) {
                    continue;
                }
                sb.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    current.add(sb.toString().strip());
                    sb.setLength(0);
                }
            }
        }
        return out;
    }
}
