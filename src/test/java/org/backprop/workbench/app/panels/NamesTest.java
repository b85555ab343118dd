package org.backprop.workbench.app.panels;

import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.steps.Notation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's names of the core's enums: in English exactly the core's own descriptions (which the command line and
 * the files use), in Chinese a translation that keeps the note's notation.
 */
class NamesTest {
    @AfterEach
    void backToEnglish() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void inEnglishTheNamesAreTheCoresDescriptions() {
        Messages.setLocale(Locale.ENGLISH);
        for (Mistake m : Mistake.values()) {
            assertEquals(m.description(), Names.mistake(m), m.id());
        }
        for (DifferenceMethod d : DifferenceMethod.values()) {
            assertEquals(d.description(), Names.method(d), d.id());
        }
        for (Notation n : Notation.values()) {
            assertEquals(n.label(), Names.notation(n), n.name());
        }
        assertEquals("fail", Names.verdict(org.backprop.workbench.check.Verdict.FAIL));
        for (org.backprop.workbench.steps.Step s : org.backprop.workbench.steps.Steps.of(
                org.backprop.workbench.app.DefaultNetwork.load().network())) {
            assertEquals(s.title(), Names.stepTitle(s), s.id());
        }
    }

    @Test
    void withNielsensWeightsAMistakeWritesItsProductsWithWTransposed() {
        Messages.setLocale(Locale.ENGLISH);
        for (Mistake m : Mistake.values()) {
            assertEquals(m.description(true), Names.mistake(m, Notation.NIELSEN), m.id());
            assertEquals(m.description(), Names.mistake(m, Notation.NOTE), m.id());
        }
        // the note's w^l is n_{l-1} x n_l, Nielsen's its transpose: w^{l+1} δ^{l+1} becomes (w^{l+1})^T δ^{l+1}
        assertEquals("BP2 without σ'(z^l): δ^l = (w^{l+1})^T δ^{l+1}",
                Names.mistake(Mistake.BP2_NO_SIGMA_PRIME, Notation.NIELSEN));
        assertTrue(Names.mistake(Mistake.BP4_Z_NOT_A, Notation.NIELSEN).contains("∂C/∂w^l = δ^l (z^{l-1})^T"));
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertTrue(Names.mistake(Mistake.BP2_NO_SIGMA_PRIME, Notation.NIELSEN).contains("δ^l = (w^{l+1})^T δ^{l+1}"));
        assertTrue(Names.mistake(Mistake.BP4_Z_NOT_A, Notation.NIELSEN).startsWith("BP4 在该用前一层"));
    }

    @Test
    void inChineseEachNameIsTranslatedAndKeepsTheFormulas() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        for (Mistake m : Mistake.values()) {
            String zh = Names.mistake(m);
            assertNotEquals(m.description(), zh, m.id());
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zh);
            // every formula token of the English description (σ'(z^L), w^{l+1}, ∇_a C, BP3b …) is in the Chinese too
            for (String token : m.description().split("[\\s:,()]+")) {
                if (token.matches(".*[\\^_∇δσ].*")) {
                    assertTrue(zh.contains(token), m.id() + ": " + token + " missing from " + zh);
                }
            }
        }
        assertEquals("中心差分", Names.method(DifferenceMethod.CENTRAL));
        assertEquals("BP2：第 1 层的误差", Names.stepTitle(new org.backprop.workbench.steps.Step("delta1",
                org.backprop.workbench.steps.StepKind.DELTA, 1, 2)));
        assertEquals("失败", Names.verdict(org.backprop.workbench.check.Verdict.FAIL));
    }
}
