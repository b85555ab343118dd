package org.backprop.workbench.app.lessons;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.backprop.workbench.app.FormulaView;
import org.backprop.workbench.lesson.Prose;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson step's prose as JavaFX nodes: commonmark blocks become text flows, lists, code boxes; formulas are
 * typeset by {@link FormulaView} (JLaTeXMath into an image). Raw HTML is shown as the text it is, never rendered,
 * and links are plain text: nothing in a lesson acts.
 */
public final class ProseView extends VBox {
    /** Inline formulas a little larger than body text; display formulas as in the step view. */
    public static final double INLINE_SIZE = 16;
    public static final double DISPLAY_SIZE = FormulaView.BASE_SIZE;
    /** Room left beside a display formula that is shrunk to the panel's width. */
    private static final double FIT_MARGIN = 16;

    private final DoubleProperty zoom;
    private final BooleanProperty dark;
    private final List<FormulaView> formulas = new ArrayList<>();
    private final List<InlineFormula> inlineFormulas = new ArrayList<>();
    private final DoubleProperty availableWidth = new SimpleDoubleProperty(this, "availableWidth", 0);

    /**
     * @param zoom the workbench's zoom, formulas follow it
     * @param dark the dark theme flag, formulas follow it
     */
    public ProseView(DoubleProperty zoom, BooleanProperty dark) {
        this.zoom = zoom;
        this.dark = dark;
        getStyleClass().add("lesson-prose");
        setSpacing(10);
        dark.addListener((o, a, b) -> {
            formulas.forEach(f -> f.foregroundProperty().set(foreground()));
            inlineFormulas.forEach(f -> f.setForeground(foreground()));
        });
    }

    /** Shows a step's prose (empty for null). */
    public void show(Prose prose) {
        getChildren().clear();
        formulas.clear();
        inlineFormulas.clear();
        if (prose == null) {
            return;
        }
        for (org.commonmark.node.Node block = prose.document().getFirstChild(); block != null; block = block.getNext()) {
            getChildren().add(block(block, prose));
        }
    }

    /** The width display formulas are shrunk into (the visible width of the panel); 0 for no limit. */
    public DoubleProperty availableWidthProperty() { return availableWidth; }

    /** The TeX of the typeset formulas now shown, display and inline (for tests). */
    public List<String> formulas() {
        List<String> all = new ArrayList<>(formulas.stream().map(f -> f.latexProperty().get()).toList());
        inlineFormulas.forEach(f -> all.add(f.tex()));
        return all;
    }

    private Node block(org.commonmark.node.Node block, Prose prose) {
        if (block instanceof Paragraph paragraph) {
            Node alone = lonelyDisplayFormula(paragraph, prose);
            return alone != null ? alone : flow(paragraph, prose, "");
        }
        if (block instanceof Heading heading) {
            TextFlow flow = flow(heading, prose, "-fx-font-weight: bold;");
            flow.getStyleClass().add("lesson-heading");
            return flow;
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            VBox list = new VBox(4);
            int number = block instanceof OrderedList ordered ? orderedStart(ordered) : 0;
            for (org.commonmark.node.Node item = block.getFirstChild(); item != null; item = item.getNext()) {
                Label bullet = new Label(number > 0 ? (number++) + "." : "•");
                bullet.setMinWidth(18);
                VBox content = new VBox(4);
                if (item instanceof ListItem) {
                    for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                        content.getChildren().add(block(child, prose));
                    }
                }
                HBox row = new HBox(4, bullet, content);
                HBox.setHgrow(content, Priority.ALWAYS);
                list.getChildren().add(row);
            }
            return list;
        }
        if (block instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (block instanceof HtmlBlock html) {
            return code(html.getLiteral());
        }
        if (block instanceof BlockQuote) {
            VBox quote = new VBox(6);
            quote.getStyleClass().add("lesson-quote");
            for (org.commonmark.node.Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                quote.getChildren().add(block(child, prose));
            }
            return quote;
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        TextFlow flow = new TextFlow(text(plain(block), ""));
        return flow;
    }

    private static int orderedStart(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        return start == null ? 1 : start;
    }

    /** A paragraph that is nothing but one display formula: centred on its own line. */
    private Node lonelyDisplayFormula(Paragraph paragraph, Prose prose) {
        if (paragraph.getFirstChild() instanceof org.commonmark.node.Text t && t.getNext() == null) {
            List<Prose.Span> spans = prose.spans(t.getLiteral().strip());
            if (spans.size() == 1 && spans.get(0).math()) {
                HBox box = new HBox(formula(spans.get(0).text(), DISPLAY_SIZE));
                box.setAlignment(Pos.CENTER);
                // centred while it fits; a formula wider than the panel even when shrunk starts at the left edge and
                // scrolls sideways: centred in a narrower box, its start (the "z" of "z = ...") was cut off
                box.setMinWidth(Region.USE_PREF_SIZE);
                box.getStyleClass().add("lesson-display-formula");
                ScrollPane scroll = new ScrollPane(box);
                scroll.setFitToWidth(true);
                scroll.setFitToHeight(true);
                scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
                scroll.getStyleClass().addAll("edge-to-edge", "lesson-display-scroll");
                scroll.setMinWidth(0);   // it must not widen the text around it
                scroll.setPrefViewportWidth(0);
                scroll.setMaxWidth(Double.MAX_VALUE);
                return scroll;
            }
        }
        return null;
    }

    private TextFlow flow(org.commonmark.node.Node parent, Prose prose, String style) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("lesson-paragraph");
        inline(parent, prose, style, flow.getChildren());
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, Prose prose, String style, List<Node> out) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                for (Prose.Span span : prose.spans(t.getLiteral())) {
                    if (!span.math()) {
                        out.add(text(span.text(), style));
                    } else if (span.display()) {
                        out.add(formula(span.text(), DISPLAY_SIZE));
                    } else {
                        InlineFormula f = new InlineFormula(span.text(), INLINE_SIZE, zoom, foreground());
                        // like a display formula, a long inline one shrinks rather than being cut off by the panel
                        f.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> availableWidth.get() <= 0 ? 0
                                : Math.max(1, availableWidth.get() - FIT_MARGIN), availableWidth));
                        inlineFormulas.add(f);
                        out.add(f);
                    }
                }
            } else if (n instanceof Emphasis) {
                inline(n, prose, style + "-fx-font-style: italic;", out);
            } else if (n instanceof StrongEmphasis) {
                inline(n, prose, style + "-fx-font-weight: bold;", out);
            } else if (n instanceof Code code) {
                Text t = text(code.getLiteral(), style + "-fx-font-family: monospace;");
                t.getStyleClass().add("lesson-code");
                out.add(t);
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", style));
            } else if (n instanceof HtmlInline html) {
                out.add(text(html.getLiteral(), style));
            } else {
                inline(n, prose, style, out);   // links and images: their text only
            }
        }
    }

    private Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("lesson-text");
        if (!style.isEmpty()) {
            t.setStyle(style);
        }
        return t;
    }

    private Node code(String literal) {
        Label label = new Label(literal.stripTrailing());
        label.getStyleClass().add("lesson-code-block");
        label.setStyle("-fx-font-family: monospace;");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private FormulaView formula(String tex, double size) {
        FormulaView view = FormulaView.lessonFormula(tex, size);
        // a wide display formula shrinks (down to FormulaView.MIN_FIT) rather than being cut off by the panel
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> availableWidth.get() <= 0 ? 0 : Math.max(1, availableWidth.get() - FIT_MARGIN), availableWidth));
        view.zoomProperty().bind(zoom);
        view.foregroundProperty().set(foreground());
        formulas.add(view);
        return view;
    }

    private Color foreground() {
        return dark.get() ? Color.web("#e6edf3") : Color.web("#1f2328");
    }

    private static String plain(org.commonmark.node.Node node) {
        StringBuilder s = new StringBuilder();
        for (org.commonmark.node.Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                s.append(t.getLiteral());
            } else {
                s.append(plain(n));
            }
        }
        return s.toString();
    }
}
