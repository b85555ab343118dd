package org.backprop.workbench.engine;

import org.backprop.workbench.util.Ids;

import java.util.Optional;

/**
 * Deliberate mistakes: each replaces one formula of {@link Backprop} with a classic wrong version, so that a student
 * can see which numerical checks catch it.
 */
public enum Mistake {
    NONE("none", "—", "every formula as in the note"),
    BP1_NO_SIGMA_PRIME("bp1-no-sigma-prime", "BP1",
            "BP1 without σ'(z^L): δ^L = ∇_a C (for a softmax output: the Jacobian left out)"),
    BP2_NO_SIGMA_PRIME("bp2-no-sigma-prime", "BP2",
            "BP2 without σ'(z^l): δ^l = w^{l+1} δ^{l+1}"),
    SIGMA_PRIME_AT_A("sigma-prime-at-a", "BP1, BP2",
            "σ' evaluated at a instead of z, in BP1 and BP2: σ'(a^l) where σ'(z^l) belongs"),
    SOFTMAX_DIAGONAL("softmax-diagonal", "BP1, BP2",
            "softmax treated as elementwise: only the diagonal a_j (1 − a_j) of its Jacobian is used"),
    FORGOT_ONE_OVER_M("forgot-1-over-m", "∇_a C",
            "the 1/m of the batch mean forgotten when ∇_a C is formed"),
    BP3B_FIRST_SAMPLE("bp3b-first-sample", "BP3b",
            "BP3b uses only the first sample's δ instead of summing over the batch (δ^l 1)"),
    BP3B_MEAN("bp3b-mean", "BP3b",
            "BP3b averages over the batch (δ^l 1 / m), applying the 1/m a second time"),
    BP4_Z_NOT_A("bp4-z-not-a", "BP4",
            "BP4 with the previous layer's z where its a belongs: ∂C/∂w^l = z^{l-1} (δ^l)^T (layer 1 still uses a^0)"),
    GRAD_A_SIGN("grad-a-sign", "∇_a C",
            "∇_a C with the wrong sign, e.g. t − a^L instead of a^L − t for the quadratic cost");

    private static final Ids<Mistake> IDS = new Ids<>(values(), Mistake::id);

    private final String id;
    private final String formula;
    private final String description;

    Mistake(String id, String formula, String description) {
        this.id = id;
        this.formula = formula;
        this.description = description;
    }

    /** The name used on the command line and in lessons, e.g. {@code bp2-no-sigma-prime}. */
    public String id() { return id; }

    /** Which formula the mistake replaces. */
    public String formula() { return formula; }

    /** One sentence saying what is wrong. */
    public String description() { return description; }

    public static Optional<Mistake> fromId(String id) { return IDS.find(id); }

    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id; }
}
