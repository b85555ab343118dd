package org.backprop.workbench.report;

import org.backprop.workbench.i18n.Messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.backprop.workbench.check.DirectionalCheck;
import org.backprop.workbench.check.DirectionalCheck.Localisation;
import org.backprop.workbench.check.DirectionalCheck.Localised;
import org.backprop.workbench.check.DirectionalResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.Precision;

import java.util.Arrays;

/** The report of a directional check as text, Markdown or JSON. */
public final class DirectionalReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What {@code %n} wrote in the report's formats: the platform's line separator. */
    private static final String NL = System.lineSeparator();

    private DirectionalReport() {
    }

    private static String precisionNote(Precision precision) {
        return precision == Precision.DOUBLE ? "" : Messages.get("report.precisionNote", precision.id());
    }

    public static String text(Network net, int samples, double cost, Precision precision, Localisation loc) {
        DirectionalResult r = loc.whole();
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("report.network", net.describe())).append('\n');
        s.append(Messages.get("report.samples", String.valueOf(samples))).append(NL);
        s.append(Messages.get("report.cost", CheckReport.number(cost))).append(NL);
        s.append(Messages.get("directional.check", String.valueOf(r.parameters()), String.valueOf(r.seed()))).append(NL);
        s.append(Messages.get("directional.method", r.method().description(), CheckReport.step(r.epsilon()),
                precisionNote(precision))).append(NL).append(NL);
        s.append(Messages.get("directional.backprop", CheckReport.number(r.analytic()))).append(NL);
        s.append(Messages.get("directional.numerical", CheckReport.number(r.numeric()))).append(NL);
        s.append(Messages.get("directional.rel", CheckReport.rel(r.relativeError()), r.verdict().toString())).append(NL);
        if (r.reason() != org.backprop.workbench.check.Reason.NONE) {
            s.append(Messages.get("directional.reason", r.reason().id(), r.reason().description())).append('\n');
        }
        s.append(Messages.get("directional.legend", CheckReport.rel(Thresholds.PASS), CheckReport.rel(r.noise()),
                CheckReport.rel(Thresholds.PASS), CheckReport.rel(Thresholds.FAIL)).replace("\n", NL)).append(NL);
        if (!loc.localised().isEmpty()) {
            s.append(NL).append(Messages.get("directional.verdict", loc.verdict().toString())).append(NL);
            for (Localised x : loc.localised()) {
                s.append("  ").append(describe(x)).append('\n');
            }
        }
        s.append(NL).append(Messages.get("directional.evaluations", loc.evaluations(), loc.exhaustive())).append(NL);
        return s.toString();
    }

    public static String markdown(Network net, int samples, double cost, Precision precision, Localisation loc) {
        DirectionalResult r = loc.whole();
        StringBuilder where = new StringBuilder();
        if (!loc.localised().isEmpty()) {
            where.append('\n').append(Messages.get("directional.md.verdict", loc.verdict().toString())).append("\n\n");
            for (Localised x : loc.localised()) {
                where.append("- ").append(describe(x)).append('\n');
            }
        }
        return Messages.get("directional.md.title") + "\n\n"
                + Messages.get("report.md.network", net.describe()) + "\n"
                + Messages.get("report.md.samples", String.valueOf(samples)) + "\n"
                + Messages.get("report.md.cost", CheckReport.number(cost)) + "\n"
                + Messages.get("directional.md.direction", String.valueOf(r.parameters()), String.valueOf(r.seed()))
                + "\n"
                + Messages.get("report.md.method", r.method().description(), CheckReport.step(r.epsilon()),
                precisionNote(precision)) + "\n\n"
                + Messages.get("directional.md.header") + "\n|---:|---:|---:|---|\n"
                + "| " + CheckReport.number(r.analytic()) + " | " + CheckReport.number(r.numeric()) + " | "
                + CheckReport.rel(r.relativeError()) + " | " + r.verdict() + " |\n"
                + where
                + NL + Messages.get("directional.evaluations", loc.evaluations(), loc.exhaustive()) + NL;
    }

    public static String json(Network net, int samples, double cost, Precision precision, Localisation loc) {
        DirectionalResult r = loc.whole();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("network", net.describe());
        root.put("samples", samples);
        root.put("loss", cost);
        root.put("mode", "directional");
        root.put("method", r.method().id());
        root.put("epsilon", r.epsilon());
        root.put("precision", precision.id());
        root.put("seed", r.seed());
        root.put("parameters", r.parameters());
        root.put("analytic", r.analytic());
        root.put("numeric", r.numeric());
        root.put("relError", r.relativeError());
        root.put("verdict", loc.verdict().id());
        root.put("wholeVerdict", r.verdict().id());
        if (r.reason() != org.backprop.workbench.check.Reason.NONE) {
            root.put("reason", r.reason().id());
        }
        root.put("noise", r.noise());
        ArrayNode localised = root.putArray("localised");
        for (Localised x : loc.localised()) {
            ObjectNode o = localised.addObject();
            o.put("formula", x.formula().name());
            o.put("layer", x.layer());
            if (x.index() != null) {
                ArrayNode index = o.putArray("index");
                Arrays.stream(x.index()).forEach(index::add);
            }
        }
        root.put("evaluations", loc.evaluations());
        root.put("exhaustiveEvaluations", loc.exhaustive());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "BP4 ∂C/∂w^2: most of the block (or more than 8 entries) fails" or "BP3 ∂C/∂b^1[3]". */
    static String describe(Localised x) {
        String symbol = (x.formula() == Formula.BP3 ? "∂C/∂b^" : "∂C/∂w^") + x.layer();
        return x.index() == null
                ? Messages.get("directional.block", x.formula().toString(), symbol,
                        String.valueOf(DirectionalCheck.MAX_NAMED))
                : x.formula() + " " + symbol + Arrays.toString(x.index());
    }
}
