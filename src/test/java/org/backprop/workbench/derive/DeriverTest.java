package org.backprop.workbench.derive;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.engine.Nets;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every derivation's result is the engine's entry; the terms are those a student computes by hand. */
class DeriverTest {
    /** Derivation and engine sum the same products, perhaps in another order: a few ulps apart at most. */
    private static final double TOLERANCE = 1e-12;

    static Network net(int n0, int n1, Activation hidden, int n2, Activation output, Loss loss, long seed) {
        return Network.initialised(n0, List.of(new Layer(n1, hidden), new Layer(n2, output)), loss, seed);
    }

    /** m random inputs in ±1 and targets fitting the loss (one-hot for the softmax losses). */
    static Batch batch(Network net, int m, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj in = new DMatrixRMaj(net.size(0), m);
        for (int i = 0; i < in.data.length; i++) {
            in.data[i] = 2 * random.nextDouble() - 1;
        }
        int nL = net.size(net.depth());
        DMatrixRMaj t = new DMatrixRMaj(nL, m);
        for (int x = 0; x < m; x++) {
            if (net.loss().needsDistributionTargets()) {
                t.set(random.nextInt(nL), x, 1.0);
            } else {
                for (int j = 0; j < nL; j++) {
                    t.set(j, x, random.nextDouble());
                }
            }
        }
        return new Batch(in, t);
    }

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] nets = {
                {"sigmoid", net(3, 4, Activation.SIGMOID, 2, Activation.SIGMOID, Loss.QUADRATIC, 11)},
                {"relu", net(3, 4, Activation.RELU, 2, Activation.IDENTITY, Loss.QUADRATIC, 12)},
                {"softmax-hidden", net(3, 4, Activation.SOFTMAX, 2, Activation.SIGMOID, Loss.QUADRATIC, 13)},
                {"softmax-output", net(3, 4, Activation.TANH, 3, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 14)},
                {"loss-fused", net(3, 4, Activation.SIGMOID, 3, Activation.IDENTITY, Loss.SOFTMAX_CROSS_ENTROPY, 15)},
                {"binary-cross-entropy", net(3, 4, Activation.TANH, 2, Activation.SIGMOID,
                        Loss.BINARY_CROSS_ENTROPY, 16)},
                // a loss whose derivation nobody wrote in Deriver: its kernel's pieces (issue 8)
                {"sigmoid-cross-entropy", net(3, 4, Activation.TANH, 2, Activation.IDENTITY,
                        Loss.SIGMOID_CROSS_ENTROPY, 17)},
                {"gelu", net(3, 4, Activation.GELU, 2, Activation.SWISH, Loss.QUADRATIC, 18)},
        };
        for (Object[] n : nets) {
            for (int m : new int[]{1, 4}) {
                cases.add(Arguments.of(n[0], n[1], m));
            }
        }
        return cases.stream();
    }

    /** Every entry of every derivable kind: z^l, a^l (l ≥ 0), ∇_a C, δ^l, ∂C/∂b^l, ∂C/∂w^l. */
    static List<Quantity> allEntries(Network net, int m) {
        List<Quantity> entries = new ArrayList<>();
        int depth = net.depth();
        for (int l = 0; l <= depth; l++) {
            for (int j = 0; j < net.size(l); j++) {
                for (int x = 0; x < m; x++) {
                    entries.add(new Quantity(Quantity.Kind.A, l, new int[]{j, x}));
                    if (l >= 1) {
                        entries.add(new Quantity(Quantity.Kind.Z, l, new int[]{j, x}));
                        entries.add(new Quantity(Quantity.Kind.DELTA, l, new int[]{j, x}));
                    }
                    if (l == depth) {
                        entries.add(new Quantity(Quantity.Kind.GRAD_A, l, new int[]{j, x}));
                    }
                }
                if (l >= 1) {
                    entries.add(new Quantity(Quantity.Kind.GRAD_B, l, new int[]{j}));
                    for (int k = 0; k < net.size(l - 1); k++) {
                        entries.add(new Quantity(Quantity.Kind.GRAD_W, l, new int[]{k, j}));
                    }
                }
            }
        }
        return entries;
    }

    static Analysis analyse(Network net, Batch batch, Mistake mistake) {
        return GradientCheck.analyse(net, batch, new Backprop(mistake), 1e-5);
    }

    @ParameterizedTest(name = "{0}, m = {2}")
    @MethodSource("networks")
    void everyDerivationEndsOnTheEnginesEntryAndItsCheckPasses(String name, Network net, int m) {
        Analysis analysis = analyse(net, batch(net, m, 7), Mistake.NONE);
        for (Quantity q : allEntries(net, m)) {
            Derivation d = Deriver.derive(analysis, q, Notation.NOTE);
            double engine = q.value(analysis);
            assertEquals(engine, d.value(), TOLERANCE * Math.max(1, Math.abs(engine)), q.id());
            assertEquals(Latex.plainNumber(engine), Latex.plainNumber(d.value()), q.id() + " to the last printed digit");
            assertEquals(engine, d.matrixValue(), 0.0, q.id());
            assertEquals(d.value(), d.rightValue(), 0.0, q.id() + " has no mistake");
            String result = d.lines(Line.Role.RESULT).get(0).text();
            assertTrue(result.endsWith(" = " + Latex.plainNumber(engine)), result);
            if (q.kind() == Quantity.Kind.Z || q.kind() == Quantity.Kind.A) {
                assertNull(d.verdict(), q.id() + " is not a derivative of C");
            } else {
                assertNotNull(d.verdict(), q.id());
                assertNotEquals(Verdict.FAIL, d.verdict(), q.id() + " relative error " + d.relativeError());
                assertTrue(d.verdict() == Verdict.PASS || d.verdict() == Verdict.KINK,
                        q.id() + " " + d.verdict() + " " + d.relativeError());
            }
            if (!d.terms().isEmpty() && q.kind() != Quantity.Kind.A && q.kind() != Quantity.Kind.Z
                    && q.kind() != Quantity.Kind.GRAD_A && !(q.kind() == Quantity.Kind.DELTA
                    && q.layer() < net.depth() && net.activation(q.layer()) != Activation.SOFTMAX)) {
                double sum = d.terms().stream().mapToDouble(Term::value).sum();
                assertEquals(d.value(), sum, TOLERANCE * Math.max(1, Math.abs(sum)),
                        q.id() + ": the terms add up to the result");
            }
        }
    }

    @ParameterizedTest(name = "{0}, m = {2}")
    @MethodSource("networks")
    void theCheckAloneAgreesWithTheFullCheck(String name, Network net, int m) {
        Batch batch = batch(net, m, 8);
        Analysis full = analyse(net, batch, Mistake.NONE);
        Analysis bare = new Analysis(net, batch, Mistake.NONE, 1e-5, full.forward(), full.backward(), List.of());
        for (Quantity q : allEntries(net, m)) {
            if (!q.isChecked()) {
                continue;
            }
            Derivation a = Deriver.derive(full, q, Notation.NOTE);
            Derivation b = Deriver.derive(bare, q, Notation.NOTE);
            // two ways of computing the same difference quotient: they differ by its rounding, ~1e-11 here
            assertEquals(a.numeric(), b.numeric(), 1e-9 + 1e-6 * Math.abs(a.numeric()), q.id());
            assertEquals(a.verdict(), b.verdict(), q.id());
        }
    }

    /** Matt Mazur's 2-2-2 network ("A Step by Step Backpropagation Example"), in the note's convention. */
    static Network mazur() {
        return Nets.network(2, List.of(Activation.SIGMOID, Activation.SIGMOID), Loss.QUADRATIC,
                List.of(Nets.matrix(new double[]{0.15, 0.25}, new double[]{0.20, 0.30}),
                        Nets.matrix(new double[]{0.40, 0.50}, new double[]{0.45, 0.55})),
                List.of(Nets.column(0.35, 0.35), Nets.column(0.60, 0.60)));
    }

    static Batch mazurBatch() {
        return new Batch(Nets.column(0.05, 0.10), Nets.column(0.01, 0.99));
    }

    @Test
    void theCheckLineSaysItsVerdictInTheUsersLanguage() {
        Analysis analysis = analyse(mazur(), mazurBatch(), Mistake.NONE);
        Quantity q = Quantity.parse("delta1[0]", mazur(), 1);
        java.util.Locale before = org.backprop.workbench.i18n.Messages.locale();
        try {
            org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            Derivation zh = Deriver.derive(analysis, q, Notation.NOTE);
            org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
            Derivation en = Deriver.derive(analysis, q, Notation.NOTE);
            assertEquals(org.backprop.workbench.check.Verdict.PASS, zh.verdict());
            String zhText = DerivationFormat.text(zh);
            String enText = DerivationFormat.text(en);
            assertTrue(zhText.strip().endsWith("通过"), zhText);
            assertTrue(!zhText.contains("pass"), zhText);
            assertTrue(enText.strip().endsWith("pass"), enText);
        } finally {
            org.backprop.workbench.i18n.Messages.setLocale(before);
        }
    }

    @Test
    void bp2OnMazursNetworkHasTheTermsComputedByHand() {
        // by hand: a^2 = (0.75136507, 0.77292847), δ^2_0 = (a_0 − t_0) a_0 (1 − a_0) = 0.13849856,
        // δ^2_1 = −0.03809824, a^1_0 = 0.59326999, σ'(z^1_0) = 0.24130071
        Analysis analysis = analyse(mazur(), mazurBatch(), Mistake.NONE);
        Derivation d = Deriver.derive(analysis, Quantity.parse("delta1[0]", mazur(), 1), Notation.NOTE);
        assertEquals(2, d.terms().size());
        Term t0 = d.terms().get(0);
        Term t1 = d.terms().get(1);
        assertEquals(0, t0.index());
        assertEquals(0.40, t0.factors().get(0).value(), 0.0);
        assertEquals(0.13849856, t0.factors().get(1).value(), 1e-8);
        assertEquals(0.40 * 0.13849856, t0.value(), 1e-8);
        assertEquals(0.50, t1.factors().get(0).value(), 0.0);
        assertEquals(-0.03809824, t1.factors().get(1).value(), 1e-8);
        assertEquals(Source.weight(2, 0, 1), t1.factors().get(0).source());
        assertEquals("delta2[1,0]", t1.factors().get(1).source().id());
        assertEquals(Source.Place.NEURON, t1.factors().get(1).source().place());
        // Mazur: ∂E/∂w_1 = 0.000438568 = δ^1_0 · i_1 with i_1 = 0.05
        assertEquals(0.000438568 / 0.05, d.value(), 1e-8);
        assertEquals((0.4 * 0.13849856 - 0.5 * 0.03809824) * 0.24130071, d.value(), 1e-8);
        String text = DerivationFormat.text(d);
        assertTrue(text.contains("= (0.4)(0.1385) + (0.5)(-0.0381)"), text);
        assertTrue(text.contains("σ'(z^1[0]) = σ'(0.3775) = 0.2413"), text);
        assertTrue(text.contains("δ^1[0] = 0.008771"), text);
    }

    @Test
    void everyOtherKindOnMazursNetworkHasTheTermsComputedByHand() {
        // Mazur's worked example: net_h1 = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775, out_h1 = 0.593269992,
        // out_o1 = 0.75136507, ∂E/∂out_o1 = out_o1 − target_o1 = 0.74136507, ∂E/∂w5 = 0.082167041,
        // ∂E/∂b (o1) = δ^2_0 = 0.138498562
        Analysis analysis = analyse(mazur(), mazurBatch(), Mistake.NONE);
        Derivation z = Deriver.derive(analysis, Quantity.parse("z1[0]", mazur(), 1), Notation.NOTE);
        assertEquals(List.of(0.15 * 0.05, 0.20 * 0.10), z.terms().stream().map(Term::value).toList());
        assertEquals(0.3775, z.value(), 1e-15);
        Derivation a = Deriver.derive(analysis, Quantity.parse("a1[0]", mazur(), 1), Notation.NOTE);
        assertEquals(0.593269992, a.value(), 1e-9);
        Derivation ga = Deriver.derive(analysis, Quantity.parse("gradA[0]", mazur(), 1), Notation.NOTE);
        assertEquals(1, ga.terms().size());
        assertEquals(1.0, ga.terms().get(0).factors().get(0).value(), 0.0, "1/m with m = 1");
        assertEquals(0.74136507, ga.value(), 1e-8);
        assertEquals(Verdict.PASS, ga.verdict(), "the ∇_a C check is computed by the derivation itself");
        assertEquals(0.74136507, ga.numeric(), 1e-7);
        Derivation gw = Deriver.derive(analysis, Quantity.parse("gradW2[0,0]", mazur(), 1), Notation.NOTE);
        assertEquals(1, gw.terms().size(), "one sample: one term a^1_0 δ^2_0");
        assertEquals(0.593269992, gw.terms().get(0).factors().get(0).value(), 1e-9);
        assertEquals(0.138498562, gw.terms().get(0).factors().get(1).value(), 1e-9);
        assertEquals(0.082167041, gw.value(), 1e-9);
        Derivation gb = Deriver.derive(analysis, Quantity.parse("gradB2[0]", mazur(), 1), Notation.NOTE);
        assertEquals(0.138498562, gb.value(), 1e-9);
        assertTrue(DerivationFormat.text(gw).contains("= (0.5933)(0.1385)"), DerivationFormat.text(gw));
    }

    @Test
    void bp4ZNotAMarksEveryTermWrongWithTheRightProductBesideIt() {
        Network net = net(2, 3, Activation.SIGMOID, 2, Activation.SIGMOID, Loss.QUADRATIC, 41);
        Batch batch = batch(net, 4, 5);
        Analysis wrong = analyse(net, batch, Mistake.BP4_Z_NOT_A);
        Derivation d = Deriver.derive(wrong, Quantity.parse("gradW2[1,0]", net, 4), Notation.NOTE);
        assertEquals(4, d.terms().size());
        for (int x = 0; x < 4; x++) {
            Term t = d.terms().get(x);
            double delta = wrong.backward().delta(2).get(0, x);
            assertTrue(t.wrong(), "term x = " + x + " is marked");
            assertEquals(wrong.forward().z(1).get(1, x) * delta, t.value(), 1e-15, "what the mistake multiplies");
            assertEquals(wrong.forward().a(1).get(1, x) * delta, t.rightValue(), 1e-15, "the right term beside it");
        }
        String text = DerivationFormat.text(d);
        assertTrue(text.contains("✗ (right: " + Latex.plainNumber(d.terms().get(0).rightValue()) + ")"), text);
        // a correct term is not marked
        Derivation right = Deriver.derive(wrong, Quantity.parse("gradW1[1,0]", net, 4), Notation.NOTE);
        assertTrue(right.terms().stream().noneMatch(Term::wrong), "layer 1 multiplies by the input a^0 = x");
    }

    @Test
    void theNielsenNotationWritesTheWeightIndicesTheOtherWayRound() {
        Analysis analysis = analyse(mazur(), mazurBatch(), Mistake.NONE);
        Quantity q = Quantity.parse("delta1[0]", mazur(), 1);
        Derivation note = Deriver.derive(analysis, q, Notation.NOTE);
        Derivation nielsen = Deriver.derive(analysis, q, Notation.NIELSEN);
        assertEquals("w^2[0,1]", note.terms().get(1).factors().get(0).text());
        assertEquals("w^2[1,0]", nielsen.terms().get(1).factors().get(0).text());
        assertEquals(note.terms().get(1).factors().get(0).source(), nielsen.terms().get(1).factors().get(0).source(),
                "the same edge whatever the notation");
        assertEquals(note.value(), nielsen.value(), 0.0);
        assertTrue(DerivationFormat.text(nielsen).contains("(w^2)^T δ^2"));
        Derivation gw = Deriver.derive(analysis, Quantity.parse("gradW2[0,1]", mazur(), 1), Notation.NIELSEN);
        assertTrue(DerivationFormat.text(gw).contains("∂C/∂w^2[1,0] = "), DerivationFormat.text(gw));
        assertTrue(DerivationFormat.text(gw).contains("δ^2 (a^1)^T"));
    }

    @Test
    void aLongSumShowsItsLargestTermsAndTheRest() {
        Network wide = net(40, 3, Activation.SIGMOID, 2, Activation.SIGMOID, Loss.QUADRATIC, 5);
        Analysis analysis = analyse(wide, batch(wide, 1, 3), Mistake.NONE);
        Derivation d = Deriver.derive(analysis, Quantity.parse("z1[1]", wide, 1), Notation.NOTE);
        assertEquals(40, d.terms().size(), "every term is kept");
        String substituted = d.lines(Line.Role.SUBSTITUTED).get(0).text();
        List<Term> shown = Deriver.shown(d.terms());
        assertEquals(Deriver.LARGEST_SHOWN, shown.size());
        double smallestShown = shown.stream().mapToDouble(t -> Math.abs(t.value())).min().orElseThrow();
        double rest = 0;
        for (Term t : d.terms()) {
            if (!shown.contains(t)) {
                assertTrue(Math.abs(t.value()) <= smallestShown);
                rest += t.value();
            }
        }
        assertTrue(substituted.contains("+ 35 smaller terms, sum " + Latex.plainNumber(rest)), substituted);
        assertEquals(d.value(), analysis.forward().z(1).get(1, 0), 1e-12);
    }

    @Test
    void theBatchFormsWriteTheSumOverSamplesAndSayWhereTheOneOverMWent() {
        Network net = net(2, 3, Activation.TANH, 2, Activation.SIGMOID, Loss.QUADRATIC, 21);
        Batch batch = batch(net, 4, 2);
        Analysis analysis = analyse(net, batch, Mistake.NONE);
        Derivation gb = Deriver.derive(analysis, Quantity.parse("gradB1[2]", net, 4), Notation.NOTE);
        assertEquals(4, gb.terms().size());
        assertEquals(-1, gb.sample());
        for (int x = 0; x < 4; x++) {
            assertEquals(x, gb.terms().get(x).index());
            assertEquals(analysis.backward().delta(1).get(2, x), gb.terms().get(x).value(), 0.0);
        }
        String text = DerivationFormat.text(gb);
        assertTrue(text.contains("BP3b"), text);
        assertTrue(text.contains("1/m of the batch mean is already inside δ"), text);
        Derivation ga = Deriver.derive(analysis, Quantity.parse("gradA[1,3]", net, 4), Notation.NOTE);
        assertEquals(0.25, ga.terms().get(0).factors().get(0).value(), 0.0, "1/m is a factor of ∇_a C");
        assertTrue(DerivationFormat.text(ga).contains("1/m = 1/4"));
        Derivation gw = Deriver.derive(analysis, Quantity.parse("gradW2[2,1]", net, 4), Notation.NOTE);
        for (int x = 0; x < 4; x++) {
            Term t = gw.terms().get(x);
            assertEquals(analysis.forward().a(1).get(2, x) * analysis.backward().delta(2).get(1, x), t.value(), 0.0);
            assertEquals("a1[2," + x + "]", t.factors().get(0).source().id());
        }
    }

    @Test
    void softmaxOutputGoesThroughTheJacobianAndTheFusedLossIsSoftmaxMinusTarget() {
        Network ce = net(2, 3, Activation.TANH, 3, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 31);
        Batch batch = batch(ce, 1, 4);
        Analysis a = analyse(ce, batch, Mistake.NONE);
        Derivation d = Deriver.derive(a, Quantity.parse("delta2[1]", ce, 1), Notation.NOTE);
        assertEquals(3, d.terms().size(), "one term per i of the Jacobian");
        DMatrixRMaj aL = a.forward().a(2);
        for (int i = 0; i < 3; i++) {
            double jacobian = aL.get(i, 0) * ((i == 1 ? 1 : 0) - aL.get(1, 0));
            assertEquals(a.backward().gradA().get(i, 0) * jacobian, d.terms().get(i).value(), 1e-15);
        }
        assertEquals(aL.get(1, 0) - batch.targets().get(1, 0), d.value(), 1e-12, "δ^L = a^L − t");

        Network fused = ce.withLayers(List.of(new Layer(3, Activation.TANH), new Layer(3, Activation.IDENTITY)))
                .withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
        Analysis f = analyse(fused, batch, Mistake.NONE);
        Derivation df = Deriver.derive(f, Quantity.parse("delta2[1]", fused, 1), Notation.NOTE);
        assertEquals(d.value(), df.value(), 1e-12, "fused and unfused give the same δ^L");
        assertTrue(DerivationFormat.text(df).contains("softmax(z)_j − t_j"), DerivationFormat.text(df));
    }

    static Stream<Arguments> localMistakes() {
        return Stream.of(
                Arguments.of(Mistake.BP1_NO_SIGMA_PRIME, "delta2[1,2]"),
                Arguments.of(Mistake.SIGMA_PRIME_AT_A, "delta2[0,1]"),
                Arguments.of(Mistake.BP2_NO_SIGMA_PRIME, "delta1[2,3]"),
                Arguments.of(Mistake.FORGOT_ONE_OVER_M, "gradA[1,0]"),
                Arguments.of(Mistake.GRAD_A_SIGN, "gradA[0,2]"),
                Arguments.of(Mistake.BP3B_FIRST_SAMPLE, "gradB2[1]"),
                Arguments.of(Mistake.BP3B_MEAN, "gradB2[0]"),
                Arguments.of(Mistake.BP4_Z_NOT_A, "gradW2[1,0]"));
    }

    /**
     * Under a mistake the derivation computes the mistaken entry (the engine's) and, for the entry the mistake
     * first reaches, the right value beside it is the correct engine's.
     */
    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("localMistakes")
    void aMistakeShowsItsFormulaMarksTheWrongPartAndGivesTheRightValue(Mistake mistake, String entry) {
        Network net = net(2, 3, Activation.SIGMOID, 2, Activation.SIGMOID, Loss.QUADRATIC, 41);
        Batch batch = batch(net, 4, 5);
        Analysis wrong = analyse(net, batch, mistake);
        Analysis right = analyse(net, batch, Mistake.NONE);
        Quantity q = Quantity.parse(entry, net, 4);
        Derivation d = Deriver.derive(wrong, q, Notation.NOTE);
        assertEquals(q.value(wrong), d.value(), 1e-12, "the derivation computes what the mistake computes");
        assertEquals(q.value(right), d.rightValue(), 1e-12, "and shows the right value");
        assertNotEquals(d.value(), d.rightValue(), 1e-9);
        assertTrue(d.mistaken());
        assertEquals(1, d.lines(Line.Role.MISTAKE).size());
        assertTrue(d.lines(Line.Role.MISTAKE).get(0).text().contains("✗"));
        assertTrue(d.lines(Line.Role.MISTAKE).get(0).latex().contains("\\textcolor{red}"));
        assertEquals(Verdict.FAIL, d.verdict(), "the check catches it");
    }

    @Test
    void underEveryMistakeEveryDerivationStillEndsOnTheEnginesEntry() {
        Network[] nets = {net(2, 3, Activation.SIGMOID, 2, Activation.SIGMOID, Loss.QUADRATIC, 51),
                net(2, 3, Activation.SOFTMAX, 3, Activation.SOFTMAX, Loss.CROSS_ENTROPY, 52)};
        for (Network net : nets) {
            Batch batch = batch(net, 4, 6);
            for (Mistake mistake : Mistake.values()) {
                Analysis analysis = analyse(net, batch, mistake);
                for (Quantity q : allEntries(net, 4)) {
                    Derivation d = Deriver.derive(analysis, q, Notation.NOTE);
                    double engine = q.value(analysis);
                    assertEquals(engine, d.value(), TOLERANCE * Math.max(1, Math.abs(engine)),
                            mistake + " " + q.id());
                }
            }
        }
    }

    @Test
    void softmaxDiagonalMarksTheOffDiagonalTermsOfAHiddenSoftmax() {
        Network net = net(2, 3, Activation.SOFTMAX, 2, Activation.SIGMOID, Loss.QUADRATIC, 61);
        Batch batch = batch(net, 1, 9);
        Analysis analysis = analyse(net, batch, Mistake.SOFTMAX_DIAGONAL);
        Derivation d = Deriver.derive(analysis, Quantity.parse("delta1[1]", net, 1), Notation.NOTE);
        assertEquals(3, d.terms().size());
        assertTrue(d.terms().get(0).wrong());
        assertTrue(!d.terms().get(1).wrong());
        assertTrue(d.terms().get(2).wrong());
        assertEquals(0.0, d.terms().get(0).value(), 0.0);
        Derivation right = Deriver.derive(analyse(net, batch, Mistake.NONE), Quantity.parse("delta1[1]", net, 1),
                Notation.NOTE);
        assertEquals(right.value(), d.rightValue(), 1e-12);
    }

    @Test
    void entriesAreReadWithTheirSampleAndRefusedWithAClearMessage() {
        Network net = mazur();
        assertEquals("delta1[0,2]", Entries.parse("delta1[0]", net, 4, 2).id());
        assertEquals("delta1[0,2]", Entries.parse("delta1[0,2]", net, 4, 2).id());
        assertEquals("gradW2[1,0]", Entries.parse("gradW2[1,0]", net, 4, null).id());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("delta1[0,1]", net, 4, 2))
                .getMessage().contains("sample 1 but the sample given is 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("delta1[0]", net, 4, 4))
                .getMessage().contains("x goes from 0 to 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("gradB1[0]", net, 4, 1))
                .getMessage().contains("sums over every sample"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("gradW2[2,0]", net, 1, null))
                .getMessage().contains("k goes from 0 to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("w1[0,0]", net, 1, null))
                .getMessage().contains("a parameter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("delta1", net, 1, null))
                .getMessage().contains("whole matrix"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Entries.parse("delta3[0]", net, 1, null))
                .getMessage().contains("unknown layer 3"));
    }

    @Test
    void theBp2AndBatchLessonsDeriveEntriesThatEndOnTheEnginesValue() throws Exception {
        int derived = 0;
        for (String file : new String[]{"lessons/02-delta-and-bp2.md", "lessons/04-batches.md"}) {
            org.backprop.workbench.lesson.Lesson lesson = org.backprop.workbench.lesson.LessonParser.parse(
                    java.nio.file.Path.of(file));
            int inThisLesson = 0;
            for (org.backprop.workbench.lesson.LessonStep step : lesson.steps()) {
                if (step.deriveEntry().isEmpty()) {
                    continue;
                }
                Quantity q = step.deriveEntry().get();
                Analysis analysis = analyse(step.document().network(), step.document().batch(), step.mistake());
                Derivation d = Deriver.derive(analysis, q, step.notation());
                assertEquals(q.value(analysis), d.value(), TOLERANCE, file + " " + q.id());
                assertEquals(Verdict.PASS, d.verdict(), file + " " + q.id());
                inThisLesson++;
            }
            assertTrue(inThisLesson >= 1, file + " uses @derive");
            derived += inThisLesson;
        }
        assertEquals(3, derived);
    }

    @Test
    void everyLossAndTheNewActivationsAreDerivedFromTheirKernels() {
        Network[] nets = {net(2, 3, Activation.GELU, 2, Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY, 71),
                net(2, 3, Activation.SWISH, 2, Activation.GELU, Loss.QUADRATIC, 72)};
        for (Loss loss : Loss.values()) {
            Activation out = loss.requiredOutput() != null ? loss.requiredOutput() : Activation.SWISH;
            Network net = net(2, 3, Activation.SWISH, out == Activation.SOFTMAX ? 3 : 2, out, loss, 73);
            Analysis a = analyse(net, batch(net, 2, 9), Mistake.NONE);
            Derivation g = Deriver.derive(a, Quantity.parse("gradA[1,1]", net, 2), Notation.NOTE);
            assertEquals(a.backward().gradA().get(1, 1), g.value(), 1e-15, loss.id());
            assertTrue(DerivationFormat.text(g).contains(loss.kernel().gradADerivationText(2)), DerivationFormat.text(g));
            Derivation d = Deriver.derive(a, Quantity.parse("delta2[1,1]", net, 2), Notation.NOTE);
            assertEquals(a.backward().delta(2).get(1, 1), d.value(), 1e-12 * Math.max(1, Math.abs(d.value())),
                    loss.id());
            assertEquals(Verdict.PASS, d.verdict(), loss.id() + ": " + DerivationFormat.text(d));
        }
        for (Network net : nets) {
            Analysis a = analyse(net, batch(net, 1, 10), Mistake.NONE);
            for (int l = 1; l <= 2; l++) {
                Derivation d = Deriver.derive(a, Quantity.parse("delta" + l + "[0]", net, 1), Notation.NOTE);
                String text = DerivationFormat.text(d);
                assertTrue(text.contains(net.activation(l).kernel().derivativeText()), text);
                assertEquals(a.backward().delta(l).get(0, 0), d.value(), 1e-12, net.describe() + " delta" + l);
                assertEquals(Verdict.PASS, d.verdict(), text);
            }
        }
    }
}
