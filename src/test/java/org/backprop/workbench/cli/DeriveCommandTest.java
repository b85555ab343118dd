package org.backprop.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.backprop.workbench.cli.CheckCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code derive} command: the issue's JSON shape, its formats, its exit status and one-line errors. */
class DeriveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "examples/tanh-batch.json";

    @Test
    void jsonHasTheShapeOfTheIssueAndTheEntryOfTheCheckReport() throws Exception {
        CheckCommandTest.Run r = run("derive", BATCH, "delta1[0]", "--sample", "2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out());
        assertEquals("delta1[0,2]", d.get("entry").asText());
        assertEquals(2, d.get("sample").asInt());
        assertEquals("pass", d.get("verdict").asText());
        assertTrue(d.get("numeric").isNumber());
        JsonNode terms = d.get("terms");
        assertTrue(terms.size() >= 1);
        for (JsonNode t : terms) {
            assertTrue(t.get("index").isInt());
            assertTrue(t.get("factors").isArray());
            double product = 1;
            for (JsonNode f : t.get("factors")) {
                product *= f.asDouble();
            }
            assertEquals(product, t.get("value").asDouble(), 1e-15, "a term is the product of its factors");
        }
        JsonNode report = JSON.readTree(run("check", BATCH, "--format", "json").out());
        double engine = report.get("layers").get(0).get("delta").get(0).get(2).asDouble();
        assertEquals(engine, d.get("value").asDouble(), 1e-12 * Math.max(1, Math.abs(engine)));
    }

    @Test
    void theWeightGradientSumsOverSamplesAndHasNoSample() throws Exception {
        CheckCommandTest.Run r = run("derive", BATCH, "gradW2[1,0]", "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode d = JSON.readTree(r.out());
        assertTrue(d.get("sample").isNull());
        assertEquals(d.get("samples").asInt(), d.get("terms").size(), "one term per sample");
    }

    @Test
    void textMarkdownAndLatexPrintTheSameDerivation() {
        String text = run("derive", "examples/sigmoid-2-2-2.json", "delta1[0]").out();
        assertTrue(text.contains("= (0.4)(0.1385) + (0.5)(-0.0381)"), text);
        assertTrue(text.contains("δ^1[0] = 0.008771"), text);
        String md = run("derive", "examples/sigmoid-2-2-2.json", "delta1[0]", "--format", "markdown").out();
        assertTrue(md.startsWith("### Derive delta1[0,0]"), md);
        assertTrue(md.contains("$\\delta^{1}_{0} = 0.008771$"), md);
        String latex = run("derive", "examples/sigmoid-2-2-2.json", "delta1[0]", "--format", "latex").out();
        assertTrue(latex.contains("\\begin{align*}") && latex.contains("\\end{align*}"), latex);
    }

    @Test
    void aMistakeFailsTheEntrysCheckWithExitStatusOne() {
        CheckCommandTest.Run r = run("derive", "examples/sigmoid-2-2-2.json", "delta1[0]", "--mistake",
                "bp2-no-sigma-prime");
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("mistake bp2-no-sigma-prime leaves σ' out"), r.out());
        assertTrue(r.out().contains("fail"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitStatusTwo() {
        String[][] cases = {
                {"derive", "examples/sigmoid-2-2-2.json", "delta1[5]"},
                {"derive", "examples/sigmoid-2-2-2.json", "delta9[0]"},
                {"derive", "examples/sigmoid-2-2-2.json", "w1[0,0]"},
                {"derive", "examples/sigmoid-2-2-2.json", "nonsense"},
                {"derive", BATCH, "delta1[0]"},
                {"derive", BATCH, "delta1[0]", "--sample", "99"},
                {"derive", "examples/sigmoid-2-2-2.json", "delta1[0]", "--format", "pdf"},
                {"derive", "examples/sigmoid-2-2-2.json", "delta1[0]", "--notation", "ij"},
                {"derive", "examples/missing.json", "delta1[0]"},
        };
        for (String[] args : cases) {
            CheckCommandTest.Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.out());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
    }
}
