package org.backprop.workbench.app;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.NotAnalyticException;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.Steps;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The state of the workbench window as properties; views bind to them and change them only through the writable
 * properties and the methods here.
 *
 * <p>Every change of the document, the mistake or ε recomputes the analysis (forward, backward, every check) on a
 * background thread. The latest change wins: an older computation still running is cancelled and its result
 * dropped, so the window never waits and never shows a stale analysis after a newer one. Forward and backward are
 * published first (with no checks yet, {@link #checkingProperty()} true), then the whole analysis with its checks.
 */
public final class WorkbenchModel {
    /**
     * Body font size in px at zoom 1: one more than AtlantaFX's 14, for a classroom; every em-sized control scales
     * with it.
     */
    public static final double BASE_FONT = 15;
    /** Smallest zoom: half size still reads on a laptop. */
    public static final double MIN_ZOOM = 0.5;
    /** Largest zoom: three times fills a projector with one formula. */
    public static final double MAX_ZOOM = 3.0;
    /** Factor of one Ctrl+= / Ctrl+- step; seven steps double the size. */
    public static final double ZOOM_STEP = 1.1;
    /**
     * Threads of the checks: one fewer than the cores, so that the FX thread keeps a core while a large network is
     * checked (at least one).
     */
    public static final int CHECK_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /**
     * The status line after the user cancelled the checks: what is still shown and how to run them again (in the
     * current language).
     */
    public static String checksCancelledMessage() {
        return org.backprop.workbench.i18n.Messages.get("model.checksCancelled");
    }

    /** The cancellation notice as it was said, so that the next checks take back that very text. */
    private String cancelledNotice;

    /** Undo depth; each entry is a whole document, small for the networks the builder makes. */
    public static final int UNDO_LIMIT = 100;

    private final ReadOnlyObjectWrapper<NetworkDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ObjectProperty<Mistake> mistake = new SimpleObjectProperty<>(this, "mistake", Mistake.NONE);
    private final ReadOnlyObjectWrapper<WorkbenchView> selectedView =
            new ReadOnlyObjectWrapper<>(this, "selectedView", WorkbenchView.STEP);
    private final DoubleProperty epsilon = new SimpleDoubleProperty(this, "epsilon", Thresholds.DEFAULT_EPSILON);
    private final ObjectProperty<DifferenceMethod> method =
            new SimpleObjectProperty<>(this, "method", DifferenceMethod.CENTRAL);
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyBooleanWrapper tracesPending = new ReadOnlyBooleanWrapper(this, "tracesPending");
    private final ReadOnlyObjectWrapper<List<Step>> steps = new ReadOnlyObjectWrapper<>(this, "steps", List.of());
    private final StringProperty currentStepId = new SimpleStringProperty(this, "currentStepId", "delta2");
    private final ReadOnlyObjectWrapper<Step> currentStep = new ReadOnlyObjectWrapper<>(this, "currentStep");
    private final ObjectProperty<CheckResult> selectedCheck = new SimpleObjectProperty<>(this, "selectedCheck");
    private final ObjectProperty<org.backprop.workbench.lesson.Quantity> deriveEntry =
            new SimpleObjectProperty<>(this, "deriveEntry");
    private final ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntry =
            new SimpleObjectProperty<>(this, "hiddenEntry");
    private final ObjectProperty<Notation> notation = new SimpleObjectProperty<>(this, "notation", Notation.NOTE);
    private volatile ErrorLog errorLog;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyBooleanWrapper checksCancelled = new ReadOnlyBooleanWrapper(this, "checksCancelled");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    private final Deque<NetworkDocument> undo = new ArrayDeque<>();
    private final Deque<NetworkDocument> redo = new ArrayDeque<>();
    private final AtomicLong generation = new AtomicLong();
    /** The generation whose checks the user cancelled (its forward and backward stay shown). */
    private final AtomicLong cancelledGeneration = new AtomicLong(-1);
    private final Executor background;
    private final Executor ui;
    private final Executor progressUi;

    /**
     * A model on the default network, recomputing on a daemon thread and publishing on the FX thread one piece per
     * frame ({@link PulseQueue}), as in the app.
     */
    public WorkbenchModel() {
        this(DefaultNetwork.load(), newWorker(), PulseQueue.fx(), Platform::runLater);
    }

    /**
     * @param initial    the first document ({@code null} not permitted)
     * @param background runs the recomputations, one at a time
     * @param ui         runs the publication of results and the progress reports, in order (the FX thread)
     */
    public WorkbenchModel(NetworkDocument initial, Executor background, Executor ui) {
        this(initial, background, ui, ui);
    }

    /**
     * @param initial    the first document ({@code null} not permitted)
     * @param background runs the recomputations, one at a time
     * @param ui         runs the publication of results, in order (in the app the {@link PulseQueue}: a result
     *                   makes many nodes)
     * @param progressUi runs the progress reports, which make none (in the app {@code Platform::runLater}); a report
     *                   that comes before its computation's traces are published is dropped (a later one shows)
     */
    public WorkbenchModel(NetworkDocument initial, Executor background, Executor ui, Executor progressUi) {
        this.background = background;
        this.ui = ui;
        this.progressUi = progressUi;
        document.set(initial);
        zoom.addListener((obs, old, value) -> {
            double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value.doubleValue()));
            if (clamped != value.doubleValue()) {
                zoom.set(clamped);
            }
        });
        document.addListener((obs, old, doc) -> recompute());
        mistake.addListener((obs, old, value) -> recompute());
        epsilon.addListener((obs, old, value) -> recompute());
        method.addListener((obs, old, value) -> {
            double before = epsilon.get();
            epsilon.set(value.defaultStep());   // each method has its own best step
            if (before == value.defaultStep()) {
                recompute();
            }
        });
        currentStepId.addListener((obs, old, id) -> updateCurrentStep());
        steps.addListener((obs, old, list) -> updateCurrentStep());
        recompute();
    }

    /** The model's background thread: one daemon thread, so that one computation runs at a time. */
    static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "workbench-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    // ---- recomputation ----

    private void recompute() {
        long gen = generation.incrementAndGet();
        NetworkDocument doc = document.get();
        Mistake m = mistake.get() == null ? Mistake.NONE : mistake.get();
        double eps = epsilon.get();
        DifferenceMethod how = method.get();
        steps.set(Steps.of(doc.network()));
        busy.set(true);
        tracesPending.set(true);
        progress.set(-1);
        progressMessage.set(org.backprop.workbench.i18n.Messages.get("model.computing"));
        checksCancelled.set(false);
        if (cancelledNotice != null && cancelledNotice.equals(message.get())) {
            say("");   // no longer true: these checks run
        }
        background.execute(() -> run(gen, doc, m, how, eps));
    }

    private void run(long gen, NetworkDocument doc, Mistake m, DifferenceMethod how, double eps) {
        if (gen != generation.get()) {
            return;
        }
        try {
            Backprop backprop = new Backprop(m);
            ForwardTrace forward = Forward.run(doc.network(), doc.batch());
            BackwardTrace backward = backprop.run(doc.network(), forward, doc.batch());
            Analysis traces = new Analysis(doc.network(), doc.batch(), m, eps, forward, backward, List.of());
            long count = FastGradientCheck.count(doc.network(), doc.batch().size(), CheckOptions.of(how).mode());
            ui.execute(() -> {
                publish(gen, traces, true);
                if (gen == generation.get()) {
                    progress.set(0);
                    progressMessage.set(checkingMessage(count, 0));
                }
            });
            AtomicLong largestDone = new AtomicLong();
            // at most one progress update waits for the FX thread: a big network reports ~870 times, and when each
            // was a runLater of its own they queued up behind a busy FX thread and ran as one long stretch with no
            // pulse between them (1.6 s of FX-thread CPU at load 12, PulseLatencyBenchmark)
            AtomicBoolean progressPosted = new AtomicBoolean();
            CheckProgress adapter = new CheckProgress() {
                @Override
                public void advanced(long done, long total) {
                    // reports come from several worker threads, slightly out of order: keep the largest
                    largestDone.accumulateAndGet(done, Math::max);
                    if (!progressPosted.compareAndSet(false, true)) {
                        return;   // the update already waiting will show this report's count too
                    }
                    progressUi.execute(() -> {
                        progressPosted.set(false);
                        long most = largestDone.get();
                        if (gen == generation.get() && busy.get() && !tracesPending.get()) {
                            double fraction = total == 0 ? 1 : (double) most / total;
                            progress.set(fraction);
                            progressMessage.set(checkingMessage(total, fraction));
                        }
                    });
                }

                @Override
                public boolean cancelled() {
                    return gen != generation.get() || gen == cancelledGeneration.get();
                }
            };
            CheckOptions options = CheckOptions.of(how).withEpsilon(eps).withThreads(CHECK_THREADS);
            var checks = new FastGradientCheck(options).run(doc.network(), doc.batch(), forward, backward, adapter);
            // with the method, precision and mode of the checks: the step view and the exported report name them
            Analysis full = new Analysis(doc.network(), doc.batch(), m, eps, forward, backward, checks,
                    options.method(), options.precision(), options.mode());
            // the groups by formula and layer and their summaries, here rather than on the FX thread, where the
            // step list, the step view, the diagram and the table ask for them as the analysis arrives
            full.summary();
            ui.execute(() -> publish(gen, full, false));
        } catch (CancellationException e) {
            // either a newer change is being computed (it publishes) or the user cancelled these checks
            ui.execute(() -> {
                if (gen == generation.get() && gen == cancelledGeneration.get()) {
                    busy.set(false);
                    checking.set(false);
                    progress.set(0);
                    progressMessage.set("");
                    checksCancelled.set(true);
                    cancelledNotice = checksCancelledMessage();
                    say(cancelledNotice);
                }
            });
        } catch (NotAnalyticException e) {
            fail(gen, e.getMessage());
        } catch (RuntimeException e) {
            ui.execute(() -> {
                if (gen == generation.get()) {
                    busy.set(false);
                    tracesPending.set(false);
                    progressMessage.set("");
                    String line = org.backprop.workbench.i18n.Messages.get("error.compute", e.getMessage());
                    ErrorLog log = errorLog;
                    complain(log == null ? line : log.log(line, e));
                }
            });
        }
    }

    /** "Checking 111,002 numbers… 40 %": what the status bar says while the checks run. */
    static String checkingMessage(long total, double fraction) {
        return org.backprop.workbench.i18n.Messages.get("model.checkingNumbers", total,
                (int) Math.floor(100 * Math.max(0, Math.min(1, fraction))));
    }

    /**
     * Stops the running numerical checks (Cancel or Esc in the status bar). Forward and backward stay shown; the
     * checks stay empty and {@link #checksCancelledProperty()} true until {@link #rerunChecks()} or the next change.
     */
    public void cancelChecks() {
        if (busy.get()) {
            cancelledGeneration.set(generation.get());
        }
    }

    /** Runs forward, backward and every check again on the current document (Check ▸ Run checks again). */
    public void rerunChecks() {
        say("");
        recompute();
    }

    private void fail(long gen, String text) {
        ui.execute(() -> {
            if (gen == generation.get()) {
                busy.set(false);
                checking.set(false);
                tracesPending.set(false);
                progressMessage.set("");
                complain(text);
            }
        });
    }

    private void publish(long gen, Analysis result, boolean stillChecking) {
        if (gen != generation.get()) {
            return;
        }
        CheckResult selected = selectedCheck.get();
        analysis.set(result);
        checking.set(stillChecking);
        tracesPending.set(false);
        if (!stillChecking) {
            busy.set(false);
            progress.set(1);
            progressMessage.set("");
            if (selected != null) {
                selectedCheck.set(result.checks().stream()
                        .filter(c -> c.formula() == selected.formula() && c.layer() == selected.layer()
                                && Arrays.equals(c.index(), selected.index()))
                        .findFirst().orElse(null));
            }
        }
    }

    private void updateCurrentStep() {
        List<Step> list = steps.get();
        String id = currentStepId.get();
        Optional<Step> found = list.stream().filter(s -> s.id().equals(id)).findFirst();
        if (found.isPresent()) {
            currentStep.set(found.get());
        } else if (!list.isEmpty()) {
            // the network lost that layer: keep the same kind of step on the nearest layer, else the first step
            Step fallback = list.stream().filter(s -> id != null && s.id().replaceAll("\\d", "")
                    .equals(id.replaceAll("\\d", ""))).findFirst().orElse(list.get(0));
            currentStepId.set(fallback.id());
        }
    }

    // ---- edits ----

    /**
     * Applies an edit to the document. An edit the engine refuses (an exception, or a document the file reader
     * would reject, such as cross-entropy on a sigmoid output) leaves the document as it was and puts the
     * engine's message into {@link #messageProperty()}.
     *
     * @return true if the edit was applied
     */
    public boolean edit(UnaryOperator<NetworkDocument> change) {
        NetworkDocument before = document.get();
        NetworkDocument after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            complain(org.backprop.workbench.i18n.Messages.sayAgain(e.getMessage(), () -> refusal(change, before)));
            return false;
        }
        Optional<String> problem = Edits.problem(after);
        if (problem.isPresent()) {
            complain(org.backprop.workbench.i18n.Messages.sayAgain(problem.get(), () -> refusal(change, before)));
            return false;
        }
        undo.push(before);
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        say("");
        setDocument(after, true);
        return true;
    }

    /** Why {@code change} is refused, worded in the current language (the edit tried again after a switch). */
    private static String refusal(UnaryOperator<NetworkDocument> change, NetworkDocument before) {
        try {
            return Edits.problem(change.apply(before)).orElse("");
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return e.getMessage();
        }
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(document.get());
            setDocument(undo.pop(), true);
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(document.get());
            setDocument(redo.pop(), true);
        }
    }

    /** A document just opened (or a new one): no undo history, not dirty. */
    public void open(NetworkDocument doc, Path from) {
        undo.clear();
        redo.clear();
        file.set(from);
        say("");
        setDocument(doc, false);
        currentStepId.set("delta" + doc.network().depth());   // a newly opened network starts on BP1
    }

    /**
     * Puts back a document as it was before something replaced it (a lesson): its file and whether it had unsaved
     * changes; no undo history.
     */
    public void restore(NetworkDocument doc, Path from, boolean unsaved) {
        open(doc, from);
        dirty.set(unsaved);
    }

    /** The document was saved to {@code to}. */
    public void saved(Path to) {
        file.set(to);
        dirty.set(false);
    }

    private void setDocument(NetworkDocument doc, boolean changed) {
        document.set(doc);
        dirty.set(changed);
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /** Logs the stack trace of a computation that fails unexpectedly ({@code null}: the status line only). */
    public void setErrorLog(ErrorLog log) {
        this.errorLog = log;
    }

    /** Shows what just happened in the status line ("Saved net.json"). */
    public void say(String text) {
        say(() -> text);
    }

    /** As {@link #say(String)}, the text written again in the new language after a switch (View ▸ Language). */
    public void say(java.util.function.Supplier<String> text) {
        messageIsError.set(false);
        show(text);
    }

    /** Shows a problem in the status line and the builder (a refused edit, a number that is not one). */
    public void complain(String text) {
        complain(() -> text);
    }

    /** As {@link #complain(String)}, the text written again in the new language after a switch. */
    public void complain(java.util.function.Supplier<String> text) {
        messageIsError.set(true);
        show(text);
    }

    /** The status line's message, as a text that can be written again in another language. */
    private java.util.function.Supplier<String> messageText = () -> "";

    private void show(java.util.function.Supplier<String> text) {
        if (!relabels) {   // from the first message on, a language switch writes the shown one again
            relabels = true;
            org.backprop.workbench.app.panels.Relabel.follow(this, m -> m.message.set(m.messageText.get()));
        }
        messageText = text;
        message.set(text.get());
    }

    private boolean relabels;

    // ---- navigation and display ----

    /** Moves to the next step; false at the last. */
    public boolean next() {
        return move(1);
    }

    /** Moves to the previous step; false at the first. */
    public boolean back() {
        return move(-1);
    }

    private boolean move(int by) {
        List<Step> list = steps.get();
        int i = list.indexOf(currentStep.get());
        int j = i + by;
        if (i < 0 || j < 0 || j >= list.size()) {
            return false;
        }
        currentStepId.set(list.get(j).id());
        return true;
    }

    public void zoomIn() { zoom.set(zoom.get() * ZOOM_STEP); }

    public void zoomOut() { zoom.set(zoom.get() / ZOOM_STEP); }

    public void resetZoom() { zoom.set(1.0); }

    // ---- properties ----

    public ReadOnlyObjectProperty<NetworkDocument> documentProperty() { return document.getReadOnlyProperty(); }

    public NetworkDocument getDocument() { return document.get(); }

    public ObjectProperty<Mistake> mistakeProperty() { return mistake; }

    /** ε of the central differences; the view validates what the user types (positive, finite). */
    public DoubleProperty epsilonProperty() { return epsilon; }

    /** The numerical method of the checks; choosing one sets ε to its default step. */
    public ObjectProperty<DifferenceMethod> methodProperty() { return method; }

    /** The latest analysis; null until the first one is computed. Its checks are empty while {@link #checkingProperty()}. */
    public ReadOnlyObjectProperty<Analysis> analysisProperty() { return analysis.getReadOnlyProperty(); }

    public Analysis getAnalysis() { return analysis.get(); }

    /** True while forward and backward are shown but the numerical checks are still running. */
    public ReadOnlyBooleanProperty checkingProperty() { return checking.getReadOnlyProperty(); }

    /**
     * True from a change (of the document, the mistake, ε, the method, or F9) until its forward and backward pass is
     * published (or failed): meanwhile {@link #analysisProperty()} still shows the previous one.
     */
    public ReadOnlyBooleanProperty tracesPendingProperty() { return tracesPending.getReadOnlyProperty(); }

    /** The steps of the current network. */
    public ReadOnlyObjectProperty<List<Step>> stepsProperty() { return steps.getReadOnlyProperty(); }

    /** The id of the shown step (a contract id like "delta2"); set it to go to a step. */
    public StringProperty currentStepIdProperty() { return currentStepId; }

    public ReadOnlyObjectProperty<Step> currentStepProperty() { return currentStep.getReadOnlyProperty(); }

    public Step getCurrentStep() { return currentStep.get(); }

    /** The check selected in the check table, highlighted in the diagram and the matrices; may be null. */
    public ObjectProperty<CheckResult> selectedCheckProperty() { return selectedCheck; }

    /**
     * The entry the Derive view derives (it follows the selected check; a click on a forward step's result, a typed
     * entry or a lesson's {@code @derive} sets it); may be null.
     */
    public ObjectProperty<org.backprop.workbench.lesson.Quantity> deriveEntryProperty() { return deriveEntry; }

    public ObjectProperty<Notation> notationProperty() { return notation; }

    /**
     * An entry the views show as "?" (the step matrices, the diagram, the check table, Derive): a lesson's quiz asks
     * for it and has not revealed it yet; null for none.
     */
    public ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntryProperty() { return hiddenEntry; }

    /** Zoom factor of text, formulas and matrices, clamped to [MIN_ZOOM, MAX_ZOOM]. */
    public DoubleProperty zoomProperty() { return zoom; }

    /** The view in front in the tab pane; the window's tabs follow it and it follows them. */
    public ReadOnlyObjectProperty<WorkbenchView> selectedViewProperty() { return selectedView.getReadOnlyProperty(); }

    public WorkbenchView getSelectedView() { return selectedView.get(); }

    /** Brings a view to the front ({@code null} not permitted). */
    public void navigate(WorkbenchView view) {
        selectedView.set(java.util.Objects.requireNonNull(view, "view"));
    }

    public BooleanProperty darkThemeProperty() { return darkTheme; }

    /** The file the document was opened from or saved to; null for the default or a new network. */
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    /** True if the document has changes not yet saved. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** True while an analysis is being computed. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Progress of the checks, 0..1, or -1 when not known yet. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** What the running computation is doing, e.g. "Checking 111,002 numbers… 40 %"; empty when idle. */
    public ReadOnlyStringProperty progressMessageProperty() { return progressMessage.getReadOnlyProperty(); }

    /** True after the user cancelled the checks of the current document (forward and backward are shown). */
    public ReadOnlyBooleanProperty checksCancelledProperty() { return checksCancelled.getReadOnlyProperty(); }

    /** The last error or notice for the status line; empty if none. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** True if the message is a problem (shown in red), false if it only says what happened. */
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
}
