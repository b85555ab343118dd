package org.backprop.workbench.steps;

/** What a step computes. */
public enum StepKind {
    /** z^l = (w^l)^T a^{l-1} + b^l. */
    Z(Phase.FORWARD),
    /** a^l = σ(z^l). */
    A(Phase.FORWARD),
    /** The cost C. */
    COST(Phase.FORWARD),
    /** ∇_a C, where the 1/m of the batch mean enters. */
    GRAD_A(Phase.BACKWARD),
    /** δ^l: BP1 for the output layer, BP2 for the hidden layers. */
    DELTA(Phase.BACKWARD),
    /** ∂C/∂b^l (BP3). */
    GRAD_B(Phase.BACKWARD),
    /** ∂C/∂w^l (BP4). */
    GRAD_W(Phase.BACKWARD);

    private final Phase phase;

    StepKind(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() { return phase; }
}
