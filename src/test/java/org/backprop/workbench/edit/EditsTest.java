package org.backprop.workbench.edit;

import org.backprop.workbench.app.DefaultNetwork;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditsTest {
    private final NetworkDocument doc = DefaultNetwork.load();   // 2-3-2 sigmoid/softmax, cross-entropy, m = 4

    @Test
    void growingALayerKeepsEveryExistingWeight() {
        NetworkDocument grown = Edits.resize(doc, 1, 5);
        assertEquals(5, grown.network().size(1));
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(doc.network().w(1).get(k, j), grown.network().w(1).get(k, j), 0.0);
            }
        }
        assertEquals(doc.network().w(2).get(2, 1), grown.network().w(2).get(2, 1), 0.0);
        assertEquals(5, grown.network().w(2).numRows);
    }

    @Test
    void growingTheOutputKeepsTargetsOneHotForCrossEntropy() {
        NetworkDocument grown = Edits.resize(doc, 2, 3);
        for (int x = 0; x < grown.batch().size(); x++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += grown.batch().targets().get(j, x);
            }
            assertEquals(1.0, sum, 0.0);
        }
        assertTrue(Edits.problem(grown).isEmpty());
    }

    @Test
    void insertingAndRemovingAHiddenLayerRestoresTheShape() {
        NetworkDocument deeper = Edits.insertLayer(doc, 2, 4, Activation.TANH);
        assertEquals(3, deeper.network().depth());
        assertEquals(4, deeper.network().size(2));
        assertArrayEquals(doc.network().w(1).data, deeper.network().w(1).data, 0.0);
        NetworkDocument back = Edits.removeLayer(deeper, 2);
        assertEquals(doc.network().describe(), back.network().describe());
    }

    @Test
    void theEnginesMessageNamesTheRightOutputForALoss() {
        String message = Edits.problem(Edits.loss(doc, Loss.BINARY_CROSS_ENTROPY)).orElseThrow();
        assertTrue(message.contains("sigmoid"), message);
    }

    @Test
    void theLastSampleCannotBeRemoved() {
        NetworkDocument one = doc;
        for (int i = 0; i < 3; i++) {
            one = Edits.removeSample(one, 0);
        }
        NetworkDocument single = one;
        assertEquals(1, single.batch().size());
        assertThrows(IllegalArgumentException.class, () -> Edits.removeSample(single, 0));
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        assertArrayEquals(Edits.reinitialise(doc, 42).network().w(2).data,
                Edits.reinitialise(doc, 42).network().w(2).data, 0.0);
    }

    @Test
    void nonFiniteValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Edits.weight(doc, 1, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Edits.input(doc, 0, 0, Double.POSITIVE_INFINITY));
    }

    @Test
    void aNameTheArchitectureGaveFollowsItsEditsAndAUsersNameIsKept() {
        assertEquals("A 2-3-2 classifier: sigmoid hidden layer, softmax output, cross-entropy", doc.name());
        assertEquals(doc.name(), Edits.describe(doc.network()));
        NetworkDocument quadratic = Edits.loss(Edits.activation(doc, 2, Activation.SIGMOID), Loss.QUADRATIC);
        assertEquals("A 2-3-2 network: sigmoid hidden layer, sigmoid output, quadratic", quadratic.name());
        NetworkDocument deeper = Edits.insertLayer(Edits.activation(doc, 1, Activation.TANH), 1, 4, Activation.RELU);
        assertEquals("A 2-4-3-2 classifier: relu, tanh hidden layers, softmax output, cross-entropy", deeper.name());
        NetworkDocument mine = new NetworkDocument("my XOR net", doc.network(), doc.batch(), doc.seed());
        assertEquals("my XOR net", Edits.loss(mine, Loss.QUADRATIC).name());
        assertEquals("my XOR net", Edits.resize(mine, 1, 5).name());
    }
}
