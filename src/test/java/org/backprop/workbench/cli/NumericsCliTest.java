package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numerical options of the command line: --method and friends. */
class NumericsCliTest {
    static final String EXAMPLE = "examples/softmax-2-3-2.json";

    static final String RELU_NETWORK = """
            {"layers": [2, {"size": 3, "activation": "relu"}, {"size": 2, "activation": "identity"}],
             "loss": "quadratic",
             "weights": [[[0.15, -0.25, 0.30], [0.20, 0.35, -0.10]], [[0.40, -0.45], [-0.50, 0.55], [0.25, 0.10]]],
             "biases": [[0.35, -0.10, 0.05], [0.60, -0.20]],
             "inputs": [[0.05, 0.10], [0.90, -0.30]],
             "targets": [[1, 0], [0, 1]]}
            """;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    static Path reluNetwork(Path dir) throws IOException {
        Path file = dir.resolve("relu.json");
        Files.writeString(file, RELU_NETWORK);
        return file;
    }

    @Test
    void checkWithComplexStepReportsTheMethodAndPasses() {
        Run run = run("check", EXAMPLE, "--method", "complex-step");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Check    complex step, epsilon = 1e-20"), run.out());
    }

    @Test
    void jsonReportNamesTheMethod() {
        Run run = run("check", EXAMPLE, "--method", "richardson", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"method\" : \"richardson\""), run.out());
    }

    @Test
    void markdownReportNamesTheMethod() {
        Run run = run("check", EXAMPLE, "--method", "forward", "--format", "markdown");
        assertTrue(run.out().contains("- Method: forward differences, ε = 1e-8"), run.out());
    }

    @Test
    void unknownMethodIsABadUsageNamingTheChoices() {
        Run run = run("check", EXAMPLE, "--method", "simpson");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--method: unknown method \"simpson\"; expected one of forward, central, "
                + "richardson, complex-step"), run.err());
    }

    @Test
    void complexStepOnAReluNetworkIsRefusedNamingTheLayer(@TempDir Path dir) throws IOException {
        Path file = reluNetwork(dir);
        Run run = run("check", file.toString(), "--method", "complex-step");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("layer 1 is relu"), run.err());
        assertTrue(run.err().contains("choose central differences or Richardson extrapolation "
                + "(--method central or richardson)"), run.err());
        Run directional = run("check", file.toString(), "--method", "complex-step", "--mode", "directional");
        assertEquals(2, directional.status());
        assertTrue(directional.err().contains("layer 1 is relu"), directional.err());
    }

    @Test
    void aSampledCheckSaysWhatItCovers() {
        Run run = run("check", EXAMPLE, "--mode", "sample:2", "--seed", "5", "--threads", "1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Covers   a sample of 2 weights per layer (seed 5), every δ and bias"), run.out());
    }

    @Test
    void theDirectionalCheckPrintsOneNumberAgainstBackprop() {
        Run run = run("check", EXAMPLE, "--mode", "directional", "--format", "json");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"mode\" : \"directional\""), run.out());
        assertTrue(run.out().contains("\"verdict\" : \"pass\""), run.out());
        assertTrue(run.out().contains("\"parameters\" : 17"), run.out());
    }

    @Test
    void aWrongFormulaFailsTheDirectionalCheck() {
        Run run = run("check", EXAMPLE, "--mode", "directional", "--mistake", "bp2-no-sigma-prime");
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("fail"), run.out());
    }

    @Test
    void aFailingDirectionalCheckSaysWhereInItsJson() throws Exception {
        Run run = run("check", EXAMPLE, "--mode", "directional", "--mistake", "bp2-no-sigma-prime", "--format", "json");
        assertEquals(1, run.status(), run.out() + run.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        // BP2 without σ' makes every δ of the hidden layer wrong, so ∂C/∂b^1 and ∂C/∂w^1 (and only they)
        java.util.List<String> localised = new java.util.ArrayList<>();
        json.get("localised").forEach(x -> localised.add(x.get("formula").asText() + " " + x.get("layer").asInt()));
        assertEquals(java.util.List.of("BP3 1", "BP4 1"), localised, run.out());
        assertTrue(json.get("evaluations").asLong() < json.get("exhaustiveEvaluations").asLong(), run.out());
        Run text = run("check", EXAMPLE, "--mode", "directional", "--mistake", "bp2-no-sigma-prime");
        assertTrue(text.out().contains("Verdict  fail: along their own directions these parts fail"), text.out());
        assertTrue(text.out().contains("Cost evaluations: "), text.out());
    }

    @Test
    void floatPrecisionMakesTheCheckUnresolvedAndSaysSo() {
        // issue 9: float noise is reported as unresolved (warn, exit 0), not as a failure of correct formulas
        Run run = run("check", EXAMPLE, "--precision", "float");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("forward passes in float precision"), run.out());
        assertTrue(run.out().contains("warn: unresolved"), run.out());
        assertTrue(run.out().contains("all             37     0"), "no number passes: " + run.out());
    }

    @Test
    void autoStepsThatCannotResolveAHugeCostSayTheStepIsNotTheFix(@TempDir Path dir) throws IOException {
        // issue 9's example: one sigmoid neuron, quadratic cost, target -1e12 (C = 5e23). The correct network's
        // numbers stay unresolved even with auto steps; the hint must not tell the user to try --epsilon auto again.
        Path file = dir.resolve("huge.json");
        Files.writeString(file, """
                {"layers": [1, {"size": 1, "activation": "sigmoid"}], "loss": "quadratic",
                 "weights": [[[0.5]]], "biases": [[-1.0]], "inputs": [[2.0]], "targets": [[-1e12]]}
                """);
        Run auto = run("check", file.toString(), "--epsilon", "auto");
        assertEquals(0, auto.status(), auto.err());
        assertTrue(auto.out().contains("3 of the checked numbers warn: unresolved"), auto.out());
        assertTrue(auto.out().contains("the automatic step could not resolve them either"), auto.out());
        assertFalse(auto.out().contains("try a larger --epsilon, --epsilon auto"), auto.out());
        Run fixed = run("check", file.toString());
        assertTrue(fixed.out().contains("try a larger --epsilon, --epsilon auto or double precision"), fixed.out());
        Run mistake = run("check", file.toString(), "--epsilon", "auto", "--mistake", "grad-a-sign");
        assertEquals(1, mistake.status(), mistake.out());
    }

    @Test
    void badModeThreadsAndPrecisionAreBadUsageWithTheirOptionNamed() {
        Object[][] cases = {
                {new String[]{"--mode", "sample:0"}, "--mode: sample:N needs a whole number N >= 1"},
                {new String[]{"--mode", "sample:many"}, "--mode: sample:N needs a whole number N >= 1"},
                {new String[]{"--mode", "everything"}, "--mode: expected all, sample:N"},
                {new String[]{"--threads", "0"}, "--threads: expected a number of threads from 1 to 1024; found 0"},
                {new String[]{"--precision", "half"}, "--precision: unknown precision \"half\"; expected one of "
                        + "double, float"},
                {new String[]{"--epsilon", "0"}, "--epsilon: expected a positive number below 1"},
                {new String[]{"--format", "csv"}, "--format: expected text, json, markdown; found \"csv\""},
        };
        for (Object[] c : cases) {
            String[] options = (String[]) c[0];
            String[] args = new String[options.length + 2];
            args[0] = "check";
            args[1] = EXAMPLE;
            System.arraycopy(options, 0, args, 2, options.length);
            Run run = run(args);
            assertEquals(2, run.status(), String.join(" ", options));
            assertTrue(run.err().contains((String) c[1]), run.err());
        }
    }

    @Test
    void sweepPrintsOneRowPerStepAndTheLeastErrorOfEachMethod() {
        Run run = run("sweep", EXAMPLE, "--formula", "BP4", "--layer", "1", "--index", "0,1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Sweep    BP4 ∂C/∂w^1[0, 1]"), run.out());
        assertEquals(23, run.out().lines().filter(line -> line.matches("^\\d\\.\\de-\\d\\d .*")).count(), run.out());
        assertTrue(run.out().contains("complex-step  least"), run.out());
    }

    @Test
    void sweepOnASampleSaysSoInTheReport() {
        Run run = run("sweep", EXAMPLE, "--formula", "BP4", "--sample", "2", "--seed", "5");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Note: sampled: 2 of the "), run.out());
        assertTrue(run.out().contains("a sample of 2)"), run.out());
        assertEquals("", run.err(), "a small sweep prints no progress");
        Run json = run("sweep", EXAMPLE, "--formula", "BP4", "--sample", "2", "--format", "json");
        assertTrue(json.out().contains("\"numbers\" : 2,"), json.out());
    }

    @Test
    void sweepWritesCsvAndJson() {
        Run csv = run("sweep", EXAMPLE, "--formula", "BP3", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        assertTrue(csv.out().startsWith("method,epsilon,relError,medianRelError,kinks\n"), csv.out());
        assertEquals(1 + 4 * 23, csv.out().lines().count());
        Run json = run("sweep", EXAMPLE, "--formula", "BP1", "--format", "json");
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().contains("\"method\" : \"complex-step\""), json.out());
    }

    @Test
    void sweepLeavesTheComplexStepOutOfAReluNetworkWithANote(@TempDir Path dir) throws IOException {
        Run run = run("sweep", reluNetwork(dir).toString(), "--formula", "BP3");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Note: complex step left out: the complex step needs an analytic network, "
                + "but layer 1 is relu"), run.out());
        assertFalse(run.out().contains("--method"), "sweep has no --method option: " + run.out());
    }

    @Test
    void sweepRefusesNumbersThatDoNotExist() {
        Object[][] cases = {
                {new String[]{"--formula", "BP5"}, "--formula: expected BP1, BP2, BP3 or BP4; found \"BP5\""},
                {new String[]{"--formula", "BP4", "--layer", "1", "--index", "0"},
                        "--index: BP4 numbers are indexed k,j (input row, neuron); found \"0\""},
                {new String[]{"--formula", "BP4", "--layer", "1", "--index", "0,x"}, "--index: expected whole numbers"},
                {new String[]{"--formula", "BP4", "--layer", "1", "--index", "2,0"},
                        "BP4 of layer 1 has no index [2, 0]; expected [k, j] with k < 2 (inputs) and j < 3"},
                {new String[]{"--formula", "BP1", "--layer", "1"}, "BP1 has layer 2, not layer 1"},
                {new String[]{"--layer", "0"}, "--layer: expected a layer number from 1; found 0"},
                {new String[]{"--sample", "0"}, "--sample: expected a number of numbers from 1, or 'all'; found \"0\""},
                {new String[]{"--sample", "many"}, "--sample: expected a number of numbers from 1, or 'all'; found"},
                {new String[]{"--format", "markdown"}, "--format: expected text, json, csv; found \"markdown\""},
        };
        for (Object[] c : cases) {
            String[] options = (String[]) c[0];
            String[] args = new String[options.length + 2];
            args[0] = "sweep";
            args[1] = EXAMPLE;
            System.arraycopy(options, 0, args, 2, options.length);
            Run run = run(args);
            assertEquals(2, run.status(), String.join(" ", options) + ": " + run.err());
            assertTrue(run.err().contains((String) c[1]), run.err());
        }
    }

    @Test
    void benchRefusesBadOptionsBeforeMeasuringAnything() {
        assertEquals(2, run("bench", "--format", "csv").status());
        assertTrue(run("bench", "--threads", "0").err().contains("--threads: expected a number of threads"));
        assertTrue(run("bench", "--naive-sample", "-1").err().contains("--naive-sample: expected 0 (all)"));
        assertTrue(run("bench", "--cold-runs", "-1").err().contains("--cold-runs: expected 0 (none)"));
    }

    @Test
    void benchWritesItsNetworkForAColdCheckAndItReadsBackWeightForWeight(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        Run run = run("bench", "--write-network", file.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("wrote " + file), run.out());
        var read = org.backprop.workbench.io.NetworkFile.load(file);
        var made = org.backprop.workbench.bench.ColdCheck.document(1);
        assertEquals("784-128-64-10 sigmoid/relu/identity, softmax-cross-entropy", read.network().describe());
        assertEquals(8, read.batch().size());
        for (int l = 1; l <= 3; l++) {
            assertTrue(java.util.Arrays.equals(made.network().w(l).data, read.network().w(l).data),
                    "w^" + l + " survives the round trip exactly");
        }
        assertTrue(Files.size(file) > 2_000_000, "every weight is written: " + Files.size(file));
    }

    @Test
    void benchJsonHasTheKeysOfTheIssue() throws Exception {
        org.backprop.workbench.bench.BenchResult r = new org.backprop.workbench.bench.BenchResult("784-128-64-10", 8,
                111002, 200, 2, 100, 3, 2, 1.5, 1.9, 2.9, 3.0, 1e-9, 2e-8, 1e-11, 1e-11, 2, true, 2000, 1.1, "smooth", 1, 1.2, 1.2, 1e-10, 1e-16, 20);
        String json = BenchCommand.json(r);
        for (String key : new String[]{"naiveSeconds", "incrementalSeconds", "speedup", "oneThreadSeconds",
                "allThreadsSeconds", "parallelSpeedup", "maxRelDifference"}) {
            assertTrue(json.contains("\"" + key + "\" : "), key + " in " + json);
        }
        java.util.List<String> flags = java.util.List.of("-XX:TieredStopAtLevel=1");
        String withCold = BenchCommand.json(r, 1.25, flags);
        assertTrue(withCold.contains("\"coldCheckSeconds\" : 1.25"), withCold);
        assertTrue(withCold.contains("\"coldCheckJvmOptions\" : \"-XX:TieredStopAtLevel=1\""), withCold);
        assertTrue(BenchCommand.text(r, 1.25, flags).contains("cold check      1.25 s"), BenchCommand.text(r, 1.25, flags));
        assertTrue(BenchCommand.text(r).contains("extrapolated: measured 1.10 s on a stratified sample of 2,000 "
                + "numbers"), BenchCommand.text(r));
    }
}
