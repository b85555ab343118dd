package org.backprop.workbench.cli;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The networks under examples/ load, check from the command line, and show what each is there to show. */
class ShippedExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");

    private static Analysis analyse(String name) throws Exception {
        NetworkDocument doc = NetworkFile.load(EXAMPLES.resolve(name));
        return GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(), Thresholds.DEFAULT_EPSILON);
    }

    @Test
    void everyExampleIsListedHereAndInTheReadme() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(EXAMPLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertEquals(List.of("fused-softmax-2-3-2.json", "one-neuron.json", "relu-2-3-2-train-then-check.json",
                "relu-kink.json", "sigmoid-2-2-2.json", "softmax-2-3-2.json", "tanh-batch.json"), files);
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        files.forEach(f -> assertTrue(readme.contains(f), f + " is described in examples/README.md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-neuron.json", "sigmoid-2-2-2.json", "softmax-2-3-2.json", "fused-softmax-2-3-2.json",
            "relu-kink.json", "tanh-batch.json", "relu-2-3-2-train-then-check.json"})
    void anExampleChecksFromTheCommandLineWithoutAFailure(String name) {
        CheckCommandTest.Run run = CheckCommandTest.run("check", EXAMPLES.resolve(name).toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("== Checks =="), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theReluExampleShowsKinksAndNoFailure() throws Exception {
        Analysis an = analyse("relu-kink.json");
        assertEquals(4, an.summary().kink(), "δ^1[0, 0], b^1_0, w^1_00 and w^1_10 step across the kink");
        assertEquals(0, an.summary().fail());
        assertEquals(an.summary().checked() - 4, an.summary().pass());
    }

    @Test
    void theTwoSoftmaxViewsOfTheSameParametersGiveTheSameDeltaAndGradients() throws Exception {
        Analysis asActivation = analyse("softmax-2-3-2.json");
        Analysis fused = analyse("fused-softmax-2-3-2.json");
        assertEquals(asActivation.forward().cost(), fused.forward().cost(), 1e-12);
        for (int l = 1; l <= 2; l++) {
            assertClose(asActivation.backward().delta(l), fused.backward().delta(l), "δ^" + l);
            assertClose(asActivation.backward().gradW(l), fused.backward().gradW(l), "∂C/∂w^" + l);
            assertClose(asActivation.backward().gradB(l), fused.backward().gradB(l), "∂C/∂b^" + l);
        }
    }

    @Test
    void theHandComputedExamplesGiveTheirKnownCosts() throws Exception {
        // one neuron: z = 0, a = 1/2, C = 1/2 (1/2 - 1)^2 = 1/8; Mazur: E_total = 0.298371109
        assertEquals(0.125, analyse("one-neuron.json").forward().cost(), 1e-15);
        assertEquals(0.298371109, analyse("sigmoid-2-2-2.json").forward().cost(), 5e-10);
        assertEquals(5, analyse("tanh-batch.json").batch().size());
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], actual.data[i], 1e-12, what);
        }
    }
}
