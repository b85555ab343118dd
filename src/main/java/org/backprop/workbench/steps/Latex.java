package org.backprop.workbench.steps;

import org.backprop.workbench.engine.Mistake;
import org.ejml.data.DMatrixRMaj;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** LaTeX for numbers and matrices, short enough to be typeset next to a formula. */
public final class Latex {
    /**
     * Significant digits of a substituted number: four tell values apart at the precision a student compares by
     * eye, while a 4 x 4 matrix still fits on one projected line.
     */
    public static final int DIGITS = 4;

    /** Rows or columns beyond which a matrix is elided with ⋯ / ⋮ (first {@value #HEAD} shown, then the last). */
    public static final int MAX_SPAN = 6;

    /** Rows or columns shown before the ellipsis of an elided matrix. */
    public static final int HEAD = 4;

    private Latex() {
    }

    /** A number to {@value #DIGITS} significant digits; scientific (1.234 \times 10^{-5}) below 1e-3 or from 1e4. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e4) {
            return plain(v);
        }
        int exponent = (int) Math.floor(Math.log10(abs));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.9995) {   // rounding 9.9996 to four digits gives 10.00
            mantissa /= 10;
            exponent++;
        }
        return plain(mantissa) + "\\times 10^{" + exponent + "}";
    }

    /** The same number as plain text (for tables and tooltips). */
    public static String plainNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : (v > 0 ? "∞" : "−∞");
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e4) {
            return plain(v);
        }
        int exponent = (int) Math.floor(Math.log10(abs));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.9995) {
            mantissa /= 10;
            exponent++;
        }
        return plain(mantissa) + "e" + exponent;
    }

    /** A plain-text name with its layer as a superscript: "δ^2" becomes "δ²", "∇_a C" becomes "∇ₐC". */
    public static String pretty(String name) {
        StringBuilder s = new StringBuilder();
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '^' && i + 1 < name.length() && Character.isDigit(name.charAt(i + 1))) {
                while (i + 1 < name.length() && Character.isDigit(name.charAt(i + 1))) {
                    s.append(digits.charAt(name.charAt(++i) - '0'));
                }
            } else {
                s.append(c);
            }
        }
        return s.toString().replace("∇_a C", "∇ₐC");
    }

    private static final String SUPERSCRIPT_FROM = "0123456789+-−Llj kT";
    private static final String SUPERSCRIPT_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻ᴸˡʲ ᵏᵀ";

    /**
     * Plain-text exponents as a reader expects them: {@code σ'(z^L)} → σ'(zᴸ), {@code w^{l+1}} → wˡ⁺¹, {@code δ^2} →
     * δ²; an exponent with a character that has no superscript is left as written.
     */
    public static String superscripts(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\^(\\{([^{}]*)\\}|[0-9]+|[LlT])").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String exponent = m.group(2) != null ? m.group(2) : m.group(1);
            StringBuilder sup = new StringBuilder();
            for (char c : exponent.toCharArray()) {
                int at = SUPERSCRIPT_FROM.indexOf(c);
                if (at < 0 || c == ' ') {
                    sup = null;
                    break;
                }
                sup.append(SUPERSCRIPT_TO.charAt(at));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(sup == null ? m.group() : sup.toString()));
        }
        m.appendTail(out);
        return out.toString().replace("∇_a C", "∇ₐC");
    }

    private static String plain(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return d.toPlainString();
    }

    /** A pmatrix, elided to at most {@value #MAX_SPAN} rows and columns. */
    public static String matrix(DMatrixRMaj m) {
        int[] rows = span(m.numRows);
        int[] cols = span(m.numCols);
        StringBuilder s = new StringBuilder("\\begin{pmatrix}");
        for (int ri = 0; ri < rows.length; ri++) {
            if (ri > 0) {
                s.append("\\\\");
            }
            for (int ci = 0; ci < cols.length; ci++) {
                if (ci > 0) {
                    s.append('&');
                }
                int r = rows[ri];
                int c = cols[ci];
                if (r < 0 && c < 0) {
                    s.append("\\ddots");
                } else if (r < 0) {
                    s.append("\\vdots");
                } else if (c < 0) {
                    s.append("\\cdots");
                } else {
                    s.append(number(m.get(r, c)));
                }
            }
        }
        return s.append("\\end{pmatrix}").toString();
    }

    /** Indices to show, -1 marking the ellipsis. */
    static int[] span(int n) {
        if (n <= MAX_SPAN) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] some = new int[HEAD + 2];
        for (int i = 0; i < HEAD; i++) {
            some[i] = i;
        }
        some[HEAD] = -1;
        some[HEAD + 1] = n - 1;
        return some;
    }

    /** Text in red, for the wrong version a deliberate mistake puts into a formula. */
    public static String wrong(String latex) {
        return Mistake.wrong(latex);
    }
}
