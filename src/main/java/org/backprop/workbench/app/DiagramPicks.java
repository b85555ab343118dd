package org.backprop.workbench.app;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepKind;

import java.util.Arrays;

/**
 * A click in the diagram selects a check: an edge its weight (BP4); a neuron its δ of the first sample on a δ step
 * of that layer, else its bias (BP3). Input neurons have no check.
 */
final class DiagramPicks {
    private DiagramPicks() {
    }

    /**
     * @param hit {layer, k, j} for an edge, {layer, j} for a neuron (as {@link NetworkDiagram} reports a click)
     */
    static void select(WorkbenchModel model, int[] hit) {
        Analysis an = model.getAnalysis();
        if (an == null || an.checks().isEmpty() || hit[0] == 0) {
            return;
        }
        int layer = hit[0];
        Step s = model.getCurrentStep();
        Formula formula;
        int[] index;
        if (hit.length == 3) {
            formula = Formula.BP4;
            index = new int[]{hit[1], hit[2]};
        } else if (s != null && s.kind() == StepKind.DELTA && s.layer() == layer) {
            formula = s.formula().orElseThrow();
            index = new int[]{hit[1], 0};
        } else {
            formula = Formula.BP3;
            index = new int[]{hit[1]};
        }
        an.checks().stream().filter(c -> c.formula() == formula && c.layer() == layer
                && Arrays.equals(c.index(), index)).findFirst()
                .ifPresent(c -> model.selectedCheckProperty().set(c));
    }
}
