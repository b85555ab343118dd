package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of TeX a lesson's formulas may use, checked before JLaTeXMath sees a formula.
 *
 * <p>A lesson is untrusted input: JLaTeXMath can read files and URLs ({@code \includegraphics}), define macros
 * ({@code \newcommand}, {@code \def}) whose expansion is unbounded, and recurses once per nesting level. This
 * tokenizer admits only a whitelist of commands that draw symbols, fractions, roots, accents, fonts, colours,
 * matrices and spacing; no command that reads anything, defines anything or sizes anything freely
 * ({@code \hspace}, {@code \rule}, {@code \kern}). Nesting and length are bounded so that what it admits typesets
 * in milliseconds on a small stack. The subset is documented in {@code lessons/README.md}; keep the two in step.
 */
public final class TexSubset {
    /**
     * The longest formula, in characters. The longest in the shipped lessons is about 120; ten times that leaves
     * room for a matrix or an aligned derivation, and bounds the work of typesetting.
     */
    public static final int MAX_LENGTH = 1200;

    /**
     * The deepest nesting: braces, {@code \left...\right} pairs, environments and arguments of commands written
     * without braces ({@code \hat\hat x}) each count one. The shipped lessons need 4; JLaTeXMath recurses once per
     * level, and a few hundred levels overflow a thread's stack.
     */
    public static final int MAX_DEPTH = 12;

    /** Commands that draw a symbol or an operator name and take no argument. */
    static final Set<String> SYMBOLS = Set.of(
            // Greek letters
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau",
            "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
            "Sigma", "Upsilon", "Phi", "Psi", "Omega",
            // operators and relations
            "partial", "nabla", "infty", "cdot", "cdotp", "times", "odot", "oslash", "otimes", "oplus", "pm", "mp",
            "div", "ast", "star", "circ", "bullet", "approx", "sim", "simeq", "cong", "equiv", "neq", "ne", "leq",
            "le", "geq", "ge", "ll", "gg", "propto", "in", "notin", "subset", "subseteq", "supset", "supseteq",
            "cup", "cap", "setminus", "forall", "exists", "neg", "land", "lor", "mid", "parallel", "perp", "top",
            "bot", "colon", "prime", "ell", "hbar", "emptyset", "varnothing", "Re", "Im",
            // arrows
            "to", "rightarrow", "leftarrow", "leftrightarrow", "Rightarrow", "Leftarrow", "Leftrightarrow",
            "mapsto", "implies", "iff", "uparrow", "downarrow", "longrightarrow", "longmapsto",
            // dots and delimiters
            "ldots", "cdots", "vdots", "ddots", "dots", "langle", "rangle", "lfloor", "rfloor", "lceil", "rceil",
            "vert", "Vert", "lVert", "rVert", "lbrace", "rbrace",
            // big operators and function names
            "sum", "prod", "int", "oint", "lim", "limsup", "liminf", "max", "min", "sup", "inf", "log", "ln", "exp",
            "sin", "cos", "tan", "sinh", "cosh", "tanh", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "det",
            "dim", "ker", "deg", "arg", "gcd", "Pr", "limits", "nolimits",
            // spacing and styles (fixed sizes only)
            "quad", "qquad", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
            // sizing of delimiters
            "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
            "Biggl", "Biggr", "begin", "end");

    /** Commands that take arguments; an argument written without braces counts as one level of nesting. */
    static final Set<String> WITH_ARGUMENTS = Set.of(
            "frac", "tfrac", "dfrac", "binom", "sqrt", "hat", "bar", "tilde", "vec", "dot", "ddot", "check",
            "breve", "acute", "grave", "widehat", "widetilde", "overline", "underline", "overbrace", "underbrace",
            "overset", "underset", "stackrel", "mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathbb",
            "boldsymbol", "text", "textrm", "textbf", "textit", "operatorname", "boxed", "textcolor", "color");

    /** Environments of {@code \begin{...}}: matrices, arrays, cases and aligned equations. */
    static final Set<String> ENVIRONMENTS = Set.of(
            "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array", "cases",
            "aligned", "align", "split");

    private static final Set<String> KNOWN = union(SYMBOLS, WITH_ARGUMENTS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Characters after a backslash that make a one-character command: spacing, row break and escaped signs. */
    private static final String CONTROL_SYMBOLS = ",;:! \\{}%$&#_|";

    /** Plain ASCII characters a formula may hold; {@code #} (macro parameters), {@code %}, {@code @} are not among them. */
    private static final String PLAIN = "+-*/=()[]<>|,.;:!?'^_{}&~ ";

    private static final Pattern COLOUR = Pattern.compile("[A-Za-z]{1,20}|#[0-9A-Fa-f]{6}");
    private static final Pattern COLUMNS = Pattern.compile("[lcr|]{1,40}");

    private TexSubset() {
    }

    /**
     * Why a formula is outside the subset (in the current language, without the formula itself: it follows "the
     * formula $...$" of {@code lesson.read.formulaOutside}), or empty if it is inside. Lengths and depths are written
     * as plain digits, as the limits in lessons/README.md are.
     */
    public static Optional<String> problem(String tex) {
        if (tex.length() > MAX_LENGTH) {
            return Optional.of(Messages.get("lesson.tex.tooLong", String.valueOf(tex.length()),
                    String.valueOf(MAX_LENGTH)));
        }
        Deque<String> open = new ArrayDeque<>();     // "{", "\left", or an environment's name
        int pendingArguments = 0;                     // arguments of a command not yet begun with "{"
        int i = 0;
        while (i < tex.length()) {
            int c = tex.codePointAt(i);
            if (c == '\\') {
                if (i + 1 >= tex.length()) {
                    return Optional.of(Messages.get("lesson.tex.loneBackslash"));
                }
                char next = tex.charAt(i + 1);
                if (!isAsciiLetter(next)) {
                    if (CONTROL_SYMBOLS.indexOf(next) < 0) {
                        return Optional.of(Messages.get("lesson.tex.notInSubset", printable(next), ""));
                    }
                    i += 2;
                    pendingArguments = Math.max(0, pendingArguments - 1);
                    continue;
                }
                int end = i + 1;
                while (end < tex.length() && isAsciiLetter(tex.charAt(end))) {
                    end++;
                }
                String name = tex.substring(i + 1, end);
                i = end;
                if (WITH_ARGUMENTS.contains(name)) {
                    pendingArguments++;
                    if (open.size() + pendingArguments > MAX_DEPTH) {
                        return Optional.of(tooDeep());
                    }
                    if (name.equals("textcolor") || name.equals("color")) {
                        int close = braced(tex, i);
                        if (close < 0 || !COLOUR.matcher(tex.substring(i + 1, close)).matches()) {
                            return Optional.of(Messages.get("lesson.tex.needsColour", name));
                        }
                        i = close + 1;
                        pendingArguments--;
                    }
                    continue;
                }
                if (!SYMBOLS.contains(name)) {
                    return Optional.of(name.equals("includegraphics") || name.startsWith("input")
                            || name.equals("include") ? Messages.get("lesson.tex.readsFiles", name)
                            : name.contains("def") || name.contains("command") || name.contains("environment")
                            ? Messages.get("lesson.tex.definesMacros", name)
                            : Messages.get("lesson.tex.notInSubset", name, LessonParser.suggestion(name, KNOWN)));
                }
                switch (name) {
                    case "left" -> open.push("\\left");
                    case "right" -> {
                        if (!"\\left".equals(open.peek())) {
                            return Optional.of(Messages.get("lesson.tex.rightWithoutLeft"));
                        }
                        open.pop();
                    }
                    case "begin", "end" -> {
                        int close = braced(tex, i);
                        String environment = close < 0 ? "" : tex.substring(i + 1, close);
                        if (!ENVIRONMENTS.contains(environment)) {
                            return Optional.of(Messages.get("lesson.tex.needsEnvironment", name,
                                    String.join(", ", ENVIRONMENTS.stream().sorted().toList())));
                        }
                        i = close + 1;
                        if (name.equals("begin")) {
                            open.push(environment);
                            if (environment.equals("array")) {
                                int spec = braced(tex, i);
                                if (spec < 0 || !COLUMNS.matcher(tex.substring(i + 1, spec)).matches()) {
                                    return Optional.of(Messages.get("lesson.tex.arrayColumns"));
                                }
                                i = spec + 1;
                            }
                        } else {
                            if (!environment.equals(open.peek())) {
                                return Optional.of(Messages.get("lesson.tex.endWithoutBegin", environment));
                            }
                            open.pop();
                        }
                    }
                    default -> pendingArguments = Math.max(0, pendingArguments - 1);
                }
                if (open.size() + pendingArguments > MAX_DEPTH) {
                    return Optional.of(tooDeep());
                }
                continue;
            }
            if (c == '{') {
                pendingArguments = Math.max(0, pendingArguments - 1);
                open.push("{");
                if (open.size() + pendingArguments > MAX_DEPTH) {
                    return Optional.of(tooDeep());
                }
            } else if (c == '}') {
                if (!"{".equals(open.peek())) {
                    return Optional.of(Messages.get("lesson.tex.closingBrace"));
                }
                open.pop();
            } else if (c == '^' || c == '_') {
                pendingArguments++;
                if (open.size() + pendingArguments > MAX_DEPTH) {
                    return Optional.of(tooDeep());
                }
            } else if (!allowedCharacter(c)) {
                return Optional.of(Messages.get(c == '#' ? "lesson.tex.characterHash"
                        : c == '%' ? "lesson.tex.characterPercent" : "lesson.tex.character", describe(c)));
            } else if (c != ' ') {
                pendingArguments = Math.max(0, pendingArguments - 1);
            }
            i += Character.charCount(c);
        }
        if (!open.isEmpty()) {
            String what = open.peek();
            return Optional.of(what.equals("{") ? Messages.get("lesson.tex.openBrace")
                    : what.equals("\\left") ? Messages.get("lesson.tex.leftWithoutRight")
                    : Messages.get("lesson.tex.beginWithoutEnd", what));
        }
        return Optional.empty();
    }

    /** The index of the "}" closing a "{" at {@code at} (no nesting allowed inside), or -1. */
    private static int braced(String tex, int at) {
        if (at >= tex.length() || tex.charAt(at) != '{') {
            return -1;
        }
        int close = tex.indexOf('}', at);
        return close < 0 || tex.indexOf('{', at + 1) >= 0 && tex.indexOf('{', at + 1) < close ? -1 : close;
    }

    private static String tooDeep() {
        return Messages.get("lesson.tex.tooDeep", String.valueOf(MAX_DEPTH));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean allowedCharacter(int c) {
        if (c < 128) {
            return isAsciiLetter((char) c) || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String printable(char c) {
        return c < 32 || c == 127 ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private static String describe(int c) {
        return c < 32 || c == 127 || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL
                ? String.format("U+%04X", c)
                : Messages.get("lesson.tex.quoted", new String(Character.toChars(c)), String.format("%04X", c));
    }
}
