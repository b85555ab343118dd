package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The incremental check recomputes activations itself; they must be the engine's, bit for bit. */
class RealMathTest {

    @Test
    void everyElementwiseActivationMatchesTheEngineBitForBit() {
        Random random = new Random(31);
        DMatrixRMaj z = new DMatrixRMaj(1, 2000);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = random.nextGaussian() * (i % 3 == 0 ? 40 : 2);
        }
        z.data[0] = 0;
        z.data[1] = -0.0;
        for (Activation sigma : Activation.values()) {
            if (sigma == Activation.SOFTMAX) {
                continue;
            }
            DMatrixRMaj a = sigma.apply(z);
            for (int i = 0; i < z.data.length; i++) {
                assertEquals(a.data[i], RealMath.activate(sigma, z.data[i]), 0.0, sigma + " at " + z.data[i]);
            }
        }
    }

    @Test
    void softmaxMatchesTheEngineBitForBit() {
        Random random = new Random(32);
        DMatrixRMaj z = new DMatrixRMaj(7, 1);
        for (int trial = 0; trial < 200; trial++) {
            for (int i = 0; i < 7; i++) {
                z.data[i] = random.nextGaussian() * 10;
            }
            DMatrixRMaj a = Activation.SOFTMAX.apply(z);
            double[] mine = new double[7];
            RealMath.softmax(z.data, mine, 0, 7, Precision.DOUBLE);
            for (int i = 0; i < 7; i++) {
                assertEquals(a.data[i], mine[i], 0.0);
            }
        }
    }
}
