package org.backprop.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pulse queue: pieces on the FX thread, in order, each after a pulse and with a pulse of its own after it. */
@ExtendWith(ApplicationExtension.class)
class PulseQueueTest {
    private final PulseQueue queue = new PulseQueue();
    /** Pulses seen so far (an animation timer counts them; it also keeps the pulses coming). */
    private final long[] pulses = {0};
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses[0]++;
        }
    };

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        counter.start();
    }

    @AfterEach
    void stop() {
        fx(counter::stop);
    }

    /** What a piece saw when it ran. */
    private record Ran(String name, long pulse, boolean onFxThread) {
    }

    @Test
    void piecesPostedFromAnyThreadRunOnTheFxThreadInOrderWithAPulseBetweenEach() throws InterruptedException {
        List<Ran> ran = Collections.synchronizedList(new ArrayList<>());
        Thread poster = new Thread(() -> {
            for (String name : List.of("builder", "traces", "checks")) {
                queue.execute(() -> ran.add(new Ran(name, pulses[0], Platform.isFxApplicationThread())));
            }
        });
        poster.start();
        poster.join();
        waitUntil(() -> ran.size() == 3);

        assertEquals(List.of("builder", "traces", "checks"), ran.stream().map(Ran::name).toList());
        assertTrue(ran.stream().allMatch(Ran::onFxThread));
        for (int i = 1; i < ran.size(); i++) {
            // the pulse after a piece styles its nodes; the next piece runs after the pulse after that
            assertTrue(ran.get(i).pulse() - ran.get(i - 1).pulse() >= 2,
                    "pulses between pieces: " + ran);
        }
    }

    @Test
    void itIsOccupiedWhileAPieceWaitsAndThePulseAfterItThenFree() {
        boolean[] during = new boolean[1];
        fx(() -> {
            queue.execute(() -> during[0] = queue.occupied());
            assertTrue(queue.occupied(), "a piece waits");
        });
        waitUntil(() -> !queue.occupied());
        assertTrue(during[0], "while a piece runs, its settling pulse is still to come");
        assertFalse(fx(queue::occupied));
    }
}
