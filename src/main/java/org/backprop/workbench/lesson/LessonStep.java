package org.backprop.workbench.lesson;

import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.steps.Notation;

import java.util.List;
import java.util.Optional;

/**
 * One step of a lesson: a {@code ## Title} section with its prose and the state it puts the app in. Settings carry
 * over from the step before unless the step changes them ({@code @step}, {@code @mistake}, {@code @epsilon}, {@code @method},
 * {@code @notation}, {@code @view}), so every step holds its complete state and going back restores it exactly;
 * highlights, claims, quizzes and predictions belong to their own step.
 *
 * @param number     1-based position in the lesson
 * @param title      the heading
 * @param line       the heading's line in the file
 * @param prose      the Markdown text, directives removed
 * @param network    the name of the step's network ("main" for the front matter's network:)
 * @param document   the step's network and batch
 * @param stepId     the step of the app's step list to show (see {@link org.backprop.workbench.steps.Steps}), or null to leave it as it is
 * @param highlights entries or matrices to highlight
 * @param mistake    the deliberate mistake in force (NONE for correct backprop)
 * @param epsilon    ε of the numerical checks (the step h of the difference method)
 * @param method     how the numerical checks estimate derivatives (central differences unless a lesson says otherwise)
 * @param notation   how weights are displayed
 * @param view       the view to bring to the front
 * @param claims     what the engine is claimed to find in this state, checked by the validator
 * @param quiz       a number to ask for, if any
 * @param prediction a "which check fails first?" question, if any
 * @param derive     an entry whose chain-rule derivation the step opens ({@code @derive delta1[0,2]}), or null
 */
public record LessonStep(int number, String title, int line, Prose prose, String network, NetworkDocument document,
                         String stepId, List<Quantity> highlights,
                         Mistake mistake, double epsilon, DifferenceMethod method, Notation notation, View view, List<Expectation> claims,
                         Quiz quiz, Prediction prediction, Quantity derive) {

    /** A claim with its line, for messages. */
    public record Expectation(int line, Claim claim) {
    }

    public LessonStep {
        highlights = List.copyOf(highlights);
        claims = List.copyOf(claims);
    }

    public Optional<String> step() { return Optional.ofNullable(stepId); }

    public Optional<Quiz> quizQuestion() { return Optional.ofNullable(quiz); }

    public Optional<Prediction> predictionQuestion() { return Optional.ofNullable(prediction); }

    /** The entry the step derives, if any. */
    public Optional<Quantity> deriveEntry() { return Optional.ofNullable(derive); }
}
