package org.backprop.workbench.io;

/**
 * Text from a file made safe to print on a terminal or in a log: control characters become visible escapes.
 *
 * <p>A lesson title holding {@code ESC[2J} would clear the student's terminal, a newline in a field name would forge
 * an extra {@code error:} line, and bidirectional overrides would make a message read differently from what it says.
 * Every string the command line prints from a file goes through {@link #escape} (messages are one line, so line
 * breaks inside them are escaped too); the command line's writers also pass all output through
 * {@link #escapeControls}, which keeps the line breaks the program itself prints.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every control or invisible formatting character written as an escape ({@code \e}, {@code \n}, {@code \u202E}). */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Like {@link #escape} but keeps line feeds and tabs (and the CR of this platform's line separator). */
    public static String escapeControls(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (kept(c, keepLines)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u001b' -> out.append("\\e");
                default -> out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@link #escapeControls} leaves these characters as they are: the fast path of a stream of output. */
    public static boolean keptByEscapeControls(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!kept(chars[i], true)) {
                return false;
            }
        }
        return true;
    }

    private static boolean kept(char c, boolean keepLines) {
        return !isUnsafe(c) || keepLines && (c == '\n' || c == '\t' || c == '\r' && CR_IN_LINE_SEPARATOR);
    }

    private static final boolean CR_IN_LINE_SEPARATOR = System.lineSeparator().contains("\r");

    /** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional embedding/override/isolate marks. */
    static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029'
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
