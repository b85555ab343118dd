package org.backprop.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code check} command as a program sees it: its JSON, its exit status, its messages. */
class CheckCommandTest {
    private static final String EXAMPLE = "examples/softmax-2-3-2.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A list of rows of numbers, rows x cols. */
    private static void assertMatrix(JsonNode m, int rows, int cols, String what) {
        assertTrue(m.isArray(), what + " is a list of rows");
        assertEquals(rows, m.size(), what + " rows");
        for (JsonNode row : m) {
            assertEquals(cols, row.size(), what + " columns");
            row.forEach(v -> assertTrue(v.isNumber(), what + " holds numbers"));
        }
    }

    @Test
    void theJsonReportHasExactlyTheDocumentedShape() throws Exception {
        Run run = run("check", EXAMPLE, "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        JsonNode root = JSON.readTree(run.out());

        // the example: 2-3-2 sigmoid/softmax, cross-entropy, 4 samples
        int[] n = {2, 3, 2};
        int m = 4;
        assertTrue(fieldNames(root).containsAll(List.of("loss", "samples", "layers", "checks", "summary")));
        assertTrue(root.get("loss").isDouble());
        assertEquals(0.8182018046896241, root.get("loss").asDouble(), 1e-12);
        assertEquals(m, root.get("samples").asInt());

        JsonNode layers = root.get("layers");
        assertEquals(2, layers.size());
        for (int l = 1; l <= 2; l++) {
            JsonNode layer = layers.get(l - 1);
            assertTrue(fieldNames(layer).containsAll(List.of("layer", "activation", "z", "a", "delta", "gradW", "gradB")),
                    fieldNames(layer).toString());
            assertEquals(l, layer.get("layer").asInt());
            assertEquals(l == 1 ? "sigmoid" : "softmax", layer.get("activation").asText());
            assertMatrix(layer.get("z"), n[l], m, "z^" + l);
            assertMatrix(layer.get("a"), n[l], m, "a^" + l);
            assertMatrix(layer.get("delta"), n[l], m, "delta^" + l);
            assertMatrix(layer.get("gradW"), n[l - 1], n[l], "gradW^" + l);
            assertEquals(n[l], layer.get("gradB").size(), "gradB^" + l);
        }
        // b^1 = (0.35, -0.10, 0.05), w^1 column 0 = (0.15, 0.20), x = (0.05, 0.10): z^1_00 = 0.3775 (Mazur's net_h1)
        assertEquals(0.3775, layers.get(0).get("z").get(0).get(0).asDouble(), 1e-15);

        JsonNode checks = root.get("checks");
        int expectedChecks = 0;
        for (int l = 1; l <= 2; l++) {
            expectedChecks += n[l] * m + n[l] + n[l - 1] * n[l];
        }
        assertEquals(expectedChecks, checks.size());
        int pass = 0;
        for (JsonNode c : checks) {
            // issue 9 adds "noise", "step" (and "reason", "errorBound" where they apply) after the original seven
            assertEquals(List.of("formula", "layer", "index", "analytic", "numeric", "relError", "verdict"),
                    fieldNames(c).subList(0, 7));
            assertTrue(Set.of("reason", "noise", "step", "errorBound").containsAll(fieldNames(c).subList(7, fieldNames(c).size())),
                    fieldNames(c).toString());
            assertTrue(c.get("noise").asDouble() > 0, c.toString());
            String formula = c.get("formula").asText();
            assertTrue(Set.of("BP1", "BP2", "BP3", "BP4").contains(formula), formula);
            int layer = c.get("layer").asInt();
            JsonNode index = c.get("index");
            switch (formula) {
                case "BP1" -> assertEquals(2, layer);
                case "BP2" -> assertEquals(1, layer);
                default -> assertTrue(layer == 1 || layer == 2);
            }
            // [j, x] for BP1/BP2, [j] for BP3, [k, j] for BP4, zero-based and in range
            switch (formula) {
                case "BP1", "BP2" -> {
                    assertEquals(2, index.size());
                    assertTrue(index.get(0).asInt() < n[layer] && index.get(1).asInt() < m);
                }
                case "BP3" -> {
                    assertEquals(1, index.size());
                    assertTrue(index.get(0).asInt() < n[layer]);
                }
                default -> {
                    assertEquals(2, index.size());
                    assertTrue(index.get(0).asInt() < n[layer - 1] && index.get(1).asInt() < n[layer]);
                }
            }
            assertTrue(c.get("analytic").isNumber() && c.get("numeric").isNumber() && c.get("relError").isNumber());
            assertTrue(Set.of("pass", "warn", "fail", "kink").contains(c.get("verdict").asText()));
            pass += c.get("verdict").asText().equals("pass") ? 1 : 0;
        }
        // the analytic numbers in the check list are the ones in the layers
        JsonNode firstBp4 = null;
        for (JsonNode c : checks) {
            if (c.get("formula").asText().equals("BP4") && c.get("layer").asInt() == 1) {
                firstBp4 = c;
                break;
            }
        }
        assertEquals(layers.get(0).get("gradW").get(firstBp4.get("index").get(0).asInt())
                .get(firstBp4.get("index").get(1).asInt()).asDouble(), firstBp4.get("analytic").asDouble());

        JsonNode summary = root.get("summary");
        assertEquals(List.of("checked", "pass", "warn", "fail", "kink", "maxRelError"), fieldNames(summary));
        assertEquals(expectedChecks, summary.get("checked").asInt());
        assertEquals(pass, summary.get("pass").asInt());
        assertEquals(expectedChecks, pass, "a correct network passes every check");
        assertEquals(0, summary.get("fail").asInt());
        assertTrue(summary.get("maxRelError").asDouble() < 1e-7);
    }

    @Test
    void aMistakeThatFailsGivesExitStatusOneAndListsTheFailingNumbers() {
        Run run = run("check", EXAMPLE, "--mistake", "bp2-no-sigma-prime");
        assertAll(
                () -> assertEquals(1, run.status()),
                () -> assertTrue(run.out().contains("Mistake  bp2-no-sigma-prime"), run.out()),
                () -> assertTrue(run.out().contains("== Failing numbers =="), run.out()),
                () -> assertTrue(run.out().contains("BP1      2       8     8     0     0     0"), run.out()),
                () -> assertEquals("", run.err()));
    }

    @Test
    void theMistakeListNamesEveryMistake() {
        Run run = run("check", "--mistake", "list");
        assertEquals(0, run.status());
        for (Mistake m : Mistake.values()) {
            assertEquals(m != Mistake.NONE, run.out().contains(m.id() + " "), m.id());
        }
    }

    @Test
    void theMarkdownReportHasTheGroupTableAndEveryNumber() {
        Run run = run("check", EXAMPLE, "--format", "markdown");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("# Gradient check"), run.out());
        assertTrue(run.out().contains("| BP2 | 1 | 12 | 12 | 0 | 0 | 0 |"), run.out());
        assertEquals(37, run.out().lines().filter(l -> l.matches("\\| BP\\d \\| \\d \\| \\[.*")).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1e-5", "1", "NaN", "Infinity"})
    void aStepThatIsNotAPositiveNumberBelowOneIsAUsageError(String epsilon) {
        Run run = run("check", EXAMPLE, "--epsilon", epsilon);
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: --epsilon: expected a positive number below 1, such as 1e-5; found "),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aStepThatIsNotANumberIsAUsageError() {
        Run run = run("check", EXAMPLE, "--epsilon", "small");
        assertEquals(2, run.status());
        assertEquals("error: Invalid value for option '--epsilon': expected a decimal number such as 1e-5; found \"small\"" + System.lineSeparator()
                + "(see 'backprop-workbench check --help')" + System.lineSeparator(), run.err());
    }

    @Test
    void anUnknownMistakeIsAUsageErrorListingTheKnownOnes() {
        Run run = run("check", EXAMPLE, "--mistake", "bp5");
        assertEquals(2, run.status());
        assertEquals("error: --mistake: unknown mistake \"bp5\"; expected one of " + Mistake.ids() + " (or 'list')"
                + System.lineSeparator(), run.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = run("check", EXAMPLE, "--format", "yaml");
        assertEquals(2, run.status());
        assertEquals("error: --format: expected text, json, markdown; found \"yaml\"" + System.lineSeparator(),
                run.err());
    }

    @Test
    void checkWithoutAFileIsAUsageError() {
        Run run = run("check");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: missing FILE"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
