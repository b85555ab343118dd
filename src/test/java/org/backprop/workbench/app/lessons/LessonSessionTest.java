package org.backprop.workbench.app.lessons;

import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonException;
import org.backprop.workbench.lesson.LessonLibrary;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.lesson.View;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every step of every lesson drives the workbench model into the step's state (no window: the model alone). */
class LessonSessionTest {
    /** A model that computes on the calling thread, so that every change is complete when the call returns. */
    static WorkbenchModel model(Lesson lesson) {
        return new WorkbenchModel(lesson.document(), Runnable::run, Runnable::run);
    }

    @Test
    void everyStepOfEveryLessonPutsTheModelInTheStepsState() throws LessonException {
        LessonLibrary library = LessonLibrary.of(Path.of("lessons"));
        for (LessonLibrary.Entry entry : library.entries()) {
            Lesson lesson = library.load(entry);
            WorkbenchModel model = model(lesson);
            List<View> shown = new ArrayList<>();
            LessonSession session = new LessonSession(model, shown::add);
            session.start(lesson);
            do {
                LessonStep step = session.stepProperty().get();
                String where = entry.name() + " step " + step.number();
                assertSame(step.document(), model.getDocument(), where);
                Mistake hidden = step.prediction() == null ? step.mistake() : Mistake.NONE;   // until predicted
                assertEquals(hidden, model.mistakeProperty().get(), where);
                assertEquals(hidden, session.shownMistake(), where);
                assertEquals(step.method(), model.methodProperty().get(), where);
                assertEquals(step.epsilon(), model.epsilonProperty().get(), where);
                assertEquals(step.notation(), model.notationProperty().get(), where);
                step.step().ifPresent(id -> assertEquals(id, model.currentStepIdProperty().get(), where));
                assertEquals(step.view(), shown.get(shown.size() - 1), where);
                Optional<Quantity> marked = step.highlights().stream().map(LessonSession::checkedEntry)
                        .flatMap(Optional::stream).findFirst();
                CheckResult selected = model.selectedCheckProperty().get();
                if (marked.isPresent()) {
                    assertTrue(selected != null && selected.layer() == marked.get().layer()
                            && Arrays.equals(selected.index(), marked.get().index()), where + ": " + selected);
                } else {
                    assertNull(selected, where);
                }
            } while (session.next());
            assertEquals(lesson.size(), session.stepProperty().get().number());
        }
    }

    @Test
    void goingBackRestoresTheEarlierStepAfterTheUserExplored() throws LessonException {
        Lesson lesson = LessonLibrary.of(Path.of("lessons")).load(LessonLibrary.of(Path.of("lessons")).entries().get(1));
        WorkbenchModel model = model(lesson);
        LessonSession session = new LessonSession(model, v -> { });
        session.start(lesson);
        session.goTo(9);     // bp2-no-sigma-prime, checks view
        assertEquals(Mistake.BP2_NO_SIGMA_PRIME, model.mistakeProperty().get());
        model.mistakeProperty().set(Mistake.FORGOT_ONE_OVER_M);   // the student explores
        model.epsilonProperty().set(0.1);
        session.previous();  // step 8 asks for a prediction: its bug is off until the student commits one
        assertEquals(Mistake.NONE, model.mistakeProperty().get());
        assertEquals(1e-5, model.epsilonProperty().get());
        session.revealPrediction();
        assertEquals(Mistake.BP2_NO_SIGMA_PRIME, model.mistakeProperty().get());
        session.goTo(1);
        assertEquals(Mistake.NONE, model.mistakeProperty().get());
        assertFalse(session.previous());
        session.close();
        assertFalse(session.isActive());
        assertEquals(Mistake.NONE, model.mistakeProperty().get(), "closing keeps the workbench's state");
    }

    @Test
    void goingToAnotherStepKeepsTheNetworkTheUserChangedOneUndoAway() throws LessonException {
        LessonLibrary library = LessonLibrary.of(Path.of("lessons"));
        Lesson lesson = library.load(library.entries().get(0));     // one neuron, w = 0.5
        WorkbenchModel model = model(lesson);
        LessonSession session = new LessonSession(model, v -> { });
        session.start(lesson);
        assertTrue(model.edit(d -> Edits.weight(d, 1, 0, 0, 0.7)));   // the student tries another weight
        NetworkDocument students = model.getDocument();

        session.next();

        assertSame(session.stepProperty().get().document(), model.getDocument(), "the lesson's network is back");
        assertEquals(0.5, model.getDocument().network().w(1).get(0, 0));
        assertEquals(LessonSession.keptMessage(), model.messageProperty().get());
        model.undo();
        assertSame(students, model.getDocument(), "Undo brings the student's network back");
        assertEquals(0.7, model.getDocument().network().w(1).get(0, 0));
    }

    @Test
    void steppingThroughALessonWithoutEditsLeavesNoUndoHistoryAndNothingUnsaved() throws LessonException {
        LessonLibrary library = LessonLibrary.of(Path.of("lessons"));
        Lesson lesson = library.load(library.entries().get(3));     // batches: m = 1 and m = 4 networks
        WorkbenchModel model = model(lesson);
        LessonSession session = new LessonSession(model, v -> { });
        session.start(lesson);
        while (session.next()) {
            assertFalse(model.canUndoProperty().get(), "step " + session.stepProperty().get().number());
            assertFalse(model.dirtyProperty().get(), "step " + session.stepProperty().get().number());
        }
    }

    @Test
    void aPredictionStepKeepsItsBugHiddenUntilTheStudentCommits() throws LessonException {
        LessonLibrary library = LessonLibrary.of(Path.of("lessons"));
        Lesson lesson = library.load(library.entries().get(8));     // spot the bug
        WorkbenchModel model = model(lesson);
        LessonSession session = new LessonSession(model, v -> { });
        session.start(lesson);
        session.goTo(2);                                            // bug 1: predict
        LessonStep bug1 = session.stepProperty().get();
        assertTrue(bug1.prediction() != null && bug1.mistake() == Mistake.BP3B_FIRST_SAMPLE, bug1.title());
        assertEquals(Mistake.NONE, model.mistakeProperty().get(), "the Mistake box does not name the bug yet");
        assertTrue(model.getAnalysis().checks().stream().noneMatch(c -> c.verdict().id().equals("fail")),
                "no check fails before the prediction");

        session.revealPrediction();

        assertEquals(Mistake.BP3B_FIRST_SAMPLE, model.mistakeProperty().get());
        session.next();                                             // bug 1 revealed
        assertEquals(Mistake.BP3B_FIRST_SAMPLE, model.mistakeProperty().get());
        session.previous();                                         // back to the prediction: hidden again
        assertEquals(Mistake.NONE, model.mistakeProperty().get());
    }
}
