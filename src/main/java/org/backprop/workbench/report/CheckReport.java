package org.backprop.workbench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.util.Columns;
import org.ejml.data.DMatrixRMaj;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of an {@link Analysis} as text (for a terminal), Markdown (for notes and the app's export), JSON (for
 * programs) and CSV (the check table).
 */
public final class CheckReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What {@code %n} wrote in the reports' formats: the platform's line separator. */
    private static final String NL = System.lineSeparator();

    private CheckReport() {
    }

    /** The (formula, layer) groups in the order backprop computes them: BP1 at L, BP2 at L-1..1, then BP3, BP4. */
    public static List<Group> groups(Analysis analysis) {
        Network net = analysis.network();
        // one pass over the checks (111,002 for 784-128-64-10), not one per group
        Map<Formula, List<List<CheckResult>>> byGroup = new EnumMap<>(Formula.class);
        for (Formula f : Formula.values()) {
            List<List<CheckResult>> layers = new ArrayList<>();
            for (int l = 0; l <= net.depth(); l++) {
                layers.add(new ArrayList<>());
            }
            byGroup.put(f, layers);
        }
        for (CheckResult r : analysis.checks()) {
            if (r.layer() >= 1 && r.layer() <= net.depth()) {
                byGroup.get(r.formula()).get(r.layer()).add(r);
            }
        }
        List<Group> groups = new ArrayList<>();
        groups.add(group(byGroup, Formula.BP1, net.depth()));
        for (int l = net.depth() - 1; l >= 1; l--) {
            groups.add(group(byGroup, Formula.BP2, l));
        }
        for (Formula f : List.of(Formula.BP3, Formula.BP4)) {
            for (int l = net.depth(); l >= 1; l--) {
                groups.add(group(byGroup, f, l));
            }
        }
        return groups;
    }

    private static Group group(Map<Formula, List<List<CheckResult>>> byGroup, Formula f, int layer) {
        return new Group(f, layer, CheckSummary.of(byGroup.get(f).get(layer)));
    }

    /** One formula in one layer with its summary. */
    public record Group(Formula formula, int layer, CheckSummary summary) {
    }

    public static String text(Analysis analysis) {
        Network net = analysis.network();
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("report.network", net.describe())).append('\n');
        s.append(Messages.get("report.samples", String.valueOf(analysis.batch().size()))).append(NL);
        s.append(Messages.get("report.cost", number(analysis.forward().cost()))).append(NL);
        s.append(Messages.get("report.check", analysis.method().description(), step(analysis.method(), analysis.epsilon()),
                precisionNote(analysis))).append(NL);
        if (!(analysis.mode() instanceof CheckMode.All)) {
            s.append(Messages.get("report.covers", analysis.mode().label())).append('\n');
        }
        if (analysis.mistake() != Mistake.NONE) {
            s.append(Messages.get("report.mistake", analysis.mistake().id(), MistakeText.description(analysis.mistake())))
                    .append('\n');
        }
        s.append('\n');
        appendMatrix(s, Messages.get("report.input"), analysis.forward().a(0));
        for (int l = 1; l <= net.depth(); l++) {
            s.append(Messages.get("report.layer", String.valueOf(l), net.size(l), net.activation(l).toString(),
                    String.valueOf(net.size(l))))
                    .append(NL);
            appendMatrix(s, "z^" + l, analysis.forward().z(l));
            appendMatrix(s, "a^" + l, analysis.forward().a(l));
            if (l == net.depth()) {
                appendMatrix(s, Messages.get("report.gradA"), analysis.backward().gradA());
            }
            appendMatrix(s, "delta^" + l, analysis.backward().delta(l));
            appendMatrix(s, "dC/db^" + l, analysis.backward().gradB(l));
            appendMatrix(s, Messages.get("report.gradW", String.valueOf(l)), analysis.backward().gradW(l));
        }
        s.append(Messages.get("report.checks")).append('\n');
        // the verdict columns keep their ids (pass, warn, fail, kink), which the legend below defines
        String worstHeading = Messages.get("report.col.worst");
        int worst = Math.max(10, Columns.width(worstHeading));
        s.append("     ").append(Columns.right(Messages.get("report.col.layer"), 5)).append(' ')
                .append(Columns.right(Messages.get("report.col.checked"), 7))
                .append(String.format(Locale.ROOT, " %5s %5s %5s %5s  ", "pass", "warn", "fail", "kink"))
                .append(Columns.left(worstHeading, worst)).append(' ').append(Messages.get("report.col.verdict"))
                .append(NL);
        for (Group g : groups(analysis)) {
            CheckSummary sum = g.summary();
            s.append(String.format(Locale.ROOT, "%-4s %5d %7d %5d %5d %5d %5d  ", g.formula(), g.layer(),
                    sum.checked(), sum.pass(), sum.warn(), sum.fail(), sum.kink()))
                    .append(Columns.left(rel(sum.maxRelativeError()), worst)).append(' ').append(sum.verdict())
                    .append(NL);
        }
        CheckSummary all = analysis.summary();
        s.append(Columns.left(Messages.get("report.col.all"), 4)).append(String.format(Locale.ROOT,
                " %5s %7d %5d %5d %5d %5d  ", "", all.checked(), all.pass(), all.warn(), all.fail(), all.kink()))
                .append(Columns.left(rel(all.maxRelativeError()), worst)).append(' ').append(all.verdict()).append(NL);
        s.append(Messages.get("report.legend", rel(Thresholds.PASS), noiseRange(analysis), rel(Thresholds.PASS),
                rel(Thresholds.FAIL)).replace("\n", NL)).append(NL);
        if (Double.isNaN(analysis.epsilon()) && !analysis.method().isComplex()) {
            s.append(Messages.get("report.legendAuto", rel(Thresholds.FAIL), step(Thresholds.BOUND_MARGIN),
                    step(Thresholds.NOISE_MARGIN)).replace("\n", NL)).append(NL);
        }
        for (Reason reason : new Reason[]{Reason.STEP_LOST, Reason.UNRESOLVED, Reason.NON_FINITE_INTERMEDIATE}) {
            long count = analysis.checks().stream().filter(r -> r.reason() == reason).count();
            if (count > 0) {
                s.append(Messages.get(switch (reason) {
                    case STEP_LOST -> "report.warnStepLost";
                    case NON_FINITE_INTERMEDIATE -> "report.warnOverflow";
                    default -> Double.isNaN(analysis.epsilon()) ? "report.warnUnresolvedAuto" : "report.warnUnresolved";
                }, String.valueOf(count), reason.id(), reason.description())).append(NL);
            }
        }
        List<CheckResult> failures = analysis.failures();
        long nonFinite = failures.stream().filter(CheckResult::nonFinite).count();
        if (nonFinite > 0) {
            s.append(Messages.get("report.nonFinite", String.valueOf(nonFinite))).append(NL);
        }
        if (!failures.isEmpty()) {
            s.append('\n').append(Messages.get("report.failing")).append('\n');
            s.append("     ").append(Columns.left(Messages.get("report.col.quantity"), 22)).append(' ')
                    .append(Columns.left(Messages.get("report.col.analytic"), 24)).append(' ')
                    .append(Columns.left(Messages.get("report.col.numeric"), 24)).append(' ')
                    .append(Messages.get("report.col.rel")).append(NL);
            for (CheckResult r : failures) {
                s.append(String.format(Locale.ROOT, "%-4s %-22s %-24s %-24s %s%s%n", r.formula(), r.quantity(),
                        number(r.analytic()), number(r.numeric()), rel(r.relativeError()),
                        r.nonFinite() ? "  " + Messages.get("report.notFinite") : ""));
            }
        }
        return s.toString();
    }

    public static String markdown(Analysis analysis) {
        Network net = analysis.network();
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("report.md.title")).append("\n\n");
        s.append(Messages.get("report.md.network", net.describe())).append('\n');
        s.append(Messages.get("report.md.samples", String.valueOf(analysis.batch().size()))).append('\n');
        s.append(Messages.get("report.md.cost", number(analysis.forward().cost()))).append('\n');
        s.append(Messages.get("report.md.method", analysis.method().description(), step(analysis.method(), analysis.epsilon()),
                precisionNote(analysis))).append('\n');
        if (!(analysis.mode() instanceof CheckMode.All)) {
            s.append(Messages.get("report.md.covers", analysis.mode().label())).append('\n');
        }
        if (analysis.mistake() != Mistake.NONE) {
            s.append(Messages.get("report.md.mistake", analysis.mistake().id(), MistakeText.description(analysis.mistake())))
                    .append('\n');
        }
        CheckSummary all = analysis.summary();
        s.append(Messages.get("report.md.verdicts", String.valueOf(all.checked()), String.valueOf(all.pass()),
                String.valueOf(all.warn()), String.valueOf(all.fail()), String.valueOf(all.kink()),
                rel(all.maxRelativeError()))).append(NL).append(NL);
        s.append(Messages.get("report.md.byFormula")).append("\n\n").append(Messages.get("report.md.byFormulaHeader"))
                .append('\n');
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Group g : groups(analysis)) {
            CheckSummary sum = g.summary();
            s.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s |%n", g.formula(),
                    g.layer(), sum.checked(), sum.pass(), sum.warn(), sum.fail(), sum.kink(),
                    rel(sum.maxRelativeError()), sum.verdict()));
        }
        s.append('\n').append(Messages.get("report.md.every")).append("\n\n").append(Messages.get("report.md.everyHeader"))
                .append('\n');
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

    /**
     * The JSON report as a tree (for reports that embed it, {@code check --against}): {@link #writeJson} read back,
     * so the shape has one definition.
     */
    public static ObjectNode jsonTree(Analysis analysis) {
        try {
            return (ObjectNode) MAPPER.readTree(json(analysis));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON; NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity". */
    public static String json(Analysis analysis) {
        StringWriter s = new StringWriter();
        try {
            writeJson(analysis, s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s.toString();
    }

    /**
     * Writes {@link #json} to {@code out} as it goes, without a tree or a string of the whole report (big.json's
     * report is 32 MB of indented JSON: 111,002 checks and every matrix). Does not close {@code out}. A double is
     * written as the shortest decimal that reads back as it (Jackson's fast writer: JDK 17's {@code Double.toString}
     * took a third of the report's time and lengthens ~0.15 % of doubles by a digit, which JDK 19 fixed).
     */
    public static void writeJson(Analysis analysis, Writer out) throws IOException {
        Network net = analysis.network();
        try (JsonGenerator g = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("loss", analysis.forward().cost());
            g.writeNumberField("samples", analysis.batch().size());
            g.writeStringField("network", net.describe());
            g.writeStringField("lossFunction", net.loss().id());
            if (Double.isNaN(analysis.epsilon())) {
                g.writeStringField("epsilon", "auto");
            } else {
                g.writeNumberField("epsilon", analysis.epsilon());
            }
            g.writeStringField("method", analysis.method().id());
            g.writeStringField("precision", analysis.precision().id());
            g.writeStringField("mode", analysis.mode().describe());
            g.writeStringField("mistake", analysis.mistake().id());
            rows(g, "input", analysis.forward().a(0));
            rows(g, "gradA", analysis.backward().gradA());
            g.writeArrayFieldStart("layers");
            for (int l = 1; l <= net.depth(); l++) {
                g.writeStartObject();
                g.writeNumberField("layer", l);
                g.writeNumberField("size", net.size(l));
                g.writeStringField("activation", net.activation(l).id());
                rows(g, "z", analysis.forward().z(l));
                rows(g, "a", analysis.forward().a(l));
                rows(g, "delta", analysis.backward().delta(l));
                rows(g, "gradW", analysis.backward().gradW(l));
                g.writeArrayFieldStart("gradB");
                DMatrixRMaj b = analysis.backward().gradB(l);
                for (int j = 0; j < b.numRows; j++) {
                    g.writeNumber(b.get(j, 0));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("checks");
            for (CheckResult r : analysis.checks()) {
                g.writeStartObject();
                g.writeStringField("formula", r.formula().name());
                g.writeNumberField("layer", r.layer());
                g.writeArrayFieldStart("index");
                for (int i : r.index()) {
                    g.writeNumber(i);
                }
                g.writeEndArray();
                g.writeNumberField("analytic", r.analytic());
                g.writeNumberField("numeric", r.numeric());
                g.writeNumberField("relError", r.relativeError());
                g.writeStringField("verdict", r.verdict().id());
                if (r.reason() != Reason.NONE) {
                    g.writeStringField("reason", r.reason().id());
                }
                if (Double.isFinite(r.noise())) {
                    g.writeNumberField("noise", r.noise());
                }
                if (Double.isFinite(r.step())) {
                    g.writeNumberField("step", r.step());
                }
                if (Double.isFinite(r.errorBound())) {
                    g.writeNumberField("errorBound", r.errorBound());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            CheckSummary sum = analysis.summary();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("checked", sum.checked());
            g.writeNumberField("pass", sum.pass());
            g.writeNumberField("warn", sum.warn());
            g.writeNumberField("fail", sum.fail());
            g.writeNumberField("kink", sum.kink());
            g.writeNumberField("maxRelError", sum.maxRelativeError());
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** "" in double; a note when the numerical side ran in float. */
    private static String precisionNote(Analysis analysis) {
        return analysis.precision() == Precision.DOUBLE ? ""
                : Messages.get("report.precisionNote", analysis.precision().id());
    }

    private static void rows(JsonGenerator g, String name, DMatrixRMaj m) throws IOException {
        g.writeArrayFieldStart(name);
        for (int r = 0; r < m.numRows; r++) {
            g.writeStartArray();
            for (int c = 0; c < m.numCols; c++) {
                g.writeNumber(m.get(r, c));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
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

    /** The step of a check by {@code method}: as {@link #step(double)}, and for auto with the complex step, that it needs no choice. */
    static String step(org.backprop.workbench.numeric.DifferenceMethod method, double h) {
        if (Double.isNaN(h) && method.isComplex()) {
            return Messages.get("report.autoStepComplex", step(method.defaultStep()));
        }
        return step(h);
    }

    /** A step ε as it is typed: 1e-5, 0.001, 2.5e-6 (the shortest decimal that reads back as the same double). */
    public static String step(double h) {
        if (Double.isNaN(h)) {
            return Messages.get("report.autoStep");
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
        return max > min ? Messages.get("report.noiseRange", rel(min), rel(max)) : Messages.get("report.noise", rel(min));
    }

    static String rel(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity")
                : Decimal.scientific(v, 2);
    }
}
