package org.backprop.workbench.steps;

import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The mistake list's descriptions typeset as the rest of the app writes them: no raw ^ left. */
class LatexSuperscriptsTest {
    @Test
    void exponentsBecomeSuperscripts() {
        assertEquals("BP1 without σ'(zᴸ): δᴸ = ∇ₐC (for a softmax output: the Jacobian left out)",
                Latex.superscripts(Mistake.BP1_NO_SIGMA_PRIME.description()));
        assertEquals("BP2 without σ'(zˡ): δˡ = wˡ⁺¹ δˡ⁺¹", Latex.superscripts(Mistake.BP2_NO_SIGMA_PRIME.description()));
        assertEquals("zˡ⁻¹ (δˡ)ᵀ and a⁰", Latex.superscripts("z^{l-1} (δ^l)^T and a^0"));
        assertEquals("x^{n/2}", Latex.superscripts("x^{n/2}"), "an exponent without superscripts stays as written");
    }

    @Test
    void noMistakeDescriptionKeepsARawExponent() {
        for (Mistake m : Mistake.values()) {
            assertFalse(Latex.superscripts(m.description()).contains("^"), m.id());
        }
    }
}
