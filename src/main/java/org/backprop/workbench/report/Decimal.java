package org.backprop.workbench.report;

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
        Digits d = new Digits(Math.abs(v));
        d.round(d.point + digits);
        StringBuilder s = new StringBuilder(Math.max(d.point, 1) + digits + 2);
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            s.append('-');   // the Formatter keeps the sign of -0 and of what rounds to 0
        }
        if (d.point <= 0) {
            s.append('0');
        } else {
            for (int i = 0; i < d.point; i++) {
                s.append(d.digit(i));
            }
        }
        if (digits > 0) {
            s.append('.');
            for (int i = d.point; i < d.point + digits; i++) {
                s.append(d.digit(i));
            }
        }
        return s.toString();
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
        Digits d = new Digits(abs);
        d.round(digits + 1);
        s.append(d.digit(0));
        if (digits > 0) {
            s.append('.');
            for (int i = 1; i <= digits; i++) {
                s.append(d.digit(i));
            }
        }
        int exponent = d.point - 1;
        s.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            s.append('0');
        }
        return s.append(e).toString();
    }

    /**
     * The shortest decimal of a non-negative double ({@link Double#toString}, which the Formatter also starts from) as
     * significant digits d_0 d_1 ... and the position of the decimal point: the value is 0.d_0 d_1 ... × 10^point.
     * Read off the characters of Double.toString; no BigDecimal (a text report formats ~110,000 numbers).
     */
    private static final class Digits {
        private char[] digits = new char[20];
        private int count;
        private int point;

        Digits(double abs) {
            String text = Double.toString(abs);
            int e = text.indexOf('E');
            int end = e < 0 ? text.length() : e;
            int exponent = e < 0 ? 0 : Integer.parseInt(text, e + 1, text.length(), 10);
            int integerDigits = 0;
            boolean seenPoint = false;
            boolean leading = true;
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (c == '.') {
                    seenPoint = true;
                    continue;
                }
                if (!seenPoint) {
                    integerDigits++;
                }
                if (leading && c == '0') {
                    if (seenPoint) {
                        point--;   // 0.00123: each zero after the point moves it left
                    } else {
                        integerDigits--;
                    }
                    continue;
                }
                leading = false;
                digits[count++] = c;
            }
            while (count > 0 && digits[count - 1] == '0') {
                count--;
            }
            point += integerDigits + exponent;
            if (count == 0) {   // zero
                point = 1;
            }
        }

        /** Digit i (0 beyond the significant ones and before the first). */
        char digit(int i) {
            return i >= 0 && i < count ? digits[i] : '0';
        }

        /** Rounds half-up to the first {@code keep} significant digits (keep &lt;= 0: to 0 or to one unit there). */
        void round(int keep) {
            if (keep >= count) {
                return;
            }
            boolean up = keep >= 0 && digits[keep] >= '5';
            if (keep < 0) {
                count = 0;
                point = 1;
                return;
            }
            count = keep;
            if (up) {
                int i = keep - 1;
                while (i >= 0 && digits[i] == '9') {
                    i--;
                }
                if (i < 0) {   // 9.99 -> 10.0: one digit 1, the point one further right
                    digits[0] = '1';
                    count = 1;
                    point++;
                    return;
                }
                digits[i]++;
                count = i + 1;
            }
            while (count > 0 && digits[count - 1] == '0') {
                count--;
            }
            if (count == 0) {
                point = 1;
            }
        }
    }

    /** s right-aligned in a field of the width, as {@code %<width>s}. */
    static void padLeft(StringBuilder out, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            out.append(' ');
        }
        out.append(s);
    }
}
