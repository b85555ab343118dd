package org.backprop.workbench.app;

import javafx.scene.paint.Color;
import org.backprop.workbench.check.Verdict;

/** The colours that carry meaning: a diverging scale for signed numbers and one colour per verdict. */
public final class Palette {
    /** Positive numbers: a red readable on light and dark backgrounds (ColorBrewer RdBu end). */
    public static final Color POSITIVE = Color.web("#d6604d");
    /** Negative numbers: the matching blue. */
    public static final Color NEGATIVE = Color.web("#4393c3");
    /** The highlight of the current step and the selected check: amber stands out against red and blue. */
    public static final Color HIGHLIGHT = Color.web("#f5a623");

    private Palette() {
    }

    /**
     * The colour of a signed value on a scale where {@code max} is the largest magnitude: transparent at 0, fully
     * red or blue at ±max, so that the same colours work on any background.
     *
     * @param strength the opacity at ±max, 0..1
     */
    public static Color diverging(double value, double max, double strength) {
        if (!Double.isFinite(value)) {
            return Color.web("#9b59b6", strength);
        }
        double t = max > 0 ? Math.min(1.0, Math.abs(value) / max) : 0.0;
        Color base = value >= 0 ? POSITIVE : NEGATIVE;
        return Color.color(base.getRed(), base.getGreen(), base.getBlue(), t * strength);
    }

    /** The CSS colour of a verdict. */
    public static String verdictColor(Verdict v) {
        return switch (v) {
            case PASS -> "#2e9e5b";
            case WARN -> "#d4a017";
            case FAIL -> "#d64545";
            case KINK -> "#8e6bbf";
        };
    }

    /** A short mark for a verdict. */
    public static String verdictMark(Verdict v) {
        return switch (v) {
            case PASS -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case KINK -> "⌃";
        };
    }

    /** "#rrggbb" or "rgba(...)" of a colour, for inline styles. */
    public static String css(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
