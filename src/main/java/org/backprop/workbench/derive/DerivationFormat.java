package org.backprop.workbench.derive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.util.Columns;


/** A derivation printed as plain text, Markdown, a LaTeX fragment for slides, or JSON. */
public final class DerivationFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DerivationFormat() {
    }

    private static String heading(Derivation d) {
        return Messages.get("derive.heading", d.entry().id(), d.entry().label())
                + (d.samples() > 1 ? Messages.get("derive.heading.samples", String.valueOf(d.samples())) : "")
                + (d.notation().transposesWeights() ? Messages.get("derive.heading.notation", d.notation().label()) : "")
                + (d.mistake().id().equals("none") ? "" : Messages.get("derive.heading.mistake", d.mistake().id()));
    }

    /** One line per step, each starting with its role. */
    public static String text(Derivation d) {
        StringBuilder s = new StringBuilder(heading(d)).append('\n');
        for (Line line : d.lines()) {
            // padded by terminal columns: a Chinese role name (链式法则) takes two per character
            s.append("  ").append(Columns.left(line.role().label() + ":", 13)).append(' ').append(line.text())
                    .append(System.lineSeparator());
        }
        return s.toString();
    }

    /** A Markdown list, the formulas as inline math. */
    public static String markdown(Derivation d) {
        StringBuilder s = new StringBuilder("### ").append(heading(d)).append("\n\n");
        for (Line line : d.lines()) {
            s.append("- **").append(line.role().label()).append("**: $").append(line.latex()).append("$\n");
        }
        return s.toString();
    }

    /** A LaTeX fragment (an align* environment) to paste into slides; needs amsmath and xcolor. */
    public static String latex(Derivation d) {
        StringBuilder s = new StringBuilder("% ").append(heading(d)).append("\n\\begin{align*}\n");
        for (int i = 0; i < d.lines().size(); i++) {
            Line line = d.lines().get(i);
            s.append("  &").append(line.latex()).append(" && \\text{").append(line.role().label()).append("}")
                    .append(i + 1 < d.lines().size() ? " \\\\" : "").append('\n');
        }
        return s.append("\\end{align*}\n").toString();
    }

    /**
     * {@code {"entry": "delta1[0,2]", "sample": x, "value": v, "terms": [{"index": k, "factors": [..], "value": t},
     * ...], "numeric": v, "verdict": "pass", ...}}: factors are the numbers multiplied, with their symbols and
     * sources beside them; sample is null for ∂C/∂b and ∂C/∂w (they sum over the samples); numeric and verdict are
     * null for z and a, which are not derivatives of C.
     */
    public static ObjectNode jsonTree(Derivation d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("entry", d.entry().id());
        if (d.sample() < 0) {
            root.putNull("sample");
        } else {
            root.put("sample", d.sample());
        }
        number(root, "value", d.value());
        number(root, "matrixValue", d.matrixValue());
        ArrayNode terms = root.putArray("terms");
        for (Term t : d.terms()) {
            ObjectNode node = terms.addObject();
            node.put("index", t.index());
            ArrayNode factors = node.putArray("factors");
            ArrayNode symbols = node.putArray("symbols");
            ArrayNode sources = node.putArray("sources");
            for (Factor f : t.factors()) {
                if (Double.isFinite(f.value())) {
                    factors.add(f.value());
                } else {
                    factors.add(String.valueOf(f.value()));
                }
                symbols.add(f.text());
                if (f.source() == null) {
                    sources.addNull();
                } else {
                    sources.add(f.source().id());
                }
            }
            number(node, "value", t.value());
            node.put("wrong", t.wrong());
            if (t.wrong()) {
                number(node, "rightValue", t.rightValue());
            }
        }
        if (d.isChecked()) {
            number(root, "numeric", d.numeric());
            number(root, "relError", d.relativeError());
            root.put("verdict", d.verdict().id());
        } else {
            root.putNull("numeric");
            root.putNull("verdict");
        }
        root.put("samples", d.samples());
        root.put("notation", d.notation().transposesWeights() ? "w_jk" : "w_kj");
        root.put("mistake", d.mistake().id());
        if (d.mistaken()) {
            number(root, "rightValue", d.rightValue());
        }
        ArrayNode lines = root.putArray("lines");
        for (Line line : d.lines()) {
            ObjectNode node = lines.addObject();
            node.put("role", line.role().id());
            node.put("text", line.text());
            node.put("latex", line.latex());
        }
        return root;
    }

    public static String json(Derivation d) {
        try {
            return JSON.writeValueAsString(jsonTree(d)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

}
