package org.backprop.workbench.explore;

import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example behind the training panel's point: a check after training finds what one at initialisation hides. */
class TrainThenCheckExampleTest {
    static final Path EXAMPLE = Path.of("examples", "relu-2-3-2-train-then-check.json");

    @Test
    void aMissingReluDerivativePassesAtInitialisationAndFailsAfterTraining() throws Exception {
        NetworkDocument doc = NetworkFile.load(EXAMPLE);
        Backprop wrong = new Backprop(Mistake.BP2_NO_SIGMA_PRIME);
        CheckSummary before = GradientCheck.analyse(doc.network(), doc.batch(), wrong, 1e-5).summary();
        assertEquals(0, before.fail(), "every hidden z > 0 at initialisation, where relu' = 1 hides the mistake");
        assertEquals(0, before.kink());

        Network net = doc.network();
        for (int i = 0; i < 20; i++) {
            net = GradientDescent.step(net, doc.batch(), GradientDescent.DEFAULT_LEARNING_RATE).next();
        }
        CheckSummary after = GradientCheck.analyse(net, doc.batch(), wrong, 1e-5).summary();
        assertTrue(after.fail() > 0, "after training a hidden z is negative for some sample: " + after);
        CheckSummary correct = GradientCheck.analyse(net, doc.batch(), new Backprop(), 1e-5).summary();
        assertEquals(0, correct.fail(), "the correct formulas still pass after training");
    }
}
