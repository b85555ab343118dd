package org.backprop.workbench.lesson;

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
     * Why a formula is outside the subset (in the project's words, without the formula itself), or empty if it is
     * inside.
     */
    public static Optional<String> problem(String tex) {
        if (tex.length() > MAX_LENGTH) {
            return Optional.of("is " + tex.length() + " characters long; a formula may have at most " + MAX_LENGTH);
        }
        Deque<String> open = new ArrayDeque<>();     // "{", "\left", or an environment's name
        int pendingArguments = 0;                     // arguments of a command not yet begun with "{"
        int i = 0;
        while (i < tex.length()) {
            int c = tex.codePointAt(i);
            if (c == '\\') {
                if (i + 1 >= tex.length()) {
                    return Optional.of("ends with a lone backslash");
                }
                char next = tex.charAt(i + 1);
                if (!isAsciiLetter(next)) {
                    if (CONTROL_SYMBOLS.indexOf(next) < 0) {
                        return Optional.of("uses \\" + printable(next) + ", which is not in the lessons' TeX subset");
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
                            return Optional.of("\\" + name + " needs a colour name in braces, e.g. \\" + name
                                    + "{red}");
                        }
                        i = close + 1;
                        pendingArguments--;
                    }
                    continue;
                }
                if (!SYMBOLS.contains(name)) {
                    return Optional.of("uses \\" + name + ", which is not in the lessons' TeX subset"
                            + (name.equals("includegraphics") || name.startsWith("input") || name.equals("include")
                            ? " (a formula may not read files or URLs)"
                            : name.contains("def") || name.contains("command") || name.contains("environment")
                            ? " (a lesson may not define macros)"
                            : LessonParser.suggestion(name, KNOWN)));
                }
                switch (name) {
                    case "left" -> open.push("\\left");
                    case "right" -> {
                        if (!"\\left".equals(open.peek())) {
                            return Optional.of("has \\right without a matching \\left");
                        }
                        open.pop();
                    }
                    case "begin", "end" -> {
                        int close = braced(tex, i);
                        String environment = close < 0 ? "" : tex.substring(i + 1, close);
                        if (!ENVIRONMENTS.contains(environment)) {
                            return Optional.of("\\" + name + " needs one of the environments "
                                    + String.join(", ", ENVIRONMENTS.stream().sorted().toList()) + " in braces");
                        }
                        i = close + 1;
                        if (name.equals("begin")) {
                            open.push(environment);
                            if (environment.equals("array")) {
                                int spec = braced(tex, i);
                                if (spec < 0 || !COLUMNS.matcher(tex.substring(i + 1, spec)).matches()) {
                                    return Optional.of("\\begin{array} needs its columns in braces, e.g. {cc}");
                                }
                                i = spec + 1;
                            }
                        } else {
                            if (!environment.equals(open.peek())) {
                                return Optional.of("has \\end{" + environment + "} without a matching \\begin");
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
                    return Optional.of("has a closing brace } without an opening one");
                }
                open.pop();
            } else if (c == '^' || c == '_') {
                pendingArguments++;
                if (open.size() + pendingArguments > MAX_DEPTH) {
                    return Optional.of(tooDeep());
                }
            } else if (!allowedCharacter(c)) {
                return Optional.of("holds the character " + describe(c) + ", which a formula may not use"
                        + (c == '#' ? " (macro parameters are not part of the subset)"
                        : c == '%' ? " (write \\% for a percent sign)" : ""));
            } else if (c != ' ') {
                pendingArguments = Math.max(0, pendingArguments - 1);
            }
            i += Character.charCount(c);
        }
        if (!open.isEmpty()) {
            String what = open.peek();
            return Optional.of(what.equals("{") ? "has an opening brace { that is never closed"
                    : what.equals("\\left") ? "has \\left without a matching \\right"
                    : "has \\begin{" + what + "} without a matching \\end");
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
        return "nests deeper than " + MAX_DEPTH + " levels (braces, \\left...\\right, environments and "
                + "arguments written without braces each count one)";
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
                ? String.format("U+%04X", c) : "\"" + new String(Character.toChars(c)) + "\" (U+"
                + String.format("%04X", c) + ")";
    }
}
