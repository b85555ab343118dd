package org.backprop.workbench.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldExecutorTest {
    @Test
    void holdsTasksUntilReleasedThenRunsThemInOrderAndLaterOnesAtOnce() {
        List<String> ran = new ArrayList<>();
        HeldExecutor held = new HeldExecutor(Runnable::run);
        held.execute(() -> ran.add("first"));
        held.execute(() -> ran.add("second"));
        assertEquals(List.of(), ran);
        assertTrue(held.holding());

        held.release();
        assertEquals(List.of("first", "second"), ran);
        assertFalse(held.holding());

        held.execute(() -> ran.add("third"));
        held.release();   // a second release passes nothing twice
        assertEquals(List.of("first", "second", "third"), ran);
    }
}
