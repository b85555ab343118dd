package org.backprop.workbench.report;

import org.backprop.workbench.i18n.Messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.workbench.check.EpsilonSweep;
import org.backprop.workbench.numeric.Precision;

import java.util.List;
import java.util.Locale;

/** An ε sweep as a text table, JSON or CSV. */
public final class SweepReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SweepReport() {
    }

    /**
     * One row per step, one column per method: the worst relative error, '*' at each method's least, 'k' where a
     * perturbation crossed a relu kink.
     */
    public static String text(String network, EpsilonSweep.Result sweep) {
        StringBuilder s = new StringBuilder();
        s.append(Messages.get("report.network", network)).append('\n');
        s.append(Messages.get("sweep.target", sweep.target(), sweep.precision() == Precision.DOUBLE ? ""
                : Messages.get("report.precisionNote", sweep.precision().id()))).append('\n');
        s.append(Messages.get(sweep.numbers() > 1 ? "sweep.shownWorst" : "sweep.shown")).append('\n');
        s.append('\n').append(String.format(Locale.ROOT, "%-9s", "epsilon"));
        List<EpsilonSweep.Curve> curves = sweep.curves();
        for (EpsilonSweep.Curve c : curves) {
            s.append(String.format(Locale.ROOT, " %13s", c.method().id()));
        }
        s.append('\n');
        int steps = curves.isEmpty() ? 0 : curves.get(0).points().size();
        for (int i = 0; i < steps; i++) {
            s.append(String.format(Locale.ROOT, "%-9.1e", curves.get(0).points().get(i).epsilon()));
            for (EpsilonSweep.Curve c : curves) {
                EpsilonSweep.Point p = c.points().get(i);
                String mark = (p == c.best() ? "*" : " ") + (p.kinks() > 0 ? "k" : " ");
                s.append(String.format(Locale.ROOT, " %11s%s", CheckReport.rel(p.relativeError()), mark));
            }
            s.append('\n');
        }
        s.append(Messages.get("sweep.legend")).append('\n');
        for (EpsilonSweep.Curve c : curves) {
            s.append(String.format(Locale.ROOT, "%-13s ", c.method().id())).append(Messages.get("sweep.least",
                    CheckReport.rel(c.best().relativeError()), String.format(Locale.ROOT, "%.1e", c.best().epsilon())))
                    .append(System.lineSeparator());
        }
        for (String note : sweep.notes()) {
            s.append(Messages.get("against.note", note)).append('\n');
        }
        return s.toString();
    }

    /** method,epsilon,relError,medianRelError,kinks. */
    public static String csv(EpsilonSweep.Result sweep) {
        StringBuilder s = new StringBuilder("method,epsilon,relError,medianRelError,kinks\n");
        for (EpsilonSweep.Curve c : sweep.curves()) {
            for (EpsilonSweep.Point p : c.points()) {
                s.append(c.method().id()).append(',').append(p.epsilon()).append(',').append(p.relativeError())
                        .append(',').append(p.medianRelativeError()).append(',').append(p.kinks()).append('\n');
            }
        }
        return s.toString();
    }

    public static String json(String network, EpsilonSweep.Result sweep) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("network", network);
        root.put("target", sweep.target());
        root.put("numbers", sweep.numbers());
        root.put("precision", sweep.precision().id());
        ArrayNode curves = root.putArray("curves");
        for (EpsilonSweep.Curve c : sweep.curves()) {
            ObjectNode curve = curves.addObject();
            curve.put("method", c.method().id());
            curve.put("bestEpsilon", c.best().epsilon());
            curve.put("bestRelError", c.best().relativeError());
            ArrayNode points = curve.putArray("points");
            for (EpsilonSweep.Point p : c.points()) {
                ObjectNode point = points.addObject();
                point.put("epsilon", p.epsilon());
                point.put("relError", p.relativeError());
                point.put("medianRelError", p.medianRelativeError());
                point.put("kinks", p.kinks());
            }
        }
        ArrayNode notes = root.putArray("notes");
        sweep.notes().forEach(notes::add);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
