package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(run.out().contains("Check    complex step, epsilon = 1.00000e-20"), run.out());
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
        assertTrue(run.out().contains("- Method: forward differences, ε = 1.00000e-08"), run.out());
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
        assertTrue(run.err().contains("use --method central"), run.err());
    }
}
