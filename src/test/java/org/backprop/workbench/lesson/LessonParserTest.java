package org.backprop.workbench.lesson;

import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkFile;
import org.backprop.workbench.steps.Notation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonParserTest {
    /** A 2-2-1 sigmoid network with one sample; front matter lines 1-11, so the body starts on line 12. */
    static final String FRONT = """
            ---
            title: Test lesson
            summary: For the parser tests.
            network:
              layers: [2, {size: 2, activation: sigmoid}, {size: 1, activation: sigmoid}]
              loss: quadratic
              weights: [[[0.8, 3.0], [0.4, 2.0]], [[1.0], [1.0]]]
              biases: [[-0.2, 0.0], [-1.0]]
              inputs: [[1.0, 1.0]]
              targets: [[0.0]]
            ---
            """;

    static final LessonParser.NetworkSource NO_FILES = path -> {
        throw new org.backprop.workbench.io.NetworkFileException(path, "", "no such file");
    };

    static Lesson parse(String body) throws LessonException {
        return LessonParser.parse(FRONT + body, "lessons/test.md", NO_FILES);
    }

    /** The single problem a body gives, as "line: message". */
    static LessonProblem problem(String body) {
        LessonException e = assertThrows(LessonException.class, () -> parse(body));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void frontMatterGivesTitleSummaryAndTheInlineNetwork() throws LessonException {
        Lesson lesson = parse("## Only step\nSome text.\n");
        assertEquals("Test lesson", lesson.title());
        assertEquals("For the parser tests.", lesson.summary());
        assertEquals("2-2-1 sigmoid/sigmoid, quadratic", lesson.document().network().describe());
        assertEquals(1, lesson.size());
        assertEquals("Only step", lesson.step(1).title());
        assertEquals(12, lesson.step(1).line());
        assertEquals("Some text.", lesson.step(1).prose().markdown());
    }

    @Test
    void eachDirectiveSetsItsPartOfTheStep() throws LessonException {
        Lesson lesson = parse("""
                ## Everything
                @step delta1
                @highlight w1[0,1] delta1[1]
                @highlight b2
                @mistake bp2-no-sigma-prime
                @epsilon 1e-3
                @notation nielsen
                @view checks
                @expect BP2 layer 1 fails
                @quiz delta1[0] tolerance 1e-4
                @predict
                Text between the directives stays prose.
                """);
        LessonStep step = lesson.step(1);
        assertEquals("delta1", step.stepId());
        assertEquals(List.of("w1[0,1]", "delta1[1,0]", "b2"), step.highlights().stream().map(Quantity::id).toList());
        assertEquals(Mistake.BP2_NO_SIGMA_PRIME, step.mistake());
        assertEquals(1e-3, step.epsilon());
        assertEquals(Notation.NIELSEN, step.notation());
        assertEquals(View.CHECKS, step.view());
        Claim.VerdictClaim claim = assertInstanceOf(Claim.VerdictClaim.class, step.claims().get(0).claim());
        assertEquals(Formula.BP2, claim.formula());
        assertEquals(1, claim.layer());
        assertEquals(Verdict.FAIL, claim.verdict());
        assertEquals(20, step.claims().get(0).line());
        assertEquals("delta1[0,0]", step.quiz().quantity().id());
        assertEquals(1e-4, step.quiz().tolerance().orElseThrow());
        assertEquals("BP2 layer 1", step.prediction().answer());
        assertEquals("Text between the directives stays prose.", step.prose().markdown());
    }

    @Test
    void settingsCarryOverToLaterStepsUntilChanged() throws LessonException {
        Lesson lesson = parse("""
                ## One
                @step z1
                @mistake forgot-1-over-m
                @epsilon 1e-4
                @view checks
                @highlight w1[0,0]
                ## Two
                Nothing changes here but the highlight goes.
                ## Three
                @mistake none
                """);
        LessonStep two = lesson.step(2);
        assertEquals("z1", two.stepId());
        assertEquals(Mistake.FORGOT_ONE_OVER_M, two.mistake());
        assertEquals(1e-4, two.epsilon());
        assertEquals(View.CHECKS, two.view());
        assertTrue(two.highlights().isEmpty());
        assertEquals(Mistake.NONE, lesson.step(3).mistake());
        assertEquals(1e-4, lesson.step(3).epsilon());
    }

    @Test
    void aStepWithoutDirectivesHasTheDefaults() throws LessonException {
        LessonStep step = parse("## Plain\nJust words.\n").step(1);
        assertNull(step.stepId());
        assertEquals(Mistake.NONE, step.mistake());
        assertEquals(Thresholds.DEFAULT_EPSILON, step.epsilon());
        assertEquals(Notation.NOTE, step.notation());
        assertEquals(View.STEPS, step.view());
        assertNull(step.quiz());
        assertNull(step.prediction());
    }

    @Test
    void methodSetsTheDifferenceMethodAndCarriesOver() throws LessonException {
        Lesson auto = parse("## A\n@epsilon auto\n## B\nStill auto.\n");
        assertTrue(org.backprop.workbench.numeric.Epsilon.isAuto(auto.step(2).epsilon()), "auto carries over");
        Lesson lesson = parse("## A\n@method forward\n@epsilon 1e-8\n## B\nStill forward.\n");
        assertEquals(org.backprop.workbench.numeric.DifferenceMethod.FORWARD, lesson.step(2).method());
        assertEquals(1e-8, lesson.step(2).epsilon());
        assertTrue(problem("## A\n@method backward\n").message().contains("unknown method \"backward\""));
    }

    @Test
    void aFormulaTheTypesetterCannotReadIsReportedOnItsLine() {
        LessonProblem p = problem("## Step\n\nfine $a^2$\nbroken $\\sgima + 1$ here\n");
        assertEquals(15, p.line());
        assertTrue(p.message().startsWith("the formula $\\sgima + 1$ uses \\sgima, which is not in the lessons' TeX "
                + "subset"), p.message());
    }

    @Test
    void directivesInsideFencedCodeArePlainText() throws LessonException {
        LessonStep step = parse("## Code\n```\n@mistake none\n```\n").step(1);
        assertEquals("```\n@mistake none\n```", step.prose().markdown());
    }

    @Test
    void aBackslashStartsProseWithAnAtSign() throws LessonException {
        assertEquals("@home is not a directive", parse("## At\n\\@home is not a directive\n").step(1).prose().markdown());
    }

    @Test
    void anUnknownDirectiveIsReportedWithItsLineAndASuggestion() {
        LessonProblem p = problem("## Step\ntext\n@mistak bp2-no-sigma-prime\n");
        assertEquals(14, p.line());
        assertTrue(p.message().contains("unknown directive @mistak (did you mean \"mistake\"?)"), p.message());
        assertEquals("lessons/test.md:14: " + p.message(), p.toString());
    }

    @Test
    void anUnknownStepIdIsReported() {
        LessonProblem p = problem("## Step\n@step delta3\n");
        assertEquals(13, p.line());
        assertTrue(p.message().contains("unknown step id \"delta3\""), p.message());
        assertTrue(p.message().contains("z1 a1 z2 a2 cost gradA delta2 delta1 gradB2 gradB1 gradW2 gradW1"), p.message());
    }

    @Test
    void anUnknownLayerIsReported() {
        assertTrue(problem("## Step\n@highlight w3[0,0]\n").message().contains("unknown layer 3"));
        assertTrue(problem("## Step\n@expect BP4 layer 5 passes\n").message().contains("unknown layer 5"));
        assertTrue(problem("## Step\n@expect BP2 layer 2 passes\n").message().contains("BP2 gives δ of the hidden layers"));
    }

    @Test
    void anIndexOutOfRangeIsReported() {
        LessonProblem p = problem("## Step\n@quiz gradW1[2,0]\n");
        assertEquals(13, p.line());
        assertTrue(p.message().contains("index k = 2 is out of range"), p.message());
    }

    @Test
    void anUnknownMistakeIsReported() {
        LessonProblem p = problem("## Step\n\n@mistake bp2-no-sigma\n");
        assertEquals(14, p.line());
        assertTrue(p.message().contains("unknown mistake \"bp2-no-sigma\""), p.message());
        assertTrue(p.message().contains(Mistake.ids()), p.message());
    }

    @Test
    void aBadEpsilonIsReported() {
        assertTrue(problem("## Step\n@epsilon 0\n").message().contains("bad epsilon 0"));
        assertTrue(problem("## Step\n@epsilon often\n").message().contains("or auto (a step chosen per number)"));
        assertTrue(problem("## Step\n@epsilon 2\n").message().contains("bad epsilon 2"));
        assertTrue(problem("## Step\n@epsilon small\n").message().contains("bad epsilon small: expected a positive number below 1"));
    }

    @Test
    void anUnknownViewAndNotationAreReported() {
        assertTrue(problem("## Step\n@view chekcs\n").message().contains("(did you mean \"checks\"?)"));
        assertTrue(problem("## Step\n@notation goodfellow\n").message().contains("unknown notation"));
    }

    @Test
    void anUnreadableClaimIsReported() {
        LessonProblem p = problem("## Step\n@expect BP2 layer 1 explodes\n");
        assertEquals(13, p.line());
        assertTrue(p.message().contains("cannot read the claim"), p.message());
    }

    @Test
    void aDirectiveGivenTwiceInOneStepIsReported() {
        LessonProblem p = problem("## Step\n@mistake none\n@mistake forgot-1-over-m\n");
        assertEquals(14, p.line());
        assertTrue(p.message().contains("given twice in this step (first on line 13)"), p.message());
    }

    @Test
    void aDirectiveWithoutItsArgumentIsReported() {
        assertTrue(problem("## Step\n@quiz\n").message().contains("@quiz needs an argument, e.g. @quiz delta1[0,0]"));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        LessonException e = assertThrows(LessonException.class,
                () -> parse("## A\n@step q\n## B\n@view nowhere\n@mistake nope\n"));
        assertEquals(List.of(13, 15, 16), e.problems().stream().map(LessonProblem::line).toList());
    }

    @Test
    void textBeforeTheFirstStepIsReported() {
        LessonProblem p = problem("# A title\n## Step\n");
        assertEquals(12, p.line());
        assertTrue(p.message().contains("text before the first step"), p.message());
    }

    @Test
    void anUnclosedFormulaIsReportedOnItsLine() {
        LessonProblem p = problem("## Step\n\nfirst line\nthe cost $C = 1\n");
        assertEquals(15, p.line());
        assertTrue(p.message().contains("unclosed formula"), p.message());
    }

    @Test
    void aMissingFrontMatterIsReportedOnLineOne() {
        LessonException e = assertThrows(LessonException.class,
                () -> LessonParser.parse("## Step\n", "lessons/x.md", NO_FILES));
        assertEquals("lessons/x.md:1: a lesson starts with a front matter: a line \"---\", then title: and network:, "
                + "then \"---\"", e.problems().get(0).toString());
    }

    @Test
    void anUnknownFrontMatterFieldIsReportedOnItsLine() {
        String text = FRONT.replace("summary: For the parser tests.", "sumary: typo") + "## Step\n";
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(text, "x.md", NO_FILES));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("(did you mean \"summary\"?)"));
    }

    @Test
    void theEnginesNetworkMessageIsKeptWithTheLineOfNetwork() {
        String text = FRONT.replace("loss: quadratic", "loss: hinge") + "## Step\n";
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(text, "x.md", NO_FILES));
        LessonProblem p = e.problems().get(0);
        assertEquals(4, p.line());
        assertTrue(p.message().startsWith("network: loss: unknown loss \"hinge\""), p.message());
    }

    @Test
    void aNetworkPathIsLoadedThroughTheSourceAndItsErrorsKept() throws Exception {
        String json = NetworkFile.toJson(parse("## S\n").document());
        String text = "---\ntitle: By path\nnetwork: nets/a.json\n---\n## S\n";
        Lesson lesson = LessonParser.parse(text, "x.md", path -> {
            assertEquals("nets/a.json", path);
            return NetworkFile.parse(json, path);
        });
        assertEquals(2, lesson.document().network().depth());
        LessonException e = assertThrows(LessonException.class, () -> LessonParser.parse(text, "x.md", NO_FILES));
        assertEquals("x.md:3: network: nets/a.json: no such file", e.problems().get(0).toString());
    }

    @Test
    void numbersWrittenWithoutADecimalPointAreNumbersInTheNetwork() throws LessonException {
        String text = FRONT.replace("biases: [[-0.2, 0.0], [-1.0]]", "biases: [[-2e-1, 0], [-1e0]]") + "## S\n";
        Lesson lesson = LessonParser.parse(text, "x.md", NO_FILES);
        assertEquals(-0.2, lesson.document().network().b(1).get(0, 0));
    }

    @Test
    void namedNetworksAreSwitchedByStepsAndCheckedAgainst() throws LessonException {
        String text = FRONT.replace("---\n## ", "") + "";
        String withBatch = FRONT.replace("summary: For the parser tests.\n", """
                summary: Two networks.
                networks:
                  single:
                    layers: [1, {size: 1, activation: sigmoid}]
                    loss: quadratic
                    weights: [[[0.5]]]
                    biases: [[-0.5]]
                    inputs: [[2.0]]
                    targets: [[1.0]]
                """);
        Lesson lesson = LessonParser.parse(withBatch + "## A\n@step delta1\n## B\n@network single\n## C\n@network main\n",
                "x.md", NO_FILES);
        assertEquals("main", lesson.step(1).network());
        assertEquals("single", lesson.step(2).network());
        assertEquals(1, lesson.step(2).document().network().depth());
        assertEquals("delta1", lesson.step(2).stepId());
        assertEquals(2, lesson.step(3).document().network().depth());
        LessonException e = assertThrows(LessonException.class,
                () -> LessonParser.parse(withBatch + "## A\n@network singel\n", "x.md", NO_FILES));
        assertTrue(e.problems().get(0).message().contains("(did you mean \"single\"?)"));
        LessonException layer = assertThrows(LessonException.class,
                () -> LessonParser.parse(withBatch + "## A\n@network single\n@step delta2\n", "x.md", NO_FILES));
        assertTrue(layer.problems().get(0).message().contains("unknown step id \"delta2\""));
        assertFalse(text.isEmpty());
    }

    @Test
    void valueClaimsDefaultToThePrecisionWritten() {
        assertEquals(0.005, Claim.halfLastDigit("0.25"), 1e-15);
        assertEquals(5e-5, Claim.halfLastDigit("1.5e-3"), 1e-18);
        assertEquals(0.5, Claim.halfLastDigit("-3"), 1e-15);
    }

    @Test
    void quantitiesReadTheirIndicesInTheNotesConvention() throws LessonException {
        var net = parse("## S\n").document().network();
        Quantity w = Quantity.parse("w2[1, 0]", net, 1);
        assertEquals(Quantity.Kind.W, w.kind());
        assertEquals(2, w.layer());
        assertArrayEquals(new int[]{1, 0}, w.index());
        assertEquals("∂C/∂w^1[0, 1]", Quantity.parse("gradW1[0,1]", net, 1).label());
        assertEquals("C", Quantity.parse("cost", net, 1).label());
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("delta1[0]", net, 4));
        assertEquals("delta1[0,3]", Quantity.parse("delta1[0,3]", net, 4).id());
    }

    @Test
    void deriveNamesOneEntryTheStepsNetworkHasAndDoesNotCarryOver() throws LessonException {
        Lesson lesson = parse("## One\n@derive delta1[1]\n## Two\ntext\n");
        assertEquals("delta1[1,0]", lesson.step(1).deriveEntry().orElseThrow().id());
        assertTrue(lesson.step(2).deriveEntry().isEmpty());
        LessonProblem range = problem("## Step\n@derive delta1[5]\n");
        assertEquals(13, range.line());
        assertTrue(range.message().startsWith("@derive: index j = 5 is out of range"), range.message());
        assertTrue(problem("## Step\n@derive w1[0,0]\n").message().contains("cannot be derived"));
        assertTrue(problem("## Step\n@derive delta1\n").message().contains("cannot be derived"));
        assertTrue(problem("## Step\n@derive gradW3[0,0]\n").message().contains("unknown layer 3"));
    }
}
