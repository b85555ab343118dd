package org.backprop.workbench.steps;

import org.backprop.workbench.check.Formula;

import java.util.List;
import java.util.Optional;

/**
 * Everything the step detail shows for one step of one analysis, in one notation.
 *
 * @param step             the step
 * @param notation         how weights are displayed
 * @param batch            true if m &gt; 1: the batch forms (BP1b–BP4b) are the ones that apply
 * @param singleLatex      the formula for one sample, with the step's layer numbers
 * @param batchLatex       the formula for a batch: bold n_l x m matrices, the 1 vector, the 1/m
 * @param operands         the matrices that enter, as displayed
 * @param shapes           e.g. {@code (2×3)^T · 2×4 + 3×1 · 1^T = 3×4}
 * @param result           the computed matrix, as displayed
 * @param substitutedLatex the formula with the actual numbers: {@code z^{1} = (…)^T (…) + (…) 1^T = (…)}
 * @param stackedLatex     the same on two lines, the result under the right-hand side, for narrow displays
 * @param mistakeNote      what the active deliberate mistake changed in this step; empty if nothing
 * @param notationNote     how the displayed weights relate to the stored ones; empty if the step shows no weights
 */
public record StepDetail(Step step, Notation notation, boolean batch, String singleLatex, String batchLatex,
                         List<Operand> operands, String shapes, Operand result, String substitutedLatex, String stackedLatex,
                         String mistakeNote, String notationNote) {

    public StepDetail {
        operands = List.copyOf(operands);
    }

    /** The form that applies: batch if m &gt; 1, else single-sample. */
    public String latex() { return batch ? batchLatex : singleLatex; }

    public String title() { return step.title(); }

    public Optional<Formula> formula() { return step.formula(); }

    /** True if a deliberate mistake replaced this step's formula. */
    public boolean mistaken() { return !mistakeNote.isEmpty(); }
}
