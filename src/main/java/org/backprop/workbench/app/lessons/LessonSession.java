package org.backprop.workbench.app.lessons;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.Lesson;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.lesson.View;

import org.backprop.workbench.lesson.QuizAttempt;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.steps.Notation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A lesson in progress: which lesson, which of its steps, and the step's state pushed into the workbench model
 * (network, mistake, method, ε, notation, step, highlighted check, view). Between steps the user may change anything;
 * going to a step puts the state the lesson wants back, keeping a network the user changed one Undo away.
 */
public final class LessonSession {
    private final WorkbenchModel model;
    private final Consumer<View> showView;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    /** The check to select once an analysis of the step's state with checks arrives. */
    private Quantity pendingHighlight;
    /** Whether the student has committed the current step's prediction (its mistake is then switched on). */
    private boolean revealed;
    /** The quizzes the student has worked on, by step index: an answered quiz stays answered on coming back. */
    private final Map<Integer, QuizAttempt> attempts = new HashMap<>();
    private final ReadOnlyObjectWrapper<QuizAttempt> attempt = new ReadOnlyObjectWrapper<>(this, "attempt");
    /** The workbench as it was before the lesson, put back when it ends. */
    private Before before;

    /** What a lesson changes in the workbench, as it was before. */
    private record Before(NetworkDocument document, Path file, boolean dirty, String stepId, Mistake mistake,
                          DifferenceMethod method, double epsilon, Notation notation) {
    }

    /**
     * @param model    the workbench's state ({@code null} not permitted)
     * @param showView brings a view (tab) to the front
     */
    public LessonSession(WorkbenchModel model, Consumer<View> showView) {
        this.model = model;
        this.showView = showView;
        model.analysisProperty().addListener((o, old, analysis) -> selectPending(analysis));
    }

    /** Starts a lesson at its first step, opening its network (the caller has asked about unsaved work). */
    public void start(Lesson newLesson) {
        if (before == null) {
            before = new Before(model.getDocument(), model.fileProperty().get(), model.dirtyProperty().get(),
                    model.currentStepIdProperty().get(), model.mistakeProperty().get(), model.methodProperty().get(),
                    model.epsilonProperty().get(), model.notationProperty().get());
        }
        attempts.clear();
        lesson.set(newLesson);
        model.open(newLesson.steps().get(0).document(), null);   // the caller asked about unsaved work already
        go(0);
    }

    /** Goes to the next step; false at the last one (or without a lesson). */
    public boolean next() {
        return lesson.get() != null && index.get() + 1 < lesson.get().size() && go(index.get() + 1);
    }

    /** Goes to the previous step; false at the first one. */
    public boolean previous() {
        return lesson.get() != null && index.get() > 0 && go(index.get() - 1);
    }

    /** Goes to step k (1-based); false if there is no such step. */
    public boolean goTo(int k) {
        return lesson.get() != null && k >= 1 && k <= lesson.get().size() && go(k - 1);
    }

    /** Back to the first step. */
    public boolean restart() {
        attempts.clear();
        return lesson.get() != null && go(0);
    }

    /** Puts the current step's state back, after the user explored. */
    public void reapply() {
        if (step.get() != null) {
            apply(step.get());
        }
    }

    /**
     * Ends the lesson and puts back what it changed: the mistake, method, ε and notation as they were before it
     * started, and the network too unless the student changed the lesson's (then the student's network stays).
     */
    public void close() {
        if (lesson.get() == null) {
            return;
        }
        Lesson ended = lesson.get();
        pendingHighlight = null;
        attempts.clear();
        attempt.set(null);
        model.hiddenEntryProperty().set(null);
        step.set(null);
        index.set(-1);
        lesson.set(null);
        Before was = before;
        before = null;
        if (was == null) {
            return;
        }
        model.mistakeProperty().set(was.mistake());
        model.methodProperty().set(was.method());   // before ε: choosing a method resets ε to its own default
        model.epsilonProperty().set(was.epsilon());
        model.notationProperty().set(was.notation());
        NetworkDocument now = model.getDocument();
        boolean lessonsOwn = ended.steps().stream().anyMatch(st -> st.document() == now);
        if (lessonsOwn && was.document() != null) {
            model.restore(was.document(), was.file(), was.dirty());
            model.currentStepIdProperty().set(was.stepId());
        }
    }

    private boolean go(int i) {
        LessonStep s = lesson.get().steps().get(i);
        index.set(i);
        // before the step, so that the panel showing it finds its quiz as the student left it
        attempt.set(s.quiz() == null ? null : attempts.computeIfAbsent(i, k -> new QuizAttempt(s.quiz())));
        step.set(s);
        apply(s);
        return true;
    }

    private void apply(LessonStep s) {
        if (model.getDocument() != s.document()) {
            putNetwork(s.document());
        }
        model.methodProperty().set(s.method());   // before ε: choosing a method resets ε to its own default
        model.epsilonProperty().set(s.epsilon());
        revealed = false;
        model.mistakeProperty().set(shownMistake());
        QuizAttempt a = attempt.get();
        model.hiddenEntryProperty().set(a == null || a.revealed() ? null : a.quiz().quantity());
        model.notationProperty().set(s.notation());
        s.step().ifPresent(id -> model.currentStepIdProperty().set(id));
        showView.accept(s.view());
        s.deriveEntry().ifPresent(q -> {
            model.deriveEntryProperty().set(q);
            model.navigate(org.backprop.workbench.app.WorkbenchView.DERIVE);
        });
        pendingHighlight = s.highlights().stream().map(LessonSession::checkedEntry).flatMap(Optional::stream)
                .findFirst().orElse(null);
        if (pendingHighlight == null) {
            model.selectedCheckProperty().set(null);
        } else {
            selectPending(model.getAnalysis());
        }
    }

    /**
     * The mistake the workbench shows now: the step's, except on a step that asks for a prediction, where it stays
     * off until the student commits one. Otherwise the Mistake box would name the bug and the step list, the table
     * and the status line would show which checks fail before the student has predicted it.
     */
    public Mistake shownMistake() {
        LessonStep s = step.get();
        if (s == null) {
            return Mistake.NONE;
        }
        return s.prediction() != null && !revealed ? Mistake.NONE : s.mistake();
    }

    /** One try at the current step's quiz; the asked entry is shown in the views once the answer is revealed. */
    public Optional<QuizAttempt.Outcome> answerQuiz(String typed) {
        QuizAttempt a = attempt.get();
        if (a == null) {
            return Optional.empty();
        }
        QuizAttempt.Outcome outcome = a.answer(typed);
        unhideIfRevealed(a);
        return Optional.of(outcome);
    }

    /** The student asks for the answer of the current step's quiz. */
    public Optional<QuizAttempt.Outcome> showQuizAnswer() {
        QuizAttempt a = attempt.get();
        if (a == null) {
            return Optional.empty();
        }
        QuizAttempt.Outcome outcome = a.giveUp();
        unhideIfRevealed(a);
        return Optional.of(outcome);
    }

    private void unhideIfRevealed(QuizAttempt a) {
        if (a.revealed()) {
            model.hiddenEntryProperty().set(null);
        }
    }

    /** The current step's quiz as the student has worked on it; null on a step without a quiz. */
    public ReadOnlyObjectProperty<QuizAttempt> attemptProperty() { return attempt.getReadOnlyProperty(); }

    /** The student committed a prediction: the step's mistake is switched on, so the checks show the answer. */
    public void revealPrediction() {
        LessonStep s = step.get();
        if (s != null && s.prediction() != null && !revealed) {
            revealed = true;
            model.mistakeProperty().set(s.mistake());
        }
    }

    /**
     * Puts a step's network into the workbench. Once the user has changed the network during the lesson, nothing is
     * thrown away: the lesson's network arrives as an edit, so Edit ▸ Undo (Ctrl+Z) brings the user's network back
     * (and the status line says so when it replaced the user's own network). Until then the step's network is simply
     * opened.
     */
    private void putNetwork(NetworkDocument wanted) {
        NetworkDocument current = model.getDocument();
        boolean usersWork = model.dirtyProperty().get()
                && lesson.get().steps().stream().noneMatch(st -> st.document() == current);
        boolean hasHistory = model.dirtyProperty().get() || model.canUndoProperty().get();
        if (hasHistory && model.edit(d -> wanted)) {
            if (usersWork) {
                model.say(LessonSession::keptMessage);
            }
        } else {
            model.open(wanted, null);
        }
    }

    /** What the status line says when the lesson replaced a network the user had changed. */
    static String keptMessage() {
        return org.backprop.workbench.i18n.Messages.get("lessons.kept");
    }

    /**
     * The entry whose check marks a highlight in the diagram and the matrices: a δ, ∂C/∂b or ∂C/∂w entry itself; for
     * w and b the gradient of the same entry, for z and a the δ of the same neuron and sample.
     */
    static Optional<Quantity> checkedEntry(Quantity q) {
        if (!q.isEntry()) {
            return Optional.empty();
        }
        return switch (q.kind()) {
            case DELTA, GRAD_B, GRAD_W -> Optional.of(q);
            case W -> Optional.of(new Quantity(Quantity.Kind.GRAD_W, q.layer(), q.index()));
            case B -> Optional.of(new Quantity(Quantity.Kind.GRAD_B, q.layer(), q.index()));
            case Z, A -> q.layer() == 0 ? Optional.empty()
                    : Optional.of(new Quantity(Quantity.Kind.DELTA, q.layer(), q.index()));
            default -> Optional.empty();
        };
    }

    private void selectPending(Analysis analysis) {
        LessonStep s = step.get();
        if (pendingHighlight == null || s == null || analysis == null || analysis.checks().isEmpty()
                || analysis.network() != s.document().network() || analysis.mistake() != shownMistake()) {
            return;
        }
        Quantity wanted = pendingHighlight;
        int depth = analysis.network().depth();
        Optional<CheckResult> found = analysis.checks().stream()
                .filter(c -> wanted.formula(depth).orElse(null) == c.formula() && c.layer() == wanted.layer()
                        && Arrays.equals(c.index(), wanted.index()))
                .findFirst();
        found.ifPresent(c -> {
            pendingHighlight = null;
            model.selectedCheckProperty().set(c);
        });
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }

    /** 0-based index of the current step, -1 without a lesson. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() { return step.getReadOnlyProperty(); }

    public boolean isActive() { return lesson.get() != null; }
}
