package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.report.MistakeText;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.DifferenceMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A question asking the student for one number of the forward or backward pass ({@code @quiz delta1[0,0]}), with the
 * engine's answer: the analytic value of backprop without mistakes and, for δ, ∂C/∂b and ∂C/∂w, the central-difference
 * estimate. {@link #grade} accepts an answer close to either and explains a wrong one: how far off it is, and a likely
 * reason when the answer is exactly what a classic mistake gives (the 1/m forgotten, σ' left out, w_kj read as w_jk,
 * the sign flipped, another sample's value).
 */
public final class Quiz {
    /**
     * Default tolerance, relative: within 1 % of the value, so that three significant digits are always enough and
     * a student who rounds sensibly is not refused.
     */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 0.01;

    /**
     * Least default tolerance, absolute: a value that is exactly 0 (a dead relu) is matched by answers within 1e-9,
     * which anything a student types as "0" satisfies.
     */
    public static final double TOLERANCE_FLOOR = 1e-9;

    private final Quantity quantity;
    private final double expected;
    private final double numeric;
    private final Double tolerance;   // absolute; null = DEFAULT_RELATIVE_TOLERANCE
    private final int m;
    private final Map<Mistake, Double> mistaken;    // the value under each classic mistake
    private final Double transposed;                // the value of the entry [j,k] for w / ∂C/∂w [k,j]
    private final Map<Integer, Double> otherSamples; // the value of the same neuron in the other samples

    private Quiz(Quantity quantity, double expected, double numeric, Double tolerance, int m,
                 Map<Mistake, Double> mistaken, Double transposed, Map<Integer, Double> otherSamples) {
        this.quantity = quantity;
        this.expected = expected;
        this.numeric = numeric;
        this.tolerance = tolerance;
        this.m = m;
        this.mistaken = mistaken;
        this.transposed = transposed;
        this.otherSamples = otherSamples;
    }

    /**
     * Computes the answer to a quiz on a document.
     *
     * @param quantity  one entry (not a whole matrix)
     * @param tolerance absolute tolerance, or null for {@link #DEFAULT_RELATIVE_TOLERANCE}
     * @param epsilon   the ε of the numerical estimate
     */
    public static Quiz of(NetworkDocument doc, Quantity quantity, Double tolerance, double epsilon) {
        return of(doc, quantity, tolerance, DifferenceMethod.CENTRAL, epsilon);
    }

    /** As {@link #of(NetworkDocument, Quantity, Double, double)}, the numerical estimate made by {@code method}. */
    public static Quiz of(NetworkDocument doc, Quantity quantity, Double tolerance, DifferenceMethod method,
                          double epsilon) {
        if (!quantity.isEntry()) {
            throw new IllegalArgumentException("a quiz asks for one number, not the whole of " + quantity.id());
        }
        Analysis correct = FastGradientCheck.analyse(doc.network(), doc.batch(), new Backprop(),
                new CheckOptions(method, epsilon, Precision.DOUBLE, CheckMode.ALL, CheckOptions.allCores()),
                CheckProgress.NONE);
        double expected = quantity.value(correct);
        double numeric = quantity.check(correct).map(CheckResult::numeric).orElse(Double.NaN);
        Map<Mistake, Double> mistaken = new LinkedHashMap<>();
        ForwardTrace forward = correct.forward();
        for (Mistake mistake : Mistake.values()) {
            if (mistake != Mistake.NONE) {
                BackwardTrace backward = new Backprop(mistake).run(doc.network(), forward, doc.batch());
                Analysis wrong = new Analysis(doc.network(), doc.batch(), mistake, epsilon, forward, backward, List.of());
                mistaken.put(mistake, quantity.value(wrong));
            }
        }
        Double transposed = quantity.transposed(doc.network()).map(q -> q.value(correct)).orElse(null);
        Map<Integer, Double> otherSamples = new LinkedHashMap<>();
        if (quantity.index().length == 2 && quantity.kind() != Quantity.Kind.W && quantity.kind() != Quantity.Kind.GRAD_W) {
            for (int x = 0; x < doc.batch().size(); x++) {
                if (x != quantity.index()[1]) {
                    otherSamples.put(x, new Quantity(quantity.kind(), quantity.layer(),
                            new int[]{quantity.index()[0], x}).value(correct));
                }
            }
        }
        return new Quiz(quantity, expected, numeric, tolerance, doc.batch().size(), mistaken, transposed, otherSamples);
    }

    public Quantity quantity() { return quantity; }

    /** The analytic value of backprop without mistakes. */
    public double expected() { return expected; }

    /** The central-difference estimate, NaN for quantities without a numerical check (z, a, ∇_a C, w, b, C). */
    public double numeric() { return numeric; }

    /** The absolute tolerance given in the lesson, if any. */
    public Optional<Double> tolerance() { return Optional.ofNullable(tolerance); }

    /** The question, e.g. "What is δ^1[0, 0]?". */
    public String question() {
        return Messages.get("quiz.question", quantity.label());
    }

    /** Grades an answer as typed: a decimal ({@code -0.0123}, {@code 1.5e-3}, a comma for the point) or a fraction. */
    public QuizGrade grade(String typed) {
        Optional<Double> number = parseNumber(typed);
        if (number.isEmpty()) {
            return new QuizGrade(false, Double.NaN, expected, numeric, Double.NaN, Double.NaN,
                    Messages.get("quiz.notANumber", typed.trim()), Optional.empty());
        }
        return grade(number.get());
    }

    /** The answer as the student is shown it: {@code δ^1[0, 0] = 0.0291 (central difference: 0.0291)}. */
    public String answerText() {
        return Double.isFinite(numeric)
                ? Messages.get("quiz.answerTextNumeric", quantity.label(), format(expected), format(numeric))
                : Messages.get("quiz.answerText", quantity.label(), format(expected));
    }

    /** Grades an answer. */
    public QuizGrade grade(double answer) {
        double absolute = Math.abs(answer - expected);
        double relative = expected == 0 ? (absolute == 0 ? 0 : Double.POSITIVE_INFINITY) : absolute / Math.abs(expected);
        boolean correct = close(answer, expected) || (Double.isFinite(numeric) && close(answer, numeric));
        String values = answerText();
        String off = Double.isFinite(relative)
                ? Messages.get("quiz.offRelative", format(absolute), String.format(Locale.ROOT, "%.3g", 100 * relative))
                : Messages.get("quiz.off", format(absolute));
        if (correct) {
            return new QuizGrade(true, answer, expected, numeric, absolute, relative,
                    Messages.get("quiz.right", values, off), Optional.empty());
        }
        return new QuizGrade(false, answer, expected, numeric, absolute, relative,
                Messages.get("quiz.notQuite", format(answer), values, off),
                hint(answer));
    }

    /** A likely reason for a wrong answer: a fingerprint, or else how many times the value the answer is. */
    private Optional<String> hint(double answer) {
        Optional<String> known = fingerprint(answer);
        if (known.isPresent() || expected == 0 || Math.signum(answer) != Math.signum(expected)) {
            return known;
        }
        return Optional.of(Messages.get("quiz.times", String.format(Locale.ROOT, "%.3g", answer / expected)));
    }

    /**
     * The classic slip a wrong answer is the fingerprint of (a factor m or 1/m, a mistake of {@link Mistake}, the
     * transposed entry, another sample, the sign), tried from the most specific to the most general; these name no
     * value, so a quiz may show them before it reveals its answer.
     */
    private Optional<String> fingerprint(double answer) {
        if (mistaken.containsKey(Mistake.FORGOT_ONE_OVER_M) && m > 1
                && differs(mistaken.get(Mistake.FORGOT_ONE_OVER_M)) && close(answer, mistaken.get(Mistake.FORGOT_ONE_OVER_M))) {
            return Optional.of(Messages.get("quiz.forgotOneOverM", m));
        }
        if (m > 1 && expected != 0 && close(answer, expected / m)) {
            return Optional.of(Messages.get("quiz.twiceOneOverM", m));
        }
        for (Map.Entry<Mistake, Double> e : mistaken.entrySet()) {
            // a flipped ∇_a C flips every number: the sign hint below says so more plainly
            if (e.getKey() != Mistake.GRAD_A_SIGN && differs(e.getValue()) && close(answer, e.getValue())) {
                return Optional.of(Messages.get("quiz.classicMistake", MistakeText.description(e.getKey())));
            }
        }
        if (transposed != null && differs(transposed) && close(answer, transposed)) {
            int[] i = quantity.index();
            return Optional.of(Messages.get("quiz.transposed", i[1], i[0]));
        }
        for (Map.Entry<Integer, Double> e : otherSamples.entrySet()) {
            if (differs(e.getValue()) && close(answer, e.getValue())) {
                return Optional.of(Messages.get("quiz.otherSample", e.getKey(), quantity.index()[1]));
            }
        }
        if (expected != 0 && close(answer, -expected)) {
            return Optional.of(Messages.get("quiz.sign"));
        }
        if (m > 1 && expected != 0 && close(answer, expected * m)) {
            return Optional.of(Messages.get("quiz.forgotOneOverM", m));
        }
        return Optional.empty();
    }

    /**
     * A hint for a wrong answer that leads toward the value without giving it away (a quiz that has not revealed its
     * answer): the classic mistake the answer is the fingerprint of, if one fits; otherwise only which way it is
     * off (the sign, too large or too small), never by how much.
     */
    public String nudge(double answer) {
        Optional<String> known = fingerprint(answer);
        if (known.isPresent()) {
            return known.get();
        }
        if (expected == 0) {
            return Messages.get("quiz.zero");
        }
        if (answer == 0 || Math.signum(answer) != Math.signum(expected)) {
            return Messages.get("quiz.signAndSize");
        }
        double ratio = Math.abs(answer / expected);
        if (ratio > 1 - NEAR && ratio < 1 + NEAR) {
            return Messages.get("quiz.close");
        }
        return Messages.get(ratio > 1 ? "quiz.tooLarge" : "quiz.tooSmall");
    }

    /** How near (relative) an answer counts as "close" in {@link #nudge}: a rounding slip, not a wrong factor. */
    static final double NEAR = 0.1;

    private boolean differs(double other) {
        return Double.isFinite(other) && !close(other, expected);
    }

    private boolean close(double answer, double target) {
        double allowed = tolerance != null ? tolerance
                : Math.max(DEFAULT_RELATIVE_TOLERANCE * Math.abs(target), TOLERANCE_FLOOR);
        return Math.abs(answer - target) <= allowed;
    }

    /** A decimal ({@code -0.0123}, {@code 1.5e-3}, {@code 0,25}, a Unicode minus) or a fraction {@code 1/4}. */
    static Optional<Double> parseNumber(String typed) {
        String s = typed.trim().replace('−', '-').replace(" ", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        try {
            int slash = s.indexOf('/');
            double value = slash < 0 ? Double.parseDouble(s)
                    : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }
}
