package org.backprop.workbench.against;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.report.CheckReport;
import org.backprop.workbench.util.Columns;

import java.util.Locale;

/**
 * The report of a {@link Comparison} as text, Markdown and JSON. The JSON is the check report's with an
 * {@code "against"} object in front (docs/VALUES.md gives its shape).
 */
public final class AgainstReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What {@code %n} wrote in the report's formats: the platform's line separator. */
    private static final String NL = System.lineSeparator();

    private AgainstReport() {
    }

    /** "every number (23 checked, central differences, ε = 1e-5)": which numerical checks ran beside. */
    public static String numericalChecks(Analysis analysis) {
        CheckSummary sum = analysis.summary();
        return Messages.get("against.numericalChecks", analysis.mode().label(), String.valueOf(sum.checked()),
                analysis.method().id(), CheckReport.step(analysis.epsilon()), String.valueOf(sum.pass()),
                String.valueOf(sum.warn()), String.valueOf(sum.fail()), String.valueOf(sum.kink()));
    }

    public static String text(Comparison c, Analysis analysis) {
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("against.values", c.file())).append('\n');
        s.append(Messages.get("report.network", analysis.network().describe())).append('\n');
        s.append(Messages.get("report.samples", String.valueOf(analysis.batch().size()))).append(NL);
        s.append(Messages.get("against.tolerance", Against.tolerance(c.tolerance()),
                Against.tolerance(Against.FLOOR_FRACTION))).append(NL).append(NL);
        // a Chinese character takes two columns (Columns), so the rows stay under their headings
        String maxRel = Messages.get("against.col.maxRel");
        int relWidth = Math.max(10, Columns.width(maxRel));
        s.append("  ").append(Columns.left(Messages.get("against.col.quantity"), 10)).append(' ')
                .append(Columns.left(Messages.get("against.col.formula"), 8)).append(' ')
                .append(Columns.left(Messages.get("against.col.status"), 10)).append(' ')
                .append(Columns.left(maxRel, relWidth)).append(' ')
                .append(Messages.get("against.col.worst")).append(NL);
        for (QuantityComparison q : c.quantities()) {
            String mark = c.firstDivergence().filter(f -> f == q).isPresent() ? "→ " : "  ";
            s.append(mark).append(String.format(Locale.ROOT, "%-10s %-8s ", q.key().symbol(), q.formula()))
                    .append(Columns.left(status(q.status()), 10)).append(' ')
                    .append(Columns.left(q.status() == Status.NOT_GIVEN ? "" : rel(q.maxRelError()), relWidth))
                    .append(' ').append(q.status() == Status.NOT_GIVEN ? "" : worst(q)).append('\n');
        }
        s.append('\n');
        appendVerdict(s, c, "");
        s.append(Messages.get("against.beside", numericalChecks(analysis))).append('\n');
        return s.toString();
    }

    /** A quantity's status in words of the current language (JSON writes its id). */
    private static String status(Status status) {
        return switch (status) {
            case MATCHES -> Messages.get("against.status.matches");
            case DIFFERS -> Messages.get("against.status.differs");
            case NOT_GIVEN -> Messages.get("against.status.notGiven");
        };
    }

    public static String markdown(Comparison c, Analysis analysis) {
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("against.md.title")).append("\n\n");
        s.append(Messages.get("against.md.values", c.file())).append('\n');
        s.append(Messages.get("against.md.network", analysis.network().describe(),
                String.valueOf(analysis.batch().size()))).append('\n');
        s.append(Messages.get("against.md.tolerance", Against.tolerance(c.tolerance()))).append("\n\n");
        s.append(Messages.get("against.md.header")).append('\n');
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (QuantityComparison q : c.quantities()) {
            boolean given = q.status() != Status.NOT_GIVEN;
            s.append("| ").append(q.key().symbol()).append(" | ").append(q.formula()).append(" | ")
                    .append(c.firstDivergence().filter(f -> f == q).isPresent() ? Messages.get("against.md.differsFirst")
                            : status(q.status())).append(" | ")
                    .append(given ? rel(q.maxRelError()) : "").append(" | ")
                    .append(given ? CheckReport.index(q.worst()) : "").append(" | ")
                    .append(given ? Against.number(q.worstYours()) : "").append(" | ")
                    .append(given ? Against.number(q.worstAnalytic()) : "").append(" | ")
                    .append(given && !Double.isNaN(q.numeric()) ? Against.number(q.numeric()) : "").append(" |\n");
        }
        s.append('\n');
        appendVerdict(s, c, "");
        s.append('\n').append(Messages.get("against.beside", numericalChecks(analysis))).append('\n');
        return s.toString();
    }

    private static void appendVerdict(StringBuilder s, Comparison c, String indent) {
        if (c.matches()) {
            s.append(indent).append(Messages.get("against.verdictMatches", c.explanation())).append('\n');
            return;
        }
        QuantityComparison f = c.firstDivergence().orElseThrow();
        s.append(indent).append(Messages.get("against.verdictDiffers", f.key().symbol(), f.formula())).append('\n');
        s.append(indent).append(Messages.get("against.sentence", capital(c.explanation()))).append('\n');
        Diagnosis d = c.diagnosis();
        if (d.recognised()) {
            s.append(indent).append(Messages.get("against.diagnosis", d.mistake(), d.explanation())).append('\n');
            s.append(indent).append("  ").append(Messages.get("against.yours", d.wrongFormula())).append('\n');
            s.append(indent).append("  ").append(Messages.get("against.right", d.rightFormula())).append('\n');
        } else {
            s.append(indent).append(Messages.get("against.diagnosisUnknown", d.explanation())).append('\n');
        }
        if (c.floatNote() != null) {
            s.append(indent).append(Messages.get("against.note", c.floatNote())).append('\n');
        }
    }

    public static ObjectNode jsonTree(Comparison c, Analysis analysis) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode against = root.putObject("against");
        against.put("file", c.file());
        against.put("verdict", c.matches() ? "matches" : "differs");
        against.put("tolerance", c.tolerance());
        against.put("floorFraction", Against.FLOOR_FRACTION);
        ArrayNode quantities = against.putArray("quantities");
        for (QuantityComparison q : c.quantities()) {
            ObjectNode o = quantities.addObject();
            putKey(o, q);
            o.put("status", q.status().id());
            if (q.status() == Status.NOT_GIVEN) {
                o.putNull("maxRelError");
                o.putNull("worst");
                continue;
            }
            o.put("maxRelError", q.maxRelError());
            ObjectNode worst = o.putObject("worst");
            ArrayNode index = worst.putArray("index");
            for (int i : q.worst()) {
                index.add(i);
            }
            worst.put("yours", q.worstYours());
            worst.put("analytic", q.worstAnalytic());
            if (Double.isNaN(q.numeric())) {
                worst.putNull("numeric");
            } else {
                worst.put("numeric", q.numeric());
            }
        }
        if (c.matches()) {
            against.putNull("firstDivergence");
            against.putNull("diagnosis");
        } else {
            QuantityComparison f = c.firstDivergence().orElseThrow();
            ObjectNode first = against.putObject("firstDivergence");
            putKey(first, f);
            first.put("explanation", c.explanation());
            ObjectNode d = against.putObject("diagnosis");
            d.put("mistake", c.diagnosis().mistake());
            d.put("explanation", c.diagnosis().explanation());
            d.put("wrongFormula", c.diagnosis().wrongFormula());
            d.put("rightFormula", c.diagnosis().rightFormula());
        }
        against.put("explanation", c.explanation());
        if (c.floatNote() == null) {
            against.putNull("floatNote");
        } else {
            against.put("floatNote", c.floatNote());
        }
        ObjectNode numeric = against.putObject("numericalChecks");
        numeric.put("mode", analysis.mode().describe());
        numeric.put("checked", analysis.summary().checked());
        numeric.put("method", analysis.method().id());
        numeric.put("epsilon", analysis.epsilon());
        root.setAll(CheckReport.jsonTree(analysis));
        return root;
    }

    public static String json(Comparison c, Analysis analysis) {
        try {
            return MAPPER.writeValueAsString(jsonTree(c, analysis)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putKey(ObjectNode o, QuantityComparison q) {
        o.put("quantity", q.key().quantity().id());
        if (q.key().quantity() == Quantity.LOSS) {
            o.putNull("layer");
        } else {
            o.put("layer", q.key().layer());
        }
        o.put("formula", q.formula());
    }

    private static String worst(QuantityComparison q) {
        String n = Double.isNaN(q.numeric()) ? "—" : Against.number(q.numeric());
        return CheckReport.index(q.worst()) + " " + Against.number(q.worstYours()) + " / "
                + Against.number(q.worstAnalytic()) + " / " + n;
    }

    private static String rel(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.2e", v);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
