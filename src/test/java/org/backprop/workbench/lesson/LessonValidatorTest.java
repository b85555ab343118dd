package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonValidatorTest {
    static List<LessonProblem> problems(String body) throws LessonException {
        return LessonValidator.validate(LessonParserTest.parse(body));
    }

    @Test
    void trueClaimsAboutVerdictsHold() throws LessonException {
        assertEquals(List.of(), problems("""
                ## Correct
                @expect all pass
                @expect BP1 passes
                @expect gradW1[0,1] pass
                ## A mistake in BP2
                @mistake bp2-no-sigma-prime
                @expect BP1 passes
                @expect BP2 layer 1 fails
                @expect BP3 layer 2 passes
                @expect first failure BP2 layer 1
                """));
    }

    @Test
    void claimsAreValidatedWithTheAutomaticStepToo() throws LessonException {
        assertEquals(List.of(), problems("""
                ## Correct with a step chosen per number
                @epsilon auto
                @expect all pass
                ## A mistake in BP2
                @mistake bp2-no-sigma-prime
                @expect BP2 layer 1 fails
                @expect BP1 passes
                """));
        List<LessonProblem> found = problems("## Auto\n@epsilon auto\n@mistake bp2-no-sigma-prime\n@expect all pass\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("and ε = auto: "), found.get(0).message());
    }

    @Test
    void aClaimThatDoesNotHoldIsReportedOnItsLineWithWhatTheEngineFound() throws LessonException {
        List<LessonProblem> found = problems("""
                ## Wrong claim
                @mistake bp2-no-sigma-prime
                @expect BP1 fails
                """);
        assertEquals(1, found.size());
        assertEquals(14, found.get(0).line());
        assertTrue(found.get(0).message().contains("the claim does not hold with mistake bp2-no-sigma-prime"),
                found.get(0).message());
        assertTrue(found.get(0).message().contains("BP1 passes (1 check: 1 pass"), found.get(0).message());
    }

    @Test
    void valueClaimsAreCheckedToTheirPrecision() throws LessonException {
        // z^1 = (w^1)^T a^0 + b^1 = (0.8 + 0.4 - 0.2, 3.0 + 2.0) = (1, 5) by hand
        assertEquals(List.of(), problems("## Values\n@expect z1[0] = 1.0\n@expect z1[1] = 5\n"));
        List<LessonProblem> found = problems("## Values\n@expect z1[0] = 1.1\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).message().contains("z1[0,0] is 1.00000, not 1.10000"), found.get(0).message());
    }

    @Test
    void aWrongFirstFailureIsReported() throws LessonException {
        List<LessonProblem> found = problems("## Bug\n@mistake bp3b-mean\n@expect first failure none\n");
        // with m = 1, averaging over the batch divides by 1: the mistake cannot be seen
        assertEquals(List.of(), found);
        List<LessonProblem> wrong = problems("## Bug\n@mistake sigma-prime-at-a\n@expect first failure BP2 layer 1\n");
        assertTrue(wrong.get(0).message().contains("the first failure is BP1 layer 2"), wrong.get(0).message());
    }

    @Test
    void lessonsLoadRefusesAnInvalidLessonWithEveryProblem() {
        String text = LessonParserTest.FRONT + "## A\n@expect BP1 fails\n## B\n@expect cost = 7\n";
        LessonException e = assertThrows(LessonException.class,
                () -> Lessons.load(text, "lessons/t.md", LessonParserTest.NO_FILES));
        assertEquals(List.of(13, 15), e.problems().stream().map(LessonProblem::line).toList());
    }
}
