package org.backprop.workbench.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.DirectionalCheck;
import org.backprop.workbench.check.DirectionalCheck.Localisation;
import org.backprop.workbench.check.DirectionalCheck.Localised;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Check ▸ Quick check (directional): the directional check of the shown network with its bisection
 * ({@link DirectionalCheck#localise}), a few cost evaluations where checking every number needs two per parameter.
 * It runs on the {@link TaskRunner} (progress and Cancel in the status bar) and its result belongs to the forward and
 * backward pass it checked: the next recomputation (an edit, another mistake, ε, F9) drops it. While it is shown,
 * the step list marks the blocks ∂C/∂b^l (BP3) and ∂C/∂w^l (BP4) by their own directional checks, the diagram marks
 * the entries it names, and the status line says how many cost evaluations it took.
 */
public final class QuickCheck {
    /** The seed of the directions: the CLI's default {@code --seed}, so the app and {@code --mode directional} agree. */
    public static final long SEED = 1;

    /** The runner key: a new quick check replaces a running one. */
    public static final String TASK_KEY = "quick-check";

    private final WorkbenchModel model;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Localisation> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** The forward pass whose gradients {@link #result} (or the running check) checked. */
    private ForwardTrace source;
    /** Asked for while the model still computed the forward and backward pass of a change: runs once it is shown. */
    private boolean waiting;

    /**
     * @param model  the window's state: its analysis is what is checked ({@code null} not permitted)
     * @param runner where the check runs ({@code null} not permitted)
     */
    public QuickCheck(WorkbenchModel model, TaskRunner runner) {
        this.model = model;
        this.runner = runner;
        model.analysisProperty().addListener((o, was, now) -> {
            if (source != null && (now == null || now.forward() != source)) {
                forget();
            }
        });
        model.tracesPendingProperty().addListener((o, was, pending) -> {
            if (!pending && waiting) {
                waiting = false;
                run();
            }
        });
        org.backprop.workbench.app.panels.Relabel.follow(this, QuickCheck::resummarise);
    }

    /**
     * Runs the quick check on the shown forward and backward pass, or, while the model computes the pass of a change,
     * on that pass once it is shown. The exhaustive checks, if still running, are cancelled first: on two cores they
     * would take the time the quick check is meant to save.
     */
    public void run() {
        forget();
        Analysis an = model.getAnalysis();
        if (model.tracesPendingProperty().get() || an == null) {
            // the analysis shown is about to be replaced: check the one the user just asked for, not this one
            waiting = true;
            return;
        }
        model.cancelChecks();
        ForwardTrace forward = an.forward();
        source = forward;
        DifferenceMethod method = model.methodProperty().get();
        double epsilon = an.epsilon();
        runner.run(TASK_KEY, Messages.get("quickCheck.title"), progress -> {
            DirectionalCheck check = new DirectionalCheck(an.network(), an.batch(), forward, an.backward(), method,
                    epsilon, Precision.DOUBLE, SEED);
            return check.localise(new CheckProgress() {
                @Override
                public void advanced(long done, long total) {
                    progress.advanced(done, total);
                    progress.message(Messages.get("quickCheck.progress", check.evaluations()));
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            });
        }, loc -> {
            if (source == forward) {
                result.set(loc);
                resummarise();
            }
        });
    }

    /** Drops the shown result and stops a running (or waiting) check. */
    public void forget() {
        source = null;
        waiting = false;
        runner.cancel(TASK_KEY);
        result.set(null);
        summary.set("");
    }

    /** The result of the last quick check of the shown pass, or null (none run, or a newer pass replaced it). */
    public ReadOnlyObjectProperty<Localisation> resultProperty() { return result.getReadOnlyProperty(); }

    /**
     * What the status line says of the result, e.g. "Quick check: FAIL in BP4 ∂C/∂w² · 38 cost evaluations
     * (every number one by one: 34)"; empty without a result.
     */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** The quick check's verdict of a step's block: present for the ∂C/∂b^l and ∂C/∂w^l steps while a result is shown. */
    public static Optional<org.backprop.workbench.check.Verdict> verdictOf(Localisation loc, Step s) {
        if (loc == null || (s.kind() != StepKind.GRAD_B && s.kind() != StepKind.GRAD_W)) {
            return Optional.empty();
        }
        Formula f = s.kind() == StepKind.GRAD_B ? Formula.BP3 : Formula.BP4;
        return loc.in(f, s.layer()).isEmpty() ? loc.verdictOf(f, s.layer())
                : Optional.of(org.backprop.workbench.check.Verdict.FAIL);
    }

    private void resummarise() {
        Localisation loc = result.get();
        if (loc == null) {
            summary.set("");
            return;
        }
        // PASS / FAIL in capitals, as the step view's verdict; 通过 / 失败 in Chinese
        String verdict = org.backprop.workbench.app.panels.Names.verdict(loc.verdict()).toUpperCase(Messages.locale());
        String where = loc.localised().isEmpty() ? verdict
                : Messages.get("quickCheck.failIn", verdict, loc.localised().stream().map(QuickCheck::name)
                .collect(Collectors.joining(", ")));
        summary.set(Messages.get("quickCheck.summary", where, loc.evaluations(), loc.exhaustive()));
    }

    /** "BP4 ∂C/∂w²" for a block, "BP3 ∂C/∂b¹[2]" for an entry. */
    static String name(Localised x) {
        Step step = new Step(x.formula() == Formula.BP3 ? "gradB" : "gradW",
                x.formula() == Formula.BP3 ? StepKind.GRAD_B : StepKind.GRAD_W, x.layer(), x.layer());
        String symbol = step.label().replace("  (" + x.formula().name() + ")", "");
        return x.formula().name() + " " + symbol + (x.index() == null ? "" : Arrays.toString(x.index()));
    }

    /** The named entries of the quick check in a block (none for a block named as a whole). */
    static List<int[]> entries(Localisation loc, Formula formula, int layer) {
        return loc.in(formula, layer).stream().map(Localised::index).filter(java.util.Objects::nonNull).toList();
    }
}
