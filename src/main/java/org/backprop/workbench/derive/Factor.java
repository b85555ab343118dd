package org.backprop.workbench.derive;

/**
 * One factor of a term: its symbol (plain text and LaTeX), its value and where it comes from.
 *
 * @param text   the symbol in plain text, e.g. {@code w^2[0,1]}
 * @param latex  the symbol in LaTeX, e.g. {@code w^{2}_{0 1}}
 * @param value  its number in this run
 * @param source the matrix entry it is read from, or null for a constant or a computed factor (1/m, δ_ij − a_j)
 */
public record Factor(String text, String latex, double value, Source source) {
}
