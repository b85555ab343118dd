package org.backprop.workbench.kernel;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.kernel.activation.Gelu;
import org.backprop.workbench.numeric.Complex;
import org.backprop.workbench.numeric.ComplexArithmetic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kernel's specialised real form against its formula written once ({@link ActivationKernel#value(Arithmetic,
 * Object)} in double arithmetic), and the engine's matrix forms against the kernels, bit for bit. (This replaces the
 * test that held the incremental check's copy of the activations equal to the engine's: there is no copy now.)
 */
class ActivationKernelTest {

    private static DMatrixRMaj randomRow(long seed) {
        Random random = new Random(seed);
        DMatrixRMaj z = new DMatrixRMaj(1, 2000);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = random.nextGaussian() * (i % 3 == 0 ? 40 : 2);
        }
        z.data[0] = 0;
        z.data[1] = -0.0;
        return z;
    }

    @Test
    void everyElementwiseActivationMatchesTheEngineBitForBit() {
        DMatrixRMaj z = randomRow(31);
        for (Activation sigma : Activation.values()) {
            if (!sigma.isElementwise()) {
                continue;
            }
            DMatrixRMaj a = sigma.apply(z);
            for (int i = 0; i < z.data.length; i++) {
                assertEquals(a.data[i], sigma.kernel().value(z.data[i]), 0.0, sigma + " at " + z.data[i]);
            }
        }
    }

    @Test
    void theSpecialisedRealFormIsTheGenericFormulaInDouble() {
        DMatrixRMaj z = randomRow(33);
        for (Activation sigma : Activation.values()) {
            if (!sigma.isElementwise()) {
                continue;   // every elementwise kernel has its formula in a real arithmetic, kinked ones included
            }
            for (double zi : z.data) {
                double specialised = sigma.kernel().value(zi);
                double generic = sigma.kernel().value(DoubleArithmetic.INSTANCE, zi);
                assertEquals(specialised, generic, 4 * Math.ulp(specialised), sigma + " at " + zi);
            }
        }
    }

    @Test
    void softmaxMatchesTheEngineBitForBitInBothLayouts() {
        Random random = new Random(32);
        DMatrixRMaj z = new DMatrixRMaj(7, 1);
        ActivationKernel softmax = Activation.SOFTMAX.kernel();
        for (int trial = 0; trial < 200; trial++) {
            for (int i = 0; i < 7; i++) {
                z.data[i] = random.nextGaussian() * 10;
            }
            DMatrixRMaj a = Activation.SOFTMAX.apply(z);
            double[] mine = new double[7];
            softmax.apply(z.data, mine, 0, 1, 7);
            Double[] generic = new Double[7];
            Double[] boxed = new Double[7];
            for (int i = 0; i < 7; i++) {
                boxed[i] = z.data[i];
            }
            softmax.apply(DoubleArithmetic.INSTANCE, boxed, generic);
            for (int i = 0; i < 7; i++) {
                assertEquals(a.data[i], mine[i], 0.0);
                assertEquals(a.data[i], generic[i], 0.0);
            }
        }
    }

    @Test
    void derivativesAgreeWithCentralDifferencesAwayFromKinks() {
        double h = 1e-6;
        for (Activation sigma : Activation.values()) {
            if (!sigma.isElementwise()) {
                continue;
            }
            ActivationKernel k = sigma.kernel();
            for (double z : new double[]{-6, -2.5, -0.7, -0.1, 0.3, 1.1, 2.9, 8}) {
                double numeric = (k.value(z + h) - k.value(z - h)) / (2 * h);
                assertEquals(numeric, k.derivative(z), 1e-8 * Math.max(1, Math.abs(numeric)), sigma + "' at " + z);
            }
        }
    }

    @Test
    void geluIsZTimesTheNormalCdf() {
        // Φ from erf values to 16 digits: erf(1) = 0.8427007929497149, erfc(3) = 2.2090496998585438e-05
        assertEquals(0.5 * (1 + 0.8427007929497149), Gelu.cdf(Math.sqrt(2)), 1e-15);
        assertEquals(0.5 * 2.2090496998585438e-05, Gelu.cdf(-3 * Math.sqrt(2)), 1e-17);
        assertEquals(0.5 * 1.5374597944280351e-12, Gelu.cdf(-5 * Math.sqrt(2)), 1e-24);
        assertEquals(0.0, Activation.GELU.kernel().value(0.0), 0.0);
        assertEquals(0.8413447460685429, Activation.GELU.kernel().value(1.0), 1e-15);   // 1 · Φ(1)
        assertEquals(-0.15865525393145707, Activation.GELU.kernel().value(-1.0), 1e-15); // −1 · Φ(−1)
        assertEquals(0.5, Activation.GELU.kernel().derivative(0.0), 1e-15);
    }

    @Test
    void swishIsZTimesSigmoid() {
        assertEquals(1 / (1 + Math.exp(-1)), Activation.SWISH.kernel().value(1.0), 1e-15);
        assertEquals(0.5, Activation.SWISH.kernel().derivative(0.0), 1e-15);
    }

    @Test
    void geluRefusesTheComplexContinuationByName() {
        assertEquals(Optional.of(ActivationKernel.NotAnalytic.COMPLEX_ERF), Activation.GELU.kernel().notAnalytic());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Activation.GELU.kernel().value(ComplexArithmetic.INSTANCE, Complex.real(1.0)));
        assertEquals("gelu: complexErf", e.getMessage());
        for (Activation kinked : new Activation[]{Activation.RELU, Activation.LEAKY_RELU}) {
            IllegalStateException k = assertThrows(IllegalStateException.class,
                    () -> kinked.kernel().value(ComplexArithmetic.INSTANCE, Complex.real(1.0)));
            assertEquals(kinked.id() + ": kink", k.getMessage());
        }
        // in a real arithmetic gelu is z Φ(z), as its specialised form
        assertEquals(Activation.GELU.kernel().value(1.5), Activation.GELU.kernel().value(DoubleArithmetic.INSTANCE,
                1.5), 0.0);
    }

    @Test
    void kinkedActivationsKnowTheirKink() {
        assertTrue(Activation.RELU.kernel().crossesKink(-1e-9, 1e-9));
        assertTrue(Activation.LEAKY_RELU.kernel().crossesKink(0.5, -0.5));
        assertTrue(!Activation.SWISH.isKinked() && !Activation.GELU.isKinked());
    }
}
