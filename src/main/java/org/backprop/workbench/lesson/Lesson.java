package org.backprop.workbench.lesson;

import org.backprop.workbench.io.NetworkDocument;

import java.util.List;

/**
 * A guided walk through backprop: a network and the steps that lead through it (see {@code lessons/README.md} for
 * the file format).
 *
 * @param file     the file's name as the user gave it, for messages
 * @param title    the lesson's title
 * @param summary  one sentence saying what the lesson teaches (may be empty)
 * @param document the network and the batch it runs on
 * @param steps    at least one
 */
public record Lesson(String file, String title, String summary, NetworkDocument document, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }

    /** Step k, 1-based. */
    public LessonStep step(int k) {
        return steps.get(k - 1);
    }

    public int size() {
        return steps.size();
    }
}
