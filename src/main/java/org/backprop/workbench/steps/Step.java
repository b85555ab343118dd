package org.backprop.workbench.steps;

import org.backprop.workbench.check.Formula;

import java.util.Optional;

/**
 * One step of the step list.
 *
 * @param id    the contract id: z1, a1, ..., cost, gradA, delta2, ..., gradB2, ..., gradW1
 * @param kind  what it computes
 * @param layer l (1..L); for {@code cost} and {@code gradA}, L
 * @param depth L of the network, so that a step knows whether δ is BP1 or BP2
 */
public record Step(String id, StepKind kind, int layer, int depth) {

    public Phase phase() { return kind.phase(); }

    /** The checked formula whose verdict this step carries, if any (BP1/BP2 for δ, BP3, BP4). */
    public Optional<Formula> formula() {
        return Optional.ofNullable(switch (kind) {
            case DELTA -> layer == depth ? Formula.BP1 : Formula.BP2;
            case GRAD_B -> Formula.BP3;
            case GRAD_W -> Formula.BP4;
            default -> null;
        });
    }

    /** A short label for the step list, in Unicode: "z¹", "δ² (BP1)", "∂C/∂w¹ (BP4)". */
    public String label() {
        String sup = superscript(layer);
        String formulaTag = formula().map(f -> "  (" + f.name() + ")").orElse("");
        return switch (kind) {
            case Z -> "z" + sup;
            case A -> "a" + sup;
            case COST -> "C";
            case GRAD_A -> "∇ₐC";
            case DELTA -> "δ" + sup + formulaTag;
            case GRAD_B -> "∂C/∂b" + sup + formulaTag;
            case GRAD_W -> "∂C/∂w" + sup + formulaTag;
        };
    }

    /** A sentence-like title for the step detail. */
    public String title() {
        return switch (kind) {
            case Z -> "Pre-activation of layer " + layer;
            case A -> "Activation of layer " + layer;
            case COST -> "Cost";
            case GRAD_A -> "Gradient of the cost with respect to the output";
            case DELTA -> (layer == depth ? "BP1: error of the output layer " : "BP2: error of layer ") + layer;
            case GRAD_B -> "BP3: gradient of the biases of layer " + layer;
            case GRAD_W -> "BP4: gradient of the weights of layer " + layer;
        };
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    @Override
    public String toString() { return id; }
}
