package org.backprop.workbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two number forms of the reports, {@code %.Nf} and {@code %.Ne} of {@link java.util.Formatter} in the root
 * locale, character for character, without the Formatter: a text report of 784-128-64-10 prints ~110,000 numbers, and
 * parsing the format string and building a Formatter for each was a third of a cold {@code check} (see
 * docs/NUMERICS.md). Like the Formatter, both round the shortest decimal that reads back as the double
 * ({@link Double#toString}) half-up; a test compares them with {@code String.format} on many doubles.
 */
final class Decimal {
    private Decimal() {
    }

    /** {@code String.format(Locale.ROOT, "%." + digits + "f", v)} for a finite v. */
    static String fixed(double v, int digits) {
        String magnitude = new BigDecimal(Double.toString(Math.abs(v))).setScale(digits, RoundingMode.HALF_UP)
                .toPlainString();
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + magnitude : magnitude;   // the Formatter keeps the sign of -0
    }

    /** {@code String.format(Locale.ROOT, "%." + digits + "e", v)} for a finite v. */
    static String scientific(double v, int digits) {
        StringBuilder s = new StringBuilder(digits + 8);
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            s.append('-');
        }
        double abs = Math.abs(v);
        if (abs == 0) {
            s.append('0');
            if (digits > 0) {
                s.append('.').append("0".repeat(digits));
            }
            return s.append("e+00").toString();
        }
        BigDecimal rounded = new BigDecimal(Double.toString(abs)).round(new MathContext(digits + 1, RoundingMode.HALF_UP));
        String unscaled = rounded.unscaledValue().toString();
        int exponent = unscaled.length() - 1 - rounded.scale();
        s.append(unscaled.charAt(0));
        if (digits > 0) {
            s.append('.');
            int have = Math.min(unscaled.length() - 1, digits);
            s.append(unscaled, 1, 1 + have);
            for (int i = have; i < digits; i++) {
                s.append('0');
            }
        }
        s.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            s.append('0');
        }
        return s.append(e).toString();
    }

    /** s right-aligned in a field of the width, as {@code %<width>s}. */
    static void padLeft(StringBuilder out, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            out.append(' ');
        }
        out.append(s);
    }
}
