package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProseTest {
    @Test
    void formulasAreSetAsideBeforeMarkdownSeesThem() {
        Prose prose = Prose.of("The error $\\delta^l_j = \\partial C / \\partial z^l_j$ of *one* neuron.");
        assertEquals(List.of("\\delta^l_j = \\partial C / \\partial z^l_j"), prose.formulas());
        assertEquals("<p>The error <span class=\"math\">\\delta^l_j = \\partial C / \\partial z^l_j</span> of "
                + "<em>one</em> neuron.</p>\n", prose.html());
    }

    @Test
    void displayFormulasAreMarkedAsSuch() {
        Prose prose = Prose.of("$$C = \\tfrac12 (a - t)^2$$");
        assertTrue(prose.html().contains("<span class=\"math display\">C = \\tfrac12 (a - t)^2</span>"), prose.html());
    }

    @Test
    void codeSpansAndEscapedDollarsAreNotFormulas() {
        Prose prose = Prose.of("costs \\$5, `echo $HOME` too");
        assertEquals(List.of(), prose.formulas());
        assertTrue(prose.problems().isEmpty());
        assertEquals("<p>costs $5, <code>echo $HOME</code> too</p>\n", prose.html());
    }

    @Test
    void rawHtmlIsEscapedNeverRendered() {
        String html = Prose.of("<script>alert(1)</script>\n\nand <b>bold</b>").html();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void spansSplitTextFromFormulas() {
        Prose prose = Prose.of("a $x$ b");
        org.commonmark.node.Text text = (org.commonmark.node.Text) prose.document().getFirstChild().getFirstChild();
        assertEquals(List.of(new Prose.Span("a ", false, false), new Prose.Span("x", true, false),
                new Prose.Span(" b", false, false)), prose.spans(text.getLiteral()));
    }

    @Test
    void aFormulaMaySpanTheLinesOfOneParagraph() {
        Prose prose = Prose.of("first $a +\nb$ last\n\n$$x\n= y$$");
        assertEquals(List.of("a + b", "x = y"), prose.formulas());
        assertTrue(prose.problems().isEmpty());
    }

    @Test
    void aBlankLineEndsAnUnclosedFormula() {
        Prose prose = Prose.of("one $a\n\ntwo");
        assertEquals(List.of(new Prose.Problem(0, prose.problems().get(0).message())), prose.problems());
        assertTrue(prose.html().contains("two"), prose.html());
    }

    @Test
    void anUnclosedFormulaIsAProblemOnItsLine() {
        Prose prose = Prose.of("fine\nnot $closed");
        assertEquals(1, prose.problems().size());
        assertEquals(1, prose.problems().get(0).line());
    }
}
