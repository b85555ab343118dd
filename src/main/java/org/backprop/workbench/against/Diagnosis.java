package org.backprop.workbench.against;

/**
 * What the student's first diverging quantity looks like.
 *
 * @param mistake      a name from {@code check --mistake list}, or one of {@link Against#TRANSPOSED},
 *                     {@link Against#FACTOR_M}, {@link Against#SIGN}; null when nothing known matches
 * @param explanation  one or two sentences
 * @param wrongFormula the formula the student's numbers follow (null when unknown)
 * @param rightFormula the note's formula for the quantity
 */
public record Diagnosis(String mistake, String explanation, String wrongFormula, String rightFormula) {
    public boolean recognised() { return mistake != null; }
}
