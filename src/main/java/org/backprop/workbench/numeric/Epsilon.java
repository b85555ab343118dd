package org.backprop.workbench.numeric;

import org.backprop.workbench.i18n.Messages;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a finite-difference step ε, used wherever a person types one: the tool bar, the ε plot, the CLI's
 * {@code --epsilon} and a lesson's {@code @epsilon}. ε is a finite number with {@code 0 < ε < 1}: a step of 1 or more
 * is no longer a derivative's step (every activation's curvature dominates), and 0, negatives, NaN and ∞ are not steps.
 * The text is trimmed and may use the typographic minus (−) that the formulas show.
 */
public final class Epsilon {
    /** Exclusive upper bound of ε. */
    public static final double MAX = 1;

    /**
     * The step "auto": chosen per number by {@link AutoStep} (Ridders' extrapolation, with an error bound). It is NaN
     * so that no arithmetic can mistake it for a step; test it with {@link #isAuto}.
     */
    public static final double AUTO = Double.NaN;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Epsilon() {
    }

    /** True if h is a usable step (finite, 0 &lt; h &lt; 1). */
    public static boolean isValid(double h) {
        return h > 0 && h < MAX && Double.isFinite(h);
    }

    /**
     * Reads ε from text as a person types it ("1e-5", " 0.001 ", "1e−5").
     *
     * @throws IllegalArgumentException naming what was found and what is expected
     */
    public static double parse(String text) {
        String t = text == null ? "" : text.strip().replace('−', '-');
        // decimal notation only: Double.parseDouble would also take "0x1p-3", "1e-5d" or "Infinity"
        if (!NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException(message(text));
        }
        double h = Double.parseDouble(t);
        if (!isValid(h)) {
            throw new IllegalArgumentException(message(text));
        }
        return h;
    }

    /** True for {@link #AUTO}. */
    public static boolean isAuto(double h) {
        return Double.isNaN(h);
    }

    /**
     * Reads ε or the word {@code auto} (any case, trimmed) as typed in the tool bar, the ε plot, a lesson's
     * {@code @epsilon} or the CLI's {@code --epsilon}.
     *
     * @return the step, or {@link #AUTO}
     * @throws IllegalArgumentException naming what was found and that auto is accepted too
     */
    public static double parseOrAuto(String text) {
        String t = text == null ? "" : text.strip();
        if (isAutoText(t)) {
            return AUTO;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.get("check.epsilon.expectedOrAuto", t));
        }
    }

    /** True if the text is the word {@code auto} (any case, trimmed). */
    public static boolean isAutoText(String text) {
        return text != null && text.strip().equalsIgnoreCase("auto");
    }

    /** "1e-05" for a step, "auto" for {@link #AUTO}: how a step is written back into a field or a file. */
    public static String text(double h) {
        return isAuto(h) ? "auto" : Double.toString(h);
    }

    /**
     * Checks a step that is already a number (the CLI's option, a file's value).
     *
     * @throws IllegalArgumentException if it is not valid
     */
    public static double check(double h) {
        if (!isValid(h)) {
            throw new IllegalArgumentException(message(format(h)));
        }
        return h;
    }

    /** "expected a positive number below 1, such as 1e-5; found "…"". */
    public static String message(String found) {
        return Messages.get("check.epsilon.expected", found == null ? "" : found.strip());
    }

    private static String format(double h) {
        return Double.isFinite(h) && h != 0 && Math.abs(h) < 1e-3 ? String.format(Locale.ROOT, "%.3g", h)
                : Double.toString(h);
    }
}
