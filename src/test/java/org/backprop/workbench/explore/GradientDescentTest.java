package org.backprop.workbench.explore;

import org.backprop.workbench.app.DefaultNetwork;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientDescentTest {
    private final NetworkDocument doc = DefaultNetwork.load();

    @Test
    void trainingReducesTheLossOfASmallNetwork() {
        Network net = doc.network();
        double first = GradientDescent.cost(net, doc.batch());
        for (int i = 0; i < 200; i++) {
            net = GradientDescent.step(net, doc.batch(), 0.5).next();
        }
        double last = GradientDescent.cost(net, doc.batch());
        assertTrue(last < 0.5 * first, first + " → " + last);
    }

    @Test
    void aStepMovesEachParameterAgainstItsNumericalGradient() {
        Network net = doc.network();
        double eta = 0.1;
        double h = 1e-6;
        Network next = GradientDescent.step(net, doc.batch(), eta).next();
        double w = net.w(1).get(1, 2);
        double numeric = (GradientDescent.cost(net.withWeight(1, 1, 2, w + h), doc.batch())
                - GradientDescent.cost(net.withWeight(1, 1, 2, w - h), doc.batch())) / (2 * h);
        assertEquals(w - eta * numeric, next.w(1).get(1, 2), 1e-9);
        double b = net.b(2).get(0, 0);
        double numericB = (GradientDescent.cost(net.withBias(2, 0, b + h), doc.batch())
                - GradientDescent.cost(net.withBias(2, 0, b - h), doc.batch())) / (2 * h);
        assertEquals(b - eta * numericB, next.b(2).get(0, 0), 1e-9);
    }
}
