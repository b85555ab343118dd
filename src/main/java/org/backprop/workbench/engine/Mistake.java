package org.backprop.workbench.engine;

import org.backprop.workbench.util.Ids;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Optional;

/**
 * Deliberate mistakes: each overrides one formula of {@link Backprop} with a classic wrong version, so that a student
 * can see which numerical checks catch it. {@link Backprop} holds only the right formulas; the backward pass asks the
 * mistake for each one, and every hook here defaults to the right formula, so a mistake is the one override it
 * writes (plus, where the step display must show it, how it is written: {@link #gradALatex}, {@link #deltaForm},
 * {@link #gradBLatex}, {@link #bp4ReadsZ}).
 */
public enum Mistake {
    NONE("none", "—", "every formula as in the note"),
    BP1_NO_SIGMA_PRIME("bp1-no-sigma-prime", "BP1",
            "BP1 without σ'(z^L): δ^L = ∇_a C (for a softmax output: the Jacobian left out)") {
        @Override DMatrixRMaj bp1(Backprop right, Activation sigma, DMatrixRMaj gradA, DMatrixRMaj zL, DMatrixRMaj aL) {
            return gradA.copy();
        }
        @Override public DeltaForm deltaForm(boolean output, Activation sigma) {
            return output ? DeltaForm.NO_SIGMA_PRIME : DeltaForm.RIGHT;
        }
    },
    BP2_NO_SIGMA_PRIME("bp2-no-sigma-prime", "BP2",
            "BP2 without σ'(z^l): δ^l = w^{l+1} δ^{l+1}",
            "BP2 without σ'(z^l): δ^l = (w^{l+1})^T δ^{l+1}") {
        @Override DMatrixRMaj bp2(Backprop right, DMatrixRMaj wNext, DMatrixRMaj deltaNext, Activation sigma,
                                  DMatrixRMaj zl, DMatrixRMaj al) {
            return right.backpropagated(wNext, deltaNext);
        }
        @Override public DeltaForm deltaForm(boolean output, Activation sigma) {
            return output ? DeltaForm.RIGHT : DeltaForm.NO_SIGMA_PRIME;
        }
    },
    SIGMA_PRIME_AT_A("sigma-prime-at-a", "BP1, BP2",
            "σ' evaluated at a instead of z, in BP1 and BP2: σ'(a^l) where σ'(z^l) belongs") {
        @Override DMatrixRMaj bp1(Backprop right, Activation sigma, DMatrixRMaj gradA, DMatrixRMaj zL, DMatrixRMaj aL) {
            return right.bp1(sigma, gradA, aL, aL);
        }
        @Override DMatrixRMaj bp2(Backprop right, DMatrixRMaj wNext, DMatrixRMaj deltaNext, Activation sigma,
                                  DMatrixRMaj zl, DMatrixRMaj al) {
            return right.bp2(wNext, deltaNext, sigma, al, al);
        }
        @Override public DeltaForm deltaForm(boolean output, Activation sigma) { return DeltaForm.AT_A; }
    },
    SOFTMAX_DIAGONAL("softmax-diagonal", "BP1, BP2",
            "softmax treated as elementwise: only the diagonal a_j (1 − a_j) of its Jacobian is used") {
        @Override DMatrixRMaj bp1(Backprop right, Activation sigma, DMatrixRMaj gradA, DMatrixRMaj zL, DMatrixRMaj aL) {
            return sigma == Activation.SOFTMAX ? diagonalOnly(gradA, zL) : right.bp1(sigma, gradA, zL, aL);
        }
        @Override DMatrixRMaj bp2(Backprop right, DMatrixRMaj wNext, DMatrixRMaj deltaNext, Activation sigma,
                                  DMatrixRMaj zl, DMatrixRMaj al) {
            return sigma == Activation.SOFTMAX ? diagonalOnly(right.backpropagated(wNext, deltaNext), zl)
                    : right.bp2(wNext, deltaNext, sigma, zl, al);
        }
        @Override public DeltaForm deltaForm(boolean output, Activation sigma) {
            return sigma == Activation.SOFTMAX ? DeltaForm.DIAGONAL : DeltaForm.RIGHT;
        }
    },
    FORGOT_ONE_OVER_M("forgot-1-over-m", "∇_a C",
            "the 1/m of the batch mean forgotten when ∇_a C is formed") {
        @Override DMatrixRMaj gradA(Backprop right, Loss loss, DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
            return loss.sampleGradA(zL, aL, t);
        }
        @Override public String gradALatex(String body, boolean batch, String m, int batchSize) {
            return batch && batchSize > 1 ? wrong("\\left(" + body + "\\right)") : super.gradALatex(body, batch, m, batchSize);
        }
        @Override public boolean altersGradA(int batchSize) { return batchSize > 1; }
    },
    BP3B_FIRST_SAMPLE("bp3b-first-sample", "BP3b",
            "BP3b uses only the first sample's δ instead of summing over the batch (δ^l 1)") {
        @Override DMatrixRMaj bp3(Backprop right, DMatrixRMaj delta) {
            DMatrixRMaj e1 = new DMatrixRMaj(delta.numCols, 1);
            e1.set(0, 0, 1.0);
            DMatrixRMaj gradB = new DMatrixRMaj(delta.numRows, 1);
            CommonOps_DDRM.mult(delta, e1, gradB);   // δ^l e_1: the first column only
            return gradB;
        }
        @Override public String gradBLatex(String delta, String one, boolean batch, String m, int batchSize) {
            return batch && batchSize > 1 ? delta + "\\," + wrong(one) : super.gradBLatex(delta, one, batch, m, batchSize);
        }
        @Override public boolean bp3FirstSampleOnly(int batchSize) { return batchSize > 1; }
        @Override public boolean altersGradB(int batchSize) { return batchSize > 1; }
    },
    BP3B_MEAN("bp3b-mean", "BP3b",
            "BP3b averages over the batch (δ^l 1 / m), applying the 1/m a second time") {
        @Override DMatrixRMaj bp3(Backprop right, DMatrixRMaj delta) {
            DMatrixRMaj gradB = right.bp3(delta);
            CommonOps_DDRM.scale(1.0 / delta.numCols, gradB);
            return gradB;
        }
        @Override public String gradBLatex(String delta, String one, boolean batch, String m, int batchSize) {
            String right = super.gradBLatex(delta, one, batch, m, batchSize);
            return batch && batchSize > 1 ? wrong("\\frac{1}{" + m + "}") + right : right;
        }
        @Override public boolean altersGradB(int batchSize) { return batchSize > 1; }
    },
    BP4_Z_NOT_A("bp4-z-not-a", "BP4",
            "BP4 with the previous layer's z where its a belongs: ∂C/∂w^l = z^{l-1} (δ^l)^T (layer 1 still uses a^0)",
            "BP4 with the previous layer's z where its a belongs: ∂C/∂w^l = δ^l (z^{l-1})^T (layer 1 still uses a^0)") {
        @Override DMatrixRMaj bp4(Backprop right, ForwardTrace forward, int l, DMatrixRMaj delta) {
            return right.bp4(l > 1 ? forward.z(l - 1) : forward.a(l - 1), delta);
        }
        @Override public boolean bp4ReadsZ(int l) { return l > 1; }
    },
    GRAD_A_SIGN("grad-a-sign", "∇_a C",
            "∇_a C with the wrong sign, e.g. t − a^L instead of a^L − t for the quadratic cost") {
        @Override DMatrixRMaj gradA(Backprop right, Loss loss, DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
            DMatrixRMaj g = right.gradA(loss, zL, aL, t);
            CommonOps_DDRM.scale(-1.0, g);
            return g;
        }
        @Override public String gradALatex(String body, boolean batch, String m, int batchSize) {
            return wrong("-") + (batch ? super.gradALatex(body, true, m, batchSize) : "\\left(" + body + "\\right)");
        }
        @Override public boolean altersGradA(int batchSize) { return true; }
    };

    /** How δ^l is written when a mistake is on: which part of BP1/BP2 it changes. */
    public enum DeltaForm {
        /** As in the note. */
        RIGHT,
        /** σ'(z) (or the Jacobian) left out. */
        NO_SIGMA_PRIME,
        /** σ' (or the Jacobian) evaluated at a instead of z. */
        AT_A,
        /** Softmax's Jacobian replaced by its diagonal a ⊙ (1 − a). */
        DIAGONAL
    }

    private static final Ids<Mistake> IDS = new Ids<>(values(), Mistake::id);

    private final String id;
    private final String formula;
    private final String description;
    private final String descriptionTransposed;

    Mistake(String id, String formula, String description) {
        this(id, formula, description, description);
    }

    /**
     * @param description           in the note's convention: w^l is n_{l-1} x n_l (w_kj), z^l = (w^l)^T a^{l-1} + b^l
     * @param descriptionTransposed the same with the weights transposed (Nielsen's w_jk, n_l x n_{l-1}),
     *                              z^l = w^l a^{l-1} + b^l; differs where the sentence writes a product with w
     */
    Mistake(String id, String formula, String description, String descriptionTransposed) {
        this.id = id;
        this.formula = formula;
        this.description = description;
        this.descriptionTransposed = descriptionTransposed;
    }

    /** The name used on the command line and in lessons, e.g. {@code bp2-no-sigma-prime}. */
    public String id() { return id; }

    /** Which formula the mistake replaces. */
    public String formula() { return formula; }

    /** One sentence saying what is wrong. */
    public String description() { return description; }

    /**
     * The sentence for weights shown transposed or not: with {@code transposedWeights} (Nielsen's w_jk) a product with
     * w is written as that convention writes it, e.g. δ^l = (w^{l+1})^T δ^{l+1} for the note's w^{l+1} δ^{l+1}.
     */
    public String description(boolean transposedWeights) {
        return transposedWeights ? descriptionTransposed : description;
    }

    // ---- the formulas, right unless overridden ----

    /** ∇_a C; right: {@link Backprop#gradA}. */
    DMatrixRMaj gradA(Backprop right, Loss loss, DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        return right.gradA(loss, zL, aL, t);
    }

    /** δ^L; right: {@link Backprop#bp1}. */
    DMatrixRMaj bp1(Backprop right, Activation sigma, DMatrixRMaj gradA, DMatrixRMaj zL, DMatrixRMaj aL) {
        return right.bp1(sigma, gradA, zL, aL);
    }

    /** δ^l; right: {@link Backprop#bp2}. */
    DMatrixRMaj bp2(Backprop right, DMatrixRMaj wNext, DMatrixRMaj deltaNext, Activation sigma, DMatrixRMaj zl,
                    DMatrixRMaj al) {
        return right.bp2(wNext, deltaNext, sigma, zl, al);
    }

    /** ∂C/∂b^l; right: {@link Backprop#bp3}. */
    DMatrixRMaj bp3(Backprop right, DMatrixRMaj delta) {
        return right.bp3(delta);
    }

    /** ∂C/∂w^l; right: {@link Backprop#bp4} of a^{l-1} and δ^l. */
    DMatrixRMaj bp4(Backprop right, ForwardTrace forward, int l, DMatrixRMaj delta) {
        return right.bp4(forward.a(l - 1), delta);
    }

    // ---- how the step display writes them ----

    /**
     * The right-hand side of ∇_a C as the display shows it.
     *
     * @param body      ∂C_x/∂a^L in LaTeX (the loss's {@code gradALatex})
     * @param batch     the batch form
     * @param m         how the batch size is written
     * @param batchSize m as a number (a mistake about 1/m shows only when m &gt; 1)
     */
    public String gradALatex(String body, boolean batch, String m, int batchSize) {
        return batch ? "\\frac{1}{" + m + "}\\left(" + body + "\\right)" : body;
    }

    /** True if this mistake changes ∇_a C for a batch of that size (the display then says so). */
    public boolean altersGradA(int batchSize) { return false; }

    /** Which form of BP1 (output) or BP2 the display shows for a layer with that activation. */
    public DeltaForm deltaForm(boolean output, Activation sigma) { return DeltaForm.RIGHT; }

    /**
     * The right-hand side of BP3b as the display shows it.
     *
     * @param delta the symbol (or numbers) of δ^l
     * @param one   the symbol (or numbers) of the ones vector, e_1 for {@link #BP3B_FIRST_SAMPLE}
     */
    public String gradBLatex(String delta, String one, boolean batch, String m, int batchSize) {
        return batch ? delta + "\\," + one : delta;
    }

    /** True if BP3b reads only the first sample (the display then shows e_1 for the ones vector). */
    public boolean bp3FirstSampleOnly(int batchSize) { return false; }

    /** True if BP4 of layer l reads z^{l-1} where a^{l-1} belongs. */
    public boolean bp4ReadsZ(int l) { return false; }

    /** True if this mistake changes BP3b for a batch of that size (the display then says so). */
    public boolean altersGradB(int batchSize) { return false; }

    /** A part of a formula marked as the wrong one (red in the display). */
    public static String wrong(String latex) {
        return "\\textcolor{red}{" + latex + "}";
    }

    /** g ⊙ a ⊙ (1 − a) with a = softmax(z): the Jacobian's diagonal only. */
    private static DMatrixRMaj diagonalOnly(DMatrixRMaj g, DMatrixRMaj z) {
        DMatrixRMaj out = Activation.SOFTMAX.derivative(z);
        CommonOps_DDRM.elementMult(out, g);
        return out;
    }

    public static Optional<Mistake> fromId(String id) { return IDS.find(id); }

    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id; }
}
