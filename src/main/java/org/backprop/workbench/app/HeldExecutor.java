package org.backprop.workbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * An executor that holds its tasks until {@link #release()}, then passes them, and every later one, to another in
 * the order they came. The app holds the model's first analysis until the window's first pulse: the window paints
 * before any check runs, and the start-up of the window does not share the CPU with the checks.
 */
final class HeldExecutor implements Executor {
    private final Executor target;
    private List<Runnable> held = new ArrayList<>();

    /** @param target where the tasks run once released ({@code null} not permitted) */
    HeldExecutor(Executor target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            if (held != null) {
                held.add(task);
                return;
            }
        }
        target.execute(task);
    }

    /** Passes the held tasks on, in order; later tasks go straight through. Calling it again does nothing. */
    void release() {
        List<Runnable> tasks;
        synchronized (this) {
            tasks = held;
            held = null;
        }
        if (tasks != null) {
            tasks.forEach(target::execute);
        }
    }

    /** True until {@link #release()}. */
    synchronized boolean holding() {
        return held != null;
    }
}
