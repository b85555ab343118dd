package org.backprop.workbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Reason;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.Precision;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of an {@link Analysis} as text (for a terminal), Markdown (for notes and the app's export), JSON (for
 * programs) and CSV (the check table).
 */
public final class CheckReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CheckReport() {
    }

    /** The (formula, layer) groups in the order backprop computes them: BP1 at L, BP2 at L-1..1, then BP3, BP4. */
    public static List<Group> groups(Analysis analysis) {
        Network net = analysis.network();
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(Formula.BP1, net.depth(), analysis.summary(Formula.BP1, net.depth())));
        for (int l = net.depth() - 1; l >= 1; l--) {
            groups.add(new Group(Formula.BP2, l, analysis.summary(Formula.BP2, l)));
        }
        for (Formula f : List.of(Formula.BP3, Formula.BP4)) {
            for (int l = net.depth(); l >= 1; l--) {
                groups.add(new Group(f, l, analysis.summary(f, l)));
            }
        }
        return groups;
    }

    /** One formula in one layer with its summary. */
    public record Group(Formula formula, int layer, CheckSummary summary) {
    }

    public static String text(Analysis analysis) {
        Network net = analysis.network();
        StringBuilder s = new StringBuilder();
        s.append("Network  ").append(net.describe()).append('\n');
        s.append(String.format(Locale.ROOT, "Samples  m = %d%nCost     C = %s%n", analysis.batch().size(),
                number(analysis.forward().cost())));
        s.append(String.format(Locale.ROOT, "Check    %s, epsilon = %s%s%n", analysis.method().description(),
                step(analysis.epsilon()), precisionNote(analysis)));
        if (!(analysis.mode() instanceof CheckMode.All)) {
            s.append("Covers   ").append(analysis.mode().describe()).append('\n');
        }
        if (analysis.mistake() != Mistake.NONE) {
            s.append("Mistake  ").append(analysis.mistake().id()).append(": ").append(analysis.mistake().description())
                    .append('\n');
        }
        s.append('\n');
        appendMatrix(s, "a^0 (input)", analysis.forward().a(0));
        for (int l = 1; l <= net.depth(); l++) {
            s.append(String.format(Locale.ROOT, "== Layer %d: %d %s, %s ==%n", l, net.size(l),
                    net.size(l) == 1 ? "neuron" : "neurons", net.activation(l)));
            appendMatrix(s, "z^" + l, analysis.forward().z(l));
            appendMatrix(s, "a^" + l, analysis.forward().a(l));
            if (l == net.depth()) {
                appendMatrix(s, "grad_a C (includes 1/m)", analysis.backward().gradA());
            }
            appendMatrix(s, "delta^" + l, analysis.backward().delta(l));
            appendMatrix(s, "dC/db^" + l, analysis.backward().gradB(l));
            appendMatrix(s, "dC/dw^" + l + " (rows = inputs)", analysis.backward().gradW(l));
        }
        s.append("== Checks ==\n");
        s.append(String.format(Locale.ROOT, "%-4s %5s %7s %5s %5s %5s %5s  %-10s %s%n",
                "", "layer", "checked", "pass", "warn", "fail", "kink", "worst rel", "verdict"));
        for (Group g : groups(analysis)) {
            CheckSummary sum = g.summary();
            s.append(String.format(Locale.ROOT, "%-4s %5d %7d %5d %5d %5d %5d  %-10s %s%n", g.formula(), g.layer(),
                    sum.checked(), sum.pass(), sum.warn(), sum.fail(), sum.kink(), rel(sum.maxRelativeError()),
                    sum.verdict()));
        }
        CheckSummary all = analysis.summary();
        s.append(String.format(Locale.ROOT, "all  %5s %7d %5d %5d %5d %5d  %-10s %s%n", "", all.checked(), all.pass(),
                all.warn(), all.fail(), all.kink(), rel(all.maxRelativeError()), all.verdict()));
        s.append(String.format(Locale.ROOT, "(rel = |analytic - numeric| / max(|analytic|, |numeric|, N / %s), N = the "
                + "rounding noise of the numerical value%s;%n"
                + " pass: rel <= %s; warn: up to %s; fail: above, or NaN/Infinity; kink: a relu input crossed 0)%n",
                rel(Thresholds.PASS), noiseRange(analysis), rel(Thresholds.PASS), rel(Thresholds.FAIL)));
        for (Reason reason : new Reason[]{Reason.STEP_LOST, Reason.UNRESOLVED, Reason.NON_FINITE_INTERMEDIATE}) {
            long count = analysis.checks().stream().filter(r -> r.reason() == reason).count();
            if (count > 0) {
                s.append(String.format(Locale.ROOT, "%d of the checked numbers warn: %s (%s)%s.%n", count,
                        reason.id(), reason.description(), switch (reason) {
                            case STEP_LOST -> "; choose a larger --epsilon";
                            case NON_FINITE_INTERMEDIATE -> "; the numerical values are computed through an overflow: "
                                    + "scale the weights or inputs down";
                            default -> "; try a larger --epsilon, --epsilon auto or double precision";
                        }));
            }
        }
        List<CheckResult> failures = analysis.failures();
        long nonFinite = failures.stream().filter(CheckResult::nonFinite).count();
        if (nonFinite > 0) {
            s.append(String.format(Locale.ROOT, "%d of the checked numbers are NaN or infinite (a cost or a derivative "
                    + "overflowed); they count as failures.%n", nonFinite));
        }
        if (!failures.isEmpty()) {
            s.append("\n== Failing numbers ==\n");
            s.append(String.format(Locale.ROOT, "%-4s %-22s %-24s %-24s %s%n", "", "quantity", "analytic", "numeric",
                    "rel error"));
            for (CheckResult r : failures) {
                s.append(String.format(Locale.ROOT, "%-4s %-22s %-24s %-24s %s%s%n", r.formula(), r.quantity(),
                        number(r.analytic()), number(r.numeric()), rel(r.relativeError()),
                        r.nonFinite() ? "  (not finite)" : ""));
            }
        }
        return s.toString();
    }

    public static String markdown(Analysis analysis) {
        Network net = analysis.network();
        StringBuilder s = new StringBuilder();
        s.append("# Gradient check\n\n");
        s.append("- Network: `").append(net.describe()).append("`\n");
        s.append("- Samples: m = ").append(analysis.batch().size()).append('\n');
        s.append("- Cost: C = ").append(number(analysis.forward().cost())).append('\n');
        s.append("- Method: ").append(analysis.method().description()).append(", ε = ")
                .append(step(analysis.epsilon())).append(precisionNote(analysis)).append('\n');
        if (!(analysis.mode() instanceof CheckMode.All)) {
            s.append("- Covers: ").append(analysis.mode().describe()).append('\n');
        }
        if (analysis.mistake() != Mistake.NONE) {
            s.append("- Deliberate mistake: `").append(analysis.mistake().id()).append("`: ")
                    .append(analysis.mistake().description()).append('\n');
        }
        CheckSummary all = analysis.summary();
        s.append(String.format(Locale.ROOT, "- Verdicts: %d checked, %d pass, %d warn, %d fail, %d kink; worst relative "
                + "error %s%n%n", all.checked(), all.pass(), all.warn(), all.fail(), all.kink(),
                rel(all.maxRelativeError())));
        s.append("## By formula and layer\n\n| formula | layer | checked | pass | warn | fail | kink | worst rel. error | verdict |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Group g : groups(analysis)) {
            CheckSummary sum = g.summary();
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s |%n", g.formula(),
                    g.layer(), sum.checked(), sum.pass(), sum.warn(), sum.fail(), sum.kink(),
                    rel(sum.maxRelativeError()), sum.verdict()));
        }
        s.append("\n## Every checked number\n\n| formula | layer | index | analytic | numeric | rel. error | verdict |\n");
        s.append("|---|---:|---|---:|---:|---:|---|\n");
        for (CheckResult r : analysis.checks()) {
            s.append("| ").append(r.formula()).append(" | ").append(r.layer()).append(" | ").append(index(r.index()))
                    .append(" | ").append(number(r.analytic())).append(" | ").append(number(r.numeric())).append(" | ")
                    .append(rel(r.relativeError())).append(" | ")
                    .append(r.verdict() == Verdict.FAIL ? "**fail**" : r.verdict().id()).append(" |")
                    .append(System.lineSeparator());
        }
        return s.toString();
    }

    /** The check table as CSV: formula, layer, index, analytic, numeric, relError, verdict. */
    public static String csv(Analysis analysis) {
        StringBuilder s = new StringBuilder("formula,layer,index,analytic,numeric,relError,verdict\n");
        for (CheckResult r : analysis.checks()) {
            s.append(r.formula()).append(',').append(r.layer()).append(",\"").append(index(r.index())).append("\",")
                    .append(r.analytic()).append(',').append(r.numeric()).append(',').append(r.relativeError())
                    .append(',').append(r.verdict().id()).append('\n');
        }
        return s.toString();
    }

    public static ObjectNode jsonTree(Analysis analysis) {
        Network net = analysis.network();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("loss", analysis.forward().cost());
        root.put("samples", analysis.batch().size());
        root.put("network", net.describe());
        root.put("lossFunction", net.loss().id());
        if (Double.isNaN(analysis.epsilon())) {
            root.put("epsilon", "auto");
        } else {
            root.put("epsilon", analysis.epsilon());
        }
        root.put("method", analysis.method().id());
        root.put("precision", analysis.precision().id());
        root.put("mode", analysis.mode().describe());
        root.put("mistake", analysis.mistake().id());
        root.set("input", rows(analysis.forward().a(0)));
        root.set("gradA", rows(analysis.backward().gradA()));
        ArrayNode layers = root.putArray("layers");
        for (int l = 1; l <= net.depth(); l++) {
            ObjectNode layer = layers.addObject();
            layer.put("layer", l);
            layer.put("size", net.size(l));
            layer.put("activation", net.activation(l).id());
            layer.set("z", rows(analysis.forward().z(l)));
            layer.set("a", rows(analysis.forward().a(l)));
            layer.set("delta", rows(analysis.backward().delta(l)));
            layer.set("gradW", rows(analysis.backward().gradW(l)));
            ArrayNode gradB = layer.putArray("gradB");
            DMatrixRMaj b = analysis.backward().gradB(l);
            for (int j = 0; j < b.numRows; j++) {
                gradB.add(b.get(j, 0));
            }
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : analysis.checks()) {
            ObjectNode c = checks.addObject();
            c.put("formula", r.formula().name());
            c.put("layer", r.layer());
            ArrayNode index = c.putArray("index");
            for (int i : r.index()) {
                index.add(i);
            }
            c.put("analytic", r.analytic());
            c.put("numeric", r.numeric());
            c.put("relError", r.relativeError());
            c.put("verdict", r.verdict().id());
            if (r.reason() != Reason.NONE) {
                c.put("reason", r.reason().id());
            }
            if (Double.isFinite(r.noise())) {
                c.put("noise", r.noise());
            }
            if (Double.isFinite(r.step())) {
                c.put("step", r.step());
            }
            if (Double.isFinite(r.errorBound())) {
                c.put("errorBound", r.errorBound());
            }
        }
        CheckSummary sum = analysis.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("checked", sum.checked());
        summary.put("pass", sum.pass());
        summary.put("warn", sum.warn());
        summary.put("fail", sum.fail());
        summary.put("kink", sum.kink());
        summary.put("maxRelError", sum.maxRelativeError());
        return root;
    }

    /** JSON; NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity". */
    public static String json(Analysis analysis) {
        try {
            return MAPPER.writeValueAsString(jsonTree(analysis)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "" in double; a note when the numerical side ran in float. */
    private static String precisionNote(Analysis analysis) {
        return analysis.precision() == Precision.DOUBLE ? ""
                : ", forward passes in " + analysis.precision().id() + " precision";
    }

    private static ArrayNode rows(DMatrixRMaj m) {
        ArrayNode rows = MAPPER.createArrayNode();
        for (int r = 0; r < m.numRows; r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < m.numCols; c++) {
                row.add(m.get(r, c));
            }
        }
        return rows;
    }

    private static void appendMatrix(StringBuilder s, String label, DMatrixRMaj m) {
        s.append(String.format(Locale.ROOT, "%s  (%d x %d)%n", label, m.numRows, m.numCols));
        for (int r = 0; r < m.numRows; r++) {
            s.append("   ");
            for (int c = 0; c < m.numCols; c++) {
                s.append(' ');
                Decimal.padLeft(s, number(m.get(r, c)), 13);
            }
            s.append('\n');
        }
    }

    public static String index(int[] index) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < index.length; i++) {
            s.append(i == 0 ? "" : ", ").append(index[i]);
        }
        return s.append(']').toString();
    }

    /** A step ε as it is typed: 1e-5, 0.001, 2.5e-6 (the shortest decimal that reads back as the same double). */
    public static String step(double h) {
        if (Double.isNaN(h)) {
            return "auto (a step chosen per number by Ridders' method, with an error bound)";
        }
        return Double.toString(h).replace(".0E", "E").replace('E', 'e');
    }

    /** A number to 6 significant digits, scientific where small or large. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e5) {
            return Decimal.fixed(v, 6);
        }
        return Decimal.scientific(v, 5);
    }

    /** ", here 1.2e-11 to 3.4e-11" (nothing when no number has an estimate). */
    private static String noiseRange(Analysis analysis) {
        double[] noise = analysis.checks().stream().mapToDouble(CheckResult::noise).filter(Double::isFinite)
                .toArray();
        if (noise.length == 0) {
            return "";
        }
        double min = java.util.Arrays.stream(noise).min().orElseThrow();
        double max = java.util.Arrays.stream(noise).max().orElseThrow();
        return ", here " + rel(min) + (max > min ? " to " + rel(max) : "");
    }

    static String rel(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity")
                : Decimal.scientific(v, 2);
    }
}
