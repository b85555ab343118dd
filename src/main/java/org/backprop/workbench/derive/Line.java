package org.backprop.workbench.derive;

import org.backprop.workbench.i18n.Messages;

import java.util.Locale;

/**
 * One line of a derivation.
 *
 * @param role  what the line does in the derivation
 * @param text  the line in plain text (Unicode)
 * @param latex the same line in LaTeX (math mode, no delimiters)
 */
public record Line(Role role, String text, String latex) {

    /** The steps of a derivation, in the order they appear. */
    public enum Role {
        /** What the entry is, e.g. δ^l_j = ∂C/∂z^l_j. */
        DEFINITION,
        /** The chain rule in index form. */
        CHAIN_RULE,
        /** The sum written out term by term, in symbols. */
        TERMS,
        /** The terms with their numbers substituted. */
        SUBSTITUTED,
        /** The value of the sum. */
        SUM,
        /** A factor outside the sum (σ'(z^l_j), 1/m) with its value. */
        FACTOR,
        /** The result, equal to the entry in the matrix view. */
        RESULT,
        /** A deliberate mistake: the formula it computes and the right one. */
        MISTAKE,
        /** A remark: where the 1/m entered, a simplification, a value carried in from elsewhere. */
        NOTE;

        /** The role's name in the current language, as the derive view and the text formats show it. */
        public String label() {
            return Messages.get(switch (this) {
                case DEFINITION -> "derive.role.definition";
                case CHAIN_RULE -> "derive.role.chainRule";
                case TERMS -> "derive.role.terms";
                case SUBSTITUTED -> "derive.role.substituted";
                case SUM -> "derive.role.sum";
                case FACTOR -> "derive.role.factor";
                case RESULT -> "derive.role.result";
                case MISTAKE -> "derive.role.mistake";
                case NOTE -> "derive.role.note";
            });
        }

        /** The role's id in the JSON output ("chain rule"), the same in every language. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
