package org.backprop.workbench.app.panels;

import java.util.Locale;

/** How numbers and symbols are written in the panels. */
final class Formats {
    private Formats() {
    }

    /** A value to compare digit by digit (analytic against numeric): 7 significant digits, sign column kept. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return " 0";
        }
        return String.format(Locale.ROOT, "% .6e", v);
    }

    /** A short value for a matrix cell: 4 significant digits. */
    static String cell(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e4) {
            return String.format(Locale.ROOT, "%.4g", v);   // 4 significant digits: -0.002753, 0.2500, 1235
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A control value without trailing zeros: 2000, 0.5, 1.5e-05 stays as %g gives it. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.length() <= 10 ? s : small(v);
    }

    /** An error or step size: 2 significant digits, e.g. 3.1e-11. */
    static String small(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-2 && abs < 1e3) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        // 3.1e-11 rather than 3.1e-011 or 1.0e-05
        return s.replace("e-0", "e-").replace("e+0", "e+").replace("e+", "e").replace(".0e", "e");
    }

    static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return v > 0 ? "+∞" : "−∞";
    }

    /** "δ^2[1, 0]" → "δ²[1, 0]": superscript digits read better on a projector than a caret. */
    static String superscripts(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '^' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                while (i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                    out.append(superscript(s.charAt(++i)));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String superscript(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append(superscript(c));
        }
        return out.toString();
    }

    private static char superscript(char digit) {
        return "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0');
    }
}
