package org.backprop.workbench.derive;

import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Notation;

import java.util.List;

/**
 * The derivation of one entry: its lines, the terms of its sum, its result beside the engine's entry, and the
 * entry's numerical check.
 *
 * @param entry        the entry, in the note's index convention
 * @param sample       the sample x for per-sample entries (z, a, ∇_a C, δ); -1 for ∂C/∂b and ∂C/∂w, which sum over
 *                     every sample
 * @param samples      m, the batch size
 * @param lines        the derivation, line by line
 * @param terms        every term of the derivation's main sum (all of them, also those a printed line elides)
 * @param value        the result the derivation computes, under the deliberate mistake if one is on
 * @param matrixValue  the engine's entry (what the matrix view shows); equal to value up to rounding
 * @param rightValue   what the note's formula gives from the same inputs (differs from value only under a mistake
 *                     that changes this entry's own formula)
 * @param numeric      the numerical derivative of C for this entry, or NaN when the entry is not a derivative of C
 *                     (z, a)
 * @param relativeError the relative error of value against numeric (NaN without a numeric value)
 * @param verdict      the check's verdict, or null when there is no numeric value
 * @param mistake      the deliberate mistake in use
 * @param notation     how weights are written
 */
public record Derivation(Quantity entry, int sample, int samples, List<Line> lines, List<Term> terms, double value,
                         double matrixValue, double rightValue, double numeric, double relativeError,
                         Verdict verdict, Mistake mistake, Notation notation) {
    public Derivation {
        lines = List.copyOf(lines);
        terms = List.copyOf(terms);
    }

    /** True if the entry has a numerical check beside it. */
    public boolean isChecked() {
        return verdict != null;
    }

    /** True if a deliberate mistake changes this entry's own formula (not only the numbers flowing into it). */
    public boolean mistaken() {
        return Double.compare(value, rightValue) != 0 || terms.stream().anyMatch(Term::wrong);
    }

    /** The lines of one role. */
    public List<Line> lines(Line.Role role) {
        return lines.stream().filter(l -> l.role() == role).toList();
    }
}
