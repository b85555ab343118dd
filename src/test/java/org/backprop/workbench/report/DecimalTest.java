package org.backprop.workbench.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast number forms against the Formatter they replace, character for character. */
class DecimalTest {
    private static void agree(double v) {
        for (int digits : new int[]{2, 5, 6}) {
            assertEquals(String.format(Locale.ROOT, "%." + digits + "e", v), Decimal.scientific(v, digits),
                    "%." + digits + "e of " + v);
        }
        if (Math.abs(v) < 1e15) {
            assertEquals(String.format(Locale.ROOT, "%.6f", v), Decimal.fixed(v, 6), "%.6f of " + v);
        }
    }

    @Test
    void scientificAndFixedFormsMatchStringFormatOnRandomDoublesOfEveryMagnitude() {
        Random random = new Random(4711);
        for (int i = 0; i < 200_000; i++) {
            double mantissa = random.nextDouble() * 10;
            int exponent = random.nextInt(40) - 25;
            double v = mantissa * Math.pow(10, exponent) * (random.nextBoolean() ? 1 : -1);
            agree(v);
        }
    }

    @Test
    void halfwayCasesRoundUpAsTheFormatterDoes() {
        double[] cases = {0.0000125, 1.25e-5, 9.9999995, 9.999995e-7, 0.5, 1.5, 2.5, 0.0015, 0.001, 99999.9999995,
                1e-3, 1e5, 1.000005e-12, 123456.5, 9.995e-3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, Double.MIN_VALUE,
                Double.MAX_VALUE, 1e-300, 5e-324, 1e100, 0.0, -0.0, 1.0, -1.0,
                // rounding to the first digit, to nothing, and carries through every digit
                5e-7, -5e-7, 4.9999999e-7, -4e-7, 5e-8, 0.9999999996, 999.9999995, 9.99999e99, 9.999995e-100};
        for (double v : cases) {
            agree(v);
        }
    }

    @Test
    void reportNumbersKeepTheirFormsAtTheEdgesOfTheFixedRange() {
        assertEquals("0.001000", CheckReport.number(1e-3));
        assertEquals("9.99999e-04", CheckReport.number(9.99999e-4));
        assertEquals("1.00000e+05", CheckReport.number(1e5));
        assertEquals("-99999.000000", CheckReport.number(-99999));
        assertEquals("NaN", CheckReport.rel(Double.NaN));
        assertEquals("Infinity", CheckReport.rel(Double.POSITIVE_INFINITY));
        assertEquals("1.23e-10", CheckReport.rel(1.234e-10));
    }
}
