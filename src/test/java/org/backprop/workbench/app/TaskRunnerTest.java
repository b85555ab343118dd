package org.backprop.workbench.app;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
    private TaskRunner runner;

    @BeforeEach
    void create() throws Exception {
        runner = WaitForAsyncUtils.asyncFx(TaskRunner::new).get();
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(runner::shutdown).get();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Work that runs until it is cancelled, the way the engine's checks poll CheckProgress. */
    private static TaskRunner.Work<String> endless(CountDownLatch started) {
        return progress -> {
            started.countDown();
            long i = 0;
            while (!progress.cancelled()) {
                progress.advanced(++i % 100, 100);
                Thread.onSpinWait();
            }
            throw new CancellationException("stopped");
        };
    }

    @Test
    void cancelStopsALongTaskAndClearsBusy() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        Task<String> task = fx(() -> runner.run("long", "A long task", endless(started), result::set));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertTrue(fx(runner::isBusy));
        fx(() -> {
            runner.cancel();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !runner.isBusy()));
        assertEquals(Worker.State.CANCELLED, fx(task::getState));
        assertNull(result.get(), "a cancelled task delivers nothing");
        assertTrue(fx(() -> runner.messageProperty().get()).startsWith("Cancelled"));
    }

    @Test
    void runReplacesThePendingTaskOfTheSameKeyOnly() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Task<String> other = fx(() -> runner.run("other", "Other", endless(started), s -> { }));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        CountDownLatch firstStarted = new CountDownLatch(1);
        Task<String> first = fx(() -> runner.run("sweep", "First", endless(firstStarted), s -> { }));
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        AtomicReference<String> second = new AtomicReference<>();
        fx(() -> runner.run("sweep", "Second", p -> "done", second::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "done".equals(second.get()));
        assertEquals(Worker.State.CANCELLED, fx(first::getState));
        assertEquals(Worker.State.RUNNING, fx(other::getState));
        assertTrue(fx(runner::isBusy), "the other key still runs");
        fx(() -> {
            runner.cancel("other");
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !runner.isBusy()));
        assertFalse(fx(() -> runner.isRunning("other")));
    }

    @Test
    void aFailureIsReportedInTheStatusLine() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        fx(() -> {
            runner.setErrorHandler(error::set);
            return runner.run("bad", "Bad work", p -> {
                throw new IllegalStateException("broken input");
            }, s -> { });
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> error.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("broken input", error.get().getMessage());
        assertTrue(fx(() -> runner.messageProperty().get()).contains("broken input"));
    }

    @Test
    void replacedTasksLeaveNoStaleLineOnceTheLatestIsDone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        org.backprop.workbench.app.panels.TaskStatusBar bar =
                fx(() -> new org.backprop.workbench.app.panels.TaskStatusBar(runner));
        fx(() -> runner.run("sweep", "ε sweep of δ²[0, 0]", endless(started), result::set));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        fx(() -> {
            // three quick selections: the first is running, the second is replaced before it starts
            runner.run("sweep", "ε sweep of δ²[0, 1]", p -> "never", result::set);
            return runner.run("sweep", "ε sweep of δ²[1, 0]", p -> "latest", result::set);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !runner.isBusy()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("latest", result.get());
        assertEquals("", fx(() -> runner.messageProperty().get()));
        assertEquals(org.backprop.workbench.app.panels.TaskStatusBar.ready(), fx(bar::text));
        assertFalse(fx(bar::isBusy));
    }
}
