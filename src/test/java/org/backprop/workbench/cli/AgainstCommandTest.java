package org.backprop.workbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code check NET --against VALUES} and {@code export NET --as numpy}: exit status, the JSON contract of issue 12, and
 * (where python3 with NumPy is installed) the exported scripts run for real.
 */
class AgainstCommandTest {
    private static final String EXAMPLE = "examples/softmax-2-3-2.json";
    private static final String SHIPPED_VALUES = "examples/values/softmax-2-3-2-bp2-bug.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theShippedExampleValuesDifferAtBp2AndTheJsonHasTheContractsShape() throws Exception {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against", SHIPPED_VALUES,
                "--format", "json");
        assertEquals(1, run.status(), run.err());
        JsonNode root = JSON.readTree(run.out());
        assertTrue(fields(root).containsAll(Set.of("against", "loss", "layers", "checks", "summary")));
        JsonNode against = root.get("against");
        assertEquals(SHIPPED_VALUES, against.get("file").asText());
        assertEquals("differs", against.get("verdict").asText());
        JsonNode quantities = against.get("quantities");
        assertEquals(12, quantities.size());
        List<String> names = new ArrayList<>();
        for (JsonNode q : quantities) {
            assertTrue(fields(q).containsAll(Set.of("quantity", "layer", "formula", "status", "maxRelError", "worst")));
            names.add(q.get("quantity").asText() + q.get("layer").asText("") + ":" + q.get("formula").asText());
            assertTrue(Set.of("matches", "differs", "not given").contains(q.get("status").asText()));
        }
        assertEquals(List.of("loss:forward", "z1:forward", "a1:forward", "z2:forward", "a2:forward", "gradA2:gradA",
                "delta2:BP1", "delta1:BP2", "gradB2:BP3", "gradB1:BP3", "gradW2:BP4", "gradW1:BP4"), names);
        JsonNode delta1 = quantities.get(7);
        assertEquals("differs", delta1.get("status").asText());
        assertEquals(Set.of("index", "yours", "analytic", "numeric"), fields(delta1.get("worst")));
        assertEquals(2, delta1.get("worst").get("index").size());
        assertTrue(delta1.get("worst").get("numeric").isNumber(), "the numerical value is reported beside");
        assertEquals(delta1.get("worst").get("analytic").asDouble(), delta1.get("worst").get("numeric").asDouble(),
                1e-8);
        JsonNode first = against.get("firstDivergence");
        assertEquals("delta", first.get("quantity").asText());
        assertEquals(1, first.get("layer").asInt());
        assertEquals("BP2", first.get("formula").asText());
        assertEquals("bp2-no-sigma-prime", against.get("diagnosis").get("mistake").asText());
        assertTrue(against.get("diagnosis").get("explanation").asText().contains("BP2 without σ'(z^l)"));
        assertEquals("every number", against.get("numericalChecks").get("mode").asText());
    }

    @Test
    void theTextNamesTheFormulaAndTheMistake() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against", SHIPPED_VALUES);
        assertEquals(1, run.status());
        assertTrue(run.out().contains("Your δ^2 is right and your δ^1 is wrong: the error is in how δ is passed "
                + "down into layer 1, BP2"), run.out());
        assertTrue(run.out().contains("Diagnosis: bp2-no-sigma-prime"), run.out());
        assertTrue(run.out().contains("Numerical checks beside: every number (37 checked"), run.out());
    }

    @Test
    void aSampleOfNumericalChecksIsSaidToBeASample() {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against", SHIPPED_VALUES,
                "--mode", "sample:2", "--format", "markdown");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("| δ^1 | BP2 | **differs (first)** |"), run.out());
        assertTrue(run.out().contains("Numerical checks beside: a sample of 2 weights per layer"), run.out());
    }

    @Test
    void badValuesAndBadOptionsExitWithTwoAndOneLine() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [{\"layer\": 2, \"gradW\": [[1, 2, 3], [4, 5, 6]]}]}");
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against", bad.toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + bad + ": gradW2: must be 3 x 2"), run.err());
        assertEquals(2, CheckCommandTest.run("check", EXAMPLE, "--against", dir.resolve("none.npz").toString())
                .status());
        assertEquals(2, CheckCommandTest.run("check", EXAMPLE, "--against", SHIPPED_VALUES, "--tolerance", "0")
                .status());
        assertEquals(2, CheckCommandTest.run("check", EXAMPLE, "--against", SHIPPED_VALUES, "--mistake",
                "bp3b-mean").status());
        assertEquals(2, CheckCommandTest.run("check", EXAMPLE, "--tolerance", "1e-4").status());
        assertEquals(2, CheckCommandTest.run("export", EXAMPLE, "--as", "matlab").status());
    }

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void python(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, p.exitValue(), output);
    }

    @Test
    void theReferenceScriptsValuesMatchToOneInATrillionInBothEncodings() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with NumPy is not installed");
        for (String example : List.of(EXAMPLE, "examples/tanh-batch.json", "examples/fused-softmax-2-3-2.json",
                "examples/sigmoid-2-2-2.json", "examples/relu-kink.json")) {
            Path script = dir.resolve("reference.py");
            assertEquals(0, CheckCommandTest.run("export", example, "--as", "numpy", "-o", script.toString())
                    .status());
            for (String ext : List.of(".json", ".npz")) {
                Path values = dir.resolve("values" + ext);
                python(script, "--values", values.toString());
                CheckCommandTest.Run run = CheckCommandTest.run("check", example, "--against", values.toString(),
                        "--tolerance", "1e-12", "--format", "json");
                assertEquals(0, run.status(), example + ext + "\n" + run.out() + run.err());
                for (JsonNode q : JSON.readTree(run.out()).get("against").get("quantities")) {
                    assertEquals("matches", q.get("status").asText(), example + ext + " " + q);
                }
            }
        }
    }

    @Test
    void aStarterFilledInWithAClassicBugIsDiagnosed() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with NumPy is not installed");
        Path starter = dir.resolve("starter.py");
        assertEquals(0, CheckCommandTest.run("export", EXAMPLE, "--as", "numpy", "--starter", "-o",
                starter.toString()).status());
        String s = Files.readString(starter);
        assertEquals(5, s.split("# >>> YOUR CODE", -1).length - 1, "one marked gap per formula");
        s = s.replace("gradA = None", "gradA = sample_grad_a(z[L], a[L], T)  # forgot the 1/m")
                .replace("delta[L] = None", "delta[L] = through_sigma(activation[L], z[L], gradA)")
                .replace("delta[l] = None", "delta[l] = through_sigma(activation[l], z[l], w[l + 1] @ delta[l + 1])")
                .replace("gradB[l] = None", "gradB[l] = delta[l].sum(axis=1, keepdims=True)")
                .replace("gradW[l] = None", "gradW[l] = a[l - 1] @ delta[l].T");
        Path filled = dir.resolve("mine.py");
        Files.writeString(filled, s);
        Path values = dir.resolve("mine.npz");
        python(filled, "--values", values.toString());
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLE, "--against", values.toString(),
                "--format", "json");
        assertEquals(1, run.status(), run.err());
        JsonNode against = JSON.readTree(run.out()).get("against");
        assertEquals("gradA", against.get("firstDivergence").get("formula").asText());
        assertEquals("forgot-1-over-m", against.get("diagnosis").get("mistake").asText());

        Path untouched = dir.resolve("untouched.py");
        Files.writeString(untouched, Files.readString(starter));
        Path forward = dir.resolve("forward.json");
        python(untouched, "--values", forward.toString());
        CheckCommandTest.Run only = CheckCommandTest.run("check", EXAMPLE, "--against", forward.toString());
        assertEquals(0, only.status(), only.out() + only.err());
        assertTrue(only.out().contains("not given"), only.out());
    }
}
