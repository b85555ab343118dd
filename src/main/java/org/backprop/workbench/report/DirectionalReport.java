package org.backprop.workbench.report;

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
import java.util.Locale;

/** The report of a directional check as text, Markdown or JSON. */
public final class DirectionalReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DirectionalReport() {
    }

    public static String text(Network net, int samples, double cost, Precision precision, Localisation loc) {
        DirectionalResult r = loc.whole();
        StringBuilder s = new StringBuilder();
        s.append("Network  ").append(net.describe()).append('\n');
        s.append(String.format(Locale.ROOT, "Samples  m = %d%nCost     C = %s%n", samples, CheckReport.number(cost)));
        s.append(String.format(Locale.ROOT, "Check    directional: one random unit direction u over all %d parameters "
                + "(seed %d)%n", r.parameters(), r.seed()));
        s.append(String.format(Locale.ROOT, "Method   %s, epsilon = %s%s%n%n", r.method().description(),
                CheckReport.step(r.epsilon()), precision == Precision.DOUBLE ? "" : ", forward passes in "
                        + precision.id() + " precision"));
        s.append(String.format(Locale.ROOT, "backprop   ∇C · u = %s%n", CheckReport.number(r.analytic())));
        s.append(String.format(Locale.ROOT, "numerical  dC/dt  = %s%n", CheckReport.number(r.numeric())));
        s.append(String.format(Locale.ROOT, "rel error         = %s  %s%n", CheckReport.rel(r.relativeError()),
                r.verdict()));
        if (r.reason() != org.backprop.workbench.check.Reason.NONE) {
            s.append("reason            = ").append(r.reason().id()).append(": ").append(r.reason().description())
                    .append('\n');
        }
        s.append(String.format(Locale.ROOT, "(rel = |a - n| / max(|a|, |n|, N / %s), N = %s the rounding noise of the "
                + "numerical value;%n pass: rel <= %s; warn: up to %s; fail: above; kink: a relu input crossed 0)%n",
                CheckReport.rel(Thresholds.PASS), CheckReport.rel(r.noise()), CheckReport.rel(Thresholds.PASS),
                CheckReport.rel(Thresholds.FAIL)));
        if (!loc.localised().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nVerdict  %s: along their own directions these parts fail "
                    + "(bisection of each block b^l, w^l):%n", loc.verdict()));
            for (Localised x : loc.localised()) {
                s.append("  ").append(describe(x)).append('\n');
            }
        }
        s.append(String.format(Locale.ROOT, "%nCost evaluations: %,d (checking every parameter one by one: %,d)%n",
                loc.evaluations(), loc.exhaustive()));
        return s.toString();
    }

    public static String markdown(Network net, int samples, double cost, Precision precision, Localisation loc) {
        DirectionalResult r = loc.whole();
        StringBuilder where = new StringBuilder();
        if (!loc.localised().isEmpty()) {
            where.append("\n## Verdict: " + loc.verdict() + ", localised by bisection\n\n");
            for (Localised x : loc.localised()) {
                where.append("- ").append(describe(x)).append('\n');
            }
        }
        return "# Directional gradient check\n\n"
                + "- Network: `" + net.describe() + "`\n"
                + "- Samples: m = " + samples + "\n"
                + "- Cost: C = " + CheckReport.number(cost) + "\n"
                + "- Direction: one random unit vector u over all " + r.parameters() + " parameters (seed " + r.seed()
                + ")\n"
                + "- Method: " + r.method().description() + ", ε = " + CheckReport.step(r.epsilon())
                + (precision == Precision.DOUBLE ? "" : ", forward passes in " + precision.id() + " precision") + "\n\n"
                + "| ∇C · u (backprop) | numerical | rel. error | verdict |\n|---:|---:|---:|---|\n"
                + "| " + CheckReport.number(r.analytic()) + " | " + CheckReport.number(r.numeric()) + " | "
                + CheckReport.rel(r.relativeError()) + " | " + r.verdict() + " |\n"
                + where
                + String.format(Locale.ROOT, "%nCost evaluations: %,d (checking every parameter one by one: %,d)%n",
                loc.evaluations(), loc.exhaustive());
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
                ? x.formula() + " " + symbol + ": most of the block (or more than " + DirectionalCheck.MAX_NAMED
                + " of its entries) fails"
                : x.formula() + " " + symbol + Arrays.toString(x.index());
    }
}
