package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Network;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lesson says the engine will find ({@code @expect ...}); the validator runs the engine with the step's mistake
 * and ε and refuses the lesson if a claim does not hold. Forms:
 * <ul>
 *   <li>{@code all pass} — every check (also {@code all fail}, {@code all warn}, {@code all kink});</li>
 *   <li>{@code BP2 fails}, {@code BP2 layer 1 fails} — the checks of a formula (in one layer); their verdict is the
 *       worst of them: fail, then warn, then kink, then pass;</li>
 *   <li>{@code gradW1[0,2] kink} — the check of one entry;</li>
 *   <li>{@code delta1[0,0] = -0.0123} or {@code ... = -0.0123 within 1e-4} — the analytic value of one entry; without
 *       {@code within}, to the precision written (half a unit in the last digit given);</li>
 *   <li>{@code first failure BP2 layer 1} or {@code first failure none} — the first failing check in the engine's
 *       backward order (from the output layer down; in a layer δ, then BP3, then BP4).</li>
 * </ul>
 */
public sealed interface Claim {
    /** The claim as the lesson wrote it. */
    String text();

    /** Empty if the claim holds for this analysis; otherwise what the engine found instead. */
    Optional<String> disproof(Analysis analysis);

    /** The verdict of all checks, a formula's checks (in one layer, if layer &gt; 0) or one entry's check. */
    record VerdictClaim(String text, Formula formula, int layer, Quantity entry, Verdict verdict) implements Claim {
        @Override
        public Optional<String> disproof(Analysis analysis) {
            List<CheckResult> checks = analysis.checks().stream()
                    .filter(c -> formula == null || c.formula() == formula)
                    .filter(c -> layer == 0 || c.layer() == layer)
                    .toList();
            if (entry != null) {
                checks = entry.check(analysis).map(List::of).orElse(List.of());
            }
            CheckSummary summary = CheckSummary.of(checks);
            if (summary.checked() > 0 && summary.verdict() == verdict) {
                return Optional.empty();
            }
            return Optional.of(Messages.get("claim.verdict", subject(), verdictWord(summary.verdict()), counts(summary)));
        }

        private String subject() {
            if (entry != null) {
                return entry.id();
            }
            if (formula == null) {
                return Messages.get("claim.allChecks");
            }
            return layer == 0 ? formula.toString() : Messages.get("claim.formulaLayer", formula, String.valueOf(layer));
        }
    }

    /** The analytic value of one entry, within a tolerance. */
    record ValueClaim(String text, Quantity entry, double value, double tolerance) implements Claim {
        @Override
        public Optional<String> disproof(Analysis analysis) {
            double actual = entry.value(analysis);
            if (Math.abs(actual - value) <= tolerance) {
                return Optional.empty();
            }
            return Optional.of(Messages.get("claim.value", entry.id(), format(actual), format(value), format(tolerance)));
        }
    }

    /** The first failing check in backward order, or none failing (formula null). */
    record FirstFailureClaim(String text, Formula formula, int layer) implements Claim {
        @Override
        public Optional<String> disproof(Analysis analysis) {
            String found = firstFailure(analysis);
            String claimed = formula == null ? Prediction.NONE : Prediction.id(formula, layer);
            return found.equals(claimed) ? Optional.empty() : Optional.of(Messages.get("claim.firstFailure",
                    analysis.checks().stream().filter(c -> c.verdict() == Verdict.FAIL).findFirst()
                            .map(c -> Messages.get("claim.formulaLayer", c.formula(), String.valueOf(c.layer())))
                            .orElseGet(() -> Messages.get("claim.none"))));
        }
    }

    /** "BP2 layer 1" for the first failing check in the engine's order, or "none". */
    static String firstFailure(Analysis analysis) {
        return analysis.checks().stream().filter(c -> c.verdict() == Verdict.FAIL).findFirst()
                .map(c -> Prediction.id(c.formula(), c.layer())).orElse(Prediction.NONE);
    }

    private static String verdictWord(Verdict verdict) {
        return switch (verdict) {
            case PASS -> Messages.get("claim.passes");
            case WARN -> Messages.get("claim.warns");
            case FAIL -> Messages.get("claim.fails");
            case KINK -> Messages.get("claim.kinks");
        };
    }

    private static String counts(CheckSummary s) {
        if (s.checked() == 0) {
            return Messages.get("claim.noChecks");
        }
        return Messages.get("claim.counts", s.checked(), String.valueOf(s.pass()), String.valueOf(s.warn()),
                String.valueOf(s.fail()), String.valueOf(s.kink()), String.format(Locale.ROOT, "%.2g", s.maxRelativeError()));
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    // ---- reading claims -------------------------------------------------------------------------------------------

    Pattern VERDICT_WORD = Pattern.compile("(?i)(pass|passes|fail|fails|warn|warns|kink|kinks)");
    Pattern SUBJECT_FORMULA = Pattern.compile("(?i)BP([1-4])(?:\\s+layer\\s+(\\d+))?");
    Pattern VALUE = Pattern.compile("(\\S+)\\s*=\\s*(\\S+)(?:\\s+within\\s+(\\S+))?");
    Pattern FIRST_FAILURE = Pattern.compile("(?i)first\\s+failure\\s+(?:(none)|BP([1-4])\\s+layer\\s+(\\d+))");


    /**
     * Reads the argument of {@code @expect} for a network with a batch of m samples.
     *
     * @throws IllegalArgumentException with a message for the lesson's author
     */
    static Claim parse(String text, Network net, int m) {
        String t = text.trim();
        int depth = net.depth();
        Matcher first = FIRST_FAILURE.matcher(t);
        if (first.matches()) {
            if (first.group(1) != null) {
                return new FirstFailureClaim(t, null, 0);
            }
            Formula formula = Formula.valueOf("BP" + first.group(2));
            int layer = Quantity.whole(first.group(3), "layer");
            checkLayer(formula, layer, depth);
            return new FirstFailureClaim(t, formula, layer);
        }
        Matcher value = VALUE.matcher(t);
        if (value.matches()) {
            Quantity entry = Quantity.parse(value.group(1), net, m);
            if (!entry.isEntry()) {
                throw new IllegalArgumentException(Messages.get("claim.valueNeedsEntry", entry.id()));
            }
            double number = number(value.group(2), "value");
            double tolerance = value.group(3) == null ? halfLastDigit(value.group(2)) : number(value.group(3), "within");
            if (tolerance < 0) {
                throw new IllegalArgumentException(Messages.get("claim.negativeTolerance", value.group(3)));
            }
            return new ValueClaim(t, entry, number, tolerance);
        }
        int space = t.lastIndexOf(' ');
        if (space < 0 || !VERDICT_WORD.matcher(t.substring(space + 1)).matches()) {
            throw new IllegalArgumentException(Messages.get("claim.cannotRead", t));
        }
        Verdict verdict = verdict(t.substring(space + 1));
        String subject = t.substring(0, space).trim();
        if (subject.equalsIgnoreCase("all") || subject.equalsIgnoreCase("all checks")) {
            return new VerdictClaim(t, null, 0, null, verdict);
        }
        Matcher formulaMatcher = SUBJECT_FORMULA.matcher(subject);
        if (formulaMatcher.matches()) {
            Formula formula = Formula.valueOf("BP" + formulaMatcher.group(1));
            int layer = formulaMatcher.group(2) == null ? 0 : Quantity.whole(formulaMatcher.group(2), "layer");
            if (layer != 0) {
                checkLayer(formula, layer, depth);
            } else if (formula == Formula.BP2 && depth < 2) {
                throw new IllegalArgumentException(Messages.get("claim.bp2NeedsHiddenLayer"));
            }
            return new VerdictClaim(t, formula, layer, null, verdict);
        }
        Quantity entry = Quantity.parse(subject, net, m);
        if (!entry.isEntry() || !entry.isChecked()) {
            throw new IllegalArgumentException(Messages.get("claim.noCheck", subject));
        }
        return new VerdictClaim(t, null, 0, entry, verdict);
    }

    /** Checks that a formula applies to a layer: BP1 only to L, BP2 only to 1..L-1, BP3 and BP4 to 1..L. */
    static void checkLayer(Formula formula, int layer, int depth) {
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException(Messages.get("claim.unknownLayer", String.valueOf(layer),
                    String.valueOf(depth)));
        }
        if (formula == Formula.BP1 && layer != depth) {
            throw new IllegalArgumentException(Messages.get("claim.bp1OutputOnly", String.valueOf(depth),
                    String.valueOf(layer)));
        }
        if (formula == Formula.BP2 && layer == depth) {
            throw new IllegalArgumentException(Messages.get("claim.bp2HiddenOnly", String.valueOf(depth - 1),
                    String.valueOf(depth)));
        }
    }

    private static Verdict verdict(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("pass")) return Verdict.PASS;
        if (w.startsWith("fail")) return Verdict.FAIL;
        if (w.startsWith("warn")) return Verdict.WARN;
        return Verdict.KINK;
    }

    private static double number(String text, String what) {
        try {
            double x = Double.parseDouble(text.replace('−', '-'));
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Messages.get("claim.notANumber", what, text));
    }

    /** Half a unit in the last digit written: 0.25 → 0.005, 1.5e-3 → 0.05e-3, 3 → 0.5. */
    static double halfLastDigit(String written) {
        String s = written.toLowerCase(Locale.ROOT).replace('−', '-');
        int exponent = 0;
        int e = s.indexOf('e');
        if (e >= 0) {
            String digits = s.substring(e + 1).replace("+", "");
            // beyond ±999 the tolerance is 0 or infinite either way (and parseInt would overflow)
            exponent = digits.replace("-", "").length() > 3 ? (digits.startsWith("-") ? -999 : 999)
                    : Integer.parseInt(digits);
            s = s.substring(0, e);
        }
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, exponent - decimals);
    }
}
