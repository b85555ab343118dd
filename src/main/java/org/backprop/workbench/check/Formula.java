package org.backprop.workbench.check;

/** The four equations whose results are checked numerically. */
public enum Formula {
    /** δ^L, checked by perturbing z^L_jx. */
    BP1("δ^L = ∇_a C ⊙ σ'(z^L)"),
    /** δ^l for hidden l, checked by perturbing z^l_jx. */
    BP2("δ^l = (w^{l+1} δ^{l+1}) ⊙ σ'(z^l)"),
    /** ∂C/∂b^l_j, checked by perturbing b^l_j. */
    BP3("∂C/∂b^l = δ^l 1"),
    /** ∂C/∂w^l_kj, checked by perturbing w^l_kj. */
    BP4("∂C/∂w^l = a^{l-1} (δ^l)^T");

    private final String equation;

    Formula(String equation) {
        this.equation = equation;
    }

    /** The equation in plain text. */
    public String equation() { return equation; }
}
