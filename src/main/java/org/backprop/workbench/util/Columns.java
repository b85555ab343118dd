package org.backprop.workbench.util;

/**
 * Padding for the columns of plain-text tables in a terminal, where a CJK character (Han, kana, hangul, full-width
 * forms and punctuation) takes two columns: {@code String.format("%-10s")} counts characters, so a Chinese heading
 * would push its column out of line.
 */
public final class Columns {
    private Columns() {
    }

    /** The columns {@code s} takes in a terminal: two for each wide character, one for the rest. */
    public static int width(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    /** {@code s} followed by spaces up to {@code columns} (as %-Ns, counting wide characters twice). */
    public static String left(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - width(s)));
    }

    /** Spaces and then {@code s}, up to {@code columns} (as %Ns, counting wide characters twice). */
    public static String right(String s, int columns) {
        return " ".repeat(Math.max(0, columns - width(s))) + s;
    }

    /** East Asian Wide and Full-width ranges (Unicode UAX #11), the ones Chinese text uses. */
    public static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
