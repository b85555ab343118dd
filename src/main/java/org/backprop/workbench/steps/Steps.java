package org.backprop.workbench.steps;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The step list of a network and the detail of each step: the typeset formula (single-sample and batch form), the
 * matrices that enter with their shapes, the result and the formula with the numbers substituted.
 *
 * <p>Step ids, in order, for L layers after the input: {@code z1 a1 ... zL aL cost gradA deltaL ... delta1
 * gradBL ... gradB1 gradWL ... gradW1}. They are a contract with the app, the lessons and the tests.
 */
public final class Steps {
    private Steps() {
    }

    /** The steps of a network, forward then backward, in the order of the contract. */
    public static List<Step> of(Network net) {
        int depth = net.depth();
        List<Step> steps = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            steps.add(new Step("z" + l, StepKind.Z, l, depth));
            steps.add(new Step("a" + l, StepKind.A, l, depth));
        }
        steps.add(new Step("cost", StepKind.COST, depth, depth));
        steps.add(new Step("gradA", StepKind.GRAD_A, depth, depth));
        for (int l = depth; l >= 1; l--) {
            steps.add(new Step("delta" + l, StepKind.DELTA, l, depth));
        }
        for (int l = depth; l >= 1; l--) {
            steps.add(new Step("gradB" + l, StepKind.GRAD_B, l, depth));
        }
        for (int l = depth; l >= 1; l--) {
            steps.add(new Step("gradW" + l, StepKind.GRAD_W, l, depth));
        }
        return List.copyOf(steps);
    }

    /** The step with that id, if the network has it. */
    public static Optional<Step> find(Network net, String id) {
        return of(net).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The checks of the step's formula in its layer, if the step is checked (δ, ∂C/∂b, ∂C/∂w). */
    public static Optional<CheckSummary> summary(Analysis analysis, Step step) {
        return step.formula().map(f -> analysis.summary(f, step.layer()));
    }

    /** The detail of one step of an analysis, displayed in a notation. */
    public static StepDetail detail(Analysis analysis, Step step, Notation notation) {
        return new Builder(analysis, step, notation).build();
    }

    /** Works out one step: its operands (keyed), a template rendered three times (single, batch, numbers). */
    private static final class Builder {
        private final Analysis an;
        private final Network net;
        private final Step step;
        private final Notation notation;
        private final int l;
        private final int depth;
        private final int m;
        private final boolean nielsen;
        private final Mistake mistake;
        private final Map<String, Operand> operands = new LinkedHashMap<>();
        private final Map<String, String> batchSymbols = new LinkedHashMap<>();
        private String mistakeNote = "";
        private String notationNote = "";

        Builder(Analysis analysis, Step step, Notation notation) {
            this.an = analysis;
            this.net = analysis.network();
            this.step = step;
            this.notation = notation;
            this.l = step.layer();
            this.depth = net.depth();
            this.m = analysis.batch().size();
            this.nielsen = notation.transposesWeights();
            this.mistake = analysis.mistake();
        }

        /** A symbol ({@code single} for one sample, {@code batch} in bold for the batch form) and its value. */
        private void operand(String key, String name, String single, String batch, DMatrixRMaj value) {
            operands.put(key, new Operand(name, single, value));
            batchSymbols.put(key, batch);
        }

        private void weights(String key, int layer) {
            DMatrixRMaj w = net.w(layer);
            String s = "w^{" + layer + "}";
            operand(key, "w^" + layer, s, s, nielsen ? transpose(w) : w);
            notationNote = nielsen
                    ? Messages.get("steps.weightsNielsen", layer, net.size(layer), net.size(layer - 1))
                    : Messages.get("steps.weightsNote", layer, net.size(layer - 1), net.size(layer));
        }

        private void layerValue(String key, String base, int layer, DMatrixRMaj value) {
            String greek = base.equals("delta") ? "\\delta" : base;
            String bold = base.equals("delta") ? "\\boldsymbol{\\delta}" : "\\mathbf{" + base + "}";
            String name = (base.equals("delta") ? "δ" : base) + "^" + layer;
            operand(key, name, greek + "^{" + layer + "}", bold + "^{" + layer + "}", value);
        }

        private void targets() {
            operand("t", "t", "t", "\\mathbf{t}", an.batch().targets());
        }

        private void gradA() {
            operand("gradA", "∇_a C", "\\nabla_{a} C", "\\nabla_{\\mathbf{a}} C", an.backward().gradA());
        }

        StepDetail build() {
            Template template = switch (step.kind()) {
                case Z -> z();
                case A -> a();
                case COST -> cost();
                case GRAD_A -> gradAStep();
                case DELTA -> delta();
                case GRAD_B -> gradB();
                case GRAD_W -> gradW();
            };
            Operand result = template.result;
            Renderer single = new Renderer(false, key -> operands.get(key).latex(), "m", false);
            Renderer batch = new Renderer(true, batchSymbols::get, "m", false);
            Renderer values = new Renderer(m > 1, key -> Latex.matrix(operands.get(key).value()),
                    Integer.toString(m), true);
            Renderer symbols = m > 1 ? batch : single;
            String lhsSingle = template.lhs.apply(single);
            String lhsBatch = template.lhs.apply(batch);
            String singleLatex = lhsSingle + " = " + template.rhs.apply(single);
            String batchLatex = lhsBatch + " = " + template.rhs.apply(batch);
            String resultLatex = template.scalarResult
                    ? Latex.number(result.value().get(0, 0))
                    : Latex.matrix(result.value());
            String lhs = template.lhs.apply(symbols);
            String rhs = template.rhs.apply(values);
            String substituted = lhs + " = " + rhs + " = " + resultLatex;
            String stacked = "\\begin{array}{l}" + lhs + " = " + rhs + "\\\\ \\qquad = " + resultLatex
                    + "\\end{array}";
            return new StepDetail(step, notation, m > 1, singleLatex, batchLatex, new ArrayList<>(operands.values()),
                    template.shapes, result, substituted, stacked, mistakeNote, notationNote);
        }

        // ---- forward ----

        private Template z() {
            weights("w", l);
            String prev = l == 1 ? Messages.get("steps.input") : null;
            layerValue("a", "a", l - 1, an.forward().a(l - 1));
            if (prev != null) {
                operands.put("a", new Operand(prev, operands.get("a").latex(), operands.get("a").value()));
            }
            operand("b", "b^" + l, "b^{" + l + "}", "b^{" + l + "}", net.b(l));
            Operand result = new Operand("z^" + l, "z^{" + l + "}", an.forward().z(l));
            String nIn = Integer.toString(net.size(l - 1));
            String nOut = Integer.toString(net.size(l));
            String w = nielsen ? nOut + "×" + nIn : "(" + nIn + "×" + nOut + ")^T";
            String shapes = w + " · " + nIn + "×" + m + " + " + nOut + "×1" + (m > 1 ? " · 1^T" : "")
                    + " = " + nOut + "×" + m;
            return new Template(r -> r.sym("z", l),
                    r -> (nielsen ? r.of("w") : r.t("w")) + "\\," + r.of("a") + " + " + r.of("b") + r.onesT(),
                    result, shapes);
        }

        private Template a() {
            Activation sigma = net.activation(l);
            layerValue("z", "z", l, an.forward().z(l));
            Operand result = new Operand("a^" + l, "a^{" + l + "}", an.forward().a(l));
            String shape = net.size(l) + "×" + m;
            String shapes = name(sigma) + "(" + shape + ") = " + shape
                    + (sigma.isElementwise() ? "" : " " + Messages.get("steps.columnByColumn"));
            return new Template(r -> r.sym("a", l), r -> fn(sigma) + "\\left(" + r.of("z") + "\\right)", result, shapes);
        }

        private Template cost() {
            Loss loss = net.loss();
            boolean fused = loss.kernel().readsLogits();
            if (fused) {
                layerValue("aL", "z", depth, an.forward().z(depth));
            } else {
                layerValue("aL", "a", depth, an.forward().a(depth));
            }
            targets();
            DMatrixRMaj c = new DMatrixRMaj(1, 1);
            c.set(0, 0, an.forward().cost());
            Operand result = new Operand("C", "C", c);
            String shape = net.size(depth) + "×" + m;
            String shapes = "C(" + shape + ", " + shape + ") = " + Messages.get("steps.scalar");
            Function<Renderer, String> rhs = r -> r.values
                    ? loss.kernel().costValuesLatex(r.of("aL"), r.of("t"), r.batch, r.m)
                    : loss.kernel().costLatex(depth, r.batch, r.m);
            Template t = new Template(r -> "C", rhs, result, shapes);
            t.scalarResult = true;
            return t;
        }

        // ---- backward ----

        private Template gradAStep() {
            Loss loss = net.loss();
            boolean fused = loss.kernel().readsLogits();
            if (fused) {
                layerValue("aL", "z", depth, an.forward().z(depth));
            } else {
                layerValue("aL", "a", depth, an.forward().a(depth));
            }
            targets();
            gradA();
            Operand result = operands.remove("gradA");
            batchSymbols.remove("gradA");
            if (mistake.altersGradA(m)) {
                mistakeNote = notation.describe(mistake);
            }
            String shape = net.size(depth) + "×" + m;
            String shapes = (m > 1 ? "(1/" + m + ") · " : "") + "f(" + shape + ", " + shape + ") = " + shape;
            Function<Renderer, String> rhs = r -> {
                String a = r.of("aL");
                String t = r.of("t");
                return mistake.gradALatex(loss.kernel().gradALatex(a, t), r.batch, r.m, m);
            };
            return new Template(r -> r.batch ? "\\nabla_{\\mathbf{a}} C" : "\\nabla_{a} C", rhs, result, shapes);
        }

        private Template delta() {
            Activation sigma = net.activation(l);
            boolean output = l == depth;
            boolean fused = output && net.loss().kernel().readsLogits();
            Mistake.DeltaForm form = mistake.deltaForm(output, sigma);
            boolean atA = form == Mistake.DeltaForm.AT_A;
            boolean diagonal = form == Mistake.DeltaForm.DIAGONAL;
            boolean dropped = form == Mistake.DeltaForm.NO_SIGMA_PRIME;
            Operand result = new Operand("δ^" + l, "\\delta^{" + l + "}", an.backward().delta(l));
            String n = net.size(l) + "×" + m;

            // the incoming gradient: ∇_a C for BP1, w^{l+1} δ^{l+1} for BP2
            Function<Renderer, String> incoming;
            String incomingShape;
            if (output) {
                gradA();
                incoming = r -> r.of("gradA");
                incomingShape = n;
            } else {
                weights("wNext", l + 1);
                layerValue("deltaNext", "delta", l + 1, an.backward().delta(l + 1));
                incoming = r -> "\\left(" + (nielsen ? r.t("wNext") : r.of("wNext")) + "\\," + r.of("deltaNext")
                        + "\\right)";
                String next = Integer.toString(net.size(l + 1));
                incomingShape = "(" + (nielsen ? "(" + next + "×" + net.size(l) + ")^T" : net.size(l) + "×" + next)
                        + " · " + next + "×" + m + ")";
            }

            Function<Renderer, String> rhs;
            String shapes;
            if (dropped) {
                mistakeNote = notation.describe(mistake);
                rhs = r -> Latex.wrong(incoming.apply(r));
                shapes = incomingShape + " = " + n;
            } else if (fused && !atA) {
                DMatrixRMaj softmax = Activation.SOFTMAX.apply(an.forward().z(l));
                operand("softmax", "softmax(z^" + l + ")", "\\mathrm{softmax}(z^{" + l + "})",
                        "\\mathrm{softmax}(\\mathbf{z}^{" + l + "})", softmax);
                targets();
                Function<Renderer, String> fusedForm = r -> r.of("softmax") + " - " + r.of("t");
                rhs = r -> r.values
                        ? (r.batch ? "\\frac{1}{" + r.m + "}\\left(" + fusedForm.apply(r) + "\\right)" : fusedForm.apply(r))
                        : incoming.apply(r) + " \\odot \\mathrm{id}'(" + r.sym("z", l) + ") = "
                        + (r.batch ? "\\frac{1}{" + r.m + "}\\left(" + fusedForm.apply(r) + "\\right)" : fusedForm.apply(r));
                shapes = (m > 1 ? "(1/" + m + ") · " : "") + "(" + n + " − " + n + ") = " + n
                        + "   " + Messages.get("steps.fusedSoftmax");
            } else if (diagonal) {
                mistakeNote = notation.describe(mistake);
                operand("sp", "a^" + l + " ⊙ (1 − a^" + l + ")", "a^{" + l + "} \\odot (1 - a^{" + l + "})",
                        "\\mathbf{a}^{" + l + "} \\odot (1 - \\mathbf{a}^{" + l + "})", sigma.derivative(an.forward().z(l)));
                rhs = r -> incoming.apply(r) + " \\odot " + Latex.wrong(r.of("sp"));
                shapes = incomingShape + " ⊙ " + n + " = " + n;
            } else if (!sigma.isElementwise()) {
                DMatrixRMaj at = atA ? an.forward().a(l) : an.forward().z(l);
                if (atA) {
                    mistakeNote = notation.describe(mistake);
                    layerValue("at", "a", l, at);
                } else {
                    layerValue("at", "z", l, at);
                }
                rhs = r -> {
                    String j = "J_{\\mathrm{softmax}}\\left(" + r.of("at") + "\\right)^{T}";
                    return (atA ? Latex.wrong(j) : j) + incoming.apply(r)
                            + (r.batch && !r.values ? "\\quad\\text{" + Messages.get("steps.columnByColumn") + "}" : "");
                };
                shapes = "J(" + n + ")^T · " + incomingShape + " = " + n + " " + Messages.get("steps.columnByColumn");
            } else {
                DMatrixRMaj at = atA ? an.forward().a(l) : an.forward().z(l);
                String arg = atA ? "a" : "z";
                if (atA) {
                    mistakeNote = notation.describe(mistake);
                }
                operand("sp", name(sigma) + "'(" + arg + "^" + l + ")",
                        fn(sigma) + "'(" + arg + "^{" + l + "})", fn(sigma) + "'(\\mathbf{" + arg + "}^{" + l + "})",
                        sigma.derivative(at));
                rhs = r -> incoming.apply(r) + " \\odot " + (atA ? Latex.wrong(r.of("sp")) : r.of("sp"));
                shapes = incomingShape + " ⊙ " + n + " = " + n;
            }
            return new Template(r -> r.sym("delta", l), rhs, result, shapes);
        }

        private Template gradB() {
            layerValue("delta", "delta", l, an.backward().delta(l));
            DMatrixRMaj ones = new DMatrixRMaj(m, 1);
            CommonOps_DDRM.fill(ones, 1.0);
            operand("one", "1", "\\mathbf{1}", "\\mathbf{1}", ones);
            Operand result = new Operand("∂C/∂b^" + l, "\\frac{\\partial C}{\\partial b^{" + l + "}}",
                    an.backward().gradB(l));
            boolean first = mistake.bp3FirstSampleOnly(m);
            if (mistake.altersGradB(m)) {
                mistakeNote = notation.describe(mistake);
            }
            if (first) {
                DMatrixRMaj e1 = new DMatrixRMaj(m, 1);
                e1.set(0, 0, 1.0);
                operand("one", "e_1", "e_{1}", "\\mathbf{e}_{1}", e1);
            }
            String n = Integer.toString(net.size(l));
            String shapes = m > 1 ? n + "×" + m + " · " + m + "×1 = " + n + "×1" : n + "×1 = " + n + "×1";
            Function<Renderer, String> rhs = r -> mistake.gradBLatex(r.of("delta"), r.of("one"), r.batch, r.m, m);
            return new Template(r -> "\\frac{\\partial C}{\\partial b^{" + l + "}}", rhs, result, shapes);
        }

        private Template gradW() {
            boolean zNotA = mistake.bp4ReadsZ(l);
            if (zNotA) {
                mistakeNote = notation.describe(mistake);
                layerValue("a", "z", l - 1, an.forward().z(l - 1));
            } else {
                layerValue("a", "a", l - 1, an.forward().a(l - 1));
            }
            layerValue("delta", "delta", l, an.backward().delta(l));
            DMatrixRMaj g = an.backward().gradW(l);
            Operand result = new Operand("∂C/∂w^" + l, "\\frac{\\partial C}{\\partial w^{" + l + "}}",
                    nielsen ? transpose(g) : g);
            String nIn = Integer.toString(net.size(l - 1));
            String nOut = Integer.toString(net.size(l));
            String shapes = nielsen
                    ? nOut + "×" + m + " · (" + nIn + "×" + m + ")^T = " + nOut + "×" + nIn
                    : nIn + "×" + m + " · (" + nOut + "×" + m + ")^T = " + nIn + "×" + nOut;
            notationNote = nielsen
                    ? Messages.get("steps.gradWNielsen", l, net.size(l), net.size(l - 1))
                    : Messages.get("steps.gradWNote", l, net.size(l - 1), net.size(l));
            Function<Renderer, String> input = r -> zNotA ? Latex.wrong(r.of("a")) : r.of("a");
            Function<Renderer, String> inputT = r -> zNotA ? Latex.wrong(r.t("a")) : r.t("a");
            Function<Renderer, String> rhs = r -> nielsen
                    ? r.of("delta") + "\\," + inputT.apply(r)
                    : input.apply(r) + "\\," + r.t("delta");
            return new Template(r -> "\\frac{\\partial C}{\\partial w^{" + l + "}}", rhs, result, shapes);
        }
    }

    /** How a step is written: a left-hand side, a right-hand side and the computed result. */
    private static final class Template {
        final Function<Renderer, String> lhs;
        final Function<Renderer, String> rhs;
        final Operand result;
        final String shapes;
        boolean scalarResult;

        Template(Function<Renderer, String> lhs, Function<Renderer, String> rhs, Operand result, String shapes) {
            this.lhs = lhs;
            this.rhs = rhs;
            this.result = result;
            this.shapes = shapes;
        }
    }

    /** Writes an operand as its symbol (single or batch form) or as its matrix of numbers. */
    private static final class Renderer {
        final boolean batch;
        final Function<String, String> of;
        final String m;
        final boolean values;

        Renderer(boolean batch, Function<String, String> of, String m, boolean values) {
            this.batch = batch;
            this.of = of;
            this.m = m;
            this.values = values;
        }

        String of(String key) { return of.apply(key); }

        /** The operand transposed: (w^{2})^{T} or (…)^{T}. */
        String t(String key) {
            String s = of(key);
            return values ? s + "^{T}" : "\\left(" + s + "\\right)^{T}";
        }

        /** The 1^T that spreads a bias over the samples, in the batch form only. */
        String onesT() { return batch ? "\\mathbf{1}^{T}" : ""; }

        /** The step's own symbol on the left-hand side: z^{l}, or bold in the batch form. */
        String sym(String base, int layer) {
            if (base.equals("delta")) {
                return (batch ? "\\boldsymbol{\\delta}" : "\\delta") + "^{" + layer + "}";
            }
            return (batch ? "\\mathbf{" + base + "}" : base) + "^{" + layer + "}";
        }
    }

    /** The activation as a LaTeX function name, as its kernel writes it (σ for sigmoid). */
    static String fn(Activation sigma) {
        return sigma.kernel().latex();
    }

    /** The activation as plain text, as its kernel writes it (σ for sigmoid). */
    static String name(Activation sigma) {
        return sigma.kernel().symbol();
    }

    /** A transposed copy. */
    static DMatrixRMaj transpose(DMatrixRMaj m) {
        return CommonOps_DDRM.transpose(m, null);
    }
}
