package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown text of a lesson step, parsed with commonmark, with its formulas set aside for the app to typeset.
 *
 * <p>Formulas are written {@code $...$} (inline) or {@code $$...$$} (display); {@code \$} is a dollar sign. They are
 * taken out before commonmark sees the text (so that {@code _} and {@code \} inside a formula are not read as
 * Markdown) and replaced by a placeholder that {@link #spans} splits out of the text nodes again. Code spans and fenced
 * code are left alone. Raw HTML is never rendered: the app shows HTML nodes as literal text, and {@link #html()}
 * escapes it. Nothing in a lesson is executed.
 */
public final class Prose {
    /** A piece of a text node: plain text, or a formula in TeX. */
    public record Span(String text, boolean math, boolean display) {
    }

    /** An unclosed or empty formula or a private-use character, by line of the step's text (0-based). */
    public record Problem(int line, String message) {
    }

    /** A formula in TeX and the line of the step's text it starts on (0-based). */
    public record Formula(String tex, int line, boolean display) {
    }

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    /** What a lesson's own OPEN or CLOSE becomes: the Unicode replacement character. */
    private static final char REPLACEMENT = '\uFFFD';
    private static final Parser PARSER = Parser.builder().build();

    private final String markdown;
    private final List<String> formulas;
    private final List<Boolean> display;
    private final List<Integer> lines;
    private final Node document;
    private final List<Problem> problems;

    private Prose(String markdown, List<String> formulas, List<Boolean> display, List<Integer> lines, Node document,
                  List<Problem> problems) {
        this.lines = List.copyOf(lines);
        this.markdown = markdown;
        this.formulas = List.copyOf(formulas);
        this.display = List.copyOf(display);
        this.document = document;
        this.problems = List.copyOf(problems);
    }

    /**
     * Parses a step's Markdown. A formula may run over several lines of one paragraph; a blank line or the end of
     * the text before its closing delimiter is a problem reported on the line where it opened.
     */
    public static Prose of(String markdown) {
        List<String> formulas = new ArrayList<>();
        List<Boolean> display = new ArrayList<>();
        List<Integer> formulaLines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        String[] lines = markdown.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            // the placeholders are private-use characters: a lesson's own are refused, and replaced so they mean nothing
            if (lines[n].indexOf(OPEN) >= 0 || lines[n].indexOf(CLOSE) >= 0) {
                problems.add(new Problem(n, Messages.get("lesson.prose.privateUse",
                        lines[n].indexOf(OPEN) >= 0 ? "E000" : "E001")));
                lines[n] = lines[n].replace(OPEN, REPLACEMENT).replace(CLOSE, REPLACEMENT);
            }
        }
        boolean fenced = false;
        StringBuilder tex = null;       // the formula being read, or null
        String delimiter = "";
        int openedOn = 0;
        int openedAt = 0;               // position in out where the formula started
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (n > 0) {
                if (tex != null) {
                    tex.append(' ');
                } else {
                    out.append('\n');
                }
            }
            String stripped = line.strip();
            if (tex == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fenced = !fenced;
                out.append(line);
                continue;
            }
            if (fenced) {
                out.append(line);
                continue;
            }
            if (tex != null && stripped.isEmpty()) {
                problems.add(unclosed(openedOn, delimiter));
                out.append(delimiter).append(tex).append('\n');
                tex = null;
                continue;
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (tex != null) {
                    if (c == '\\' && i + 1 < line.length()) {
                        tex.append(c).append(line.charAt(i + 1));
                        i += 2;
                    } else if (line.startsWith(delimiter, i)) {
                        String formula = tex.toString().strip();
                        if (formula.isEmpty()) {
                            problems.add(new Problem(openedOn, Messages.get("lesson.prose.emptyFormula", delimiter)));
                        }
                        out.setLength(openedAt);
                        out.append(OPEN).append(formulas.size()).append(CLOSE);
                        formulas.add(formula);
                        display.add(delimiter.equals("$$"));
                        formulaLines.add(openedOn);
                        i += delimiter.length();
                        tex = null;
                    } else {
                        tex.append(c);
                        i++;
                    }
                } else if (c == '`') {
                    int close = line.indexOf('`', i + 1);
                    int stop = close < 0 ? line.length() : close + 1;
                    out.append(line, i, stop);
                    i = stop;
                } else if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '$') {
                    out.append("\\$");
                    i += 2;
                } else if (c == '$') {
                    delimiter = line.startsWith("$$", i) ? "$$" : "$";
                    tex = new StringBuilder();
                    openedOn = n;
                    openedAt = out.length();
                    i += delimiter.length();
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
        if (tex != null) {
            problems.add(unclosed(openedOn, delimiter));
            out.append(delimiter).append(tex);
        }
        return new Prose(markdown, formulas, display, formulaLines, PARSER.parse(out.toString()), problems);
    }

    private static Problem unclosed(int line, String delimiter) {
        return new Problem(line, Messages.get("lesson.prose.unclosed", delimiter));
    }

    /** The Markdown as the lesson wrote it. */
    public String markdown() { return markdown; }

    /** The commonmark tree; text nodes carry formula placeholders that {@link #spans} splits out. */
    public Node document() { return document; }

    /** The formulas in TeX, in order. */
    public List<String> formulas() { return formulas; }

    /** The formulas with the lines they start on. */
    public List<Formula> formulasWithLines() {
        List<Formula> all = new ArrayList<>();
        for (int i = 0; i < formulas.size(); i++) {
            all.add(new Formula(formulas.get(i), lines.get(i), display.get(i)));
        }
        return all;
    }

    /** Unclosed or empty formulas. */
    public List<Problem> problems() { return problems; }

    /** Splits the literal of a text node into plain text and formulas. */
    public List<Span> spans(String literal) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < literal.length()) {
            int open = literal.indexOf(OPEN, i);
            if (open < 0) {
                spans.add(new Span(literal.substring(i), false, false));
                break;
            }
            if (open > i) {
                spans.add(new Span(literal.substring(i, open), false, false));
            }
            int close = literal.indexOf(CLOSE, open);
            int index = close < 0 ? -1 : placeholder(literal.substring(open + 1, close));
            if (index < 0 || index >= formulas.size()) {
                // cannot come from of(), which replaces a lesson's own markers; shown as text rather than thrown
                spans.add(new Span(String.valueOf(REPLACEMENT), false, false));
                i = open + 1;
                continue;
            }
            spans.add(new Span(formulas.get(index), true, display.get(index)));
            i = close + 1;
        }
        return spans;
    }

    private static int placeholder(String digits) {
        return digits.matches("[0-9]{1,9}") ? Integer.parseInt(digits) : -1;
    }

    /**
     * The prose as HTML with raw HTML escaped and formulas as {@code <span class="math">TeX</span>} (escaped too):
     * for documentation and tests, never executed.
     */
    public String html() {
        String html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build().render(document);
        StringBuilder out = new StringBuilder();
        for (Span span : spans(html)) {
            if (span.math()) {
                out.append("<span class=\"math").append(span.display() ? " display" : "").append("\">")
                        .append(escape(span.text())).append("</span>");
            } else {
                out.append(span.text());
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
