package org.backprop.workbench.app;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.backprop.workbench.check.CheckProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one place where long work (checks of large networks, ε sweeps, training) leaves the FX thread.
 *
 * <p>Work is submitted under a key. {@link #run} is latest-wins: it cancels whatever is pending under the same key
 * (a new ε sweep replaces the old one, the analysis of the newest edit replaces the analysis of the previous one)
 * and leaves the other keys alone (training goes on while the ε plot is redrawn). {@link #enqueue} queues behind.
 * A result is delivered on the FX thread only if its task was neither cancelled nor replaced.
 *
 * <p>The busy, progress and message properties follow the most recently started task and are meant for a
 * status bar ({@link org.backprop.workbench.app.panels.TaskStatusBar}). All public methods are called on the FX
 * thread.
 */
public final class TaskRunner {
    /**
     * Two workers: one for a long job (training, a large check) and one so that a short job (the ε sweep of one
     * number) is not stuck behind it. Only two cores are assumed; more workers would only contend.
     */
    public static final int WORKERS = 2;

    /** What a piece of work sees of its task: progress, a status message and whether it should stop. */
    public interface Progress extends CheckProgress {
        /** A short status line, e.g. "step 120 of 500". */
        void message(String text);

        /** Progress of an amount of work whose total is not known. */
        default void indeterminate() {
            advanced(-1, 1);
        }
    }

    /** Long work: returns a result, polls {@link Progress#cancelled()} and reports progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final ExecutorService executor;
    private final List<Job<?>> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Job<?> shown;
    private Consumer<Throwable> errorHandler = e -> { };
    private ErrorLog errorLog;

    public TaskRunner() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "workbench-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs work in the background, cancelling anything pending under the same key first.
     *
     * @param key       what the work is for, e.g. "analysis", "epsilon-sweep" ({@code null} not permitted)
     * @param title     shown in the status bar, e.g. "ε sweep of δ^2[0, 1]"
     * @param onSuccess called on the FX thread with the result, unless the task was cancelled or replaced
     */
    public <T> Task<T> run(String key, String title, Work<T> work, Consumer<? super T> onSuccess) {
        Objects.requireNonNull(key, "key");
        for (Job<?> job : List.copyOf(pending)) {
            if (job.key.equals(key)) {
                job.cancel();
            }
        }
        return enqueue(key, title, work, onSuccess);
    }

    /** Runs work in the background after what is already pending, without cancelling anything. */
    public <T> Task<T> enqueue(String key, String title, Work<T> work, Consumer<? super T> onSuccess) {
        Job<T> job = new Job<>(key, title, work);
        pending.add(job);
        busy.set(true);
        if (shown == null) {
            // until a worker picks it up, say what is waiting rather than how the previous task ended
            progress.unbind();
            message.unbind();
            progress.set(-1);
            message.set(org.backprop.workbench.i18n.Messages.get("task.running", title));
        }
        job.setOnRunning(e -> show(job));
        job.setOnSucceeded(e -> {
            // a finished task leaves the status line empty: most tasks are quick recomputations nobody waits for
            finished(job, "");
            onSuccess.accept(job.getValue());
        });
        job.setOnCancelled(e -> finished(job, org.backprop.workbench.i18n.Messages.get("task.cancelled", title)));
        job.setOnFailed(e -> {
            Throwable error = job.getException();
            String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            String line = org.backprop.workbench.i18n.Messages.get("error.taskFailed", title, why);
            finished(job, errorLog == null ? line : errorLog.log(line, error));
            errorHandler.accept(error);
        });
        executor.execute(job);
        return job;
    }

    /** Cancels every pending and running task. */
    public void cancel() {
        for (Job<?> job : List.copyOf(pending)) {
            job.cancel();
        }
    }

    /** Cancels the pending and running tasks of one key. */
    public void cancel(String key) {
        for (Job<?> job : List.copyOf(pending)) {
            if (job.key.equals(key)) {
                job.cancel();
            }
        }
    }

    /** True while a task of this key is pending or running. */
    public boolean isRunning(String key) {
        return pending.stream().anyMatch(j -> j.key.equals(key));
    }

    /** Called on the FX thread with the exception of every failed task (besides the status message). */
    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Logs the stack trace of every failed task to {@code log}; the status line then ends with where the log is.
     * Without a log ({@code null}) only the status line says what failed.
     */
    public void setErrorLog(ErrorLog log) {
        this.errorLog = log;
    }

    /** Stops the workers; running tasks are cancelled. */
    public void shutdown() {
        cancel();
        executor.shutdownNow();
    }

    /** True while any task is pending or running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public boolean isBusy() { return busy.get(); }

    /** Progress of the task shown: 0..1, or −1 if its total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** The status line: the title and message of the task shown, or how the last one ended. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    private void show(Job<?> job) {
        if (!pending.contains(job)) {
            return;   // cancelled before its running event arrived: showing it would leave a stale line
        }
        shown = job;
        progress.unbind();
        progress.bind(job.progressProperty());
        message.unbind();
        message.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> job.getMessage() == null || job.getMessage().isEmpty()
                        ? job.title + "…" : job.title + " — " + job.getMessage(),
                job.messageProperty()));
    }

    private void finished(Job<?> job, String status) {
        pending.remove(job);
        busy.set(!pending.isEmpty());
        if (shown == job || shown == null || pending.isEmpty()) {
            shown = null;
            progress.unbind();
            message.unbind();
            Job<?> next = pending.stream().filter(j -> j.getState() == Worker.State.RUNNING).findFirst().orElse(null);
            if (next != null) {
                show(next);
            } else if (!pending.isEmpty()) {
                progress.set(-1);
                message.set(pending.get(0).title + "…");
            } else {
                progress.set(0);
                message.set(status);
            }
        }
    }

    /** A task that exposes its progress updates to the work it runs. */
    private static final class Job<T> extends Task<T> {
        final String key;
        final String title;
        private final Work<T> work;

        Job(String key, String title, Work<T> work) {
            this.key = key;
            this.title = title;
            this.work = work;
            updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            // Task has its own cancelled() hook, so the work sees the task through this view
            return work.run(new Progress() {
                @Override
                public void advanced(long done, long total) {
                    updateProgress(done, total);
                }

                @Override
                public boolean cancelled() {
                    return isCancelled();
                }

                @Override
                public void message(String text) {
                    updateMessage(text);
                }
            });
        }
    }
}
