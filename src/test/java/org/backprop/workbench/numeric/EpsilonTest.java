package org.backprop.workbench.numeric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpsilonTest {
    @Test
    void readsWhatAPersonTypes() {
        assertEquals(1e-5, Epsilon.parse("1e-5"));
        assertEquals(1e-3, Epsilon.parse(" 0.001 "));
        assertEquals(1e-5, Epsilon.parse("1e−5"), "the typographic minus of the formulas");
        assertEquals(1e-20, Epsilon.parse("1E-20"), "complex step's default");
    }

    @Test
    void refusesWhatIsNotAStepBelowOne() {
        for (String bad : new String[]{"0", "-1e-5", "1", "2", "NaN", "Infinity", "0x1p-3", "1e-5d", "", "small"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Epsilon.parse(bad), bad);
            assertEquals("expected a positive number below 1, such as 1e-5; found \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void checkIsTheSameRuleForNumbers() {
        assertEquals(0.5, Epsilon.check(0.5));
        assertThrows(IllegalArgumentException.class, () -> Epsilon.check(1));
        assertThrows(IllegalArgumentException.class, () -> Epsilon.check(Double.NaN));
        assertTrue(Epsilon.isValid(Math.ulp(0.0)));
    }

    @Test
    void autoIsReadWhereAStepMayBeChosenPerNumber() {
        assertTrue(Epsilon.isAuto(Epsilon.parseOrAuto("auto")));
        assertTrue(Epsilon.isAuto(Epsilon.parseOrAuto(" AUTO ")));
        assertEquals(1e-5, Epsilon.parseOrAuto("1e-5"));
        assertEquals("auto", Epsilon.text(Epsilon.AUTO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Epsilon.parseOrAuto("car"));
        assertEquals("expected a positive number below 1, such as 1e-5, or auto (a step chosen per number); "
                + "found \"car\"", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Epsilon.parse("auto"), "a plain step is a number");
    }
}
