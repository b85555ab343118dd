package org.backprop.workbench.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Reason;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Nets;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.backprop.workbench.engine.Nets.column;
import static org.backprop.workbench.engine.Nets.matrix;
import static org.backprop.workbench.engine.Nets.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON report is written streaming ({@link CheckReport#writeJson}); it must be the document the Jackson tree of
 * earlier versions gave, character for character. The reference below is that tree builder, kept as it was. Both
 * write a double as the shortest decimal that reads back as it (Jackson's fast writer, what {@code Double.toString}
 * gives from JDK 19 on); JDK 17's {@code Double.toString} lengthens about 0.15 % of random doubles by a digit.
 */
class CheckReportJsonTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static Network twoHidden(Activation second) {
        return Network.initialised(3, List.of(new Layer(4, Activation.TANH), new Layer(3, second),
                new Layer(2, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, 11);
    }

    private static Batch batchOf(Network net) {
        return new Batch(samples(new double[]{0.3, -0.7, 0.1}, new double[]{0.9, -0.4, 0.2}),
                samples(new double[]{1, 0}, new double[]{0, 1}));
    }

    @Test
    void aCorrectAndAWrongBackpropGiveTheTreesDocument() throws Exception {
        Network net = twoHidden(Activation.RELU);
        for (Mistake m : List.of(Mistake.NONE, Mistake.GRAD_A_SIGN)) {
            Analysis an = GradientCheck.analyse(net, batchOf(net), new Backprop(m), Thresholds.DEFAULT_EPSILON);
            assertEquals(reference(an), CheckReport.json(an), m.id());
        }
    }

    @Test
    void autoStepsWithTheirBoundsGiveTheTreesDocument() throws Exception {
        Network net = twoHidden(Activation.SIGMOID);
        Analysis an = GradientCheck.analyseAuto(net, batchOf(net), new Backprop(), DifferenceMethod.CENTRAL,
                CheckProgress.NONE);
        assertEquals(reference(an), CheckReport.json(an));
    }

    @Test
    void aDoubleJdk17WritesWithADigitTooManyIsWrittenShortestAndReadsBackTheSame() throws Exception {
        double d = -5.7428244423868464E16;   // JDK 17: "-5.7428244423868464E16"
        Network net = Nets.network(1, List.of(Activation.IDENTITY), Loss.QUADRATIC, List.of(matrix(new double[]{d})),
                List.of(column(0)));
        Analysis an = GradientCheck.analyse(net, new Batch(samples(new double[]{1}), samples(new double[]{0})),
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        String json = CheckReport.json(an);
        assertTrue(json.contains("-5.742824442386846E16"), json);
        assertEquals(d, CheckReport.jsonTree(an).get("layers").get(0).get("z").get(0).get(0).doubleValue());
    }

    @Test
    void infinitiesNaNsAndKinksGiveTheTreesDocument() throws Exception {
        // softmax of (1000, -1000) on the wrong class: C = +Infinity and every number NaN or infinite
        Network saturated = Nets.network(1, List.of(Activation.SOFTMAX), Loss.CROSS_ENTROPY,
                List.of(matrix(new double[]{1000, -1000})), List.of(column(0, 0)));
        Analysis nonFinite = GradientCheck.analyse(saturated, new Batch(samples(new double[]{1}),
                samples(new double[]{0, 1})), new Backprop(), Thresholds.DEFAULT_EPSILON);
        // z^1_0 = 3e-6, within ε of the relu's kink: KINK verdicts with a reason
        Network kink = Nets.network(1, List.of(Activation.RELU, Activation.IDENTITY), Loss.QUADRATIC,
                List.of(matrix(new double[]{1.0, -0.5}), matrix(new double[]{2.0}, new double[]{1.0})),
                List.of(column(-0.999997, 0.2), column(0.1)));
        Analysis kinked = GradientCheck.analyse(kink, new Batch(samples(new double[]{1.0}), samples(new double[]{1.0})),
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertEquals(reference(nonFinite), CheckReport.json(nonFinite));
        assertEquals(reference(kinked), CheckReport.json(kinked));
        assertEquals(MAPPER.readTree(reference(kinked)), CheckReport.jsonTree(kinked));
    }

    /** The report as the Jackson tree gave it before it was streamed. */
    private static String reference(Analysis analysis) throws Exception {
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
        return MAPPER.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).writeValueAsString(root) + "\n";
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
}
