package org.backprop.workbench.derive;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.derive.Line.Role;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the note's derivation of one entry from an {@link Analysis}: the definition, the chain rule in index form,
 * the sum written out term by term with the run's numbers, the factor outside the sum, and the result, which equals
 * the engine's entry. Each kind of entry is one method, next to the formula it derives:
 * <pre>
 *   z^l_j    = Σ_k w^l_kj a^{l-1}_k + b^l_j                       {@link #z}
 *   a^l_j    = σ(z^l_j)   (softmax: e^{z_j} / Σ_i e^{z_i})        {@link #a}
 *   ∇_a C_j  = (1/m) ∂C_x/∂a^L_j                                 {@link #gradA}
 *   δ^L_j    = ∇_a C_j σ'(z^L_j)   (softmax: Σ_i ∇_a C_i a_i(δ_ij − a_j))        {@link #bp1}
 *   δ^l_j    = (Σ_k w^{l+1}_jk δ^{l+1}_k) σ'(z^l_j)   (softmax: through the Jacobian)   {@link #bp2}
 *   ∂C/∂b^l_j  = Σ_x δ^l_jx                                       {@link #bp3}
 *   ∂C/∂w^l_kj = Σ_x a^{l-1}_kx δ^l_jx                            {@link #bp4}
 * </pre>
 * Under a deliberate mistake the derivation computes what the mistake computes (so its result is still the
 * engine's entry), marks the wrong terms and shows the right ones.
 */
public final class Deriver {
    /** Sums with more terms than this are printed with their largest terms only. */
    public static final int MAX_TERMS = 8;

    /** How many of the largest terms a long sum shows before "+ N smaller terms". */
    public static final int LARGEST_SHOWN = 5;

    /** Logits up to this size are exponentiated as they are; above it e^z would not fit a double. */
    private static final double MAX_PLAIN_EXPONENT = 700;

    private final Analysis analysis;
    private final Network net;
    private final Mistake mistake;
    private final Notation notation;
    private final int m;
    private final int depth;
    /** The language of the prose; formula names, symbols and mistake ids are the same in every language. */
    private final Locale language;

    private Deriver(Analysis analysis, Notation notation, Locale language) {
        this.analysis = analysis;
        this.net = analysis.network();
        this.mistake = analysis.mistake();
        this.notation = notation;
        this.m = analysis.batch().size();
        this.depth = net.depth();
        this.language = language;
    }

    /**
     * The derivation of one entry.
     *
     * @param analysis a run; its checks are used when they contain the entry, otherwise the entry is checked alone
     * @param entry    an entry (not a whole matrix) of z, a, ∇_a C, δ, ∂C/∂b or ∂C/∂w
     * @param notation how weights are written
     * @throws IllegalArgumentException for a whole matrix, a weight, a bias or the cost
     */
    public static Derivation derive(Analysis analysis, Quantity entry, Notation notation) {
        return derive(analysis, entry, notation, Messages.locale());
    }

    /** The derivation of one entry with its prose in {@code language} (JSON output asks for English). */
    public static Derivation derive(Analysis analysis, Quantity entry, Notation notation, Locale language) {
        return new Deriver(analysis, notation, language).derive(entry);
    }

    /** The message {@code key} of the derivation's language; every argument is a ready string or number text. */
    private String t(String key, Object... args) {
        return Messages.get(language, key, args);
    }

    /** {@code ;\ \text{right: } } in the derivation's language. */
    private String rightTex() {
        return ";\\ \\text{" + t("derive.tex.right") + " } ";
    }

    private Derivation derive(Quantity q) {
        if (!q.isEntry()) {
            throw new IllegalArgumentException(t("derive.entry.whole", q.id(), Quantity.derivableForms()));
        }
        int[] i = q.index();
        Result r = switch (q.kind()) {
            case Z -> z(q.layer(), i[0], i[1]);
            case A -> a(q.layer(), i[0], i[1]);
            case GRAD_A -> gradA(i[0], i[1]);
            case DELTA -> q.layer() == depth ? bp1(i[0], i[1]) : bp2(q.layer(), i[0], i[1]);
            case GRAD_B -> bp3(q.layer(), i[0]);
            case GRAD_W -> bp4(q.layer(), i[0], i[1]);
            case W, B, COST -> throw new IllegalArgumentException(t(q.kind() == Quantity.Kind.COST
                    ? "derive.entry.cost" : "derive.entry.parameter", q.id(), Quantity.derivableForms()));
        };
        double matrixValue = q.value(analysis);
        r.lines.add(line(Role.RESULT, name(q) + " = " + txt(r.value)
                        + (txt(r.value).equals(txt(matrixValue)) ? "" : "   (" + t("derive.text.matrixEntry", txt(matrixValue)) + ")"),
                latexName(q) + " = " + tex(r.value)));
        Check check = check(q, r.value);
        if (check != null) {
            // the verdict in the user's language ("pass", 通过), as the verdict chip says it; the id stays in check.verdict
            String verdict = t("verdict." + check.verdict.name().toLowerCase(java.util.Locale.ROOT));
            r.lines.add(line(Role.NOTE, t("derive.text.check", txt(check.numeric), Latex.plainNumber(check.rel),
                            verdict),
                    "\\text{" + t("derive.tex.numerical") + " } " + tex(check.numeric) + ",\\ \\text{"
                            + t("derive.tex.relError") + " } " + tex(check.rel)
                            + ",\\ \\text{" + verdict + "}"));
        }
        int sample = q.kind() == Quantity.Kind.GRAD_B || q.kind() == Quantity.Kind.GRAD_W ? -1 : i[1];
        return new Derivation(q, sample, m, r.lines, r.terms, r.value, matrixValue, r.right,
                check == null ? Double.NaN : check.numeric, check == null ? Double.NaN : check.rel,
                check == null ? null : check.verdict, mistake, notation);
    }

    /** What a kind's method returns: the lines so far (without the result), the terms, the value, the right value. */
    private static final class Result {
        final List<Line> lines = new ArrayList<>();
        final List<Term> terms = new ArrayList<>();
        double value;
        double right;
    }

    // ---- z^l_j = Σ_k w^l_kj a^{l-1}_k + b^l_j -------------------------------------------------------------------

    private Result z(int l, int j, int x) {
        Result r = new Result();
        DMatrixRMaj w = net.w(l);
        DMatrixRMaj aPrev = analysis.forward().a(l - 1);
        for (int k = 0; k < net.size(l - 1); k++) {
            double wk = w.get(k, j);
            double ak = aPrev.get(k, x);
            r.terms.add(Term.of(k, List.of(weight(l, k, j), neuronFactor("a", l - 1, k, x, ak)), wk * ak));
        }
        double bias = net.b(l).get(j, 0);
        double sum = sum(r.terms);
        r.value = sum + bias;
        r.right = r.value;
        String zj = sym("z", l, j, x);
        String matrixForm = notation.transposesWeights() ? "z^" + l + " = w^" + l + " a^" + (l - 1) + " + b^" + l
                : "z^" + l + " = (w^" + l + ")^T a^" + (l - 1) + " + b^" + l;
        r.lines.add(line(Role.DEFINITION, zj + " = Σ_{k=0}^{" + (net.size(l - 1) - 1) + "} " + wSym(l, "k", "" + j)
                        + " " + symRaw("a", l - 1, "k", x) + " + " + sym("b", l, j) + "   (" + matrixForm + ")",
                texSym("z", l, j, x) + " = \\sum_{k=0}^{" + (net.size(l - 1) - 1) + "} " + wTex(l, "k", "" + j)
                        + "\\, " + texSymRaw("a", l - 1, "k", x) + " + " + texSym("b", l, j)));
        addTerms(r, " + " + sym("b", l, j), " + " + texSym("b", l, j), " + " + txt(bias),
                " + " + tex(bias));
        r.lines.add(line(Role.SUM, t("derive.text.sumAndBias", txt(sum), sym("b", l, j), txt(bias)),
                "\\textstyle\\sum_k = " + tex(sum) + ",\\quad " + texSym("b", l, j) + " = " + tex(bias)));
        return r;
    }

    // ---- a^l_j = σ(z^l_j) ------------------------------------------------------------------------------------------

    private Result a(int l, int j, int x) {
        Result r = new Result();
        if (l == 0) {
            r.value = analysis.forward().a(0).get(j, x);
            r.right = r.value;
            r.lines.add(line(Role.DEFINITION, t("derive.text.input", sym("a", 0, j, x), "" + j, "" + x),
                    texSym("a", 0, j, x) + " = x_{" + j + "}\\ \\text{(" + t("derive.tex.input") + ")}"));
            return r;
        }
        Activation sigma = net.activation(l);
        DMatrixRMaj z = analysis.forward().z(l);
        if (sigma == Activation.SOFTMAX) {
            double shift = 0;
            for (int i = 0; i < z.numRows; i++) {
                shift = Math.max(shift, z.get(i, x));
            }
            if (shift <= MAX_PLAIN_EXPONENT) {
                shift = 0;
            }
            for (int i = 0; i < z.numRows; i++) {
                double e = Math.exp(z.get(i, x) - shift);
                r.terms.add(Term.of(i, List.of(new Factor("e^{" + sym("z", l, i, x) + "}",
                        "e^{" + texSym("z", l, i, x) + "}", e, Source.neuron("z", l, i, x))), e));
            }
            double total = sum(r.terms);
            r.value = r.terms.get(j).value() / total;
            r.right = r.value;
            r.lines.add(line(Role.DEFINITION, sym("a", l, j, x) + " = e^{" + sym("z", l, j, x) + "} / Σ_i e^{"
                            + symRaw("z", l, "i", x) + "}   (" + t("derive.text.softmaxDepends") + ")",
                    texSym("a", l, j, x) + " = \\frac{e^{" + texSym("z", l, j, x) + "}}{\\sum_i e^{"
                            + texSymRaw("z", l, "i", x) + "}}"));
            addTerms(r);
            if (shift != 0) {
                r.lines.add(line(Role.NOTE, t("derive.text.shifted", txt(shift)),
                        "\\text{" + t("derive.tex.shifted") + " } \\max z = " + tex(shift)));
            }
            r.lines.add(line(Role.SUM, "Σ_i e^{z_i} = " + txt(total) + ", e^{" + sym("z", l, j, x) + "} = "
                            + txt(r.terms.get(j).value()),
                    "\\textstyle\\sum_i e^{z_i} = " + tex(total)));
            return r;
        }
        double zj = z.get(j, x);
        r.value = apply(sigma, zj);
        r.right = r.value;
        r.terms.add(Term.of(j, List.of(neuronFactor("z", l, j, x, zj)), r.value));
        r.lines.add(line(Role.DEFINITION, sym("a", l, j, x) + " = σ(" + sym("z", l, j, x) + "),  σ = " + sigma.id(),
                texSym("a", l, j, x) + " = \\sigma(" + texSym("z", l, j, x) + "),\\ \\sigma = \\mathrm{"
                        + sigma.id() + "}"));
        r.lines.add(line(Role.SUBSTITUTED, "= " + sigma.id() + "(" + txt(zj) + ")",
                "= \\mathrm{" + sigma.id() + "}(" + tex(zj) + ")"));
        return r;
    }

    // ---- ∇_a C_j = (1/m) ∂C_x/∂a^L_j: the one place the batch size enters ----------------------------------------

    private Result gradA(int j, int x) {
        Result r = new Result();
        Local local = localGradA(j, x);
        double scale = mistake == Mistake.FORGOT_ONE_OVER_M ? 1.0 : 1.0 / m;
        double sign = mistake == Mistake.GRAD_A_SIGN ? -1.0 : 1.0;
        r.value = local.value * scale * sign;
        r.right = local.value * (1.0 / m);
        List<Factor> factors = List.of(new Factor("1/m", "\\frac{1}{m}", 1.0 / m, null),
                new Factor("∂C_x/∂" + sym("a", depth, j, x), "\\frac{\\partial C_x}{\\partial "
                        + texSym("a", depth, j, x) + "}", local.value, Source.neuron("a", depth, j, x)));
        r.terms.add(new Term(j, factors, r.value, mistake == Mistake.FORGOT_ONE_OVER_M
                || mistake == Mistake.GRAD_A_SIGN, r.right));
        String g = gradSym(j, x);
        r.lines.add(line(Role.DEFINITION, g + " = ∂C/∂" + sym("a", depth, j, x) + " = (1/m) ∂C_x/∂"
                        + sym("a", depth, j, x) + ",   C = (1/m) Σ_x C_x",
                gradTex(j, x) + " = \\frac{\\partial C}{\\partial " + texSym("a", depth, j, x)
                        + "} = \\frac{1}{m} \\frac{\\partial C_x}{\\partial " + texSym("a", depth, j, x) + "}"));
        r.lines.add(line(Role.CHAIN_RULE, local.formulaText, local.formulaLatex));
        r.lines.add(line(Role.SUBSTITUTED, "∂C_x/∂" + sym("a", depth, j, x) + " = " + local.substitutedText + " = "
                        + txt(local.value),
                "\\frac{\\partial C_x}{\\partial " + texSym("a", depth, j, x) + "} = " + local.substitutedLatex
                        + " = " + tex(local.value)));
        r.lines.add(line(Role.FACTOR, "1/m = 1/" + m + "   (" + t("derive.text.oneOverMEnters") + ")",
                "\\frac{1}{m} = \\frac{1}{" + m + "}\\quad\\text{(" + t("derive.tex.oneOverMEnters") + ")}"));
        if (mistake == Mistake.FORGOT_ONE_OVER_M) {
            r.lines.add(mistakeLine(t("derive.text.forgotOneOverM", g, txt(r.value), "" + m, txt(local.value),
                    txt(r.right)), t("derive.tex.forgotOneOverM", "\\tfrac{1}{m}")
                    + Latex.wrong(tex(r.value)) + rightTex() + tex(r.right)));
        } else if (mistake == Mistake.GRAD_A_SIGN) {
            r.lines.add(mistakeLine(t("derive.text.signFlipped", g, txt(r.value), txt(r.right)),
                    "\\text{" + t("derive.tex.signFlipped") + " } " + Latex.wrong(tex(r.value))
                    + rightTex() + tex(r.right)));
        } else {
            r.lines.add(line(Role.SUBSTITUTED, "= (1/" + m + ")(" + txt(local.value) + ")",
                    "= \\frac{1}{" + m + "}\\left(" + tex(local.value) + "\\right)"));
        }
        return r;
    }

    /** ∂C_x/∂a^L_j of one sample, without the 1/m: the loss's own derivative, in symbols and numbers. */
    private record Local(double value, String formulaText, String formulaLatex, String substitutedText,
                         String substitutedLatex) {
    }

    /** Every piece from the loss's kernel: its formula, its numbers put in, its value (the engine's). */
    private Local localGradA(int j, int x) {
        double[] z = column(analysis.forward().z(depth), x);
        double[] a = column(analysis.forward().a(depth), x);
        double[] t = column(analysis.batch().targets(), x);
        double[] g = new double[a.length];
        LossKernel loss = net.loss().kernel();
        loss.sampleGradA(z, a, t, g, 0, 1, a.length);
        String sample = m == 1 ? "" : "," + x;
        EntryText plain = new EntryText(sym("a", depth, j, x), "t[" + j + sample + "]", depth, j, Deriver::txt, false);
        EntryText latex = new EntryText(texSym("a", depth, j, x), "t_{" + j + sample + "}", depth, j, Deriver::tex,
                true);
        return new Local(g[j], loss.gradADerivationText(depth), loss.gradADerivationLatex(depth),
                loss.gradASubstituted(z, a, t, plain), loss.gradASubstituted(z, a, t, latex));
    }

    // ---- BP1: δ^L_j = ∇_a C_j σ'(z^L_j), or through the softmax Jacobian ------------------------------------------

    private Result bp1(int j, int x) {
        Result r = new Result();
        int l = depth;
        Activation sigma = net.activation(l);
        DMatrixRMaj g = analysis.backward().gradA();
        r.lines.add(definitionOfDelta(l, j, x));
        Local local = localGradA(j, x);
        r.lines.add(line(Role.NOTE, t("derive.text.where", gradSym(j, x), local.formulaText, "" + m,
                        local.substitutedText, txt(g.get(j, x))) + gradAMistakeNote(),
                gradTex(j, x) + " = \\frac{1}{" + m + "}\\left(" + local.substitutedLatex + "\\right) = "
                        + tex(g.get(j, x))));
        if (sigma == Activation.SOFTMAX) {
            throughJacobian(r, l, j, x, g, "∇_a C", "(\\nabla_a C)", Mistake.BP1_NO_SIGMA_PRIME,
                    i -> Source.entry("gradA", l, i, x));
            if (net.loss() == Loss.CROSS_ENTROPY && mistake == Mistake.NONE) {
                double t = analysis.batch().targets().get(j, x);
                double a = analysis.forward().a(l).get(j, x);
                r.lines.add(line(Role.NOTE, t("derive.text.collapses", txt(a), txt(t), "" + m, txt((a - t) / m)),
                        t("derive.tex.collapses", "\\textstyle\\sum t = 1") + " \\frac{a_j - t_j}{m} = "
                                + tex((a - t) / m)));
            }
            return r;
        }
        r.lines.add(line(Role.CHAIN_RULE, sym("δ", l, j, x) + " = ∂C/∂" + sym("a", l, j, x) + " · ∂"
                        + sym("a", l, j, x) + "/∂" + sym("z", l, j, x) + " = " + gradSym(j, x) + " σ'("
                        + sym("z", l, j, x) + ")   (BP1)",
                texSym("\\delta", l, j, x) + " = \\frac{\\partial C}{\\partial " + texSym("a", l, j, x)
                        + "} \\frac{\\partial " + texSym("a", l, j, x) + "}{\\partial " + texSym("z", l, j, x)
                        + "} = " + gradTex(j, x) + "\\, \\sigma'(" + texSym("z", l, j, x) + ")"));
        elementwise(r, l, j, x, g.get(j, x), new Factor(gradSym(j, x), gradTex(j, x), g.get(j, x),
                Source.entry("gradA", l, j, x)), Mistake.BP1_NO_SIGMA_PRIME);
        return r;
    }

    private String gradAMistakeNote() {
        return switch (mistake) {
            case FORGOT_ONE_OVER_M -> "  [" + t("derive.text.gradAForgot") + "]";
            case GRAD_A_SIGN -> "  [" + t("derive.text.gradASign") + "]";
            default -> "";
        };
    }

    // ---- BP2: δ^l_j = (Σ_k w^{l+1}_jk δ^{l+1}_k) σ'(z^l_j) -------------------------------------------------------

    private Result bp2(int l, int j, int x) {
        Result r = new Result();
        Activation sigma = net.activation(l);
        DMatrixRMaj w = net.w(l + 1);
        DMatrixRMaj dNext = analysis.backward().delta(l + 1);
        int n = net.size(l + 1);
        r.lines.add(definitionOfDelta(l, j, x));
        if (sigma == Activation.SOFTMAX) {
            DMatrixRMaj g = new DMatrixRMaj(net.size(l), m);
            StringBuilder gText = new StringBuilder();
            for (int i = 0; i < net.size(l); i++) {
                double gi = 0;
                for (int k = 0; k < n; k++) {
                    gi += w.get(i, k) * dNext.get(k, x);
                }
                g.set(i, x, gi);
                if (i < MAX_TERMS) {
                    gText.append(i == 0 ? "" : ", ").append("g_").append(i).append(" = ").append(txt(gi));
                }
            }
            r.lines.add(line(Role.NOTE, "g_i = Σ_k " + wSym(l + 1, "i", "k") + " " + symRaw("δ", l + 1, "k", x)
                            + " = (" + weightProduct(l + 1) + ")_i: " + gText
                            + (net.size(l) > MAX_TERMS ? ", …" : ""),
                    "g_i = \\sum_k " + wTex(l + 1, "i", "k") + "\\, " + texSymRaw("\\delta", l + 1, "k", x)));
            throughJacobian(r, l, j, x, g, "g", "g", Mistake.BP2_NO_SIGMA_PRIME, i -> Source.neuron("a", l, i, x));
            return r;
        }
        for (int k = 0; k < n; k++) {
            double wk = w.get(j, k);
            double dk = dNext.get(k, x);
            r.terms.add(Term.of(k, List.of(weight(l + 1, j, k), neuronFactor("delta", l + 1, k, x, dk)), wk * dk));
        }
        double s = sum(r.terms);
        r.lines.add(line(Role.CHAIN_RULE, sym("δ", l, j, x) + " = Σ_{k=0}^{" + (n - 1) + "} ∂C/∂"
                        + symRaw("z", l + 1, "k", x) + " · ∂" + symRaw("z", l + 1, "k", x) + "/∂" + sym("a", l, j, x)
                        + " · ∂" + sym("a", l, j, x) + "/∂" + sym("z", l, j, x) + " = (Σ_k " + wSym(l + 1, "" + j, "k")
                        + " " + symRaw("δ", l + 1, "k", x) + ") σ'(" + sym("z", l, j, x) + ")   (BP2: δ^" + l
                        + " = (" + weightProduct(l + 1) + ") ⊙ σ'(z^" + l + "))",
                texSym("\\delta", l, j, x) + " = \\sum_{k=0}^{" + (n - 1) + "} \\frac{\\partial C}{\\partial "
                        + texSymRaw("z", l + 1, "k", x) + "} \\frac{\\partial " + texSymRaw("z", l + 1, "k", x)
                        + "}{\\partial " + texSym("a", l, j, x) + "} \\frac{\\partial " + texSym("a", l, j, x)
                        + "}{\\partial " + texSym("z", l, j, x) + "} = \\Big(\\sum_k " + wTex(l + 1, "" + j, "k")
                        + "\\, " + texSymRaw("\\delta", l + 1, "k", x) + "\\Big) \\sigma'(" + texSym("z", l, j, x)
                        + ")"));
        addTerms(r);
        r.lines.add(line(Role.SUM, "Σ_k = " + txt(s) + "   (" + t("derive.text.entryOf", "" + j, weightProduct(l + 1))
                        + ")",
                "\\textstyle\\sum_k = " + tex(s)));
        elementwise(r, l, j, x, s, null, Mistake.BP2_NO_SIGMA_PRIME);
        return r;
    }

    private String weightProduct(int l) {
        return notation.transposesWeights() ? "(w^" + l + ")^T δ^" + l : "w^" + l + " δ^" + l;
    }

    private Line definitionOfDelta(int l, int j, int x) {
        return line(Role.DEFINITION, sym("δ", l, j, x) + " = ∂C/∂" + sym("z", l, j, x),
                texSym("\\delta", l, j, x) + " = \\frac{\\partial C}{\\partial " + texSym("z", l, j, x) + "}");
    }

    /**
     * The σ' factor of BP1 or BP2 for an elementwise activation: result = s σ'(z^l_j), with the mistakes that drop
     * σ' or take it at a. With {@code single} non-null (BP1) the product is also the derivation's one term.
     */
    private void elementwise(Result r, int l, int j, int x, double s, Factor single, Mistake dropsSigmaPrime) {
        Activation sigma = net.activation(l);
        double zj = analysis.forward().z(l).get(j, x);
        double aj = analysis.forward().a(l).get(j, x);
        double right = derivative(sigma, zj);
        boolean atA = mistake == Mistake.SIGMA_PRIME_AT_A;
        boolean dropped = mistake == dropsSigmaPrime;
        double used = dropped ? 1.0 : atA ? derivative(sigma, aj) : right;
        r.value = s * used;
        r.right = s * right;
        Factor sp = new Factor("σ'(" + sym("z", l, j, x) + ")", "\\sigma'(" + texSym("z", l, j, x) + ")", right,
                Source.neuron("z", l, j, x));
        if (single != null) {
            r.terms.add(new Term(j, List.of(single, sp), r.value, dropped || atA, r.right));
        }
        r.lines.add(line(Role.FACTOR, "σ'(" + sym("z", l, j, x) + ") = σ'(" + txt(zj) + ") = " + txt(right) + "   ("
                        + sigma.id() + ": " + derivativeFormula(sigma) + ")",
                "\\sigma'(" + texSym("z", l, j, x) + ") = \\sigma'(" + tex(zj) + ") = " + tex(right)));
        if (dropped) {
            r.lines.add(mistakeLine(t("derive.text.leavesSigmaPrime", mistake.id(), sym("δ", l, j, x), txt(s),
                            txt(right), txt(r.right)),
                    "\\text{" + mistake.id() + ": }" + Latex.wrong(texSym("\\delta", l, j, x) + " = " + tex(s))
                            + rightTex() + tex(r.right)));
        } else if (atA) {
            r.lines.add(mistakeLine(t("derive.text.sigmaPrimeAtA", sym("a", l, j, x), txt(aj), txt(used),
                            sym("z", l, j, x), txt(right), txt(r.right)),
                    "\\text{sigma-prime-at-a: }" + Latex.wrong("\\sigma'(" + texSym("a", l, j, x) + ") = "
                            + tex(used)) + rightTex() + tex(r.right)));
        }
        r.lines.add(line(Role.SUBSTITUTED, "= (" + txt(s) + ")(" + txt(used) + ")",
                "= \\left(" + tex(s) + "\\right)\\left(" + tex(used) + "\\right)"));
    }

    /**
     * A softmax layer: δ^l_j = Σ_i g_i a_i (δ_ij − a_j), the transposed Jacobian J_ij = a_i (δ_ij − a_j) applied to
     * g (∇_a C in BP1, w^{l+1} δ^{l+1} in BP2).
     */
    private void throughJacobian(Result r, int l, int j, int x, DMatrixRMaj g, String gText, String gLatex,
                                 Mistake dropsJacobian, java.util.function.IntFunction<Source> gSource) {
        boolean atA = mistake == Mistake.SIGMA_PRIME_AT_A;
        boolean diagonal = mistake == Mistake.SOFTMAX_DIAGONAL;
        boolean dropped = mistake == dropsJacobian;
        double[] a = column(analysis.forward().a(l), x);
        double[] at = atA ? softmaxColumn(analysis.forward().a(l), x) : a;
        for (int i = 0; i < a.length; i++) {
            double gi = g.get(i, x);
            double kron = i == j ? 1.0 : 0.0;
            double right = gi * a[i] * (kron - a[j]);
            double used = dropped ? gi * kron : diagonal ? (i == j ? gi * at[i] * (1 - at[i]) : 0.0)
                    : gi * at[i] * (kron - at[j]);
            boolean wrong = dropped || (diagonal && i != j) || atA;
            List<Factor> factors = List.of(
                    new Factor(gText + "[" + i + "]", gLatex + "_{" + i + "}", gi, gSource.apply(i)),
                    neuronFactor("a", l, i, x, a[i]),
                    new Factor("(δ_" + i + j + " − " + sym("a", l, j, x) + ")", "(\\delta_{" + i + j + "} - "
                            + texSym("a", l, j, x) + ")", kron - a[j], Source.neuron("a", l, j, x)));
            r.terms.add(new Term(i, factors, used, wrong, right));
        }
        r.value = sum(r.terms);
        r.right = sumRight(r.terms);
        String deltaJ = sym("δ", l, j, x);
        r.lines.add(line(Role.CHAIN_RULE, deltaJ + " = Σ_i ∂C/∂" + symRaw("a", l, "i", x) + " · ∂"
                        + symRaw("a", l, "i", x) + "/∂" + sym("z", l, j, x) + " = Σ_{i=0}^{" + (a.length - 1) + "} "
                        + gText + "_i a_i (δ_ij − a_j)   (" + t("derive.text.jacobian") + ")",
                texSym("\\delta", l, j, x) + " = \\sum_{i=0}^{" + (a.length - 1) + "} " + gLatex
                        + "_i\\, a_i (\\delta_{ij} - a_j)"));
        addTerms(r);
        if (dropped) {
            r.lines.add(mistakeLine(t("derive.text.leavesJacobian", mistake.id(), deltaJ, gText, "" + j,
                            txt(r.value), txt(r.right)),
                    "\\text{" + mistake.id() + ": }" + Latex.wrong(tex(r.value)) + rightTex()
                            + tex(r.right)));
        } else if (diagonal) {
            r.lines.add(mistakeLine(t("derive.text.diagonal", "" + (a.length - 1), txt(r.right)),
                    "\\text{softmax-diagonal: " + t("derive.tex.only") + " } i = j: " + Latex.wrong(tex(r.value))
                            + rightTex() + tex(r.right)));
        } else if (atA) {
            r.lines.add(mistakeLine(t("derive.text.jacobianAtA", txt(r.right)),
                    "\\text{sigma-prime-at-a: } " + Latex.wrong(tex(r.value)) + rightTex()
                            + tex(r.right)));
        }
        r.lines.add(line(Role.SUM, "Σ_i = " + txt(r.value), "\\textstyle\\sum_i = " + tex(r.value)));
    }

    // ---- BP3b: ∂C/∂b^l_j = Σ_x δ^l_jx ------------------------------------------------------------------------------

    private Result bp3(int l, int j) {
        Result r = new Result();
        DMatrixRMaj delta = analysis.backward().delta(l);
        for (int x = 0; x < m; x++) {
            double d = delta.get(j, x);
            boolean dropped = mistake == Mistake.BP3B_FIRST_SAMPLE && x > 0;
            r.terms.add(new Term(x, List.of(neuronFactor("delta", l, j, x, d), new Factor("1", "1", 1.0, null)),
                    dropped ? 0.0 : d, dropped, d));
        }
        double s = sum(r.terms);
        double right = sumRight(r.terms);
        boolean mean = mistake == Mistake.BP3B_MEAN;
        r.value = mean ? s * (1.0 / m) : s;
        r.right = right;
        String gb = "∂C/∂" + sym("b", l, j);
        String gbTex = "\\frac{\\partial C}{\\partial " + texSym("b", l, j) + "}";
        r.lines.add(line(Role.DEFINITION, t("derive.text.biasEnters", gb, "" + l, "" + j),
                gbTex + ",\\quad \\frac{\\partial z^{" + l + "}_{" + j + ",x}}{\\partial " + texSym("b", l, j)
                        + "} = 1"));
        String bp = m == 1 ? "(BP3: ∂C/∂b^" + l + " = δ^" + l + ")" : "(BP3b: ∂C/∂b^" + l + " = δ^" + l + " 1)";
        r.lines.add(line(Role.CHAIN_RULE, gb + " = Σ_{x=0}^{" + (m - 1) + "} ∂C/∂z^" + l + "[" + j + ",x] · 1 = Σ_x δ^"
                        + l + "[" + j + ",x]   " + bp,
                gbTex + " = \\sum_{x=0}^{" + (m - 1) + "} \\delta^{" + l + "}_{" + j + ",x}"));
        addTerms(r);
        r.lines.add(oneOverMNote());
        if (mistake == Mistake.BP3B_FIRST_SAMPLE && m > 1) {
            r.lines.add(mistakeLine(t("derive.text.firstSample", "" + (m - 1), txt(right)),
                    "\\text{bp3b-first-sample: } " + Latex.wrong(tex(r.value)) + rightTex() + tex(right)));
        } else if (mean) {
            r.lines.add(mistakeLine(t("derive.text.mean", "" + m, txt(s), txt(r.value), txt(right)),
                    "\\text{bp3b-mean: } \\tfrac{1}{m}\\textstyle\\sum = " + Latex.wrong(tex(r.value))
                            + rightTex() + tex(right)));
        }
        r.lines.add(line(Role.SUM, "Σ_x = " + txt(s), "\\textstyle\\sum_x = " + tex(s)));
        return r;
    }

    private Line oneOverMNote() {
        return line(Role.NOTE, t("derive.text.oneOverMInside", "" + depth, "" + m)
                        + (mistake == Mistake.FORGOT_ONE_OVER_M ? " — " + t("derive.text.exceptForgot") : ""),
                t("derive.tex.oneOverMInside", "\\tfrac{1}{m}", "\\delta", "\\nabla_a C", "" + m));
    }

    // ---- BP4b: ∂C/∂w^l_kj = Σ_x a^{l-1}_kx δ^l_jx ------------------------------------------------------------------

    private Result bp4(int l, int k, int j) {
        Result r = new Result();
        DMatrixRMaj delta = analysis.backward().delta(l);
        DMatrixRMaj aPrev = analysis.forward().a(l - 1);
        boolean zNotA = mistake == Mistake.BP4_Z_NOT_A && l > 1;
        for (int x = 0; x < m; x++) {
            double ak = aPrev.get(k, x);
            double d = delta.get(j, x);
            double used = zNotA ? analysis.forward().z(l - 1).get(k, x) * d : ak * d;
            r.terms.add(new Term(x, List.of(neuronFactor("a", l - 1, k, x, ak), neuronFactor("delta", l, j, x, d)),
                    used, zNotA, ak * d));
        }
        r.value = sum(r.terms);
        r.right = sumRight(r.terms);
        String gw = "∂C/∂" + wSym(l, "" + k, "" + j);
        String gwTex = "\\frac{\\partial C}{\\partial " + wTex(l, "" + k, "" + j) + "}";
        String outer = notation.transposesWeights() ? "δ^" + l + " (a^" + (l - 1) + ")^T" : "a^" + (l - 1) + " (δ^"
                + l + ")^T";
        r.lines.add(line(Role.DEFINITION, t("derive.text.weightEnters", gw, "" + l, "" + k, "" + (l - 1), "" + j),
                gwTex + ",\\quad \\frac{\\partial z^{" + l + "}_{" + j + ",x}}{\\partial " + wTex(l, "" + k, "" + j)
                        + "} = a^{" + (l - 1) + "}_{" + k + ",x}"));
        r.lines.add(line(Role.CHAIN_RULE, gw + " = Σ_{x=0}^{" + (m - 1) + "} ∂C/∂z^" + l + "[" + j + ",x] · ∂z^" + l
                        + "[" + j + ",x]/∂w = Σ_x a^" + (l - 1) + "[" + k + ",x] δ^" + l + "[" + j + ",x]   ("
                        + (m == 1 ? "BP4: " : "BP4b: ") + "∂C/∂w^" + l + " = " + outer + ")",
                gwTex + " = \\sum_{x=0}^{" + (m - 1) + "} a^{" + (l - 1) + "}_{" + k + ",x}\\, \\delta^{" + l
                        + "}_{" + j + ",x}"));
        addTerms(r);
        if (m > 1) {
            r.lines.add(oneOverMNote());
        }
        if (zNotA) {
            r.lines.add(mistakeLine(t("derive.text.zNotA", "" + (l - 1), "" + k, txt(r.right)),
                    "\\text{bp4-z-not-a: } z^{" + (l - 1) + "} \\text{ " + t("derive.tex.for") + " } a^{" + (l - 1)
                            + "}: " + Latex.wrong(tex(r.value)) + rightTex() + tex(r.right)));
        }
        r.lines.add(line(Role.SUM, "Σ_x = " + txt(r.value), "\\textstyle\\sum_x = " + tex(r.value)));
        return r;
    }

    // ---- the sum written out ---------------------------------------------------------------------------------------

    /**
     * Adds the TERMS line (symbols) and the SUBSTITUTED line (numbers) of r's terms, eliding a long sum to its
     * largest terms; {@code tailText}/{@code tailLatex} (a bias) follow the symbols, {@code tailNumber*} the numbers.
     */
    private void addTerms(Result r, String tailText, String tailLatex,
                          String tailNumberText, String tailNumberLatex) {
        List<Term> shown = shown(r.terms);
        StringBuilder symbols = new StringBuilder("= ");
        StringBuilder symbolsTex = new StringBuilder("= ");
        StringBuilder numbers = new StringBuilder("= ");
        StringBuilder numbersTex = new StringBuilder("= ");
        for (int n = 0; n < shown.size(); n++) {
            Term t = shown.get(n);
            String sep = n == 0 ? "" : " + ";
            symbols.append(sep).append(String.join(" ", t.factors().stream().map(Factor::text).toList()));
            symbolsTex.append(sep).append(String.join("\\, ", t.factors().stream().map(Factor::latex).toList()));
            String nums = t.factors().size() == 1 ? txt(t.value())
                    : String.join("", t.factors().stream().map(f -> "(" + txt(f.value()) + ")").toList());
            String numsTex = t.factors().size() == 1 ? tex(t.value())
                    : String.join("", t.factors().stream().map(f -> "\\left(" + tex(f.value()) + "\\right)").toList());
            if (t.wrong()) {
                nums = nums + " → " + txt(t.value()) + " ✗ (" + t("derive.text.right", txt(t.rightValue())) + ")";
                numsTex = Latex.wrong(numsTex + "\\to " + tex(t.value())) + "\\ (" + tex(t.rightValue()) + ")";
            }
            numbers.append(sep).append(nums);
            numbersTex.append(sep).append(numsTex);
        }
        if (shown.size() < r.terms.size()) {
            double rest = 0;
            for (Term t : r.terms) {
                if (!shown.contains(t)) {
                    rest += t.value();
                }
            }
            int hidden = r.terms.size() - shown.size();
            String more = " + " + t("derive.text.smallerTerms", "" + hidden, txt(rest));
            String moreTex = " + \\text{" + t("derive.tex.smallerTerms", "" + hidden) + " } " + tex(rest);
            symbols.append(" + …");
            symbolsTex.append(" + \\cdots");
            numbers.append(more);
            numbersTex.append(moreTex);
        }
        r.lines.add(line(Role.TERMS, symbols + tailText, symbolsTex + tailLatex));
        r.lines.add(line(Role.SUBSTITUTED, numbers + tailNumberText, numbersTex + tailNumberLatex));
    }

    private void addTerms(Result r) {
        addTerms(r, "", "", "", "");
    }

    /** Every term of a short sum; the {@value #LARGEST_SHOWN} largest (by size) of a long one, in index order. */
    static List<Term> shown(List<Term> terms) {
        if (terms.size() <= MAX_TERMS) {
            return terms;
        }
        List<Term> largest = new ArrayList<>(terms);
        largest.sort(Comparator.comparingDouble((Term t) -> -Math.abs(t.value())));
        List<Term> chosen = new ArrayList<>(largest.subList(0, LARGEST_SHOWN));
        chosen.sort(Comparator.comparingInt(Term::index));
        return chosen;
    }

    // ---- the numerical check ---------------------------------------------------------------------------------------

    private record Check(double numeric, double rel, Verdict verdict) {
    }

    private Check check(Quantity q, double value) {
        if (q.kind() == Quantity.Kind.GRAD_A) {
            return checkGradA(q.index()[0], q.index()[1], value);
        }
        if (!q.isChecked()) {
            return null;
        }
        Optional<CheckResult> known = q.check(analysis);
        CheckResult result = known.orElseGet(() -> {
            Formula formula = q.formula(depth).orElseThrow();
            CheckOptions options = CheckOptions.of(analysis.method()).withEpsilon(analysis.epsilon())
                    .withPrecision(analysis.precision()).withThreads(1);
            return new FastGradientCheck(options).checkOne(net, analysis.batch(), analysis.forward(),
                    analysis.backward(), formula, q.layer(), q.index());
        });
        double rel = Thresholds.relativeError(value, result.numeric(), analysis.forward().cost());
        Verdict verdict = result.verdict() == Verdict.KINK ? Verdict.KINK : Thresholds.verdict(rel, false);
        return new Check(result.numeric(), rel, verdict);
    }

    /**
     * ∇_a C_jx against the central difference of C in a^L_jx, with z^L_jx moved along where the loss reads z (the
     * fused losses read z = a; binary cross-entropy reads z = ln(a / (1 − a))).
     */
    private Check checkGradA(int j, int x, double value) {
        DMatrixRMaj zL = analysis.forward().z(depth).copy();
        DMatrixRMaj aL = analysis.forward().a(depth).copy();
        DMatrixRMaj t = analysis.batch().targets();
        double a0 = aL.get(j, x);
        double z0 = zL.get(j, x);
        double h = Thresholds.DEFAULT_EPSILON;
        double[] costs = new double[2];
        for (int s = 0; s < 2; s++) {
            double a = a0 + (s == 0 ? h : -h);
            aL.set(j, x, a);
            Loss loss = net.loss();
            zL.set(j, x, loss.kernel().readsLogits() ? a
                    : loss == Loss.BINARY_CROSS_ENTROPY ? Math.log(a / (1 - a)) : z0);
            costs[s] = net.loss().cost(zL, aL, t);
        }
        double numeric = (costs[0] - costs[1]) / (2 * h);
        double rel = Thresholds.relativeError(value, numeric, analysis.forward().cost());
        return new Check(numeric, rel, Thresholds.verdict(rel, false));
    }

    // ---- symbols and numbers ---------------------------------------------------------------------------------------

    /** A per-sample symbol with the sample written only when m > 1: {@code z^1[0]} or {@code z^1[0,2]}. */
    private String sym(String base, int l, int j, int x) {
        return base + "^" + l + "[" + j + (m == 1 ? "" : "," + x) + "]";
    }

    private String symRaw(String base, int l, String j, int x) {
        return base + "^" + l + "[" + j + (m == 1 ? "" : "," + x) + "]";
    }

    private static String sym(String base, int l, int j) {
        return base + "^" + l + "[" + j + "]";
    }

    private String texSym(String base, int l, int j, int x) {
        return base + "^{" + l + "}_{" + j + (m == 1 ? "" : "," + x) + "}";
    }

    private String texSymRaw(String base, int l, String j, int x) {
        return base + "^{" + l + "}_{" + j + (m == 1 ? "" : "," + x) + "}";
    }

    private static String texSym(String base, int l, int j) {
        return base + "^{" + l + "}_{" + j + "}";
    }

    private String gradSym(int j, int x) {
        return "∇_a C[" + j + (m == 1 ? "" : "," + x) + "]";
    }

    private String gradTex(int j, int x) {
        return "(\\nabla_a C)_{" + j + (m == 1 ? "" : "," + x) + "}";
    }

    /** The weight from neuron {@code from} of layer l−1 to neuron {@code to} of layer l, in the chosen notation. */
    private String wSym(int l, String from, String to) {
        return notation.transposesWeights() ? "w^" + l + "[" + to + "," + from + "]" : "w^" + l + "[" + from + ","
                + to + "]";
    }

    private String wTex(int l, String from, String to) {
        return notation.transposesWeights() ? "w^{" + l + "}_{" + to + from + "}" : "w^{" + l + "}_{" + from + to
                + "}";
    }

    private Factor weight(int l, int k, int j) {
        return new Factor(wSym(l, "" + k, "" + j), wTex(l, "" + k, "" + j), net.w(l).get(k, j),
                Source.weight(l, k, j));
    }

    private Factor neuronFactor(String matrix, int l, int j, int x, double value) {
        String text = matrix.equals("delta") ? "δ" : matrix;
        String latex = matrix.equals("delta") ? "\\delta" : matrix;
        return new Factor(sym(text, l, j, x), texSym(latex, l, j, x), value, Source.neuron(matrix, l, j, x));
    }

    /** The entry as the derivation writes it. */
    private String name(Quantity q) {
        int[] i = q.index();
        return switch (q.kind()) {
            case Z -> sym("z", q.layer(), i[0], i[1]);
            case A -> sym("a", q.layer(), i[0], i[1]);
            case GRAD_A -> gradSym(i[0], i[1]);
            case DELTA -> sym("δ", q.layer(), i[0], i[1]);
            case GRAD_B -> "∂C/∂" + sym("b", q.layer(), i[0]);
            case GRAD_W -> "∂C/∂" + wSym(q.layer(), "" + i[0], "" + i[1]);
            default -> q.label();
        };
    }

    private String latexName(Quantity q) {
        int[] i = q.index();
        return switch (q.kind()) {
            case Z -> texSym("z", q.layer(), i[0], i[1]);
            case A -> texSym("a", q.layer(), i[0], i[1]);
            case GRAD_A -> gradTex(i[0], i[1]);
            case DELTA -> texSym("\\delta", q.layer(), i[0], i[1]);
            case GRAD_B -> "\\frac{\\partial C}{\\partial " + texSym("b", q.layer(), i[0]) + "}";
            case GRAD_W -> "\\frac{\\partial C}{\\partial " + wTex(q.layer(), "" + i[0], "" + i[1]) + "}";
            default -> q.label();
        };
    }

    private static Line line(Role role, String text, String latex) {
        return new Line(role, text, latex);
    }

    private static Line mistakeLine(String text, String latex) {
        return new Line(Role.MISTAKE, text, latex);
    }

    private static String txt(double v) {
        return Latex.plainNumber(v);
    }

    private static String tex(double v) {
        return Latex.number(v);
    }

    private static double sum(List<Term> terms) {
        double s = 0;
        for (Term t : terms) {
            s += t.value();
        }
        return s;
    }

    private static double sumRight(List<Term> terms) {
        double s = 0;
        for (Term t : terms) {
            s += t.rightValue();
        }
        return s;
    }

    private static double apply(Activation sigma, double z) {
        DMatrixRMaj one = new DMatrixRMaj(1, 1);
        one.set(0, 0, z);
        return sigma.apply(one).get(0, 0);
    }

    private static double derivative(Activation sigma, double z) {
        DMatrixRMaj one = new DMatrixRMaj(1, 1);
        one.set(0, 0, z);
        return sigma.derivative(one).get(0, 0);
    }

    private static double[] column(DMatrixRMaj matrix, int x) {
        double[] c = new double[matrix.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = matrix.get(i, x);
        }
        return c;
    }

    private static double[] softmaxColumn(DMatrixRMaj z, int x) {
        DMatrixRMaj col = new DMatrixRMaj(z.numRows, 1);
        for (int i = 0; i < z.numRows; i++) {
            col.set(i, 0, z.get(i, x));
        }
        return Activation.SOFTMAX.apply(col).data;
    }

    /** σ'(z) of an elementwise activation, as a formula. */
    static String derivativeFormula(Activation sigma) {
        return sigma.kernel().derivativeText();
    }
}
