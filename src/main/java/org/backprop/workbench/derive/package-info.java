/**
 * Derive any number: the note's chain-rule derivation of one entry of z^l, a^l, ∇_a C, δ^l, ∂C/∂b^l or ∂C/∂w^l,
 * index by index, with the numbers of a run substituted, its result beside the engine's entry and its numerical
 * check. {@link org.backprop.workbench.derive.Deriver} builds a {@link org.backprop.workbench.derive.Derivation}
 * (lines, terms with their factors and where each factor comes from); {@link
 * org.backprop.workbench.derive.DerivationFormat} prints it as text, Markdown, LaTeX or JSON.
 *
 * <p>Part of the core: it may import engine, kernel (each loss's pieces of ∂C_x/∂a), check, numeric, steps and lesson (for the entry syntax), never JavaFX,
 * JFreeChart, the command line or the app.
 */
package org.backprop.workbench.derive;
