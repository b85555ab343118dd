package org.backprop.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs FX-thread work that makes many nodes one piece per frame, so that the FX thread is never busy for long at a
 * time. A piece posted here runs on the FX thread, in the order posted, right after a pulse; and the pulse after a
 * piece is left to the CSS and layout of the nodes it made, so no two pieces (nor a piece and the styling of the
 * last one's nodes) share the time between two pulses.
 *
 * <p>Why: opening the 784-128-64-10 network made the builder's new spinners and combo boxes (~65–90 ms of CSS in
 * the next pulse) and then, in the same interval, the step view's first build of the traces (~70 ms): one interval of
 * 150–200 ms of FX-thread CPU (PulseLatencyBenchmark, docs/NUMERICS.md). Posted here they are apart: each interval
 * holds one of them and at most the styling of the one before.
 *
 * <p>Each piece waits at most two frames behind the one before it; the queue asks for pulses only while it holds
 * work (an {@link AnimationTimer} runs while it is not empty). Work that makes no nodes (a progress report) does not
 * belong here: it would take a frame of its own.
 */
final class PulseQueue implements Executor {
    /** The app's one queue: the model's publications and the builder's pieces share it, so they take turns. */
    private static final PulseQueue FX = new PulseQueue();

    private final Queue<Runnable> pieces = new ArrayDeque<>();
    /** True in the pulse after a piece ran: that pulse styles and lays out what it made. */
    private boolean settling;
    private boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    /** The app's queue. */
    static PulseQueue fx() {
        return FX;
    }

    /** Posts a piece of work; it runs on the FX thread after a pulse. Safe to call from any thread. */
    @Override
    public void execute(Runnable piece) {
        Objects.requireNonNull(piece, "piece");
        synchronized (pieces) {
            pieces.add(piece);
        }
        // the timer is started and stopped on the FX thread only
        Platform.runLater(this::start);
    }

    private void start() {
        if (!running) {
            running = true;
            timer.start();
        }
    }

    /**
     * True (on the FX thread) while a piece waits or the nodes of the last one are styled: other work spread over
     * frames (the builder's {@link MatrixEditor} fields) waits too, so that it does not add to such a frame.
     */
    boolean occupied() {
        synchronized (pieces) {
            return settling || !pieces.isEmpty();
        }
    }

    /** At the start of a pulse (its animation phase): lets one piece run once this pulse is done, unless settling. */
    private void pulse() {
        if (settling) {
            settling = false;
            return;
        }
        Runnable piece;
        synchronized (pieces) {
            piece = pieces.poll();
        }
        if (piece == null) {
            timer.stop();
            running = false;
            return;
        }
        settling = true;
        // runLater from the animation phase runs after this pulse's CSS, layout and render
        Platform.runLater(piece);
    }
}
