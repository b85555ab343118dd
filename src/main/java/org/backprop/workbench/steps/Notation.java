package org.backprop.workbench.steps;

/**
 * How weight matrices are displayed. The engine always stores the note's convention; NIELSEN only transposes what
 * is shown (w^l and ∂C/∂w^l) and rewrites the formulas to match.
 */
public enum Notation {
    /** The note's: w^l_{kj}, n_{l-1} x n_l, rows = inputs; z^l = (w^l)^T a^{l-1} + b^l. */
    NOTE("w_kj (rows = inputs, the note)"),
    /** Nielsen's book: w^l_{jk}, n_l x n_{l-1}, rows = outputs; z^l = w^l a^{l-1} + b^l. */
    NIELSEN("w_jk (rows = outputs, Nielsen)");

    private final String label;

    Notation(String label) {
        this.label = label;
    }

    /** A label for menus and captions. */
    public String label() { return label; }

    /** True if weight matrices are shown transposed against the engine's storage. */
    public boolean transposesWeights() { return this == NIELSEN; }

    /** What a deliberate mistake gets wrong, its formula written in this notation. */
    public String describe(org.backprop.workbench.engine.Mistake mistake) {
        return mistake.description(transposesWeights());
    }
}
